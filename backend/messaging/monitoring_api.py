"""HTTP API for consent, the time log and the monthly monitoring report."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import audit
from backend.accounts.models import Role
from backend.accounts.permissions import IsClinicStaff, IsPhysio
from backend.accounts.selectors import patients_visible_to
from backend.api import Pagination, request_user
from backend.messaging import reports, selectors, services
from backend.messaging.api import patient_from
from backend.messaging.models import Consent, ConsentMethod
from backend.messaging.report_pdf import report_pdf
from backend.messaging.serializers import (
    ConsentInSerializer,
    ConsentSerializer,
    TimeEntryEditSerializer,
    TimeEntryInSerializer,
    TimeEntrySerializer,
    TimerStartSerializer,
    paginated,
)

PATIENT = OpenApiParameter("patient", int, required=False)
MONTH = OpenApiParameter("month", str, required=True, description="YYYY-MM")


def _drf(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


class ConsentsView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(parameters=[PATIENT], responses=ConsentSerializer(many=True))
    def get(self, request: Request) -> Response:
        user = request_user(request)
        patient = patient_from(user, request.query_params.get("patient"), patients_visible_to(user))
        rows = (
            Consent.objects.filter(patient=patient)
            .select_related("recorded_by")
            .order_by("-given_on", "-pk")
        )
        return Response(ConsentSerializer(rows, many=True).data)

    @extend_schema(request=ConsentInSerializer, responses={201: ConsentSerializer})
    def post(self, request: Request) -> Response:
        user = request_user(request)
        body = ConsentInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            if user.role == Role.PATIENT:
                if set(data) - {"note"}:
                    raise ValidationError(
                        {"detail": [_("A patient gives consent as of today, in the app.")]}
                    )
                consent = services.consent_give_in_app(user)
            elif user.role == Role.PHYSIO:
                patient = patient_from(user, data.get("patient"), patients_visible_to(user))
                errors = {
                    k: [_("This field is required.")]
                    for k in ("given_on", "method")
                    if k not in data
                }
                if errors:
                    raise ValidationError(errors)
                if data["method"] == ConsentMethod.IN_APP:
                    raise ValidationError(
                        {"method": [_("Only the patient gives consent in the app.")]}
                    )
                consent = services.consent_record(
                    patient,
                    actor=user,
                    given_on=data["given_on"],
                    method=data["method"],
                    note=data.get("note", ""),
                )
            else:
                raise PermissionDenied(
                    _("Consent is recorded by the physio or given by the patient.")
                )
        except DjangoValidationError as error:
            raise _drf(error) from None
        return Response(ConsentSerializer(consent).data, status=status.HTTP_201_CREATED)


class ConsentRevokeView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(request=None, responses=ConsentSerializer)
    def post(self, request: Request, consent_id: int) -> Response:
        user = request_user(request)
        if user.role == Role.CLINIC_ADMIN:
            raise PermissionDenied(_("Consent is revoked by the patient or their physio."))
        consent = get_object_or_404(Consent, pk=consent_id, patient__in=patients_visible_to(user))
        return Response(ConsentSerializer(services.consent_revoke(consent, actor=user)).data)


class TimeEntriesView(APIView):
    permission_classes = (IsClinicStaff,)

    @extend_schema(
        parameters=[PATIENT], responses=paginated("PaginatedTimeEntryList", TimeEntrySerializer)
    )
    def get(self, request: Request) -> Response:
        user = request_user(request)
        rows = selectors.time_entries_for(user)
        if request.query_params.get("patient"):
            patient = patient_from(user, request.query_params["patient"], patients_visible_to(user))
            rows = rows.filter(patient=patient)
        paginator = Pagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response(TimeEntrySerializer(page, many=True).data)

    @extend_schema(request=TimeEntryInSerializer, responses={201: TimeEntrySerializer})
    def post(self, request: Request) -> Response:
        user = request_user(request)
        if user.role != Role.PHYSIO:
            raise PermissionDenied(_("Physios log their own time."))
        body = TimeEntryInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        patient = patient_from(user, data.pop("patient"), patients_visible_to(user))
        try:
            entry = services.time_entry_create(physio=user, patient=patient, **data)
        except DjangoValidationError as error:
            raise _drf(error) from None
        return Response(TimeEntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class TimeEntryView(APIView):
    permission_classes = (IsPhysio,)

    @extend_schema(request=TimeEntryEditSerializer, responses=TimeEntrySerializer)
    def patch(self, request: Request, entry_id: int) -> Response:
        user = request_user(request)
        entry = get_object_or_404(selectors.time_entries_for(user), pk=entry_id)
        body = TimeEntryEditSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            entry = services.time_entry_update(entry, actor=user, **body.validated_data)
        except DjangoValidationError as error:
            raise _drf(error) from None
        return Response(TimeEntrySerializer(entry).data)


class TimeEntryHistoryView(APIView):
    permission_classes = (IsClinicStaff,)

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request, entry_id: int) -> Response:
        entry = get_object_or_404(selectors.time_entries_for(request_user(request)), pk=entry_id)
        return Response(
            [
                {"action": r.action, "at": r.changed_at, "by": r.changed_by_id, "values": r.values}
                for r in entry.revisions.all()
            ]
        )


class TimerStartView(APIView):
    permission_classes = (IsPhysio,)

    @extend_schema(request=TimerStartSerializer, responses={201: TimeEntrySerializer})
    def post(self, request: Request) -> Response:
        user = request_user(request)
        body = TimerStartSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        patient = patient_from(user, body.validated_data["patient"], patients_visible_to(user))
        try:
            entry = services.timer_start(
                physio=user, patient=patient, category=body.validated_data["category"]
            )
        except DjangoValidationError as error:
            raise _drf(error) from None
        return Response(TimeEntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class TimerStopView(APIView):
    permission_classes = (IsPhysio,)

    @extend_schema(request=None, responses=TimeEntrySerializer)
    def post(self, request: Request, entry_id: int) -> Response:
        user = request_user(request)
        entry = get_object_or_404(selectors.time_entries_for(user), pk=entry_id, physio=user)
        try:
            entry = services.timer_stop(entry, physio=user)
        except DjangoValidationError as error:
            raise _drf(error) from None
        return Response(TimeEntrySerializer(entry).data)


def _month(request: Request) -> tuple[int, int]:
    parsed = reports.parse_month(request.query_params.get("month", ""))
    if parsed is None:
        raise ValidationError({"month": [_("Give the month as YYYY-MM.")]})
    return parsed


class MonthlyReportView(APIView):
    permission_classes = (IsClinicStaff,)

    @extend_schema(parameters=[PATIENT, MONTH], responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        user = request_user(request)
        year, month = _month(request)
        patient = patient_from(user, request.query_params.get("patient"), patients_visible_to(user))
        audit.record_patient_access(request.user, patient, "monitoring_report", request.path)
        return Response(reports.patient_report(patient, year, month))


class MonthlyReportPdfView(APIView):
    permission_classes = (IsClinicStaff,)

    @extend_schema(
        parameters=[PATIENT, MONTH], responses={(200, "application/pdf"): OpenApiTypes.BINARY}
    )
    def get(self, request: Request) -> HttpResponse:
        user = request_user(request)
        year, month = _month(request)
        patient = patient_from(user, request.query_params.get("patient"), patients_visible_to(user))
        audit.record_patient_access(request.user, patient, "monitoring_report", request.path)
        pdf = report_pdf(reports.patient_report(patient, year, month))
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="monitoring-{patient.pk}-{year:04d}-{month:02d}.pdf"'
        )
        return response


class ClinicReportCsvView(APIView):
    permission_classes = (IsClinicStaff,)

    @extend_schema(parameters=[MONTH], responses={(200, "text/csv"): OpenApiTypes.STR})
    def get(self, request: Request) -> StreamingHttpResponse:
        user = request_user(request)
        year, month = _month(request)
        lines = reports.clinic_csv_lines(patients_visible_to(user), year, month)
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="monitoring-{year:04d}-{month:02d}.csv"'
        )
        return response
