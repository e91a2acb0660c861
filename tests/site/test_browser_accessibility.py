"""axe-core finds no WCAG 2 A/AA violations on the main screens.

axe is injected as a script tag; the app's Content-Security-Policy allows no inline script, so
these contexts bypass CSP (only axe needs it: the app's own scripts are same-origin files).
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from backend.programs.services import session_log
from tests.factories import TEST_PASSWORD, session_data
from tests.support.browser_steps import (
    Contexts,
    axe_violations,
    describe,
    login,
    nudge_for,
    patient_program,
    pick,
)


def _settled(page: Page, title: str) -> None:
    """The screen's heading is shown and nothing on it is still loading."""
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    expect(
        page.get_by_role("status").filter(has_text=re.compile(r"Loading|Working out"))
    ).to_have_count(0)


def _check(page: Page, screen: str, found: dict[str, list[dict[str, Any]]]) -> None:
    # E2E_SCREENSHOTS=DIR keeps a picture of each checked screen, to look at.
    if shots := os.environ.get("E2E_SCREENSHOTS"):
        name = re.sub(r"[^a-z0-9]+", "-", screen)
        page.screenshot(path=str(Path(shots) / f"{name}.png"), full_page=True)
    violations = axe_violations(page)
    if violations:
        found[screen] = violations


def test_patient_screens_have_no_wcag_violations(contexts: Contexts, cast: Any) -> None:
    assignment = patient_program(cast.phil, cast.pat)
    now = timezone.now()
    session_log(
        patient=cast.pat,
        data=session_data(
            assignment,
            completed_at=now - timedelta(days=1),
            started_at=now - timedelta(days=1, minutes=10),
            pain_before=4,
            pain_after=3,
            difficulty="too_easy",
            items=[{"exercise": "bird-dog", "sets_done": 1, "reps_done": 2}],
        ),
    )
    nudge_for(cast.pat)
    found: dict[str, list[dict[str, Any]]] = {}
    page = contexts.page(contexts.new(bypass_csp=True))

    page.goto("/login")
    _settled(page, "Sign in")
    _check(page, "login", found)

    login(page, "pat@example.com", TEST_PASSWORD)
    _settled(page, "Today")
    expect(page.get_by_role("region", name="Core basics")).to_be_visible()
    _check(page, "today", found)

    page.get_by_role("link", name="Start session").click()
    _settled(page, "Core basics")
    _check(page, "player: pain before", found)
    pick(page, "pain do you have right now", "2")
    page.get_by_role("button", name="Begin").click()
    expect(page.get_by_role("heading", level=2, name="Bird dog")).to_be_visible()
    _check(page, "player: exercise", found)
    page.goto("/progress")
    _settled(page, "Your progress")
    _check(page, "progress", found)

    page.get_by_role("link", name="Inbox").click()
    _settled(page, "Inbox")
    expect(page.get_by_role("button", name="I moved")).to_be_visible()
    _check(page, "inbox", found)

    page.get_by_role("link", name="Settings").click()
    _settled(page, "Settings")
    _check(page, "settings", found)

    assert not found, describe([{"screen": k, "violations": v} for k, v in found.items()])


def test_physio_screens_have_no_wcag_violations(contexts: Contexts, cast: Any) -> None:
    assignment = patient_program(cast.phil, cast.pat)
    now = timezone.now()
    session_log(  # a pain spike: an alert for the alerts list and the patient's page
        patient=cast.pat,
        data=session_data(
            assignment,
            completed_at=now - timedelta(minutes=1),
            started_at=now - timedelta(minutes=10),
            pain_before=2,
            pain_after=6,
            difficulty="too_hard",
            items=[{"exercise": "bird-dog", "sets_done": 1, "reps_done": 2}],
        ),
    )
    found: dict[str, list[dict[str, Any]]] = {}
    page = contexts.page(contexts.new(bypass_csp=True, viewport={"width": 1280, "height": 900}))

    login(page, "phil@example.com", TEST_PASSWORD)
    _settled(page, "Your patients")
    expect(page.get_by_role("link", name="Pat Patient")).to_be_visible()
    _check(page, "caseload", found)

    page.get_by_role("link", name="Pat Patient").click()
    _settled(page, "Pat Patient")
    _check(page, "patient detail", found)

    page.get_by_role("link", name="Build and assign").click()
    _settled(page, "Build a program")
    expect(page.get_by_role("button", name="Add Bird dog")).to_be_visible()
    page.get_by_role("button", name="Save and assign").click()  # the error state, too
    expect(page.get_by_role("alert").filter(has_text="Add at least one exercise.")).to_be_visible()
    page.get_by_role("button", name="Add Bird dog").click()
    _check(page, "program builder", found)

    page.get_by_role("link", name="Alerts").click()
    _settled(page, "Alerts")
    expect(page.get_by_role("button", name="Acknowledge")).to_be_visible()
    _check(page, "alerts", found)
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.locator(".pill.status-acknowledged")).to_be_visible()
    _check(page, "alerts: acknowledged", found)

    page.get_by_role("link", name="Invite", exact=True).click()
    _settled(page, "Invite a patient")
    page.get_by_label("Email").fill("nina@example.com")
    page.get_by_role("button", name="Create invite").click()
    expect(page.get_by_role("heading", name="Invite ready")).to_be_visible()
    _check(page, "invite", found)

    # The same screens on a phone (the caseload is a list of cards there).
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="Caseload").click()
    _settled(page, "Your patients")
    expect(page.get_by_role("link", name="Pat Patient", exact=True)).to_be_visible()
    _check(page, "caseload: phone", found)
    page.get_by_role("link", name="Pat Patient", exact=True).click()
    _settled(page, "Pat Patient")
    _check(page, "patient detail: phone", found)

    assert not found, describe([{"screen": k, "violations": v} for k, v in found.items()])
