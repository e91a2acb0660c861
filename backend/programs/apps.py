from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ProgramsConfig(AppConfig):
    name = "backend.programs"
    label = "programs"
    verbose_name = gettext_lazy("Programs and sessions")

    def ready(self) -> None:
        from backend.accounts.management.commands.seed_demo import demo_hooks
        from backend.programs.demo import demo_history
        from backend.programs.services import demo_assignment

        if demo_assignment not in demo_hooks:
            demo_hooks.append(demo_assignment)
        if demo_history not in demo_hooks:  # after the assignment it needs
            demo_hooks.append(demo_history)
