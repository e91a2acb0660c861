"""Accounts HTTP API: thin views over services and selectors."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.middleware.csrf import get_token
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_protect, ensure_csrf_cookie
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend import openapi_extensions  # noqa: F401  (registers the schema fixes)
from backend.accounts import services, throttle, tokens
from backend.accounts.models import ApiToken
from backend.accounts.permissions import IsClinicAdmin
from backend.accounts.serializers import (
    ClinicContactSerializer,
    ClinicSerializer,
    CredentialsSerializer,
    MeSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetSerializer,
    TokenSerializer,
)
from backend.accounts.viewsets import refused_response
from backend.api import StrictModelSerializer, request_user


def _credentials(request: Request) -> dict[str, str]:
    body = CredentialsSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    data = body.validated_data
    return {
        "email": data["email"],
        "password": data["password"],
        "otp": data.get("otp", ""),
        "ip": throttle.client_ip(request),
    }


class CsrfView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        responses=inline_serializer("Csrf", {"csrfToken": serializers.CharField()}),
        summary="Set the CSRF cookie for the PWA",
    )
    @method_decorator(ensure_csrf_cookie)
    def get(self, request: Request) -> Response:
        return Response({"csrfToken": get_token(request._request)})


@method_decorator(csrf_protect, name="post")
class LoginView(APIView):
    """Session sign-in for the PWA (CSRF-protected, throttled per account and address)."""

    permission_classes = (AllowAny,)
    authentication_classes = ()
    throttled_by = ("the sign-in throttle",)

    @extend_schema(
        request=CredentialsSerializer,
        responses={200: MeSerializer, 403: OpenApiResponse(description="CSRF check failed.")},
    )
    def post(self, request: Request) -> Response:
        try:
            user = services.session_sign_in(request._request, **_credentials(request))
        except services.SignInRefused as refusal:
            return refused_response(refusal)
        return Response(MeSerializer(user).data)


class LogoutView(APIView):
    """Ends the session; called with a token, deletes that token."""

    permission_classes = (AllowAny,)

    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        services.sign_out(request._request, request.auth)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenView(APIView):
    """Token for API clients: ``Authorization: Token <key>``."""

    permission_classes = (AllowAny,)
    authentication_classes = ()
    throttled_by = ("the sign-in throttle",)

    @extend_schema(request=CredentialsSerializer, responses={200: TokenSerializer})
    def post(self, request: Request) -> Response:
        agent = str(request.META.get("HTTP_USER_AGENT", ""))
        try:
            token, key = services.token_sign_in(
                request._request, agent=agent, **_credentials(request)
            )
        except services.SignInRefused as refusal:
            return refused_response(refusal)
        return Response({"token": key, "expires_at": tokens.expires_at(token)})


class ClinicView(APIView):
    """The caller's clinic and how to reach it; its administrators edit the contact."""

    def get_permissions(self) -> list[Any]:
        return [IsClinicAdmin()] if self.request.method == "PATCH" else [IsAuthenticated()]

    def _clinic(self, request: Request) -> Any:
        clinic = request_user(request).clinic
        if clinic is None:
            raise NotFound()
        return clinic

    @extend_schema(responses=ClinicSerializer)
    def get(self, request: Request) -> Response:
        return Response(ClinicSerializer(self._clinic(request)).data)

    @extend_schema(request=ClinicContactSerializer, responses=ClinicSerializer)
    def patch(self, request: Request) -> Response:
        body = ClinicContactSerializer(self._clinic(request), data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        clinic = services.clinic_contact_update(actor=request_user(request), **body.validated_data)
        return Response(ClinicSerializer(clinic).data)


class PasswordResetView(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()
    throttle_classes = (throttle.AnonThrottle,)

    @extend_schema(request=PasswordResetSerializer, responses={202: None})
    def post(self, request: Request) -> Response:
        body = PasswordResetSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.password_reset_request(body.validated_data["email"])
        return Response(status=status.HTTP_202_ACCEPTED)


class PasswordResetConfirmView(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()
    throttle_classes = (throttle.AnonThrottle,)

    @extend_schema(request=PasswordResetConfirmSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        body = PasswordResetConfirmSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.password_reset_confirm(**body.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ApiTokenSerializer(StrictModelSerializer):
    expires_at = serializers.SerializerMethodField()
    current = serializers.SerializerMethodField()

    class Meta:
        model = ApiToken
        fields = ("id", "prefix", "name", "created_at", "last_used_at", "expires_at", "current")
        read_only_fields = fields

    def get_expires_at(self, token: ApiToken) -> datetime:
        return tokens.expires_at(token)

    def get_current(self, token: ApiToken) -> bool:
        auth = self.context.get("auth")
        return isinstance(auth, ApiToken) and auth.pk == token.pk


class MeTokensViewSet(
    mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet[ApiToken]
):
    """The caller's API tokens (never the keys): see where you are signed in, revoke."""

    serializer_class = ApiTokenSerializer
    permission_classes = (IsAuthenticated,)
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self) -> QuerySet[ApiToken]:
        return tokens.tokens_of(request_user(self.request))

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "auth": self.request.auth}

    def perform_destroy(self, instance: ApiToken) -> None:
        tokens.token_revoke(instance)
