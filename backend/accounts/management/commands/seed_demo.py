"""``python manage.py seed_demo [--password P]``: a demo clinic to try Upright with."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from backend.accounts.models import CareLink, Clinic, Role, User
from backend.accounts.services import patient_created_hooks

DEMO_CLINIC = "Upright Demo Clinic"
DEMO_USERS = (
    ("physio@example.com", "Priya Physio", Role.PHYSIO),
    ("patient@example.com", "Pat Patient", Role.PATIENT),
    ("admin@example.com", "Ada Admin", Role.CLINIC_ADMIN),
)
# Extra demo set-up (an active assignment, a nudge plan) registered by other apps.
demo_hooks: list[Any] = []


class Command(BaseCommand):
    help = "Create (or refresh) the demo clinic, physiotherapist and patient."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", help="password for every demo account")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        password = options["password"] or secrets.token_urlsafe(9)
        clinic, _ = Clinic.objects.get_or_create(name=DEMO_CLINIC)
        people: dict[str, User] = {}
        for email, name, role in DEMO_USERS:
            user, created = User.objects.get_or_create(
                email=email,
                defaults={
                    "full_name": name,
                    "role": role,
                    "clinic": clinic,
                    "timezone": "Europe/London",
                    "is_staff": role == Role.CLINIC_ADMIN,
                },
            )
            user.set_password(password)
            user.save(update_fields=["password"])
            people[role] = user
            if created and role == Role.PATIENT:
                for hook in patient_created_hooks:
                    hook(user)
        CareLink.objects.get_or_create(patient=people[Role.PATIENT], physio=people[Role.PHYSIO])
        for hook in demo_hooks:
            hook(patient=people[Role.PATIENT], physio=people[Role.PHYSIO])
        self.stdout.write(self.style.SUCCESS(f"Demo clinic: {clinic.name}"))
        for email, _, role in DEMO_USERS:
            self.stdout.write(f"  {role:<13} {email}  password: {password}")
