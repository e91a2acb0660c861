from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class DemoConfig(AppConfig):
    """The demo clinic (``seed_demo``): the one app above all the others, because setting
    up a demo touches every one of them, in order."""

    name = "backend.demo"
    label = "demo"
    verbose_name = gettext_lazy("Demo clinic")
