"""``python manage.py load_measure_wording``: questionnaire wording into the database.

``--clinic ID --file path.yaml`` loads the wording a clinic holds a licence for (ODI,
RMDQ, ...), visible only to that clinic. ``--library`` loads Upright's own wording from
``exercises/content/measures/``. A refused file changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from backend.accounts.models import Clinic
from backend.outcomes.services import library_wording_load, wording_load
from backend.outcomes.wording import MEASURE_CONTENT_DIR, WordingError


class Command(BaseCommand):
    help = "Load questionnaire wording: a clinic's licensed file, or the library's own."

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--clinic", type=int, help="the clinic whose licensed wording this is")
        which.add_argument("--library", action="store_true", help="load the shipped wording")
        parser.add_argument("--file", type=Path, help="the wording file (with --clinic)")
        parser.add_argument("--content-dir", type=Path, default=MEASURE_CONTENT_DIR)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["library"]:
                count = library_wording_load(options["content_dir"])
                where = "the library"
            else:
                if options["file"] is None:
                    raise CommandError("--clinic needs --file path.yaml")
                clinic = Clinic.objects.filter(pk=options["clinic"]).first()
                if clinic is None:
                    raise CommandError(f"There is no clinic {options['clinic']}.")
                count = wording_load(options["file"], clinic=clinic)
                where = f"clinic {clinic.pk} ({clinic.name})"
        except WordingError as exc:
            raise CommandError(f"The wording was not loaded; nothing changed.\n{exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Loaded {count} wording(s) for {where}."))
