"""Issue 10's "Done when", as one walk in real Chromium on a 390x844 phone: the physio
invites by e-mail, the patient accepts from the link in that e-mail, does a session whose
controls stay in view, reloads mid-session and resumes, logs a pain spike and sees Today
change (with the clinic's contact), the physio acknowledges the alert and the caseload
badge clears, the patient saves and pauses reminders (read back after a reload), and a
due questionnaire shows on Today and is answered."""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.core import mail
from playwright.sync_api import expect

from backend.accounts.models import CareLink, User
from backend.accounts.services import clinic_contact_update
from backend.inbox.models import InboxMessage
from backend.nudges.models import NudgePlan
from backend.nudges.questionnaires import send_due_questionnaires
from backend.outcomes.models import OutcomeResponse
from backend.outcomes.services import schedule_create
from backend.programs.models import Alert, Session
from backend.programs.selectors import local_today
from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import (
    PHONE,
    Contexts,
    alert_badge,
    assert_controls_in_view,
    held_a_moment,
    hold_program,
    login,
    pick,
    start_holds,
)


def test_invite_to_questionnaire_in_one_walk(contexts: Contexts, cast: Any) -> None:
    clinic_contact_update(
        actor=cast.adam,
        phone="+44 20 7946 0018",
        email="desk@riverside.example",
        hours="Mon-Fri 8:00-18:00",
    )

    # 1. The physio invites by e-mail; the e-mail goes out through Django's configured
    # backend (the test outbox), with the link in it.
    physio = contexts.page(contexts.new(viewport=PHONE))
    login(physio, "phil@example.com", TEST_PASSWORD)
    physio.get_by_role("link", name="Invite a patient").click()
    physio.get_by_label("Email").fill("nina@example.com")
    physio.get_by_role("button", name="Create invite").click()
    expect(physio.get_by_text("We e-mailed the invite link to")).to_be_visible()
    [message] = mail.outbox
    assert message.to == ["nina@example.com"]
    link = re.search(r"https?://\S+/invite/[A-Z0-9]+", str(message.body))
    assert link is not None, message.body

    # 2. The patient accepts from that link; the form is prefilled with her address.
    page = contexts.page(contexts.new(viewport=PHONE))
    page.goto("/invite/" + link.group(0).split("/invite/", 1)[1])
    expect(page.get_by_role("heading", level=1, name="Join Upright")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value("nina@example.com")
    page.get_by_label("Your name").fill("Nina Newbie")
    page.get_by_label("Choose a password").fill("a long and lovely password")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/today$"))
    nina = User.objects.get(email="nina@example.com")
    assert CareLink.objects.filter(patient=nina, physio=cast.phil).exists()

    # 3. Phil prescribes holds; Nina's session keeps its controls in view.
    hold_program(cast.phil, nina)
    page.reload()
    start_holds(page, pain_before="2")
    assert_controls_in_view(page)
    held_a_moment(page)
    page.get_by_role("button", name="Finish set now").click()
    expect(page.get_by_text("Set 2 of 2")).to_be_visible()
    # The finished set is saved to IndexedDB asynchronously: reload once it is there (a
    # reload before the write lands would rightly resume at set 1).
    page.wait_for_function(
        """() => new Promise((resolve) => {
            const open = indexedDB.open('upright');
            open.onsuccess = () => {
                const db = open.result;
                const keys = db.transaction('meta').objectStore('meta').getAllKeys();
                keys.onsuccess = () => {
                    const key = keys.result.find((k) => String(k).startsWith('running:'));
                    if (key === undefined) { db.close(); resolve(false); return; }
                    const get = db.transaction('meta').objectStore('meta').get(key);
                    get.onsuccess = () => {
                        db.close();
                        resolve(get.result?.current?.setsDone === 1);
                    };
                };
            };
            open.onerror = () => resolve(false);
        })"""
    )

    # 4. Reloaded mid-session: offered to resume where she stopped.
    page.reload()
    expect(page.get_by_role("heading", name="Carry on where you stopped?")).to_be_visible()
    expect(page.get_by_text("on exercise 1 of 1")).to_be_visible()
    page.get_by_role("button", name="Resume session").click()
    page.get_by_role("button", name="Start Glute bridge").click()
    expect(page.get_by_text("Set 2 of 2")).to_be_visible()
    assert_controls_in_view(page)
    held_a_moment(page)
    page.get_by_role("button", name="Finish set now").click()
    page.get_by_role("button", name="Finish session").click()

    # 5. A pain spike: the changed Today, the physio told, the clinic's contact.
    pick(page, "pain do you have now", "7")
    pick(page, "How hard was it", "Too hard")
    page.get_by_role("button", name="Save session").click()
    expect(
        page.get_by_role("heading", level=1, name="Session saved: please rest for today")
    ).to_be_visible()
    session = Session.objects.get(patient=nina)
    assert (session.pain_before, session.pain_after) == (2, 7)
    [item] = session.items.all()
    assert item.sets_done == 2 and item.hold_seconds_done is not None
    assert item.hold_seconds_done < 40  # the seconds held, not 2 x 20
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

    # 6. The physio acknowledges the alert; the caseload badge clears.
    alert = Alert.objects.get(patient=nina)
    physio.get_by_role("link", name="Caseload").click()
    expect(alert_badge(physio, "Nina Newbie")).to_have_text(re.compile(r"^1"))
    physio.get_by_role("link", name="Alerts").click()
    alert_card = physio.get_by_role("listitem").filter(has_text="Nina Newbie")
    alert_card.get_by_label("Note (optional)").fill("Phoned Nina; rest two days.")
    alert_card.get_by_role("button", name="Acknowledge").click()
    expect(alert_card.get_by_text("Acknowledged", exact=True)).to_be_visible()
    physio.reload()
    expect(physio.get_by_text("Phoned Nina; rest two days.")).to_be_visible()
    physio.get_by_role("link", name="Caseload").click()
    expect(physio.get_by_role("link", name="Nina Newbie", exact=True).first).to_be_visible()
    expect(alert_badge(physio, "Nina Newbie")).to_have_count(0)
    alert.refresh_from_db()
    assert alert.acknowledged_by == cast.phil

    # 7. Nina saves and pauses her reminder settings; both read back after a reload.
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
    plan = NudgePlan.objects.get(user=nina)
    assert plan.interval_minutes == 45 and plan.paused_until is not None

    # 8. A questionnaire becomes due: the inbox says so, Today shows it, it is answered.
    schedule_create(actor=cast.phil, patient_id=nina.pk, measure="nprs", every_weeks=4)
    noon = datetime.combine(local_today(nina), time(12), ZoneInfo(nina.timezone))
    assert send_due_questionnaires(now=noon) == 1
    assert InboxMessage.objects.filter(user=nina, url="/outcomes").count() == 1
    page.get_by_role("link", name="Today").click()
    ready = page.get_by_role("region", name="A questionnaire is ready")
    expect(ready).to_be_visible()
    ready.get_by_role("link", name="Answer it now").click()
    page.get_by_role("button", name="Answer").click()
    tiles = page.locator(".tiles.scale11 .tile")
    expect(tiles).to_have_count(11)
    first, last = tiles.nth(0).bounding_box(), tiles.nth(10).bounding_box()
    assert first and last and abs(first["y"] - last["y"]) < 1  # one row of eleven
    expect(page.get_by_text("No pain", exact=True)).to_be_visible()
    expect(page.get_by_text("Worst", exact=True)).to_be_visible()
    tiles.nth(4).click()
    page.get_by_role("button", name="Send answers").click()
    expect(page.get_by_text("Thank you, your answers were sent")).to_be_visible()
    assert OutcomeResponse.objects.get(patient=nina).answers == [4]
    page.reload()
    expect(page.get_by_text("Nothing is due")).to_be_visible()
