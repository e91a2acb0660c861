from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "backend.messaging"
    label = "messaging"
    verbose_name = "Messages, time log and monitoring reports"
    default_auto_field = "django.db.models.BigAutoField"
