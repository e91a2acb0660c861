"""axe-core finds no WCAG 2 A/AA violations on the patient screens changed for the player,
the pain-spike Today, the first run, questionnaires and settings errors, on a phone and a
desktop. ``E2E_SCREENSHOTS=DIR`` keeps a picture of each (to look at)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from backend.accounts.services import clinic_contact_update
from backend.outcomes.services import schedule_create
from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import (
    Contexts,
    axe_violations,
    describe,
    hold_program,
    login,
    pick,
    start_holds,
)

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def _check(page: Page, screen: str, size: str, found: dict[str, Any]) -> None:
    expect(
        page.get_by_role("status").filter(has_text=re.compile(r"Loading|Working out"))
    ).to_have_count(0)
    if shots := os.environ.get("E2E_SCREENSHOTS"):
        Path(shots).mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^a-z0-9]+", "-", f"{screen}-{size}")
        page.screenshot(path=str(Path(shots) / f"{name}.png"))
    violations = axe_violations(page)
    if violations:
        found[f"{screen} ({size})"] = violations


@pytest.mark.parametrize("size", list(SIZES))
def test_changed_patient_screens_have_no_wcag_violations(
    contexts: Contexts, cast: Any, size: str
) -> None:
    found: dict[str, Any] = {}
    page = contexts.page(contexts.new(bypass_csp=True, viewport=SIZES[size]))
    login(page, "pat@example.com", TEST_PASSWORD)
    expect(
        page.get_by_role("heading", name="Your physiotherapist is preparing your plan")
    ).to_be_visible()
    _check(page, "today first run", size, found)

    clinic_contact_update(actor=cast.adam, phone="+44 20 7946 0018", hours="Mon-Fri 8-18")
    hold_program(cast.phil, cast.pat)
    schedule_create(actor=cast.phil, patient_id=cast.pat.pk, measure="nprs", every_weeks=4)
    page.reload()
    expect(page.get_by_role("region", name="A questionnaire is ready")).to_be_visible()
    _check(page, "today", size, found)

    start_holds(page)
    expect(page.get_by_role("timer")).not_to_have_text("20")
    _check(page, "player mid-hold", size, found)
    page.get_by_role("button", name="End session early").click()
    _check(page, "player end early", size, found)
    page.get_by_role("button", name="Keep going").click()

    page.reload()
    expect(page.get_by_role("button", name="Resume session")).to_be_visible()
    _check(page, "player resume", size, found)
    page.get_by_role("button", name="Resume session").click()
    page.get_by_role("button", name="Start Glute bridge").click()
    page.get_by_role("button", name="Finish set now").click()
    page.get_by_role("button", name="Finish set now").click()
    page.get_by_role("button", name="Finish session").click()
    pick(page, "pain do you have now", "7")
    pick(page, "How hard was it", "Too hard")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Session saved"))).to_be_visible()
    _check(page, "session saved spike", size, found)
    page.get_by_role("button", name="Back to Today").click()
    expect(page.get_by_role("region", name="Please rest your back today")).to_be_visible()
    _check(page, "today after spike", size, found)

    page.get_by_role("link", name="Answer it now").click()
    page.get_by_role("button", name="Answer").click()
    expect(page.locator(".tiles.scale11")).to_be_visible()
    _check(page, "questionnaire", size, found)

    page.goto("/settings")
    expect(page.get_by_role("button", name="Save reminder settings")).to_be_visible()
    _check(page, "settings", size, found)
    days = page.get_by_role("group", name="Work days")
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"):
        days.get_by_role("checkbox", name=day).uncheck()
    page.get_by_role("button", name="Save reminder settings").click()
    expect(days.get_by_role("alert")).to_be_visible()
    _check(page, "settings errors", size, found)

    page.goto("/progress")
    expect(page.get_by_role("heading", level=1, name="Your progress")).to_be_visible()
    _check(page, "progress", size, found)

    assert not found, describe([{"screen": k, "violations": v} for k, v in found.items()])
