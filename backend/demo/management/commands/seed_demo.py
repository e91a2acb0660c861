"""``python manage.py seed_demo [--password P]``: a demo clinic to try Upright with."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from backend.accounts.demo import DEMO_USERS
from backend.demo.services import demo_seed


class Command(BaseCommand):
    help = "Create (or refresh) the demo clinic, physiotherapist and patient."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", help="password for every demo account")

    def handle(self, *args: Any, **options: Any) -> None:
        password = options["password"] or secrets.token_urlsafe(9)
        people = demo_seed(password)
        self.stdout.write(self.style.SUCCESS(f"Demo clinic: {people.clinic.name}"))
        for email, _, role in DEMO_USERS:
            self.stdout.write(f"  {role:<13} {email}  password: {password}")
