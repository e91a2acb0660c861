"""Handout PDF and private calendar feed of an assignment.

The patient of the assignment and the staff who may see that patient get the handout and
manage the feed; anyone else gets 404. The feed itself needs no login: its unguessable
token is the credential, and a new token (or a revoke) makes the old URL a 404 at once.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import audit
from backend.accounts.throttle import AnonThrottle
from backend.api import request_language, request_user
from backend.programs import handouts, selectors, services
from backend.programs.models import Assignment


class IgnoreAcceptHeader(BaseContentNegotiation):
    """These views answer with a file whatever the client accepts; errors are JSON.
    (A calendar app asking for text/calendar must get a 404 for a revoked feed, not 406.)"""

    def select_parser(self, request: Any, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Any, renderers: Any, format_suffix: Any = None) -> Any:
        return renderers[0], renderers[0].media_type


def _visible_assignment(request: Request, pk: int) -> Assignment:
    queryset = selectors.assignments_for(request_user(request)).select_related(
        "program__clinic", "program__current_version", "patient"
    )
    return get_object_or_404(queryset, pk=pk)


def feed_url(token: str) -> str:
    return settings.SITE_URL + reverse("calendar-feed", kwargs={"token": token})


class HandoutView(APIView):
    permission_classes = (IsAuthenticated,)
    content_negotiation_class = IgnoreAcceptHeader

    @extend_schema(
        operation_id="assignments_handout_pdf",
        summary="A printable PDF of the assignment",
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, 404: None},
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        assignment = _visible_assignment(request, pk)
        audit.record_patient_access(
            request.user, assignment.patient, audit.PATIENT_HANDOUT, request.path
        )
        handout = handouts.handout_for(assignment, request_language(request))
        response = HttpResponse(handouts.handout_pdf(handout), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="upright-program-{assignment.pk}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response


FEED_URL_RESPONSE = inline_serializer(
    "CalendarFeedUrl",
    {"url": serializers.URLField(), "webcal_url": serializers.CharField()},
)


class CalendarFeedControlView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        summary="A new private calendar feed URL (the previous one stops working)",
        request=None,
        responses={201: FEED_URL_RESPONSE},
    )
    def post(self, request: Request, pk: int) -> Response:
        token = services.calendar_feed_rotate(_visible_assignment(request, pk))
        url = feed_url(token)
        webcal = "webcal://" + url.split("://", 1)[1]
        return Response({"url": url, "webcal_url": webcal}, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Revoke the calendar feed", request=None, responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        services.calendar_feed_revoke(_visible_assignment(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class CalendarFeedView(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (AnonThrottle,)
    content_negotiation_class = IgnoreAcceptHeader

    @extend_schema(
        operation_id="calendar_feed",
        summary="The private iCalendar feed (no login: the token is the credential)",
        auth=[],
        responses={
            (200, "text/calendar"): OpenApiTypes.STR,
            404: OpenApiResponse(description="Unknown or revoked feed."),
        },
    )
    def get(self, request: Request, token: str) -> HttpResponse:
        assignment = get_object_or_404(
            # Its pauses, if it was ever paused, are read when the feed needs its days.
            Assignment.objects.select_related("program__clinic", "patient"),
            calendar_token=token,
        )
        body = handouts.calendar_ics(handouts.calendar_feed_for(assignment))
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="upright-{assignment.pk}.ics"'
        response["Cache-Control"] = "private, max-age=900"
        return response
