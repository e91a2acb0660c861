from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class InteropConfig(AppConfig):
    name = "backend.interop"
    label = "interop"
    verbose_name = gettext_lazy("Interoperability (FHIR export)")

    def ready(self) -> None:
        from backend.accounts.api import EXPORT_FORMATS
        from backend.interop.api import FhirJsonRenderer, personal_data_fhir

        EXPORT_FORMATS["fhir"] = (FhirJsonRenderer, personal_data_fhir)
