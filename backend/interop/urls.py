"""FHIR export routes, and the personal-data export (which has a FHIR format)."""

from django.urls import URLPattern, path

from backend.interop import api

urlpatterns: list[URLPattern] = [
    path("patients/<int:patient_id>/fhir/", api.PatientFhirView.as_view(), name="patient-fhir"),
    path("me/fhir/", api.MeFhirView.as_view(), name="me-fhir"),
    path("me/export/", api.MeExportView.as_view(), name="me-export"),
]
