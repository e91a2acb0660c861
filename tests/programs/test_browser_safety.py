"""Safety in the browser: the red-flag check before the first session, its stop screen,
the "When to get help" page, and the pain rule applied offline with the server's data."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from backend.inbox.models import InboxMessage
from backend.outcomes.models import OutcomeResponse
from backend.outcomes.services import schedule_create
from backend.programs.models import Alert, PatientPrecautions, RedFlagScreening, Session
from exercises.safety_content import safety_content
from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import do_session, login, patient_program, wait_for_service_worker


def _answer(page: Page, yes: set[str]) -> None:
    for flag in safety_content().red_flags:
        group = page.get_by_role("group", name=flag.question)
        group.get_by_role("radio", name="Yes" if flag.code in yes else "No", exact=True).check()
    page.get_by_role("button", name="Send my answers").click()


def test_first_session_starts_with_the_safety_check_and_no_lets_it_go_on(
    page: Page, cast: Any
) -> None:
    patient_program(cast.phil, cast.pat, screened=False)
    login(page, "pat@example.com", TEST_PASSWORD)
    expect(page.get_by_text("we'll ask a few quick safety questions")).to_be_visible()
    page.get_by_role("region", name="Core basics").get_by_role("link", name="Start session").click()
    expect(page.get_by_role("heading", level=1, name="A quick safety check")).to_be_visible()
    _answer(page, set())
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("group", name=re.compile("pain do you have right now"))).to_be_visible()
    stored = RedFlagScreening.objects.get(patient=cast.pat)
    assert stored.flagged == [] and len(stored.answers) == len(safety_content().red_flags)
    # Reload: the answers were saved, the check is not asked again.
    page.reload()
    expect(page.get_by_role("group", name=re.compile("pain do you have right now"))).to_be_visible()


def test_a_yes_stops_the_session_with_its_advice_and_alerts_the_physio(
    page: Page, cast: Any
) -> None:
    patient_program(cast.phil, cast.pat, screened=False)
    login(page, "pat@example.com", TEST_PASSWORD)
    page.get_by_role("region", name="Core basics").get_by_role("link", name="Start session").click()
    _answer(page, {"both-legs"})
    expect(
        page.get_by_role("heading", level=1, name="Please don't start your exercises")
    ).to_be_visible()
    expect(page.get_by_text(safety_content().actions["urgent"])).to_be_visible()
    assert Alert.objects.filter(patient=cast.pat, kind="red_flag").exists()
    assert InboxMessage.objects.filter(user=cast.phil, title__startswith="URGENT").exists()
    # Coming back later still stops the flow.
    page.goto("/today")
    page.get_by_role("region", name="Core basics").get_by_role("link", name="Start session").click()
    expect(
        page.get_by_role("heading", level=1, name="Please don't start your exercises")
    ).to_be_visible()


def test_when_to_get_help_is_one_tap_away(page: Page, cast: Any) -> None:
    patient_program(cast.phil, cast.pat)
    login(page, "pat@example.com", TEST_PASSWORD)
    page.get_by_role("link", name="When to get help").click()
    expect(page.get_by_role("heading", level=1, name="When to get help")).to_be_visible()
    for flag in safety_content().red_flags:
        expect(page.get_by_text(flag.label, exact=True)).to_be_visible()


def test_seven_to_seven_offline_shows_the_servers_advice(page: Page, cast: Any) -> None:
    patient_program(cast.phil, cast.pat)
    login(page, "pat@example.com", TEST_PASSWORD)
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    wait_for_service_worker(page)
    page.context.set_offline(True)
    expect(page.get_by_text("Offline.")).to_be_visible()
    do_session(page, "Core basics", pain_before="7", pain_after="7")
    expect(page.get_by_text("Saved on this phone")).to_be_visible()
    expect(
        page.get_by_role("alert").get_by_text(safety_content().advice["pain_high"])
    ).to_be_visible()
    page.get_by_role("button", name="Back to Today").click()
    page.context.set_offline(False)
    expect(page.get_by_role("region", name="Core basics").get_by_text("Done today")).to_be_visible()
    session = Session.objects.get(patient=cast.pat)
    assert session.alert_reason == "pain_high"
    # Seen on the phone already: no second copy of the advice on Today.
    expect(page.get_by_text("About a session sent from this phone")).to_be_hidden()


def test_physio_marks_precautions_and_reissues_the_check(page: Page, cast: Any) -> None:
    patient_program(cast.phil, cast.pat)
    login(page, "phil@example.com", TEST_PASSWORD)
    page.goto(f"/physio/patients/{cast.pat.pk}")
    safety = page.get_by_role("region", name="Safety")
    safety.get_by_role("checkbox", name="If bending backward makes it worse").check()
    safety.get_by_role("button", name="Save precautions").click()
    expect(safety.get_by_text("Precautions saved.")).to_be_visible()
    page.reload()
    safety = page.get_by_role("region", name="Safety")
    expect(
        safety.get_by_role("checkbox", name="If bending backward makes it worse")
    ).to_be_checked()
    assert PatientPrecautions.objects.get(patient=cast.pat).codes == ["extension-intolerance"]
    safety.get_by_role("button", name="Ask for the safety check again").click()
    expect(safety.get_by_text("answer the safety check before their next session")).to_be_visible()
    assert RedFlagScreening.objects.filter(patient=cast.pat, answered_at=None).exists()


def test_psfs_activities_are_named_once_and_asked_again(page: Page, cast: Any) -> None:
    schedule_create(
        actor=cast.phil, patient_id=cast.pat.pk, measure="psfs", every_weeks=None, start_date=None
    )
    login(page, "pat@example.com", TEST_PASSWORD)
    page.goto("/outcomes")
    page.get_by_role("button", name="Answer").click()
    names = ["Putting on socks", "Carrying shopping", "Gardening"]
    for index, name in enumerate(names):
        page.get_by_label(f"Activity {index + 1}", exact=True).fill(name)
        group = page.get_by_role("group").filter(
            has_text=f"{['First', 'Second', 'Third'][index]} activity"
        )
        group.get_by_role("radio", name="5", exact=True).check()
    page.get_by_role("button", name="Send answers").click()
    expect(page.get_by_text("Thank you, your answers were sent.")).to_be_visible()
    [response] = OutcomeResponse.objects.filter(patient=cast.pat, measure="psfs")
    assert response.activities == names and response.answers == [5, 5, 5]
    # The physio sees the activities with the answer (after a reload of their page).
    page.context.clear_cookies()
    login(page, "phil@example.com", TEST_PASSWORD)
    page.goto(f"/physio/patients/{cast.pat.pk}")
    page.reload()
    expect(page.get_by_text("Putting on socks; Carrying shopping; Gardening")).to_be_visible()
