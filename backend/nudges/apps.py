from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class NudgesConfig(AppConfig):
    name = "backend.nudges"
    label = "nudges"
    verbose_name = gettext_lazy("Nudges and reminders")
