"""Programs HTTP API: build and assign, today, sessions, progress, caseload, alerts."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import generics, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import audit
from backend.accounts.api import PatientViewSet
from backend.accounts.models import User
from backend.accounts.permissions import IsClinicStaff, IsPatient, IsPhysio
from backend.api import StrictSerializer, request_language, request_user
from backend.programs import caseload, selectors, services
from backend.programs.models import Alert, Assignment, Program, Session
from backend.programs.precautions import (
    patient_precaution_codes,
    patient_precautions_set,
    precaution_choices,
)
from backend.programs.screening import screening_request, screening_state
from backend.programs.serializers import (
    AlertReviewSerializer,
    AlertSerializer,
    AssignmentInSerializer,
    AssignmentSerializer,
    ProgramInSerializer,
    ProgramSerializer,
    SessionInSerializer,
    SessionSerializer,
    TodayPage,
    TodaySerializer,
)
from backend.programs.services import SessionConflict, session_log
from backend.rawjson import EncodedCache, RawJSONRenderer
from exercises.safety_content import safety_for


class PatientPrecautionsInSerializer(StrictSerializer):
    codes = serializers.ListField(child=serializers.CharField(max_length=60), max_length=20)
    # Handed out with the codes (the precautions a physio may mark); sent back, ignored.
    choices = serializers.ListField(child=serializers.DictField(), read_only=True)


def _language_context(request: Request) -> dict[str, Any]:
    return {"request": request, "language": request_language(request)}


@extend_schema_view(
    partial_update=extend_schema(request=ProgramInSerializer, responses=ProgramSerializer)
)
class ProgramViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet[Program],
):
    """Programs of the caller's clinic. An update makes a new version."""

    serializer_class = ProgramSerializer

    def get_permissions(self) -> list[Any]:
        return [IsClinicStaff()] if self.action in {"list", "retrieve"} else [IsPhysio()]

    def get_queryset(self) -> QuerySet[Program]:
        language = request_language(self.request)
        return (
            selectors.programs_for(request_user(self.request))
            .select_related("current_version")
            .prefetch_related(
                Prefetch(
                    "current_version__items", queryset=selectors.program_items(language).queryset
                )
            )
        )

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "language": request_language(self.request)}

    @extend_schema(request=ProgramInSerializer, responses={201: ProgramSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = ProgramInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        program = services.program_create(actor=request_user(request), **body.validated_data)
        return Response(
            self.get_serializer(self.get_queryset().get(pk=program.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(request=ProgramInSerializer, responses={200: ProgramSerializer})
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        program = self.get_object()
        body = ProgramInSerializer(data=request.data, partial=kwargs.get("partial", False))
        body.is_valid(raise_exception=True)
        if "routine" in body.validated_data:
            raise ValidationError({"routine": [_("A routine can only start a new program.")]})
        services.program_revise(program, actor=request_user(request), **body.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=program.pk)).data)


class AssignmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet[Assignment],
):
    """Assignments: physios manage their patients'; a patient reads their own."""

    serializer_class = AssignmentSerializer

    def get_permissions(self) -> list[Any]:
        if self.action in {"list", "retrieve"}:
            return [IsAuthenticated()]
        return [IsPhysio()]

    def get_queryset(self) -> QuerySet[Assignment]:
        return (
            selectors.assignments_for(request_user(self.request))
            .select_related("program__current_version", "patient")
            .order_by("-start_date", "-pk")
        )

    @extend_schema(request=AssignmentInSerializer, responses={201: AssignmentSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = AssignmentInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        actor = request_user(request)
        program = selectors.programs_for(actor).filter(pk=data.pop("program")).first()
        if program is None:
            raise ValidationError({"program": [_("Choose a program of your clinic.")]})
        assignment = services.assignment_create(
            actor=actor, program=program, patient_id=data.pop("patient"), **data
        )
        return Response(AssignmentSerializer(assignment).data, status=status.HTTP_201_CREATED)

    def _transition(self, request: Request, change: Any) -> Response:
        assignment = self.get_object()
        today = selectors.local_today(assignment.patient)
        return Response(AssignmentSerializer(change(assignment, today=today)).data)

    @extend_schema(request=None, responses=AssignmentSerializer)
    @action(detail=True, methods=["post"])
    def pause(self, request: Request, pk: str) -> Response:
        return self._transition(request, services.assignment_pause)

    @extend_schema(request=None, responses=AssignmentSerializer)
    @action(detail=True, methods=["post"])
    def resume(self, request: Request, pk: str) -> Response:
        return self._transition(request, services.assignment_resume)

    @extend_schema(request=None, responses=AssignmentSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request: Request, pk: str) -> Response:
        return self._transition(request, services.assignment_end)


_ENCODED_EXERCISES = EncodedCache()


class TodayView(APIView):
    """Everything due today in the patient's time zone, in one response."""

    permission_classes = (IsPatient,)
    renderer_classes = (RawJSONRenderer,)

    @extend_schema(responses=TodaySerializer)
    def get(self, request: Request) -> Response:
        patient = request_user(request)
        language = request_language(request)
        day = selectors.today_for(patient, language)
        page = TodayPage(
            day=day,
            # The pain rule and red flags (the PWA applies them offline), and whether the
            # safety check must be answered before a session.
            safety=safety_for(language).as_document(),
            screening=screening_state(patient),
        )
        context = {
            **_language_context(request),
            "exercise_payloads": day.exercise_payloads,
            "encoded_exercises": _ENCODED_EXERCISES,
        }
        return Response(TodaySerializer(page, context=context).data)


class SessionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Session]
):
    serializer_class = SessionSerializer
    permission_classes = (IsPatient,)
    # The patient's own id for the session (client_id), never the row's key.
    lookup_field = "client_id"
    lookup_url_kwarg = "pk"

    def logged(self, session: Session) -> None:
        """What the apps above programs do once a session is logged (or sent again): the
        view routed at ``sessions/`` is ``messaging.api.SessionViewSet``, whose physios
        hear of the session's alerts."""

    def get_queryset(self) -> QuerySet[Session]:
        return (
            Session.objects.filter(patient_id=request_user(self.request).pk)
            .select_related("program_version")
            .prefetch_related("items__exercise")
            .order_by("-completed_at")
        )

    @extend_schema(
        request=SessionInSerializer,
        responses={201: SessionSerializer, 200: SessionSerializer, 409: None},
    )
    def create(self, request: Request) -> Response:
        patient = request_user(request)
        body = SessionInSerializer(data=request.data, context={"patient": patient})
        body.is_valid(raise_exception=True)
        try:
            session, created = session_log(patient=patient, data=body.validated_data)
        except SessionConflict:
            return Response(
                {"detail": _("A different session was already saved with this id.")},
                status=status.HTTP_409_CONFLICT,
            )
        self.logged(session)
        if not created:
            session = self.get_queryset().get(pk=session.pk)
        return Response(
            SessionSerializer(session, context={"language": request_language(request)}).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


PROGRESS_RESPONSE = inline_serializer(
    "Progress",
    {
        "adherence_overall": serializers.FloatField(allow_null=True),
        "streak": serializers.IntegerField(),
        "weeks": serializers.ListField(child=serializers.DictField()),
        "pain": serializers.ListField(child=serializers.DictField()),
        "difficulty": serializers.ListField(child=serializers.DictField()),
    },
)


class ProgressView(APIView):
    permission_classes = (IsPatient,)

    @extend_schema(responses=PROGRESS_RESPONSE)
    def get(self, request: Request) -> Response:
        return Response(selectors.progress_for(request_user(request)))


class HistoryRowSerializer(serializers.Serializer[Session]):
    """One session of the paged history: when, pain before and after, difficulty."""

    id = serializers.UUIDField(read_only=True)
    completed_at = serializers.DateTimeField(read_only=True)
    date = serializers.DateField(source="local_date", read_only=True)
    before = serializers.IntegerField(source="pain_before", read_only=True)
    after = serializers.IntegerField(source="pain_after", read_only=True)
    difficulty = serializers.CharField(read_only=True)


class ProgressHistoryView(generics.ListAPIView[Session]):
    """Every session of the caller, newest first, a page at a time: the history that
    ``/api/progress/`` no longer lists one by one (it holds the recent weeks)."""

    permission_classes = (IsPatient,)
    serializer_class = HistoryRowSerializer

    def get_queryset(self) -> QuerySet[Session]:
        return selectors.progress_history(request_user(self.request))


CASELOAD_ROW = inline_serializer(
    "CaseloadRow",
    {
        "id": serializers.IntegerField(),
        "full_name": serializers.CharField(),
        "email": serializers.EmailField(),
        "adherence_7d": serializers.FloatField(allow_null=True),
        "adherence_28d": serializers.FloatField(allow_null=True),
        "last_session_at": serializers.DateTimeField(allow_null=True),
        "latest_pain": serializers.IntegerField(allow_null=True),
        "open_alerts": serializers.IntegerField(),
        "needs_program": serializers.BooleanField(),
        "unread_messages": serializers.IntegerField(),
        "monitoring_days_this_month": serializers.IntegerField(),
    },
)


class CaseloadViewSet(PatientViewSet):
    """The caller's patients with adherence, last session, latest pain and open alerts."""

    def add_columns(self, user: User, rows: list[dict[str, Any]]) -> None:
        """The columns of the apps above programs (unread messages, monitoring days): the
        view routed at ``patients/`` is ``messaging.api.CaseloadViewSet``, which adds them."""

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "ordering", str, enum=sorted(caseload.CASELOAD_ORDERINGS), required=False
            ),
            OpenApiParameter("search", str, required=False, description="name or e-mail"),
        ],
        responses=CASELOAD_ROW,
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        ordering = request.query_params.get("ordering", "name")
        if ordering not in caseload.CASELOAD_ORDERINGS:
            raise ValidationError(
                {
                    "ordering": [
                        _("Choose one of %(choices)s.")
                        % {"choices": ", ".join(sorted(caseload.CASELOAD_ORDERINGS))}
                    ]
                }
            )
        search = request.query_params.get("search", "")
        if len(search) > 100 or "\x00" in search:
            raise ValidationError(
                {"search": [_("Search for up to 100 characters of a name or e-mail.")]}
            )
        # The database orders and pages (programs/caseload.py); rows are built for the page.
        now = timezone.now()
        patients = caseload.caseload_patients(request_user(request), search)
        caseload.refresh_for_page(patients, now)
        ids = caseload.caseload_order(patients, ordering).values_list("pk", flat=True)
        page = self.paginate_queryset(ids) or []
        rows = caseload.caseload_rows(list(page), now)
        self.add_columns(request_user(request), rows)
        return self.get_paginated_response(rows)

    @extend_schema(responses=inline_serializer("PatientDetail", {"id": serializers.IntegerField()}))
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        patient: User = self.get_object()
        audit.record_patient_access(request.user, patient, audit.PATIENT_DETAIL, request.path)
        # The caseload row of this one patient (``only``), not the whole caseload.
        (row,) = caseload.caseload_for(request_user(request), only=patient.pk)
        self.add_columns(request_user(request), [row])
        assignments = selectors.assignments_for(patient).select_related(
            "program__current_version", "patient"
        )
        return Response(
            {
                **row,
                "timezone": patient.timezone,
                "physios": [
                    {"id": link.physio_id, "full_name": link.physio.full_name}
                    for link in patient.physio_links.select_related("physio")
                ],
                "assignments": AssignmentSerializer(assignments, many=True).data,
                "progress": selectors.progress_for(patient),
                "alerts": AlertSerializer(selectors.open_alerts_for(patient), many=True).data,
                "alert_history": AlertSerializer(
                    selectors.alerts_visible_to(request_user(request), "all").filter(
                        patient=patient
                    ),
                    many=True,
                ).data,
            }
        )

    @extend_schema(responses=SessionSerializer(many=True))
    @action(detail=True, methods=["get"])
    def sessions(self, request: Request, pk: str) -> Response:
        patient = self.get_object()
        audit.record_patient_access(request.user, patient, audit.PATIENT_SESSIONS, request.path)
        sessions = (
            Session.objects.filter(patient=patient)
            .select_related("program_version")
            .prefetch_related("items__exercise")
            .order_by("-completed_at")
        )
        assert self.paginator is not None
        page = self.paginator.paginate_queryset(sessions, request, view=self)
        return self.get_paginated_response(
            SessionSerializer(page, many=True, context={"language": request_language(request)}).data
        )

    @extend_schema(
        request=None,
        responses={201: inline_serializer("ScreeningRequest", {"due": serializers.BooleanField()})},
    )
    @action(detail=True, methods=["post"], permission_classes=[IsPhysio])
    def screening(self, request: Request, pk: str) -> Response:
        """Re-issue the red-flag check: the patient answers it before the next session."""
        patient = self.get_object()
        screening_request(patient=patient, physio=request_user(request))
        return Response(screening_state(patient), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=PatientPrecautionsInSerializer,
        responses=inline_serializer(
            "PatientPrecautions", {"codes": serializers.ListField(child=serializers.CharField())}
        ),
    )
    @action(detail=True, methods=["get", "put"], permission_classes=[IsPhysio])
    def precautions(self, request: Request, pk: str) -> Response:
        """Precautions marked for this patient; nudges never suggest a move carrying one."""
        patient = self.get_object()
        if request.method == "PUT":
            body = PatientPrecautionsInSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            codes = patient_precautions_set(
                patient=patient, codes=body.validated_data["codes"], actor=request_user(request)
            )
        else:
            codes = patient_precaution_codes(patient)
        return Response({"codes": codes, "choices": precaution_choices(request_language(request))})


class AlertViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[Alert]):
    """Alerts of the caller's patients (``?status=`` open by default, ``?patient=``);
    a physio acknowledges or resolves them, with an optional note."""

    serializer_class = AlertSerializer
    permission_classes = (IsClinicStaff,)
    lookup_value_regex = "[0-9]+"  # anything else is a 404, never a 500

    def get_queryset(self) -> QuerySet[Alert]:
        user = request_user(self.request)
        if self.action != "list":
            return selectors.alerts_visible_to(user, "all")
        status_ = self.request.query_params.get("status", "open")
        if status_ not in selectors.ALERT_STATUSES:
            raise ValidationError(
                {
                    "status": [
                        _("Choose one of %(choices)s.")
                        % {"choices": ", ".join(selectors.ALERT_STATUSES)}
                    ]
                }
            )
        queryset = selectors.alerts_visible_to(user, status_)
        patient = self.request.query_params.get("patient")
        if patient is not None:
            if not patient.isdigit() or len(patient) > 12:
                raise ValidationError({"patient": [_("Give a patient id.")]})
            queryset = queryset.filter(patient_id=int(patient))
        return queryset

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, enum=list(selectors.ALERT_STATUSES), required=False),
            OpenApiParameter("patient", int, required=False),
        ]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def _review(self, request: Request, pk: str, change: Any) -> Response:
        alert = get_object_or_404(self.get_queryset(), pk=pk)
        body = AlertReviewSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        reviewed = change(alert, actor=request_user(request), note=body.validated_data["note"])
        return Response(AlertSerializer(self.get_queryset().get(pk=reviewed.pk)).data)

    @extend_schema(request=AlertReviewSerializer, responses=AlertSerializer)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request: Request, pk: str) -> Response:
        return self._review(request, pk, services.alert_acknowledge)

    @extend_schema(request=AlertReviewSerializer, responses=AlertSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request: Request, pk: str) -> Response:
        return self._review(request, pk, services.alert_resolve)
