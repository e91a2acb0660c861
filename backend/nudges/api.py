"""Nudges HTTP API: the plan, its preview, answers to nudges, the day summary, the
inbox and push subscriptions. Thin: parse, call a service or selector, render."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsPatient
from backend.accounts.timezones import zone
from backend.api import request_user
from backend.nudges import selectors, services
from backend.nudges.models import InboxMessage, Nudge
from backend.nudges.schedule import local_day
from backend.nudges.serializers import (
    AckResultSerializer,
    AckSerializer,
    InboxMessageSerializer,
    InboxQuerySerializer,
    PlanSerializer,
    PlanUpdateSerializer,
    PreviewQuerySerializer,
    PreviewSerializer,
    PushKeySerializer,
    PushSubscribeSerializer,
    PushUnsubscribeSerializer,
    SummaryQuerySerializer,
    SummarySerializer,
)
from backend.nudges.vapid import PushNotConfiguredError, public_key


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


class InboxView(generics.ListAPIView[InboxMessage]):
    """The caller's inbox, newest first; ``?unread=true`` for unread only."""

    serializer_class = InboxMessageSerializer
    permission_classes = (IsAuthenticated,)

    @extend_schema(parameters=[OpenApiParameter("unread", bool)])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        params = InboxQuerySerializer(data=self.request.query_params.dict())
        params.is_valid(raise_exception=True)
        return selectors.inbox_for(
            request_user(self.request), unread_only=params.validated_data["unread"]
        )


class InboxReadView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(request=None, responses=InboxMessageSerializer)
    def post(self, request: Request, pk: int) -> Response:
        try:
            message = services.inbox_mark_read(request_user(request), pk)
        except InboxMessage.DoesNotExist as exc:
            raise Http404 from exc
        return Response(InboxMessageSerializer(message).data)


class PushKeyView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(responses=PushKeySerializer)
    def get(self, request: Request) -> Response:
        try:
            key = public_key()
        except PushNotConfiguredError:
            return Response(
                {"detail": _("Notifications are not set up on this server yet.")},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
            )
        return Response({"public_key": key})


class PushSubscriptionsView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(request=PushSubscribeSerializer, responses={201: None})
    def post(self, request: Request) -> Response:
        body = PushSubscribeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        services.push_subscribe(
            request_user(request),
            endpoint=data["endpoint"],
            p256dh=data["keys"]["p256dh"],
            auth=data["keys"]["auth"],
        )
        return Response({"endpoint": data["endpoint"]}, status=status.HTTP_201_CREATED)

    @extend_schema(request=PushUnsubscribeSerializer, responses={204: None})
    def delete(self, request: Request) -> Response:
        body = PushUnsubscribeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        # 204 whether or not the device was still registered: a push service's "gone"
        # (which deletes the subscription) must not be observable through the API.
        services.push_unsubscribe(request_user(request), endpoint=body.validated_data["endpoint"])
        return Response(status=status.HTTP_204_NO_CONTENT)
