from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class OutcomesConfig(AppConfig):
    name = "backend.outcomes"
    label = "outcomes"
    verbose_name = gettext_lazy("Outcome measures")

    def ready(self) -> None:
        from backend.accounts.management.commands.seed_demo import demo_hooks
        from backend.outcomes.demo import demo_outcomes

        # After programs' demo history (this app comes after programs in INSTALLED_APPS).
        if demo_outcomes not in demo_hooks:
            demo_hooks.append(demo_outcomes)
