"""Safety HTTP API: the safety document (pain rule, advice, red flags) and the red-flag
screening check."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsPatient
from backend.api import StrictSerializer, request_language, request_user
from backend.programs.models import RedFlagScreening
from backend.programs.screening import advice_for, screening_answer, screening_state
from backend.programs.today_serializers import SafetyDocumentSerializer
from exercises.safety_content import safety_for

SAFETY_DOCUMENT = SafetyDocumentSerializer
SCREENING_STATE = inline_serializer(
    "ScreeningState",
    {
        "due": serializers.BooleanField(),
        "blocked": serializers.BooleanField(),
        "flagged": serializers.ListField(child=serializers.CharField()),
        "answered_at": serializers.DateTimeField(allow_null=True),
        "advice": serializers.ListField(child=serializers.DictField()),
    },
)


class ScreeningInSerializer(StrictSerializer):
    # Checked in full by the service (every question answered, true or false).
    answers = serializers.JSONField()


def screening_payload(screening: RedFlagScreening, language: str = "en") -> dict[str, Any]:
    return {
        "id": screening.pk,
        "requested_at": screening.requested_at,
        "answered_at": screening.answered_at,
        "answers": screening.answers,
        "flagged": screening.flagged,
        "stop": bool(screening.flagged),
        "advice": advice_for(list(screening.flagged), language),
    }


def screening_state_payload(state: dict[str, Any], language: str = "en") -> dict[str, Any]:
    return {**state, "advice": advice_for(state["flagged"], language)}


class SafetyView(APIView):
    """The pain rule's thresholds and advice, and the red flags, as the server applies them.
    The PWA caches this and applies the same rule offline."""

    permission_classes = (IsAuthenticated,)

    @extend_schema(responses=SAFETY_DOCUMENT)
    def get(self, request: Request) -> Response:
        return Response(safety_for(request_language(request)).as_document())


class ScreeningView(APIView):
    """The patient's red-flag check: whether it is due, and answering it."""

    permission_classes = (IsPatient,)

    @extend_schema(responses=SCREENING_STATE)
    def get(self, request: Request) -> Response:
        state = screening_state(request_user(request))
        return Response(screening_state_payload(state, request_language(request)))

    @extend_schema(request=ScreeningInSerializer, responses={201: SCREENING_STATE})
    def post(self, request: Request) -> Response:
        body = ScreeningInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        screening = screening_answer(
            patient=request_user(request), answers=body.validated_data["answers"]
        )
        return Response(
            screening_payload(screening, request_language(request)),
            status=status.HTTP_201_CREATED,
        )
