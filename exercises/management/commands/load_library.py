"""``python manage.py load_library``: validate and upsert exercises/content/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exercises.content_files import ContentError
from exercises.services import CONTENT_DIR, library_load


class Command(BaseCommand):
    help = "Load the exercise library (exercises, routines, tips) from its content files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--content-dir", type=Path, default=CONTENT_DIR)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = library_load(options["content_dir"])
        except ContentError as exc:
            raise CommandError(f"The library was not loaded; nothing changed.\n{exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Library loaded. {report.summary()}"))
