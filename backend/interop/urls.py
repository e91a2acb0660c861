"""FHIR export routes."""

from django.urls import URLPattern, path

from backend.interop import api

urlpatterns: list[URLPattern] = [
    path("patients/<int:patient_id>/fhir/", api.PatientFhirView.as_view(), name="patient-fhir"),
    path("me/fhir/", api.MeFhirView.as_view(), name="me-fhir"),
]
