from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class MessagingConfig(AppConfig):
    name = "backend.messaging"
    label = "messaging"
    verbose_name = gettext_lazy("Messages, time log and monitoring reports")
    default_auto_field = "django.db.models.BigAutoField"
