from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "backend.programs"
    label = "programs"
    verbose_name = "Programs and sessions"

    def ready(self) -> None:
        from backend.accounts.management.commands.seed_demo import demo_hooks
        from backend.programs.services import demo_assignment

        if demo_assignment not in demo_hooks:
            demo_hooks.append(demo_assignment)
