from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class NudgesConfig(AppConfig):
    name = "backend.nudges"
    label = "nudges"
    verbose_name = gettext_lazy("Nudges and reminders")

    def ready(self) -> None:
        from backend.accounts.services import patient_created_hooks, timezone_changed_hooks
        from backend.nudges.services import on_patient_created, on_timezone_changed

        if on_patient_created not in patient_created_hooks:
            patient_created_hooks.append(on_patient_created)
        if on_timezone_changed not in timezone_changed_hooks:
            timezone_changed_hooks.append(on_timezone_changed)
