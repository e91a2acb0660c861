"""Forms that write and had no browser test that saves, reloads and reads back: the
patient's calendar link (made, then turned off) and the physio's pause / resume / end of
an assignment."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from backend.programs.models import Assignment
from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import PHONE, Contexts, login, patient_program


def test_the_calendar_link_is_made_and_turned_off(contexts: Contexts, cast: Any) -> None:
    assignment = patient_program(cast.phil, cast.pat, name="Core basics")
    page = contexts.page(contexts.new(viewport=PHONE))
    login(page, "pat@example.com", TEST_PASSWORD)
    page.goto("/settings")
    page.get_by_role("button", name="Get calendar link").click()
    link = page.get_by_label("Your private calendar link")
    expect(link).to_have_value(re.compile(r"/api/calendar/.+\.ics$"))
    url = "/api/calendar/" + link.input_value().split("/api/calendar/", 1)[1]
    page.reload()
    # Saved on the server: the link now serves the program's calendar.
    feed = page.request.get(url)
    assert feed.status == 200 and "Core basics" in feed.text()
    assignment.refresh_from_db()
    assert assignment.calendar_token

    page.get_by_role("button", name="Turn off calendar link").click()
    expect(page.get_by_role("status").filter(has_text="turned off")).to_be_visible()
    page.reload()
    assert page.request.get(url).status == 404
    assignment.refresh_from_db()
    assert not assignment.calendar_token


def test_the_physio_pauses_resumes_and_ends_an_assignment(contexts: Contexts, cast: Any) -> None:
    assignment = patient_program(cast.phil, cast.pat, name="Core basics")
    page = contexts.page(contexts.new(viewport=PHONE))
    login(page, "phil@example.com", TEST_PASSWORD)
    page.goto(f"/physio/patients/{cast.pat.pk}")
    card = page.get_by_role("listitem").filter(has_text="Core basics")
    card.get_by_role("button", name="Pause", exact=True).click()
    expect(card.get_by_role("status")).to_have_text("Paused.")
    page.reload()
    card = page.get_by_role("listitem").filter(has_text="Core basics")
    expect(card.locator(".pill")).to_have_text("paused")
    assert Assignment.objects.get(pk=assignment.pk).status == "paused"

    card.get_by_role("button", name="Resume").click()
    expect(card.get_by_role("status")).to_have_text("Resumed.")
    page.reload()
    card = page.get_by_role("listitem").filter(has_text="Core basics")
    expect(card.locator(".pill")).to_have_text("active")

    page.once("dialog", lambda dialog: dialog.accept())
    card.get_by_role("button", name="End", exact=True).click()
    expect(card.get_by_role("status")).to_have_text("Ended.")
    page.reload()
    card = page.get_by_role("listitem").filter(has_text="Core basics")
    expect(card.locator(".pill")).to_have_text("ended")
    assert Assignment.objects.get(pk=assignment.pk).status == "ended"
