"""``/api/me/two-factor/``: status, enrolment with a QR code, recovery codes, switching off."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import throttle, two_factor
from backend.accounts.models import User
from backend.accounts.serializers import TwoFactorStatusSerializer
from backend.api import StrictSerializer

TOO_MANY = OpenApiResponse(description="Too many attempts (the sign-in throttle).")


class CodeSerializer(StrictSerializer):
    code = serializers.CharField(max_length=16)


class PasswordConfirmSerializer(StrictSerializer):
    password = serializers.CharField(max_length=256, trim_whitespace=False)


RECOVERY_CODES = inline_serializer(
    "RecoveryCodes", {"recovery_codes": serializers.ListField(child=serializers.CharField())}
)


def _user(request: Request) -> User:
    assert isinstance(request.user, User)
    return request.user


def _throttled(request: Request) -> Response | None:
    """Codes and passwords here count against the same throttle as signing in."""
    if throttle.register_attempt(_user(request).email, throttle.client_ip(request)):
        return None
    return Response(
        {"detail": throttle.TOO_MANY_ATTEMPTS}, status=status.HTTP_429_TOO_MANY_REQUESTS
    )


class TwoFactorView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(responses=TwoFactorStatusSerializer, summary="My two-factor sign-in")
    def get(self, request: Request) -> Response:
        return Response(two_factor.status_for(_user(request)))

    @extend_schema(
        request=PasswordConfirmSerializer,
        responses={204: None, 400: OpenApiResponse(description="Wrong password."), 429: TOO_MANY},
        summary="Switch two-factor sign-in off (not when the clinic requires it)",
        description='Send `{"password": "…"}` as the JSON body.',
    )
    def delete(self, request: Request) -> Response:
        body = PasswordConfirmSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        refused = _throttled(request)
        if refused:
            return refused
        user = _user(request)
        if not user.check_password(body.validated_data["password"]):
            return Response({"password": [_("The password is not right.")]}, status=400)
        two_factor.disable(user)
        throttle.reset_account(user.email)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TwoFactorSetupView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        request=None,
        responses=inline_serializer(
            "TwoFactorSetup",
            {
                "otpauth_url": serializers.CharField(),
                "secret": serializers.CharField(),
                "qr_svg": serializers.CharField(),
            },
        ),
        summary="Start enrolling an authenticator app (scan the QR, then confirm a code)",
    )
    def post(self, request: Request) -> Response:
        return Response(two_factor.totp_begin(_user(request)))


class TwoFactorConfirmView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        request=CodeSerializer,
        responses={200: RECOVERY_CODES, 429: TOO_MANY},
        summary="Confirm the authenticator with its first code; returns recovery codes once",
    )
    def post(self, request: Request) -> Response:
        body = CodeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        refused = _throttled(request)
        if refused:
            return refused
        codes = two_factor.totp_confirm(_user(request), body.validated_data["code"])
        throttle.reset_account(_user(request).email)
        return Response({"recovery_codes": codes})


class RecoveryCodesView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        request=CodeSerializer,
        responses={200: RECOVERY_CODES, 429: TOO_MANY},
        summary="New recovery codes (the old ones stop working); needs a current code",
    )
    def post(self, request: Request) -> Response:
        body = CodeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        refused = _throttled(request)
        if refused:
            return refused
        user = _user(request)
        if (
            not two_factor.is_enrolled(user)
            or two_factor.verify(user, body.validated_data["code"]) is None
        ):
            return Response({"code": [two_factor.CODE_WRONG]}, status=400)
        throttle.reset_account(user.email)
        return Response({"recovery_codes": two_factor.recovery_codes_renew(user)})
