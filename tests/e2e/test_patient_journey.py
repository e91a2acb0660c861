"""A patient's journey in the browser: a session whose controls stay in view, a reload
mid-session that resumes, a pain spike that changes Today, reminder settings saved and
paused, a due questionnaire answered. Plus the player's other promises and the patient's
forms (each saved and read back after a reload)."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from backend.accounts.models import User
from backend.accounts.services import clinic_contact_update
from backend.nudges.models import InboxMessage, NudgePlan
from backend.nudges.questionnaires import send_due_questionnaires
from backend.programs.models import Assignment, OutcomeResponse, Session
from backend.programs.outcomes import schedule_create
from backend.programs.selectors import local_today
from backend.programs.services import assignment_create, program_create
from backend.programs.sessions import session_log
from tests.e2e.helpers import Contexts, login, patient_program, pick, screened_no
from tests.factories import TEST_PASSWORD

PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 320, "height": 568}


def hold_program(physio: User, patient: User, *, sets: int = 2, hold: int = 20) -> Assignment:
    """Glute bridge (a lying pose): ``sets`` holds of ``hold`` seconds, no rest."""
    screened_no(patient)
    program = program_create(
        actor=physio,
        name="Bridge holds",
        items=[
            {
                "exercise": "glute-bridge",
                "sets": sets,
                "reps": None,
                "hold_seconds": hold,
                "rest_seconds": 0,
                "per_side": False,
                "notes": "",
                "phase": 1,
            }
        ],
    )
    return assignment_create(
        actor=physio,
        program=program,
        patient_id=patient.pk,
        start_date=local_today(patient) - timedelta(days=7),
        end_date=None,
        days_of_week=[1, 2, 3, 4, 5, 6, 7],
    )


def in_viewport(page: Page, locator: Locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    assert box is not None and size is not None
    return (
        box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= size["height"]
        and box["x"] + box["width"] <= size["width"]
    )


def assert_controls_in_view(page: Page) -> None:
    """The countdown and the main control are on screen, at the top and the bottom of the
    exercise's page (a patient on a mat does not scroll mid-hold)."""
    timer = page.get_by_role("timer")
    main = page.get_by_role("button", name="Finish set now")
    for where in ("top", "bottom"):
        page.evaluate(
            "(w) => window.scrollTo(0, w === 'top' ? 0 : document.body.scrollHeight)", where
        )
        expect(timer).to_be_visible()
        assert in_viewport(page, timer), f"the countdown is off screen ({where})"
        assert in_viewport(page, main), f"'Finish set now' is off screen ({where})"
        assert in_viewport(page, page.get_by_role("button", name="Pause")), where


def open_settings(page: Page) -> None:
    login(page, "pat@example.com", TEST_PASSWORD)
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    page.get_by_role("link", name="Settings").click()
    # The plan has loaded.
    expect(page.get_by_role("button", name="Save reminder settings")).to_be_visible()


def start_holds(page: Page, pain_before: str = "2") -> None:
    page.get_by_role("region", name="Bridge holds").get_by_role(
        "link", name="Start session"
    ).click()
    pick(page, "pain do you have right now", pain_before)
    page.get_by_role("button", name="Begin").click()
    page.get_by_role("button", name="Start Glute bridge").click()
    expect(page.get_by_role("timer")).to_be_visible()


def held_a_moment(page: Page) -> None:
    """Waits (on the countdown, not a sleep) until at least a second has been held."""
    expect(page.get_by_role("timer")).not_to_have_text("20")


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


def test_the_patient_journey(contexts: Contexts, cast: Any) -> None:
    clinic_contact_update(
        actor=cast.adam,
        phone="+44 20 7946 0018",
        email="desk@riverside.example",
        hours="Mon-Fri 8:00-18:00",
    )
    hold_program(cast.phil, cast.pat)
    page = contexts.page(contexts.new(viewport=PHONE))
    login(page, "pat@example.com", TEST_PASSWORD)

    # A session whose controls stay in view.
    start_holds(page, pain_before="2")
    assert_controls_in_view(page)
    held_a_moment(page)
    page.get_by_role("button", name="Finish set now").click()
    expect(page.get_by_text("Set 2 of 2")).to_be_visible()

    # Reloaded mid-hold (or the tab was killed): offered to resume where it stopped.
    page.reload()
    expect(page.get_by_role("heading", name="Carry on where you stopped?")).to_be_visible()
    expect(page.get_by_text("on exercise 1 of 1")).to_be_visible()
    page.get_by_role("button", name="Resume session").click()
    page.get_by_role("button", name="Start Glute bridge").click()
    expect(page.get_by_text("Set 2 of 2")).to_be_visible()
    held_a_moment(page)
    page.get_by_role("button", name="Finish set now").click()
    page.get_by_role("button", name="Finish session").click()

    # A pain spike.
    pick(page, "pain do you have now", "6")
    pick(page, "How hard was it", "Too hard")
    page.get_by_role("button", name="Save session").click()
    expect(
        page.get_by_role("heading", level=1, name="Session saved: please rest for today")
    ).to_be_visible()
    alert = page.get_by_role("alert").filter(has_text="Please stop")
    expect(alert).to_be_visible()
    # The warning signs are pointed to once, not repeated in the panel.
    assert alert.inner_text().count("warning signs") == 1

    session = Session.objects.get(patient=cast.pat)
    [item] = session.items.all()
    # Two holds cut short: the seconds actually held, not 2 x 20.
    assert item.sets_done == 2
    assert item.hold_seconds_done is not None and 2 <= item.hold_seconds_done < 40
    assert (session.pain_before, session.pain_after) == (2, 6)

    # Today has changed for the rest of the day: advice, the physio told, the clinic.
    page.get_by_role("button", name="Back to Today").click()
    spike = page.get_by_role("region", name="Please rest your back today")
    expect(spike).to_be_visible()
    expect(spike.get_by_text("Your physiotherapist has been told")).to_be_visible()
    expect(spike.get_by_role("link", name="Call +44 20 7946 0018")).to_have_attribute(
        "href", "tel:+442079460018"
    )
    expect(spike.get_by_role("link", name="E-mail desk@riverside.example")).to_be_visible()
    expect(spike.get_by_text("Mon-Fri 8:00-18:00")).to_be_visible()
    card = page.get_by_role("region", name="Bridge holds")
    expect(card.get_by_role("link", name="Do it again")).to_have_count(0)
    page.reload()
    expect(page.get_by_role("region", name="Please rest your back today")).to_be_visible()

    # Reminder settings saved, then paused, and read back.
    page.get_by_role("link", name="Settings").click()
    page.get_by_label("Remind me every").select_option("45")
    page.get_by_role("button", name="Save reminder settings").click()
    expect(page.get_by_role("status").filter(has_text="saved")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
    page.get_by_label("Pause for").select_option("4")
    page.get_by_role("button", name="Pause", exact=True).click()
    expect(page.get_by_text("Reminders are paused for 4 hours.")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Remind me every")).to_have_value("45")
    expect(page.get_by_text(re.compile(r"Paused until"))).to_be_visible()
    plan = NudgePlan.objects.get(user=cast.pat)
    assert plan.interval_minutes == 45
    assert plan.paused_until is not None

    # A questionnaire becomes due: the inbox says so, Today shows it, it is answered.
    schedule_create(actor=cast.phil, patient_id=cast.pat.pk, measure="nprs", every_weeks=4)
    noon = datetime.combine(local_today(cast.pat), time(12), ZoneInfo(cast.pat.timezone))
    assert send_due_questionnaires(now=noon) == 1
    assert InboxMessage.objects.filter(user=cast.pat, url="/outcomes").count() == 1
    page.get_by_role("link", name="Today").click()
    ready = page.get_by_role("region", name="A questionnaire is ready")
    expect(ready).to_be_visible()
    ready.get_by_role("link", name="Answer it now").click()
    page.get_by_role("button", name="Answer").click()
    # The 0-10 scale: one row of eleven, with the session's end labels.
    tiles = page.locator(".tiles.scale11 .tile")
    expect(tiles).to_have_count(11)
    first, last = tiles.nth(0).bounding_box(), tiles.nth(10).bounding_box()
    assert first and last and abs(first["y"] - last["y"]) < 1
    expect(page.get_by_text("No pain", exact=True)).to_be_visible()
    expect(page.get_by_text("Worst", exact=True)).to_be_visible()
    page.locator(".tiles.scale11 .tile").nth(4).click()
    page.get_by_role("button", name="Send answers").click()
    expect(page.get_by_text("Thank you, your answers were sent")).to_be_visible()
    response = OutcomeResponse.objects.get(patient=cast.pat)
    assert response.answers == [4]
    page.reload()
    expect(page.get_by_text("Nothing is due")).to_be_visible()
    page.get_by_role("link", name="Inbox").click()
    expect(page.get_by_text("A short questionnaire is ready")).to_be_visible()


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
    page.get_by_label("From").first.fill("17:00")
    page.get_by_label("Until").first.fill("09:00")
    page.get_by_role("button", name="Save reminder settings").click()
    ask = page.get_by_role("alert").filter(has_text="run overnight")
    expect(ask).to_be_visible()
    assert NudgePlan.objects.get(user=cast.pat).work_days != [2]
    ask.get_by_role("button", name="Yes, I work overnight").click()
    expect(page.get_by_role("status").filter(has_text="saved")).to_be_visible()
    page.reload()
    expect(page.get_by_label("From").first).to_have_value("17:00")
    expect(page.get_by_label("Until").first).to_have_value("09:00")
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
            data={
                "id": uuid.uuid4(),
                "assignment": assignment,
                "started_at": now - timedelta(minutes=minutes + 10),
                "completed_at": now - timedelta(minutes=minutes),
                "pain_before": before,
                "pain_after": after,
                "difficulty": "about_right",
                "notes": "",
                "items": [{"exercise": "bird-dog", "sets_done": 1, "reps_done": 2}],
            },
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
