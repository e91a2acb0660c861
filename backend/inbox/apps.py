from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class InboxConfig(AppConfig):
    name = "backend.inbox"
    label = "inbox"
    verbose_name = gettext_lazy("Inbox and push")
