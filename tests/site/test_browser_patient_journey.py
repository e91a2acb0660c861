"""A patient's journey in the browser: a session whose controls stay in view, a reload
mid-session that resumes, a pain spike that changes Today, reminder settings saved and
paused, a due questionnaire answered. Plus the player's other promises and the patient's
forms (each saved and read back after a reload)."""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from backend.nudges.models import NudgePlan
from backend.programs.services import session_log
from tests.factories import TEST_PASSWORD, session_data
from tests.support.browser_steps import (
    PHONE,
    SMALL_PHONE,
    Contexts,
    assert_controls_in_view,
    hold_program,
    login,
    patient_program,
    pick,
    start_holds,
)


def open_settings(page: Page) -> None:
    login(page, "pat@example.com", TEST_PASSWORD)
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    page.get_by_role("link", name="Settings").click()
    # The plan has loaded.
    expect(page.get_by_role("button", name="Save reminder settings")).to_be_visible()


@pytest.mark.parametrize("viewport", [SMALL_PHONE, PHONE], ids=["320x568", "390x844"])
def test_the_timer_and_main_control_stay_in_view_on_a_phone(
    contexts: Contexts, cast: Any, viewport: dict[str, int]
) -> None:
    hold_program(cast.phil, cast.pat)
    page = contexts.page(contexts.new(viewport=viewport))
    login(page, "pat@example.com", TEST_PASSWORD)
    start_holds(page)
    assert_controls_in_view(page)
    # No "(1 of 1)" for a single hold; the figure's box is wider than tall (lying pose).
    expect(page.get_by_text("Hold", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"Hold \(1 of 1\)"))).to_have_count(0)
    box = page.locator(".pose-box").bounding_box()
    assert box is not None and box["width"] > box["height"] * 1.2, box


def test_ending_a_session_early_asks_first(page: Page, cast: Any) -> None:
    hold_program(cast.phil, cast.pat)
    login(page, "pat@example.com", TEST_PASSWORD)
    start_holds(page)
    page.get_by_role("button", name="End session early").click()
    confirm = page.get_by_role("alertdialog", name="End the session now?")
    expect(confirm).to_be_visible()
    confirm.get_by_role("button", name="Keep going").click()
    expect(confirm).to_be_hidden()
    expect(page.get_by_role("timer")).to_be_visible()  # still in the exercise
    page.get_by_role("button", name="End session early").click()
    page.get_by_role("button", name="Yes, end the session").click()
    expect(page.get_by_role("heading", level=1, name="How did it go?")).to_be_visible()
    expect(page.get_by_text("You did 0 of 1 exercise")).to_be_visible()


def test_a_new_patient_sees_a_first_run_screen_and_a_calm_well_done(page: Page, cast: Any) -> None:
    login(page, "pat@example.com", TEST_PASSWORD)
    expect(
        page.get_by_role("heading", name="Your physiotherapist is preparing your plan")
    ).to_be_visible()
    patient_program(cast.phil, cast.pat)
    page.reload()
    card = page.get_by_role("region", name="Core basics")
    card.get_by_role("link", name="Start session").click()
    # "Not now" is a real tap target.
    box = page.get_by_role("link", name="Not now").bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44, box
    pick(page, "pain do you have right now", "3")
    page.get_by_role("button", name="Begin").click()
    page.get_by_role("button", name="Start Bird dog").click()
    page.get_by_role("button", name=re.compile(r"^Count a rep \(0")).click()
    page.get_by_role("button", name=re.compile(r"^Count a rep \(1")).click()
    page.get_by_role("button", name="Finish session").click()
    pick(page, "pain do you have now", "2")
    pick(page, "How hard was it", "About right")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", level=1, name="Session saved", exact=True)).to_be_visible()
    expect(page.locator(".celebrate")).to_be_visible()
    expect(page.get_by_text("1 day in a row.")).to_be_visible()


def test_reminder_settings_errors_look_like_errors_and_overnight_hours_ask(
    page: Page, cast: Any
) -> None:
    open_settings(page)
    days = page.get_by_role("group", name="Work days")
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        box = days.get_by_role("checkbox", name=day)
        box.uncheck()
        expect(box).not_to_be_checked()
    page.get_by_role("button", name="Save reminder settings").click()
    error = days.get_by_role("alert")
    expect(error).to_have_text("Pick at least one work day.")
    expect(page.get_by_role("alert").filter(has_text="were not saved")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="saved")).to_have_count(0)
    days.get_by_role("checkbox", name="Tuesday").check()

    # An overnight window is saved only once confirmed.
    page.get_by_label("From", exact=True).first.fill("17:00")
    page.get_by_label("Until", exact=True).first.fill("09:00")
    page.get_by_role("button", name="Save reminder settings").click()
    ask = page.get_by_role("alert").filter(has_text="run overnight")
    expect(ask).to_be_visible()
    assert NudgePlan.objects.get(user=cast.pat).work_days != [2]
    ask.get_by_role("button", name="Yes, I work overnight").click()
    expect(page.get_by_role("status").filter(has_text="saved")).to_be_visible()
    page.reload()
    expect(page.get_by_label("From", exact=True).first).to_have_value("17:00")
    expect(page.get_by_label("Until", exact=True).first).to_have_value("09:00")
    plan = NudgePlan.objects.get(user=cast.pat)
    assert (plan.work_days, plan.work_start, plan.work_end) == ([2], time(17), time(9))


def test_the_account_form_saves_and_reads_back(page: Page, cast: Any) -> None:
    open_settings(page)
    page.get_by_label("Name").fill("   ")
    page.get_by_role("button", name="Save account").click()
    expect(page.get_by_role("alert").filter(has_text="Please tell us your name.")).to_be_visible()
    page.get_by_label("Name").fill("Pat Renamed")
    page.get_by_role("button", name="Save account").click()
    expect(page.get_by_role("status").filter(has_text="Your account is saved.")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Name")).to_have_value("Pat Renamed")
    cast.pat.refresh_from_db()
    assert cast.pat.full_name == "Pat Renamed"


def test_a_push_failure_says_what_to_do_and_offers_try_again(
    contexts: Contexts, cast: Any, server_url: str
) -> None:
    context = contexts.new()
    context.grant_permissions(["notifications"], origin=server_url)
    # The browser's push service refuses (as in a private window): a stand-in for the
    # browser's PushManager, the one part outside this app.
    context.add_init_script(
        "PushManager.prototype.subscribe = () => Promise.reject("
        "new DOMException('Registration failed - push service error', 'AbortError'));"
    )
    page = contexts.page(context)
    open_settings(page)
    page.get_by_role("button", name="Turn on notifications").click()
    expect(
        page.get_by_role("alert").filter(has_text="Notifications don't work in private browsing")
    ).to_be_visible()
    again = page.get_by_role("button", name="Try again")
    expect(again).to_be_enabled()


def test_a_push_subscription_that_never_answers_times_out_with_try_again(
    contexts: Contexts, cast: Any, server_url: str
) -> None:
    """The browser's push service never answers (a stand-in for PushManager, the part
    outside this app). Time is advanced with Playwright's clock instead of waiting 15 s:
    the button does not stay disabled; "Try again" appears, and it tries again."""
    context = contexts.new()
    context.grant_permissions(["notifications"], origin=server_url)
    context.add_init_script(
        "window.__subscribeCalls = 0;"
        "PushManager.prototype.subscribe = function () {"
        "  window.__subscribeCalls += 1; return new Promise(() => {}); };"
    )
    page = contexts.page(context)
    page.clock.install()
    open_settings(page)
    page.get_by_role("button", name="Turn on notifications").click()
    waiting = page.get_by_role("button", name="Turning on…")
    expect(waiting).to_be_disabled()
    page.wait_for_function("() => window.__subscribeCalls === 1")
    page.clock.run_for(14_000)
    expect(waiting).to_be_disabled()  # not yet: the limit is 15 s
    page.clock.run_for(1_500)
    expect(page.get_by_role("alert").filter(has_text="taking too long")).to_be_visible()
    again = page.get_by_role("button", name="Try again")
    expect(again).to_be_enabled()
    again.click()
    expect(waiting).to_be_disabled()
    expect(page.get_by_role("alert").filter(has_text="taking too long")).to_have_count(0)
    page.wait_for_function("() => window.__subscribeCalls === 2")
    page.clock.run_for(15_500)
    expect(page.get_by_role("button", name="Try again")).to_be_enabled()


def test_static_assets_are_served_brotli_compressed_and_the_manifest_is_complete(
    context: Any, server_url: str
) -> None:
    shell = context.request.get(f"{server_url}/")
    assert shell.ok
    [script] = re.findall(r'src="(/assets/index-[^"]+\.js)"', shell.text())
    for encoding in ("br", "gzip"):
        asset = context.request.get(f"{server_url}{script}", headers={"Accept-Encoding": encoding})
        assert asset.ok
        assert asset.headers.get("content-encoding") == encoding, asset.headers
    manifest = context.request.get(f"{server_url}/manifest.webmanifest").json()
    assert manifest["id"] == "/"
    forms = {s["form_factor"]: s for s in manifest["screenshots"]}
    assert set(forms) == {"narrow", "wide"}
    for shot in forms.values():
        picture = context.request.get(f"{server_url}{shot['src']}")
        assert picture.ok and picture.headers["content-type"] == "image/png", shot


IPHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
)


def test_on_an_iphone_today_explains_adding_upright_to_the_home_screen(
    contexts: Contexts, cast: Any
) -> None:
    patient_program(cast.phil, cast.pat)
    page = contexts.page(contexts.new(user_agent=IPHONE_UA, viewport=PHONE))
    login(page, "pat@example.com", TEST_PASSWORD)
    card = page.get_by_role("region", name="Install Upright")
    expect(card.get_by_text("Add to Home Screen")).to_be_visible()
    card.get_by_role("button", name="Not now").click()
    expect(card).to_be_hidden()
    page.reload()
    expect(page.get_by_role("region", name="Core basics")).to_be_visible()
    expect(page.get_by_role("region", name="Install Upright")).to_have_count(0)


def test_chart_labels_are_readable_and_same_day_sessions_are_told_apart(
    contexts: Contexts, cast: Any
) -> None:
    assignment = patient_program(cast.phil, cast.pat)
    now = timezone.now()
    for minutes, (before, after) in ((90, (4, 3)), (30, (3, 2))):
        session_log(
            patient=cast.pat,
            data=session_data(
                assignment,
                completed_at=now - timedelta(minutes=minutes),
                started_at=now - timedelta(minutes=minutes + 10),
                pain_before=before,
                pain_after=after,
                difficulty="about_right",
                items=[{"exercise": "bird-dog", "sets_done": 1, "reps_done": 2}],
            ),
        )
    page = contexts.page(contexts.new(viewport=SMALL_PHONE))
    login(page, "pat@example.com", TEST_PASSWORD)
    page.get_by_role("link", name="Progress").click()
    expect(page.get_by_text(re.compile(r"the last is the week of \d+ \w{3}"))).to_be_visible()
    labels = page.locator("svg.chart text")
    expect(labels.first).to_be_visible()
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll('svg.chart text')].map(
            (t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))"""
    )
    assert smallest >= 12, smallest
    texts = page.locator("svg.chart").nth(1).locator("text").all_text_contents()
    day = [t for t in texts if re.fullmatch(r"\d+ \w{3}( \(2\))?", t)]
    assert len(day) == 2 and len(set(day)) == 2, texts
