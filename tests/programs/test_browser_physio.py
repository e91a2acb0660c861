"""A physiotherapist in the browser: building and assigning a program, then seeing the
patient's session."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from backend.programs.models import Assignment
from backend.programs.services import session_log
from tests.factories import TEST_PASSWORD, session_data
from tests.support.browser_steps import login


def test_physio_builds_and_assigns_a_program_then_sees_the_patients_session(
    page: Page, cast: Any
) -> None:
    login(page, "phil@example.com", TEST_PASSWORD)
    expect(page.get_by_role("heading", level=1, name="Your patients")).to_be_visible()
    expect(page.get_by_role("link", name="Pat Patient")).to_be_visible()

    page.get_by_role("link", name="Build a program").click()
    expect(page.get_by_role("heading", level=1, name="Build a program")).to_be_visible()
    page.get_by_label("Search").fill("bird dog")
    page.get_by_role("button", name="Add Bird dog").click()
    page.get_by_label("Search").fill("glute bridge")
    page.get_by_role("button", name="Add Glute bridge").click()
    expect(page.get_by_role("heading", name="Exercises (2)")).to_be_visible()
    page.get_by_role("button", name="Move Glute bridge up").click()
    page.get_by_label("Name", exact=True).fill("Back basics")
    page.get_by_role("combobox", name=re.compile("^Patient")).select_option(label="Pat Patient")
    days = page.get_by_role("group", name="Days")
    for day in ("Tuesday", "Thursday", "Saturday", "Sunday"):
        days.get_by_label(day).check()
    page.get_by_role("button", name="Save and assign").click()

    expect(page.get_by_role("heading", level=1, name="Program saved")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="assigned to Pat Patient")).to_be_visible()
    assignment = Assignment.objects.select_related("program__current_version").get(patient=cast.pat)
    assert assignment.program.name == "Back basics"
    assert assignment.assigned_by == cast.phil
    assert assignment.days_of_week == [1, 2, 3, 4, 5, 6, 7]
    version = assignment.program.current_version
    assert version is not None
    assert [i.exercise.slug for i in version.items.order_by("position")] == [
        "glute-bridge",
        "bird-dog",
    ]

    # Pat does the session on her phone (logged through the same service as the API).
    now = timezone.now()
    session_log(
        patient=cast.pat,
        data=session_data(
            assignment,
            completed_at=now - timedelta(minutes=1),
            started_at=now - timedelta(minutes=12),
            pain_before=4,
            pain_after=3,
            difficulty="about_right",
            notes="Felt steadier today.",
            items=[
                {"exercise": "glute-bridge", "sets_done": 2, "reps_done": 20},
                {"exercise": "bird-dog", "sets_done": 2, "reps_done": 16},
            ],
        ),
    )

    page.get_by_role("link", name="Open patient").click()
    expect(page.get_by_role("heading", level=1, name="Pat Patient")).to_be_visible()
    programs = page.get_by_role("region", name="Programs")
    expect(programs.get_by_text("Back basics")).to_be_visible()
    sessions = page.get_by_role("region", name="Recent sessions")
    expect(sessions.get_by_text("pain 4 → 3 · about right")).to_be_visible()
    expect(sessions.get_by_text("Felt steadier today.")).to_be_visible()

    page.get_by_role("link", name="Caseload").click()
    # On a phone the caseload is one card per patient (no table wider than the screen).
    card = page.get_by_role("listitem").filter(has=page.get_by_role("link", name="Pat Patient"))
    expect(card).to_contain_text("Latest pain 3")
    page.set_viewport_size({"width": 1280, "height": 800})
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Pat Patient"))
    expect(row.get_by_role("cell").nth(4)).to_have_text("3")
