"""The PWA in Spanish (issue #19): the switch in Settings saves the account's language, changes
Today, the player and Settings at once, and survives a reload, also offline."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.conf import settings
from playwright.sync_api import Page, Request, expect

from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import login, patient_program, pick, wait_for_service_worker

SHOTS = Path(settings.VAR_DIR) / "screenshots"


def shot(page: Page, name: str) -> None:
    """Keeps a full-page picture for looking at overflow (long Spanish and German words)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_switching_to_spanish_changes_the_app_and_survives_an_offline_reload(
    page: Page, cast: Any
) -> None:
    patient_program(cast.phil, cast.pat)
    languages: list[str] = []

    def record(request: Request) -> None:
        if request.url.endswith("/api/today/"):
            languages.append(request.headers.get("accept-language", ""))

    page.context.on("request", record)
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "pat@example.com", TEST_PASSWORD)
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    wait_for_service_worker(page)

    page.get_by_role("link", name="Settings").first.click()
    page.get_by_label("Language of the app").select_option("es")
    # The page turns Spanish at once, and the account keeps the choice.
    expect(page.get_by_role("heading", level=1, name="Ajustes")).to_be_visible()
    expect(page.get_by_text("Su idioma se ha guardado.")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    cast.pat.refresh_from_db()
    assert cast.pat.language == "es"

    # Save, reload, read back.
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Ajustes")).to_be_visible()
    expect(page.get_by_label("Idioma de la aplicación")).to_have_value("es")
    shot(page, "settings-es")

    # Today and the player.
    # Today asks the API in Spanish. The heading can show before that request leaves (the
    # screen first renders what it holds), so the request is waited for, not assumed.
    with page.expect_request(
        lambda r: r.url.endswith("/api/today/") and r.headers.get("accept-language") == "es"
    ):
        page.get_by_role("link", name="Hoy").first.click()
    expect(page.get_by_role("heading", level=1, name="Hoy")).to_be_visible()
    assert languages and languages[-1] == "es"
    card = page.get_by_role("region", name="Core basics")
    expect(card.get_by_role("link", name="Empezar la sesión")).to_be_visible()
    shot(page, "today-es")
    card.get_by_role("link", name="Empezar la sesión").click()
    pick(page, "Cuánto dolor tiene en este momento", "2")
    page.get_by_role("button", name="Empezar", exact=True).click()
    expect(page.get_by_text(re.compile(r"Ejercicio 1 de 1"))).to_be_visible()
    expect(page.get_by_text("1 serie · 2 repeticiones")).to_be_visible()
    shot(page, "player-es")
    page.goto("/today")
    expect(card.get_by_role("link", name="Empezar la sesión")).to_be_visible()

    # Offline, a reload keeps the language (catalogue from the precache, choice on the phone).
    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Hoy")).to_be_visible()
    expect(page.get_by_text("Sin conexión.")).to_be_visible()
    page.context.set_offline(False)


def test_the_account_language_is_used_at_start(page: Page, cast: Any) -> None:
    cast.pat.language = "de"
    cast.pat.save(update_fields=["language"])
    patient_program(cast.phil, cast.pat)
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "pat@example.com", TEST_PASSWORD)
    expect(page.get_by_role("heading", level=1, name="Heute")).to_be_visible()
    expect(page.get_by_role("link", name="Einheit starten")).to_be_visible()
    shot(page, "today-de")
    page.get_by_role("link", name="Einstellungen").first.click()
    expect(page.get_by_label("Sprache der App")).to_have_value("de")
    shot(page, "settings-de")
    page.get_by_label("Sprache der App").select_option("en")
    expect(page.get_by_role("heading", level=1, name="Settings")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Language of the app")).to_have_value("en")
    cast.pat.refresh_from_db()
    assert cast.pat.language == "en"
