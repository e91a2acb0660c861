"""The session player's figure: the server's shapes, sized to the pose, still when asked.

Set ``POSE_SHOTS=/some/dir`` to also save 390x844 screenshots of each exercise's figure.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from backend.programs.selectors import local_today
from backend.programs.services import assignment_create, program_create
from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import Contexts, login, pick, screened_no

EXERCISES = {
    "cat-cow": "Cat-cow",
    "bird-dog": "Bird dog",
    "side-lying-open-book": "Side-lying open book",
}


def _program(cast: Any) -> None:
    screened_no(cast.pat)
    items = [
        {
            "exercise": slug,
            "sets": 1,
            "reps": 2,
            "hold_seconds": None,
            "rest_seconds": 0,
            "per_side": False,
            "notes": "",
            "phase": 1,
        }
        for slug in EXERCISES
    ]
    program = program_create(actor=cast.phil, name="Figures", items=items)
    assignment_create(
        actor=cast.phil,
        program=program,
        patient_id=cast.pat.pk,
        start_date=local_today(cast.pat) - timedelta(days=7),
        end_date=None,
        days_of_week=[1, 2, 3, 4, 5, 6, 7],
    )


def _figure_ratio(page: Page) -> float:
    return float(
        page.locator("svg.figure").first.evaluate(
            "el => el.getBoundingClientRect().width / el.getBoundingClientRect().height"
        )
    )


def test_the_player_draws_the_server_shapes_at_the_pose_aspect(
    contexts: Contexts, cast: Any
) -> None:
    _program(cast)
    shots = os.environ.get("POSE_SHOTS")
    for reduced in (False, True):
        context = contexts.new(
            viewport={"width": 390, "height": 844},
            reduced_motion="reduce" if reduced else "no-preference",
        )
        page = contexts.page(context)
        login(page, cast.pat.email, TEST_PASSWORD)
        page.get_by_role("region", name="Figures").get_by_role("link", name="Start session").click()
        pick(page, "pain do you have right now", "2")
        page.get_by_role("button", name="Begin").click()
        for index, (slug, name) in enumerate(EXERCISES.items()):
            heading = page.get_by_role("heading", level=2)
            expect(heading).to_have_text(name)
            figure = page.locator("svg.figure").first
            expect(figure).to_be_visible()
            box = [float(v) for v in (figure.get_attribute("viewBox") or "").split()]
            # The drawing is the server's: torso, head and limbs as shapes, not lines.
            assert figure.locator("circle").count() >= 1
            assert figure.locator("path").count() > 20
            assert abs(_figure_ratio(page) - box[2] / box[3]) < 0.05
            if reduced:  # still poses side by side, one per pose, labelled
                expect(page.locator(".poses-static figure").first).to_be_visible()
                assert page.locator(".poses-static svg.figure").count() >= 2
            if slug == "side-lying-open-book":  # drawn from above, and the caption says so
                expect(page.get_by_text("seen from above").first).to_be_visible()
            if shots:
                Path(shots).mkdir(parents=True, exist_ok=True)
                suffix = "-still" if reduced else ""
                page.screenshot(path=f"{shots}/{slug}{suffix}-390x844.png")
            page.get_by_role("button", name=f"Start {name}").click()
            page.get_by_role("button", name="Count a rep (0 of 2)").click()
            page.get_by_role("button", name="Count a rep (1 of 2)").click()
            if index < len(EXERCISES) - 1:
                page.get_by_role("button", name="Next exercise").click()
        context.close()
