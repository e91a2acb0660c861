"""Outcome-measure HTTP API: measures, schedules, what is due, responses."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import audit
from backend.accounts.models import User
from backend.accounts.permissions import IsClinicStaff, IsPatient, IsPhysio
from backend.accounts.selectors import patients_visible_to
from backend.api import request_language, request_user
from backend.outcomes import selectors, services
from backend.outcomes.models import OutcomeResponse, OutcomeSchedule
from backend.outcomes.serializers import (
    MEASURE_CODES,
    DueSerializer,
    MeasureSerializer,
    PsfsActivitiesSerializer,
    ResponseInSerializer,
    ResponseSerializer,
    ScheduleInSerializer,
    ScheduleSerializer,
)


def _patient_filter(request: Request) -> int | None:
    """``?patient=ID``: a patient the caller may not see is a 404, never an empty list."""
    raw = request.query_params.get("patient")
    if raw in (None, ""):
        return None
    if not str(raw).isdigit():
        raise ValidationError({"patient": [_("Give a patient id.")]})
    if not patients_visible_to(request_user(request)).filter(pk=int(raw)).exists():
        raise Http404
    return int(raw)


PATIENT_PARAM = OpenApiParameter("patient", int, required=False)


class MeasuresView(APIView):
    """Every questionnaire with its items in the caller's language (the clinic's licensed
    wording where it loaded one)."""

    permission_classes = (IsAuthenticated,)

    @extend_schema(responses=MeasureSerializer(many=True))
    def get(self, request: Request) -> Response:
        user = request_user(request)
        return Response(selectors.measures_for(user.clinic_id, request_language(request)))


class ScheduleListView(generics.ListCreateAPIView[OutcomeSchedule]):
    """Questionnaire schedules of the caller's patients; a physio creates them."""

    serializer_class = ScheduleSerializer

    def get_permissions(self) -> list[Any]:
        return [IsPhysio()] if self.request.method == "POST" else [IsClinicStaff()]

    def get_queryset(self) -> QuerySet[OutcomeSchedule]:
        queryset = selectors.schedules_for(request_user(self.request))
        patient = _patient_filter(self.request)
        return queryset if patient is None else queryset.filter(patient_id=patient)

    @extend_schema(parameters=[PATIENT_PARAM])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(request=ScheduleInSerializer, responses={201: ScheduleSerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = ScheduleInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        schedule = services.schedule_create(
            actor=request_user(request),
            patient_id=data["patient"],
            measure=data["measure"],
            every_weeks=data["every_weeks"],
            start_date=data.get("start_date"),
        )
        return Response(ScheduleSerializer(schedule).data, status=status.HTTP_201_CREATED)


class DueView(APIView):
    """The caller's questionnaires due today or earlier (their local day)."""

    permission_classes = (IsPatient,)

    @extend_schema(responses=DueSerializer(many=True))
    def get(self, request: Request) -> Response:
        due = selectors.due_for(request_user(request))
        return Response(DueSerializer(due, many=True).data)


class ResponseListView(generics.ListCreateAPIView[OutcomeResponse]):
    """Answered questionnaires with their change from baseline. Patients see and post their
    own; physios and clinic admins read their patients' (``?patient=ID``)."""

    serializer_class = ResponseSerializer

    def get_permissions(self) -> list[Any]:
        return [IsPatient()] if self.request.method == "POST" else [IsAuthenticated()]

    def get_queryset(self) -> QuerySet[OutcomeResponse]:
        queryset = selectors.responses_for(request_user(self.request)).select_related("patient")
        patient = _patient_filter(self.request)
        measure = self.request.query_params.get("measure")
        if patient is not None:
            queryset = queryset.filter(patient_id=patient)
        return queryset.filter(measure=measure) if measure else queryset

    @extend_schema(
        parameters=[
            PATIENT_PARAM,
            OpenApiParameter("measure", OpenApiTypes.STR, enum=MEASURE_CODES),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset())) or []
        audit.record_patients_access(
            request.user, [r.patient for r in page], audit.PATIENT_OUTCOMES, request.path
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(request=ResponseInSerializer, responses={201: ResponseSerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = ResponseInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        patient = request_user(request)
        response = services.response_submit(
            patient=patient,
            measure=data["measure"],
            answers=data["answers"],
            schedule_id=data.get("schedule"),
            activities=data.get("activities"),
        )
        saved = selectors.responses_for(patient).get(pk=response.pk)
        return Response(ResponseSerializer(saved).data, status=status.HTTP_201_CREATED)


class PsfsActivitiesView(APIView):
    """A patient's PSFS activities (``?patient=ID``): the physio reads and corrects them."""

    permission_classes = (IsPhysio,)

    @extend_schema(parameters=[PATIENT_PARAM], responses=PsfsActivitiesSerializer)
    def get(self, request: Request) -> Response:
        patient = _patient_for_physio(request)
        return Response({"activities": selectors.psfs_activities(patient)})

    @extend_schema(
        parameters=[PATIENT_PARAM],
        request=PsfsActivitiesSerializer,
        responses=PsfsActivitiesSerializer,
    )
    def put(self, request: Request) -> Response:
        patient = _patient_for_physio(request)
        body = PsfsActivitiesSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        activities = services.psfs_activities_set(
            patient=patient, activities=body.validated_data["activities"]
        )
        return Response({"activities": activities})


def _patient_for_physio(request: Request) -> User:
    patient_id = _patient_filter(request)
    if patient_id is None:
        raise ValidationError({"patient": [_("Give a patient id.")]})
    return patients_visible_to(request_user(request)).get(pk=patient_id)
