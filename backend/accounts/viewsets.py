"""Base views that apps above accounts extend or route (not routed by accounts itself):
the caseload's patients (messaging), the caller's account and the invites (nudges, which
gives a new patient their plan and moves it with the time zone)."""

from __future__ import annotations

import io
from typing import Any

import segno
from django.contrib.auth import login
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_protect
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import selectors, services, throttle
from backend.accounts.models import Invite, User
from backend.accounts.permissions import IsClinicAdmin, IsClinicStaff
from backend.accounts.serializers import (
    CareLinkCreateSerializer,
    InviteAcceptSerializer,
    InviteCreateSerializer,
    InvitePublicSerializer,
    InviteSerializer,
    MeSerializer,
    PatientSerializer,
)
from backend.api import StrictSerializer, request_user

BAD_CREDENTIALS = gettext_lazy("The e-mail or password is not right.")
TOO_MANY_ATTEMPTS = throttle.TOO_MANY_ATTEMPTS


def refused_response(refusal: services.SignInRefused) -> Response:
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


class PatientViewSet(viewsets.ReadOnlyModelViewSet[User]):
    """The caller's patients: a physio's caseload, or a clinic's patients for its admin."""

    serializer_class = PatientSerializer
    permission_classes = (IsClinicStaff,)

    def get_queryset(self) -> QuerySet[User]:
        return selectors.patients_visible_to(request_user(self.request)).order_by("full_name", "id")

    @extend_schema(request=CareLinkCreateSerializer, responses={201: PatientSerializer})
    @action(detail=True, methods=["post"], permission_classes=[IsClinicAdmin])
    def physios(self, request: Request, pk: str) -> Response:
        patient = self.get_object()
        body = CareLinkCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        assert isinstance(request.user, User)
        physio = get_object_or_404(
            selectors.physios_of_clinic(request.user), pk=body.validated_data["physio"]
        )
        services.care_link_add(actor=request.user, patient=patient, physio=physio)
        return Response(PatientSerializer(patient).data, status=status.HTTP_201_CREATED)


class AccountDeleteSerializer(StrictSerializer):
    password = serializers.CharField(max_length=256, trim_whitespace=False)


class MeView(APIView):
    """The caller's account. Apps above accounts extend ``update_profile`` to react to a
    change (the nudges app reschedules the plan when the time zone changes)."""

    permission_classes = (IsAuthenticated,)

    def update_profile(self, user: User, changes: dict[str, Any]) -> User:
        return services.profile_update(user, **changes)

    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(request.user).data)

    @extend_schema(request=MeSerializer, responses=MeSerializer)
    def patch(self, request: Request) -> Response:
        body = MeSerializer(request.user, data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        user = self.update_profile(request_user(request), body.validated_data)
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


class InviteViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Invite]
):
    """Invites: physios invite patients, clinic admins invite physios (and patients).
    Looking up and accepting a code needs no account. Apps above accounts extend
    ``accept_invite`` to set up what a new account gets (the nudges app: a plan)."""

    lookup_field = "code"
    serializer_class = InviteSerializer

    def accept_invite(
        self, *, code: str, email: str, full_name: str, password: str, tz: str
    ) -> User:
        return services.invite_accept(
            code=code, email=email, full_name=full_name, password=password, tz=tz
        )

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
        user = self.accept_invite(
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
        return refused_response(refusal)
    except services.AccountInUse:
        return Response({"detail": ACCOUNT_IN_USE}, status=status.HTTP_409_CONFLICT)
    return Response(status=status.HTTP_204_NO_CONTENT)
