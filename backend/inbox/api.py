"""Inbox HTTP API: the inbox list and marking read, the push key, push subscriptions.
Thin: parse, call a service or selector, render."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api import request_user
from backend.inbox import selectors, services
from backend.inbox.models import InboxMessage
from backend.inbox.serializers import (
    InboxMessageSerializer,
    InboxQuerySerializer,
    PushKeySerializer,
    PushSubscribeSerializer,
    PushUnsubscribeSerializer,
)
from backend.inbox.vapid import PushNotConfiguredError, public_key


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
