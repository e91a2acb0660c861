"""``python manage.py render_poses``: every pose of the library (and of the clinics' own
exercises) on one labelled contact sheet, ``var/poses/contact-sheet.svg`` and ``.png``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError

from exercises.contact_sheet import contact_sheet_svg
from exercises.content_files import load_documents
from exercises.selectors import clinic_exercises_for_review
from exercises.services import CONTENT_DIR


def library_entries(content_dir: Path) -> list[dict[str, Any]]:
    docs = load_documents(content_dir)
    entries = []
    for name in sorted(docs):
        if not name.startswith("exercises/"):
            continue
        for entry in docs[name] or []:
            en = entry["translations"]["en"]
            entries.append(
                {
                    "slug": entry["slug"],
                    "name": en["name"],
                    "poses": entry["poses"],
                    "labels": en["pose_labels"],
                }
            )
    return entries


def svg_to_png(svg_path: Path, png_path: Path) -> bool:
    """Screenshot the sheet with Chromium (Playwright, a dev dependency); False without."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return False
    chromium = Path("/usr/bin/chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(chromium) if chromium.exists() else None,
            args=["--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page(viewport={"width": 960, "height": 800})
        page.set_content(f'<body style="margin:0">{svg_path.read_text()}</body>')
        page.screenshot(path=str(png_path), full_page=True, timeout=180_000)
        browser.close()
    return True


class Command(BaseCommand):
    help = "Render every pose to one labelled contact sheet (SVG and PNG) for clinical review."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, default=Path(settings.VAR_DIR) / "poses")
        parser.add_argument("--no-png", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        entries = library_entries(CONTENT_DIR)
        try:
            own = clinic_exercises_for_review()
        except DatabaseError:  # no database yet: the library alone
            own = []
            self.stdout.write("No database: clinics' own exercises are not included.")
        out: Path = options["out"]
        out.mkdir(parents=True, exist_ok=True)
        svg_path = out / "contact-sheet.svg"
        title = f"Upright poses: {len(entries)} library and {len(own)} clinic exercises"
        svg_path.write_text(contact_sheet_svg([*entries, *own], title))
        self.stdout.write(f"Wrote {svg_path}")
        png_path = out / "contact-sheet.png"
        if not options["no_png"]:
            if svg_to_png(svg_path, png_path):
                self.stdout.write(f"Wrote {png_path}")
            else:
                self.stdout.write("No Playwright: PNG skipped (the SVG opens in any browser).")
