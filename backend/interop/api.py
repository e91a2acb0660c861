"""FHIR export API: ``GET /api/patients/{id}/fhir/`` (clinic staff) and ``GET /api/me/fhir/``
(the patient). Both stream a Bundle as ``application/fhir+json``."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from backend.accounts import audit
from backend.accounts.models import Role, User
from backend.accounts.permissions import IsClinicStaff, IsPatient
from backend.accounts.selectors import export_stream
from backend.accounts.serializers import PERSONAL_DATA_EXPORT
from backend.api import request_user
from backend.interop import codes, selectors
from backend.interop.serializers import FhirBundleSerializer, export_query
from backend.interop.services import ExportQuery, fhir_export

FHIR_MEDIA_TYPE = "application/fhir+json"
PATIENT_FHIR = "patient.fhir"  # the access-log action of a staff export


class FhirJsonRenderer(JSONRenderer):
    """Lets clients ask for ``Accept: application/fhir+json`` (errors render as JSON)."""

    media_type = FHIR_MEDIA_TYPE
    format = "fhir"


def _links(request: Request, query: ExportQuery) -> Any:
    def links(has_next: bool) -> list[dict[str, str]]:
        base = request.build_absolute_uri(request.path)
        params = {k: v for k, v in request.query_params.items() if k != "_page"}
        out = [{"relation": "self", "url": f"{base}?{urlencode({**params, '_page': query.page})}"}]
        if has_next:
            next_params = {**params, "_page": query.page + 1}
            out.append({"relation": "next", "url": f"{base}?{urlencode(next_params)}"})
        return out

    return links


def fhir_bundle_response(
    request: Request, patient: User, query: ExportQuery, *, filename: str | None = None
) -> StreamingHttpResponse:
    """The streamed Bundle; also used by ``GET /api/me/export/?format=fhir``."""
    response = StreamingHttpResponse(
        fhir_export(patient, query, links=_links(request, query)), content_type=FHIR_MEDIA_TYPE
    )
    response["Cache-Control"] = "private, no-store"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


QUERY_PARAMETERS = [
    OpenApiParameter(
        "_since",
        str,
        description="Only resources changed at or after this instant (with a zone), "
        "e.g. 2026-11-24T08:00:00Z.",
    ),
    OpenApiParameter(
        "_type",
        str,
        description=f"Comma-separated resource types, from {', '.join(codes.RESOURCE_TYPES)}.",
    ),
    OpenApiParameter("_count", int, description="Entries per page (default 1000, at most 10000)."),
    OpenApiParameter("_page", int, description="Page number, from 1; follow Bundle.link next."),
]
BUNDLE_RESPONSES: dict[Any, Any] = {
    (200, FHIR_MEDIA_TYPE): OpenApiResponse(
        FhirBundleSerializer, description="A FHIR R4 Bundle of type collection."
    ),
    400: OpenApiResponse(description="A bad query parameter, named with its message."),
}


class PatientFhirView(APIView):
    """One of the caller's patients as a FHIR R4 Bundle (clinic staff; 404 for anyone
    the caller may not see)."""

    permission_classes = (IsClinicStaff,)
    renderer_classes = (JSONRenderer, FhirJsonRenderer)

    @extend_schema(
        parameters=QUERY_PARAMETERS,
        responses={**BUNDLE_RESPONSES, 404: OpenApiResponse(description="No such patient.")},
        summary="Export a patient's record as FHIR",
    )
    def get(self, request: Request, patient_id: int) -> StreamingHttpResponse:
        patient = selectors.patient_for_fhir(request_user(request), patient_id)
        if patient is None:
            raise NotFound()
        query = export_query(request.query_params)
        audit.record_patient_access(request.user, patient, PATIENT_FHIR, request.path)
        return fhir_bundle_response(request, patient, query)


class MeFhirView(APIView):
    """The signed-in patient's own record as a FHIR R4 Bundle."""

    permission_classes = (IsPatient,)
    renderer_classes = (JSONRenderer, FhirJsonRenderer)

    @extend_schema(
        parameters=QUERY_PARAMETERS,
        responses=BUNDLE_RESPONSES,
        summary="Export my record as FHIR",
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        query = export_query(request.query_params)
        return fhir_bundle_response(request, request_user(request), query)


# ``GET /api/me/export/``: the document of ``accounts.selectors.export_stream``, or with
# ``?format=fhir`` (a patient) the same record as one FHIR Bundle. The view lives here,
# above accounts, because it knows both formats (accounts never imports interop).
class MeExportView(APIView):
    """Everything Upright holds about the caller, as one JSON document."""

    permission_classes = (IsAuthenticated,)

    def get_renderers(self) -> list[BaseRenderer]:
        renderers = super().get_renderers()
        if getattr(getattr(self, "request", None), "GET", {}).get("format") == "fhir":
            renderers.append(FhirJsonRenderer())  # else DRF's ?format= negotiation says 404
        return renderers

    @extend_schema(responses=PERSONAL_DATA_EXPORT, summary="Export my personal data")
    def get(self, request: Request) -> Any:
        if request.query_params.get("format", "") == "fhir":
            return personal_data_fhir(request)
        # Streamed: the document is written while the rows are read, in chunks.
        response = StreamingHttpResponse(
            export_stream(request_user(request)), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="upright-my-data.json"'
        return response


def personal_data_fhir(request: Request) -> StreamingHttpResponse:
    """``GET /api/me/export/?format=fhir``: the whole record in one Bundle, as a download."""
    if request_user(request).role != Role.PATIENT:
        raise ValidationError({"format": [_("The FHIR format is for a patient's own record.")]})
    return fhir_bundle_response(
        request,
        request_user(request),
        ExportQuery(count=None),
        filename="upright-my-data.fhir.json",
    )
