"""Nudges HTTP API: the plan, its preview, answers to nudges, the day summary.
Thin: parse, call a service or selector, render."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import viewsets as accounts_views
from backend.accounts.models import User
from backend.accounts.permissions import IsPatient
from backend.accounts.timezones import zone
from backend.api import request_user
from backend.nudges import selectors, services
from backend.nudges.models import Nudge
from backend.nudges.schedule import local_day
from backend.nudges.serializers import (
    AckResultSerializer,
    AckSerializer,
    PlanSerializer,
    PlanUpdateSerializer,
    PreviewQuerySerializer,
    PreviewSerializer,
    SummaryQuerySerializer,
    SummarySerializer,
)


class PlanView(APIView):
    """The caller's sitting-nudge settings (created with defaults on first read)."""

    permission_classes = (IsPatient,)

    @extend_schema(responses=PlanSerializer)
    def get(self, request: Request) -> Response:
        return Response(PlanSerializer(services.plan_for(request_user(request))).data)

    @extend_schema(request=PlanUpdateSerializer, responses=PlanSerializer)
    def put(self, request: Request) -> Response:
        body = PlanUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        plan = services.plan_update(request_user(request), **body.validated_data)
        return Response(PlanSerializer(plan).data)


class PlanPreviewView(APIView):
    permission_classes = (IsPatient,)

    @extend_schema(
        parameters=[
            OpenApiParameter("from", str, description="ISO 8601 instant (default: now)"),
            OpenApiParameter("count", int, description="1-100 (default 10)"),
        ],
        responses=PreviewSerializer,
    )
    def get(self, request: Request) -> Response:
        query = {
            ("start" if key == "from" else key): value
            for key, value in request.query_params.items()
        }
        params = PreviewQuerySerializer(data=query)
        params.is_valid(raise_exception=True)
        user = request_user(request)
        start = params.validated_data.get("start") or timezone.now()
        slots = selectors.plan_preview(
            services.plan_for(user), user, start=start, count=params.validated_data["count"]
        )
        return Response(PreviewSerializer({"timezone": user.timezone, "nudges": slots}).data)


class NudgeAckView(APIView):
    permission_classes = (IsPatient,)

    @extend_schema(request=AckSerializer, responses=AckResultSerializer)
    def post(self, request: Request, pk: int) -> Response:
        body = AckSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            nudge = services.nudge_acknowledge(
                request_user(request),
                pk,
                action=body.validated_data["action"],
                minutes=body.validated_data.get("minutes"),
                exercise=body.validated_data.get("exercise"),
            )
        except Nudge.DoesNotExist as exc:
            raise Http404 from exc
        return Response(
            AckResultSerializer(
                {"id": nudge.pk, "acknowledged_at": nudge.acknowledged_at, "action": nudge.action}
            ).data
        )


class SummaryView(APIView):
    permission_classes = (IsPatient,)

    @extend_schema(
        parameters=[OpenApiParameter("date", str, description="YYYY-MM-DD (default: today)")],
        responses=SummarySerializer,
    )
    def get(self, request: Request) -> Response:
        params = SummaryQuerySerializer(data=request.query_params.dict())
        params.is_valid(raise_exception=True)
        user = request_user(request)
        day = params.validated_data.get("date") or local_day(zone(user.timezone), timezone.now())
        summary = selectors.day_summary(user, services.plan_for(user), day)
        return Response(SummarySerializer(summary).data)


class MeView(accounts_views.MeView):
    """The caller's account. Changing the time zone also moves the next sitting nudge and
    the routine reminders to the new zone's hours."""

    # accounts' view (accounts/viewsets.py), routed here so the zone change reaches the plan

    def update_profile(self, user: User, changes: dict[str, Any]) -> User:
        return services.profile_update_with_plan(user, **changes)


class InviteViewSet(accounts_views.InviteViewSet):
    """Invites: physios invite patients, clinic admins invite physios (and patients).
    Looking up and accepting a code needs no account; a patient who accepts starts with the
    default sitting-nudge plan."""

    # accounts' viewset (accounts/viewsets.py), routed here so a new patient gets a plan

    def accept_invite(
        self, *, code: str, email: str, full_name: str, password: str, tz: str
    ) -> User:
        return services.invite_accept_with_plan(
            code=code, email=email, full_name=full_name, password=password, tz=tz
        )
