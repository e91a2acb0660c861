from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ProgramsConfig(AppConfig):
    name = "backend.programs"
    label = "programs"
    verbose_name = gettext_lazy("Programs and sessions")
