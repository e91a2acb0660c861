"""Programs' viewsets for the patients' caseload and their sessions. Not routed here:
the apps above programs extend them (``messaging.api`` adds its caseload columns and
tells the physios of a session's alerts) and route the result."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from backend.accounts import audit
from backend.accounts.models import User
from backend.accounts.permissions import IsPatient, IsPhysio
from backend.accounts.viewsets import PatientViewSet
from backend.api import StrictSerializer, request_language, request_user
from backend.programs import caseload, selectors
from backend.programs.models import Session
from backend.programs.precautions import (
    patient_precaution_codes,
    patient_precautions_set,
    precaution_choices,
)
from backend.programs.screening import screening_request, screening_state
from backend.programs.serializers import (
    AlertSerializer,
    AssignmentSerializer,
    SessionInSerializer,
    SessionSerializer,
)
from backend.programs.services import SessionConflict, session_log


class PatientPrecautionsInSerializer(StrictSerializer):
    codes = serializers.ListField(child=serializers.CharField(max_length=60), max_length=20)
    # Handed out with the codes (the precautions a physio may mark); sent back, ignored.
    choices = serializers.ListField(child=serializers.DictField(), read_only=True)


class SessionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Session]
):
    serializer_class = SessionSerializer
    permission_classes = (IsPatient,)
    # The patient's own id for the session (client_id), never the row's key.
    lookup_field = "client_id"
    lookup_url_kwarg = "pk"

    def logged(self, session: Session, created: bool) -> None:
        """What the apps above programs do once a session is logged (``created``) or sent
        again: the view routed at ``sessions/`` is ``messaging.api.SessionViewSet``, whose
        physios hear of the session's alerts."""

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
        self.logged(session, created)
        if not created:
            session = self.get_queryset().get(pk=session.pk)
        return Response(
            SessionSerializer(session, context={"language": request_language(request)}).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


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
        # The history (every alert, newest first) holds the open ones too: one read and one
        # serialization, the open alerts picked from it, instead of two of each.
        history = AlertSerializer(
            selectors.alerts_visible_to(request_user(request), "all").filter(patient=patient),
            many=True,
        ).data
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
                "alerts": [alert for alert in history if alert["resolved_at"] is None],
                "alert_history": history,
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
