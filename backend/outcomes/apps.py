from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class OutcomesConfig(AppConfig):
    name = "backend.outcomes"
    label = "outcomes"
    verbose_name = gettext_lazy("Outcome measures")
