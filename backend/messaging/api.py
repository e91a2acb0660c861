"""Messaging HTTP API: threads, read state, alert acknowledgment, notification choices."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.models import Role, User
from backend.accounts.permissions import IsClinicAdmin, IsPhysio
from backend.api import Pagination, request_user
from backend.messaging import selectors, services
from backend.messaging.models import Message
from backend.messaging.serializers import (
    ClinicSettingsSerializer,
    MessageInSerializer,
    MessageOutSerializer,
    PrefsSerializer,
    ThreadReadInSerializer,
    message_data,
    paginated,
)
from backend.programs import viewsets as programs_viewsets
from backend.programs.models import Alert, Session
from backend.programs.safety import skipped_because_it_hurt

PATIENT_PARAM = OpenApiParameter("patient", int, required=False, description="staff: whose thread")


def _as_drf(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


def patient_from(user: User, value: Any, scope: QuerySet[User] | None = None) -> User:
    """The thread's patient: the caller if a patient, else ``value`` among those they may
    see (anything else is a 404)."""
    if user.role == Role.PATIENT:
        if value not in (None, "") and str(value) != str(user.pk):
            raise NotFound
        return user
    if value in (None, ""):
        raise ValidationError({"patient": [_("Name the patient.")]})
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise ValidationError({"patient": [_("A patient id is a number.")]}) from None
    scope = scope if scope is not None else selectors.thread_patients_for(user)
    return get_object_or_404(scope, pk=pk)


class MessagesView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        parameters=[PATIENT_PARAM],
        responses=paginated("PaginatedMessageList", MessageOutSerializer),
    )
    def get(self, request: Request) -> Response:
        user = request_user(request)
        patient = patient_from(user, request.query_params.get("patient"))
        paginator = Pagination()
        page = paginator.paginate_queryset(selectors.thread_messages(patient), request, view=self)
        marks = selectors.read_marks(patient)
        return paginator.get_paginated_response(
            [message_data(m, user.pk, marks) for m in page or []]
        )

    @extend_schema(
        request=MessageInSerializer,
        responses={201: MessageOutSerializer, 200: MessageOutSerializer, 409: None},
    )
    def post(self, request: Request) -> Response:
        user = request_user(request)
        body = MessageInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        patient = patient_from(user, data.get("patient"))
        if not selectors.can_post(user):
            raise PermissionDenied(_("Clinic administrators read threads; they do not post."))
        try:
            message, created = services.message_post(
                sender=user, patient=patient, message_id=data["id"], body=data["body"]
            )
        except DjangoValidationError as error:
            raise _as_drf(error) from None
        except services.MessageConflict:
            return Response(
                {"detail": _("A different message was already sent with this id.")},
                status=status.HTTP_409_CONFLICT,
            )
        out = message_data(message, user.pk, selectors.read_marks(patient))
        return Response(out, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class ThreadReadView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(request=ThreadReadInSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        user = request_user(request)
        body = ThreadReadInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        patient = patient_from(user, body.validated_data.get("patient"))
        services.thread_mark_read(patient, user)
        return Response(status=status.HTTP_204_NO_CONTENT)


UNREAD = inline_serializer(
    "UnreadCounts",
    {
        "total": serializers.IntegerField(),
        "patients": serializers.DictField(child=serializers.IntegerField()),
    },
)


class UnreadView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(responses=UNREAD)
    def get(self, request: Request) -> Response:
        user = request_user(request)
        ids = list(selectors.thread_patients_for(user).values_list("pk", flat=True))
        counts = selectors.unread_counts(user, ids)
        return Response(
            {"total": sum(counts.values()), "patients": {str(k): v for k, v in counts.items()}}
        )


class NoReplyView(APIView):
    permission_classes = (IsPhysio,)

    @extend_schema(request=None, responses=MessageOutSerializer)
    def post(self, request: Request, message_id: str) -> Response:
        user = request_user(request)
        message = get_object_or_404(
            Message.objects.select_related("sender"),
            pk=message_id,
            patient__in=selectors.thread_patients_for(user),
        )
        services.message_mark_no_reply(message, user)
        return Response(message_data(message, user.pk, selectors.read_marks(message.patient)))


class PrefsView(APIView):
    permission_classes = (IsPhysio,)

    @extend_schema(responses=PrefsSerializer)
    def get(self, request: Request) -> Response:
        prefs = selectors.prefs_for(request_user(request))
        return Response({"email_alerts": prefs.email_alerts, "email_digest": prefs.email_digest})

    @extend_schema(request=PrefsSerializer, responses=PrefsSerializer)
    def put(self, request: Request) -> Response:
        body = PrefsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        prefs = services.prefs_update(request_user(request), **body.validated_data)
        return Response({"email_alerts": prefs.email_alerts, "email_digest": prefs.email_digest})


class ClinicSettingsView(APIView):
    permission_classes = (IsClinicAdmin,)

    @extend_schema(responses=ClinicSettingsSerializer)
    def get(self, request: Request) -> Response:
        user = request_user(request)
        return Response({"admins_read_threads": selectors.admins_read_threads(user.clinic_id)})

    @extend_schema(request=ClinicSettingsSerializer, responses=ClinicSettingsSerializer)
    def put(self, request: Request) -> Response:
        user = request_user(request)
        if user.clinic_id is None:
            raise PermissionDenied(_("No clinic."))
        body = ClinicSettingsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        row = services.clinic_settings_update(user.clinic_id, **body.validated_data)
        return Response({"admins_read_threads": row.admins_read_threads})


# --- Views of programs with messaging's part added, routed at the same paths ---------------
class CaseloadViewSet(programs_viewsets.CaseloadViewSet):
    __doc__ = programs_viewsets.CaseloadViewSet.__doc__  # the schema's description: unchanged

    def add_columns(self, user: User, rows: list[dict[str, Any]]) -> None:
        selectors.caseload_extras(user, rows)  # unread messages, monitoring days


class SessionViewSet(programs_viewsets.SessionViewSet):
    def logged(self, session: Session, created: bool) -> None:
        # A fresh session has only the alerts session_log just raised: a pain alert (its
        # alert_reason) or an exercise skipped because it hurt; without either there is
        # nothing to look up. A replay always looks: it tells nobody twice (the ledger)
        # and heals a request that died between logging the session and telling them.
        if created and not (session.alert_reason or skipped_because_it_hurt(session.items.all())):
            return
        services.alerts_notify(Alert.objects.filter(session=session))
