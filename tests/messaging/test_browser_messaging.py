"""Patient and physio exchange messages in the browser, online and queued offline; the
physio records consent and time on the patient page (saved, reloaded, read back)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from backend.messaging.models import Consent, Message, TimeEntry
from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import Contexts, login, wait_for_service_worker

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots/messaging"))


def _shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((390, 844), (1280, 800)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SHOTS / f"{name}-{width}x{height}.png"), full_page=True)


def test_patient_and_physio_exchange_messages_online(
    page: Page, contexts: Contexts, cast: Any
) -> None:
    login(page, "pat@example.com", TEST_PASSWORD)
    page.get_by_role("link", name="Messages").click()
    expect(page.get_by_role("heading", level=1, name="Messages")).to_be_visible()
    page.get_by_label("Message to your physiotherapist").fill("Is <b>stiffness</b> normal?")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Message sent.", exact=True).first).to_be_visible()
    # Rendered as text, never as markup.
    expect(
        page.locator("article.message").get_by_text("Is <b>stiffness</b> normal?")
    ).to_be_visible()
    assert Message.objects.filter(patient=cast.pat).count() == 1

    physio = contexts.page(contexts.new())
    login(physio, "phil@example.com", TEST_PASSWORD)
    # The caseload is a table on a desktop and cards on a phone; the visible one shows it.
    expect(physio.get_by_text("1 unread").filter(visible=True)).to_be_visible()
    physio.get_by_role("link", name="Pat Patient").click()
    thread = physio.get_by_role("region", name="Messages")
    expect(thread.get_by_text("Is <b>stiffness</b> normal?")).to_be_visible()
    physio.get_by_label("Message to the patient").fill("Yes, in the first weeks.")
    physio.get_by_role("button", name="Send").click()
    expect(thread.get_by_text("Yes, in the first weeks.")).to_be_visible()
    _shoot(physio, "physio-patient")

    page.reload()
    expect(page.get_by_text("Yes, in the first weeks.")).to_be_visible()
    expect(page.get_by_text("Phil Physio")).to_be_visible()
    _shoot(page, "patient-messages")


def test_patient_message_queued_offline_is_sent_once_back_online(page: Page, cast: Any) -> None:
    login(page, "pat@example.com", TEST_PASSWORD)
    wait_for_service_worker(page)
    page.goto("/messages")
    expect(page.get_by_role("heading", level=1, name="Messages")).to_be_visible()
    page.context.set_offline(True)
    page.get_by_label("Message to your physiotherapist").fill("Sent from the bus")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Waiting to send", exact=True)).to_be_visible()
    expect(page.get_by_text("Saved on your phone.").first).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="1 message waiting to send")).to_be_visible()
    _shoot(page, "patient-messages-offline")
    assert Message.objects.count() == 0

    page.context.set_offline(False)
    expect(page.get_by_text("Waiting to send", exact=True)).to_be_hidden()
    expect(page.locator("article.message").get_by_text("Sent from the bus")).to_be_visible()
    assert Message.objects.filter(patient=cast.pat, body="Sent from the bus").count() == 1


def test_physio_records_consent_and_time_and_they_survive_a_reload(page: Page, cast: Any) -> None:
    login(page, "phil@example.com", TEST_PASSWORD)
    page.goto(f"/physio/patients/{cast.pat.pk}")
    consent = page.get_by_role("region", name="Remote monitoring consent")
    expect(consent.get_by_text("No consent recorded.")).to_be_visible()
    page.get_by_label("Consent given on").fill("2026-01-05")
    page.get_by_label("Consent method").select_option("verbal")
    page.get_by_label("Consent note").fill("At the first visit")
    page.get_by_role("button", name="Record consent").click()
    expect(consent.get_by_text("Consent recorded.", exact=True)).to_be_visible()

    time_log = page.get_by_role("region", name="Time log")
    page.get_by_label("Activity").select_option("call")
    page.get_by_label("Minutes spent").fill("12")
    page.get_by_role("button", name="Add time").click()
    expect(time_log.get_by_text("Time saved.")).to_be_visible()

    page.reload()
    expect(consent.get_by_text("recorded by Phil Physio")).to_be_visible()
    expect(consent.get_by_text("verbally")).to_be_visible()
    expect(time_log.get_by_text("A call · 12 min")).to_be_visible()
    assert Consent.objects.get(patient=cast.pat).note == "At the first visit"
    assert TimeEntry.objects.get(patient=cast.pat).minutes == 12


def test_patient_gives_and_withdraws_consent_and_it_survives_a_reload(
    page: Page, cast: Any
) -> None:
    login(page, "pat@example.com", TEST_PASSWORD)
    page.goto("/messages")
    consent = page.get_by_role("region", name="Remote monitoring consent")
    consent.get_by_role("button", name="I consent to remote monitoring").click()
    expect(consent.get_by_text("Thank you, consent recorded.")).to_be_visible()
    page.reload()
    expect(consent.get_by_text("in the app, recorded by Pat Patient")).to_be_visible()
    consent.get_by_role("button", name="Withdraw my consent").click()
    expect(consent.get_by_text("Consent withdrawn.")).to_be_visible()
    page.reload()
    expect(consent.get_by_text("withdrawn on")).to_be_visible()
    expect(consent.get_by_role("button", name="I consent to remote monitoring")).to_be_visible()
    assert Consent.objects.get(patient=cast.pat).revoked_on is not None


def test_physio_times_work_on_a_patient_with_the_timer(page: Page, cast: Any) -> None:
    login(page, "phil@example.com", TEST_PASSWORD)
    page.goto(f"/physio/patients/{cast.pat.pk}")
    time_log = page.get_by_role("region", name="Time log")
    page.get_by_label("Activity").select_option("messaging")
    time_log.get_by_role("button", name="Start timer").click()
    expect(time_log.get_by_text("Timer started.")).to_be_visible()
    page.reload()
    expect(time_log.get_by_text("Messaging · running")).to_be_visible()
    time_log.get_by_role("button", name="Stop timer").click()
    expect(time_log.get_by_text("Timer stopped.")).to_be_visible()
    page.reload()
    expect(time_log.get_by_text("Messaging · 1 min")).to_be_visible()
    assert TimeEntry.objects.get(patient=cast.pat).minutes == 1
