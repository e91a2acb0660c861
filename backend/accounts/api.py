"""Accounts HTTP API: thin views over services and selectors."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

import segno
from django.contrib.auth import login
from django.db.models import QuerySet
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_protect, ensure_csrf_cookie
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend import openapi_extensions  # noqa: F401  (registers the schema fixes)
from backend.accounts import selectors, services, throttle, tokens
from backend.accounts.models import ApiToken, Invite, User
from backend.accounts.permissions import IsClinicAdmin, IsClinicStaff
from backend.accounts.serializers import (
    ClinicContactSerializer,
    ClinicSerializer,
    CredentialsSerializer,
    InviteAcceptSerializer,
    InviteCreateSerializer,
    InvitePublicSerializer,
    InviteSerializer,
    MeSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetSerializer,
    TokenSerializer,
)
from backend.api import StrictModelSerializer, StrictSerializer, request_user

BAD_CREDENTIALS = gettext_lazy("The e-mail or password is not right.")
TOO_MANY_ATTEMPTS = throttle.TOO_MANY_ATTEMPTS


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


def _refused(refusal: services.SignInRefused) -> Response:
    """The answer to a refused sign-in or password confirmation."""
    if isinstance(refusal, services.TooManyAttempts):
        return Response({"detail": TOO_MANY_ATTEMPTS}, status=status.HTTP_429_TOO_MANY_REQUESTS)
    if isinstance(refusal, services.CodeRefused):
        return Response(
            {"otp": [refusal.message], "otp_required": True}, status=status.HTTP_400_BAD_REQUEST
        )
    if isinstance(refusal, services.WrongPassword):
        return Response(
            {"password": [_("The password is not right.")]}, status=status.HTTP_400_BAD_REQUEST
        )
    return Response({"detail": BAD_CREDENTIALS}, status=status.HTTP_400_BAD_REQUEST)


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
            return _refused(refusal)
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
            return _refused(refusal)
        return Response({"token": key, "expires_at": tokens.expires_at(token)})


class AccountDeleteSerializer(StrictSerializer):
    password = serializers.CharField(max_length=256, trim_whitespace=False)


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


class MeView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(request.user).data)

    @extend_schema(request=MeSerializer, responses=MeSerializer)
    def patch(self, request: Request) -> Response:
        body = MeSerializer(request.user, data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        assert isinstance(request.user, User)
        user = services.profile_update(request.user, **body.validated_data)
        return Response(MeSerializer(user).data)

    @extend_schema(
        request=AccountDeleteSerializer,
        responses={
            204: None,
            400: OpenApiResponse(description="The password is missing or not right."),
            409: OpenApiResponse(description="A clinician who still owns clinic records."),
            429: OpenApiResponse(description="Too many attempts (the sign-in throttle)."),
        },
        summary="Delete my account and every piece of personal data held about me",
        description='Send `{"password": "…"}` as the JSON body (OpenAPI 3.0 cannot describe '
        "a body on DELETE). Everything in `GET /api/me/export/` is erased; the session ends.",
    )
    def delete(self, request: Request) -> Response:
        return account_delete_response(request)


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


class InviteViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Invite]
):
    """Invites: physios invite patients, clinic admins invite physios (and patients).
    Looking up and accepting a code needs no account."""

    lookup_field = "code"
    serializer_class = InviteSerializer

    def get_permissions(self) -> list[Any]:
        if self.action in {"retrieve", "accept"}:
            return [AllowAny()]
        return [IsClinicStaff()]

    def get_throttles(self) -> list[Any]:
        if self.action in {"retrieve", "accept"}:
            return [throttle.AnonThrottle()]
        return []

    def get_queryset(self) -> QuerySet[Invite]:
        if self.action in {"retrieve", "accept"}:
            return Invite.objects.select_related("clinic")
        return selectors.invites_visible_to(request_user(self.request)).order_by("-created_at")

    def get_serializer_class(self) -> Any:
        return InvitePublicSerializer if self.action == "retrieve" else InviteSerializer

    def get_object(self) -> Invite:
        code = str(self.kwargs["code"]).strip().upper()
        return get_object_or_404(self.get_queryset(), code=code)

    @extend_schema(request=InviteCreateSerializer, responses={201: InviteSerializer})
    def create(self, request: Request) -> Response:
        body = InviteCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        assert isinstance(request.user, User)
        invite = services.invite_create(inviter=request.user, **body.validated_data)
        emailed = services.invite_email_send(invite) if invite.email else False
        return Response(
            {**InviteSerializer(invite).data, "emailed": emailed}, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=InviteAcceptSerializer, responses={201: MeSerializer})
    @action(detail=True, methods=["post"], authentication_classes=[])
    @method_decorator(csrf_protect)
    def accept(self, request: Request, code: str) -> Response:
        body = InviteAcceptSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        user = services.invite_accept(
            code=code,
            email=data["email"],
            full_name=data["full_name"],
            password=data["password"],
            tz=data["timezone"],
        )
        login(request._request, user, backend="django.contrib.auth.backends.ModelBackend")
        return Response(MeSerializer(user).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "image/svg+xml"): OpenApiTypes.STR})
    def qr(self, request: Request, code: str) -> HttpResponse:
        invite = get_object_or_404(self.get_queryset(), code=code.strip().upper())
        buffer = io.BytesIO()
        segno.make(services.invite_url(invite), error="m").save(
            buffer, kind="svg", scale=6, border=2, xmldecl=False, title=_("Upright invite link")
        )
        return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


# --- Personal data: erasure (services). The export (``GET /api/me/export/``) is routed by
# interop, whose view adds the FHIR format to the document of ``selectors.export_stream``.

ACCOUNT_IN_USE = gettext_lazy(
    "Your account still owns clinic records (programs or assignments you made). Ask your "
    "clinic administrator to hand them over, then delete your account."
)


def account_delete_response(request: Request) -> Response:
    """``DELETE /api/me/`` (``services.account_erase``)."""
    body = AccountDeleteSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    try:
        services.account_erase(
            request._request,
            request_user(request),
            password=body.validated_data["password"],
            ip=throttle.client_ip(request),
        )
    except services.SignInRefused as refusal:
        return _refused(refusal)
    except services.AccountInUse:
        return Response({"detail": ACCOUNT_IN_USE}, status=status.HTTP_409_CONFLICT)
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
