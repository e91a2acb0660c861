"""Programs HTTP API: build and assign, today, sessions, progress, caseload, alerts."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
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

from backend.accounts.permissions import IsClinicStaff, IsPatient, IsPhysio
from backend.api import request_language, request_user
from backend.programs import selectors, services
from backend.programs.models import Alert, Assignment, Program, Session
from backend.programs.screening import screening_state
from backend.programs.serializers import (
    AlertReviewSerializer,
    AlertSerializer,
    AssignmentInSerializer,
    AssignmentSerializer,
    ProgramInSerializer,
    ProgramSerializer,
)
from backend.programs.today_serializers import SafetyDocumentSerializer, TodayPage, TodaySerializer
from backend.rawjson import EncodedCache, RawJSONRenderer
from exercises.safety_content import safety_for


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
_ENCODED_SAFETY = EncodedCache(size=32)  # by language


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
            safety=_ENCODED_SAFETY.get(
                language, lambda: SafetyDocumentSerializer(safety_for(language).as_document()).data
            ),
            screening=screening_state(patient),
        )
        context = {
            **_language_context(request),
            "exercise_payloads": day.exercise_payloads,
            "encoded_exercises": _ENCODED_EXERCISES,
        }
        return Response(TodaySerializer(page, context=context).data)


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
