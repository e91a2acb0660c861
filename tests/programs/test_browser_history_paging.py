"""The whole session history, a page at a time: the patient's progress screen and the
physio's patient detail list ten sessions and load the next ten with "Show more"
(``/api/progress/`` itself holds only the recent weeks)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from backend.accounts.models import User
from backend.programs.models import Assignment
from backend.programs.services import session_log
from tests.factories import TEST_PASSWORD, session_data
from tests.support.browser_steps import login, patient_program


def _history(patient: User, assignment: Assignment, count: int) -> None:
    """One session a day for ``count`` days back; pain after = the day's number % 10."""
    now = timezone.now()
    for day in range(count):
        done = now - timedelta(days=day, minutes=5)
        session_log(
            patient=patient,
            data=session_data(
                assignment,
                completed_at=done,
                started_at=done - timedelta(minutes=15),
                pain_before=3,
                pain_after=day % 10,
                difficulty="too_easy" if day == 14 else "about_right",
                items=[{"exercise": "bird-dog", "sets_done": 1, "reps_done": 2}],
            ),
        )


def test_the_patient_loads_older_sessions_with_show_more(page: Page, cast: Any) -> None:
    assignment = patient_program(cast.phil, cast.pat)
    Assignment.objects.filter(pk=assignment.pk).update(
        start_date=timezone.localdate() - timedelta(days=40)
    )
    assignment.refresh_from_db()
    _history(cast.pat, assignment, 25)
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "pat@example.com", TEST_PASSWORD)
    page.goto("/progress")
    history = page.get_by_role("region", name="Your sessions")
    expect(history.get_by_role("listitem")).to_have_count(10)
    expect(history.get_by_role("status")).to_have_text("Showing 10 of 25 sessions.")
    expect(history.get_by_text("pain 3 → 4 · too easy")).to_have_count(0)  # day 14: page 2
    history.get_by_role("button", name="Show more").click()
    expect(history.get_by_role("listitem")).to_have_count(20)
    expect(history.get_by_text("pain 3 → 4 · too easy")).to_be_visible()
    page.screenshot(path="var/test/history-phone.png", full_page=True)
    history.get_by_role("button", name="Show more").click()
    expect(history.get_by_role("status")).to_have_text("Showing all 25 sessions.")
    expect(history.get_by_role("button", name="Show more")).to_have_count(0)


def test_the_physio_loads_older_sessions_of_a_patient(page: Page, cast: Any) -> None:
    assignment = patient_program(cast.phil, cast.pat)
    _history(cast.pat, assignment, 7)
    Assignment.objects.filter(pk=assignment.pk).update(
        start_date=timezone.localdate() - timedelta(days=40)
    )
    assignment.refresh_from_db()
    now = timezone.now()
    for day in range(7, 15):  # older ones, on the moved start
        done = now - timedelta(days=day, minutes=5)
        session_log(
            patient=cast.pat,
            data=session_data(
                assignment,
                completed_at=done,
                started_at=done - timedelta(minutes=15),
                pain_before=3,
                pain_after=9 if day == 14 else 1,
                difficulty="about_right",
                items=[{"exercise": "bird-dog", "sets_done": 1, "reps_done": 2}],
            ),
        )
    page.set_viewport_size({"width": 1280, "height": 800})
    login(page, "phil@example.com", TEST_PASSWORD)
    page.goto(f"/physio/patients/{cast.pat.pk}")
    sessions = page.get_by_role("region", name="Recent sessions")
    expect(sessions.get_by_role("listitem")).to_have_count(10)
    expect(sessions.get_by_text("pain 3 → 9")).to_have_count(0)
    sessions.get_by_role("button", name="Show more").click()
    expect(sessions.get_by_role("listitem")).to_have_count(15)
    expect(sessions.get_by_text("pain 3 → 9")).to_be_visible()
    expect(sessions.get_by_role("status")).to_have_text("Showing all 15 sessions.")
    page.screenshot(path="var/test/history-desktop.png", full_page=True)
