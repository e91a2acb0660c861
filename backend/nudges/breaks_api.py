"""Micro-break HTTP API: a physio's prescription per assignment, the patient's pool, the
busy pause, the calendar feed, walks and break statistics. Thin: parse, call, render."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.models import User
from backend.accounts.permissions import IsClinicStaff, IsPatient
from backend.accounts.selectors import patients_visible_to
from backend.api import request_language, request_user
from backend.nudges import calendar_feed, prescriptions, services
from backend.nudges.break_stats import break_stats
from backend.nudges.breaks_serializers import (
    BreakPoolSerializer,
    BreakStatsSerializer,
    BusyInSerializer,
    BusyOutSerializer,
    CalendarInSerializer,
    CalendarSerializer,
    PrescriptionInSerializer,
    PrescriptionSerializer,
    StatsQuerySerializer,
)
from backend.programs.models import Assignment
from backend.programs.selectors import assignments_for


class AssignmentBreaksView(APIView):
    """The micro-breaks prescribed for an assignment (the patient's physios and clinic
    admins; anyone else: 404)."""

    permission_classes = (IsClinicStaff,)

    def _assignment(self, request: Request, pk: int) -> Assignment:
        found = (
            assignments_for(request_user(request)).select_related("program").filter(pk=pk).first()
        )
        if found is None:
            raise Http404
        return found

    @extend_schema(responses=PrescriptionSerializer)
    def get(self, request: Request, pk: int) -> Response:
        assignment = self._assignment(request, pk)
        body = prescriptions.prescription_for(assignment, language=request_language(request))
        return Response(PrescriptionSerializer(body).data)

    @extend_schema(request=PrescriptionInSerializer, responses=PrescriptionSerializer)
    def put(self, request: Request, pk: int) -> Response:
        assignment = self._assignment(request, pk)
        body = PrescriptionInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        prescriptions.prescription_set(
            assignment,
            items=[dict(item) for item in body.validated_data["items"]],
            excluded=list(body.validated_data["excluded"]),
            actor=request_user(request),
        )
        result = prescriptions.prescription_for(assignment, language=request_language(request))
        return Response(PrescriptionSerializer(result).data)


class BreakPoolView(APIView):
    """The micro-breaks the caller's nudges rotate through (cached by the PWA offline)."""

    permission_classes = (IsPatient,)

    @extend_schema(responses=BreakPoolSerializer)
    def get(self, request: Request) -> Response:
        items = prescriptions.patient_pool(
            request_user(request), language=request_language(request)
        )
        return Response(BreakPoolSerializer({"items": items}).data)


class BusyView(APIView):
    """One-tap "busy": hold nudges for 15, 30 or 60 minutes or until the end of the day."""

    permission_classes = (IsPatient,)

    @extend_schema(request=BusyInSerializer, responses=BusyOutSerializer)
    def post(self, request: Request) -> Response:
        body = BusyInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        plan = services.busy_set(
            request_user(request),
            minutes=body.validated_data.get("minutes"),
            until=body.validated_data.get("until"),
        )
        return Response(BusyOutSerializer({"busy_until": plan.busy_until}).data)

    @extend_schema(request=None, responses=BusyOutSerializer)
    def delete(self, request: Request) -> Response:
        plan = services.busy_clear(request_user(request))
        return Response(BusyOutSerializer({"busy_until": plan.busy_until}).data)


class WalkView(APIView):
    """ "I went for a walk": counted as a break; the next nudge is pushed back."""

    permission_classes = (IsPatient,)

    @extend_schema(request=None, responses={201: None})
    def post(self, request: Request) -> Response:
        walk = services.walk_log(request_user(request))
        return Response({"taken_at": walk.taken_at}, status=status.HTTP_201_CREATED)


class CalendarView(APIView):
    """The caller's private calendar feed: nudges wait while it shows them busy."""

    permission_classes = (IsPatient,)

    @extend_schema(responses=CalendarSerializer)
    def get(self, request: Request) -> Response:
        return Response(
            CalendarSerializer(calendar_feed.calendar_state(request_user(request))).data
        )

    @extend_schema(request=CalendarInSerializer, responses=CalendarSerializer)
    def put(self, request: Request) -> Response:
        body = CalendarInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = request_user(request)
        if "url" in body.validated_data:
            calendar_feed.calendar_set(user, body.validated_data["url"])
        return Response(CalendarSerializer(calendar_feed.calendar_state(user)).data)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request) -> Response:
        calendar_feed.calendar_clear(request_user(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


def _stats(request: Request, patient: User) -> Response:
    params = StatsQuerySerializer(data=request.query_params.dict())
    params.is_valid(raise_exception=True)
    body = break_stats(
        patient,
        services.plan_for(patient),
        weeks=params.validated_data["weeks"],
        language=request_language(request),
    )
    return Response(BreakStatsSerializer(body).data)


_WEEKS = OpenApiParameter("weeks", int, description="1-26 (default 4)")


class BreakStatsView(APIView):
    permission_classes = (IsPatient,)

    @extend_schema(parameters=[_WEEKS], responses=BreakStatsSerializer)
    def get(self, request: Request) -> Response:
        return _stats(request, request_user(request))


class PatientBreakStatsView(APIView):
    """A patient's break statistics for their physios and clinic admins (else 404)."""

    permission_classes = (IsClinicStaff,)

    @extend_schema(parameters=[_WEEKS], responses=BreakStatsSerializer)
    def get(self, request: Request, pk: int) -> Response:
        patient = patients_visible_to(request_user(request)).filter(pk=pk).first()
        if patient is None:
            raise Http404
        return _stats(request, patient)
