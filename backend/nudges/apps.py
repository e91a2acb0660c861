from django.apps import AppConfig


class NudgesConfig(AppConfig):
    name = "backend.nudges"
    label = "nudges"
    verbose_name = "Nudges and reminders"
