from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ExercisesConfig(AppConfig):
    name = "exercises"
    verbose_name = gettext_lazy("Exercise library")
