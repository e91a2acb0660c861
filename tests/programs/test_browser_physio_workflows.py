"""The physio's side of issue 10 in the browser: invite by e-mail, alerts reviewed until the
caseload badge clears, caseload search and "needs a program" on a phone, the builder's
routines, thumbnails and error, program notes reaching the patient, and questionnaires that
need licensed wording."""

from __future__ import annotations

import io
import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from backend.accounts.models import CareLink, User
from backend.outcomes.models import OutcomeSchedule
from backend.programs.models import Alert, Assignment, Program
from backend.programs.services import session_log
from tests.factories import TEST_PASSWORD, session_data
from tests.support.browser_steps import (
    PHONE,
    Contexts,
    alert_badge,
    login,
    patient_program,
    screened_no,
)

DESKTOP = {"width": 1280, "height": 800}


def _shot(page: Page, name: str) -> None:
    """E2E_SCREENSHOTS=DIR keeps a picture of the screen as it is now, to look at."""
    if shots := os.environ.get("E2E_SCREENSHOTS"):
        Path(shots).mkdir(parents=True, exist_ok=True)
        size = page.viewport_size or {"width": 0, "height": 0}
        page.screenshot(path=str(Path(shots) / f"{name}-{size['width']}x{size['height']}.png"))


def _no_sideways_scroll(page: Page) -> None:
    wide = page.evaluate("() => document.documentElement.scrollWidth")
    assert wide <= page.evaluate("() => window.innerWidth"), f"page is {wide}px wide"


def _pain_spike(patient: User, assignment: Assignment, before: int = 2, after: int = 7) -> None:
    now = timezone.now()
    session_log(
        patient=patient,
        data=session_data(
            assignment,
            completed_at=now - timedelta(minutes=2),
            started_at=now - timedelta(minutes=15),
            pain_before=before,
            pain_after=after,
            difficulty="too_hard",
            items=[{"exercise": "bird-dog", "sets_done": 1, "reps_done": 2}],
        ),
    )


def test_invite_by_email_accept_with_prefilled_address_then_review_the_alert(
    contexts: Contexts, cast: Any
) -> None:
    physio = contexts.page(contexts.new(viewport=PHONE))
    login(physio, "phil@example.com", TEST_PASSWORD)
    physio.get_by_role("link", name="Invite a patient").click()
    physio.get_by_label("Email").fill("nina@example.com")
    physio.get_by_role("button", name="Create invite").click()
    expect(physio.get_by_text("We e-mailed the invite link to")).to_be_visible()

    # The e-mail went out through the configured backend, with the link in it.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nina@example.com"]
    link = re.search(r"https?://\S+/invite/[A-Z0-9]+", str(message.body))
    assert link is not None, message.body
    path = link.group(0).split("/invite/", 1)[1]

    nina_page = contexts.page(contexts.new(viewport=PHONE))
    nina_page.goto(f"/invite/{path}")
    expect(nina_page.get_by_role("heading", level=1, name="Join Upright")).to_be_visible()
    expect(nina_page.get_by_label("Email")).to_have_value("nina@example.com")
    nina_page.get_by_label("Your name").fill("Nina Newbie")
    nina_page.get_by_label("Choose a password").fill("a long and lovely password")
    nina_page.get_by_role("button", name="Create account").click()
    nina_page.wait_for_url(re.compile(r"/today$"))
    nina = User.objects.get(email="nina@example.com")
    assert CareLink.objects.filter(patient=nina, physio=cast.phil).exists()

    # Nina does a session that hurts: a pain alert for Phil.
    _pain_spike(nina, patient_program(cast.phil, nina))
    alert = Alert.objects.get(patient=nina)

    physio.get_by_role("link", name="Caseload").click()
    expect(alert_badge(physio, "Nina Newbie")).to_have_text(re.compile(r"^1"))
    _shot(physio, "caseload-with-alert")
    physio.get_by_role("link", name="Alerts").click()
    expect(physio.get_by_role("heading", level=1, name="Alerts")).to_be_visible()
    card = physio.get_by_role("listitem").filter(has_text="Nina Newbie")
    card.get_by_label("Note (optional)").fill("Phoned Nina; rest two days.")
    card.get_by_role("button", name="Acknowledge").click()
    expect(card.get_by_text("Acknowledged", exact=True)).to_be_visible()

    # Saved: after a reload the note and the acknowledgement are read back from the server.
    physio.reload()
    card = physio.get_by_role("listitem").filter(has_text="Nina Newbie")
    expect(card.get_by_text("Phoned Nina; rest two days.")).to_be_visible()
    expect(card.get_by_text(re.compile("Acknowledged .* by Phil Physio"))).to_be_visible()
    alert.refresh_from_db()
    assert alert.acknowledged_by == cast.phil and alert.resolved_at is None

    physio.get_by_role("link", name="Caseload").click()
    expect(physio.get_by_role("link", name="Nina Newbie", exact=True).first).to_be_visible()
    expect(alert_badge(physio, "Nina Newbie")).to_have_count(0)  # the badge cleared

    # Resolved from the patient's page; it stays in her history with both notes.
    physio.get_by_role("link", name="Nina Newbie", exact=True).first.click()
    history = physio.get_by_role("region", name=re.compile("^Alerts"))
    history.get_by_label("Note (optional)").fill("Better after rest.")
    history.get_by_role("button", name="Resolve").click()
    expect(history.get_by_text("Resolved", exact=True)).to_be_visible()
    physio.reload()
    history = physio.get_by_role("region", name=re.compile("^Alerts"))
    expect(history.get_by_text(re.compile("Resolved .* by Phil Physio"))).to_be_visible()
    expect(history.get_by_text("Better after rest.")).to_be_visible()
    expect(history.get_by_text("Phoned Nina; rest two days.")).to_be_visible()
    expect(history.get_by_role("button", name="Resolve")).to_have_count(0)
    alert.refresh_from_db()
    assert alert.resolved_by == cast.phil


def test_caseload_search_and_needs_a_program_fit_a_phone(contexts: Contexts, cast: Any) -> None:
    patient_program(cast.phil, cast.pat)
    User.objects.filter(pk=cast.olive.pk).update(full_name="Olive Other")
    CareLink.objects.get_or_create(patient=cast.olive, physio=cast.phil)
    _pain_spike(cast.pat, Assignment.objects.get(patient=cast.pat))
    for viewport in (PHONE, DESKTOP):
        page = contexts.page(contexts.new(viewport=viewport))
        login(page, "phil@example.com", TEST_PASSWORD)
        expect(page.get_by_role("heading", level=1, name="Your patients")).to_be_visible()
        expect(page.get_by_role("link", name="Olive Other", exact=True)).to_be_visible()
        _no_sideways_scroll(page)
        _shot(page, "caseload")
        # Olive has no program: marked, and the mark opens the builder for her.
        expect(page.get_by_role("link", name=re.compile("Needs a program"))).to_have_count(1)
        page.get_by_label("Search patients").fill("pat@exa")
        expect(page.get_by_role("status").filter(has_text="matching")).to_have_text(
            re.compile("^1 patient matching")
        )
        expect(page.get_by_role("link", name="Olive Other", exact=True)).to_have_count(0)
        expect(page.get_by_role("link", name="Pat Patient", exact=True)).to_be_visible()
        page.get_by_label("Search patients").fill("olive")
        expect(page.get_by_role("link", name="Pat Patient", exact=True)).to_have_count(0)
        page.get_by_role("link", name=re.compile("Needs a program")).click()
        expect(page.get_by_role("heading", level=1, name="Build a program")).to_be_visible()
        expect(page.get_by_role("combobox", name=re.compile("^Patient"))).to_have_value(
            str(cast.olive.pk)
        )
        _no_sideways_scroll(page)
        _shot(page, "builder")
        page.get_by_role("link", name="Alerts").click()
        expect(page.get_by_role("button", name="Acknowledge")).to_be_visible()
        _no_sideways_scroll(page)
        _shot(page, "alerts")


def test_builder_starts_from_a_routine_with_thumbnails_and_the_notes_reach_the_patient(
    contexts: Contexts, cast: Any
) -> None:
    screened_no(cast.pat)  # the red-flag check is behind her; this test is about the notes
    page = contexts.page(contexts.new(viewport=DESKTOP))
    login(page, "phil@example.com", TEST_PASSWORD)
    page.goto(f"/physio/programs/new?patient={cast.pat.pk}")
    expect(page.get_by_role("heading", level=1, name="Build a program")).to_be_visible()

    # Saving an empty program says so; adding an exercise clears the message at once.
    page.get_by_label("Name", exact=True).fill("Holds and bridges")
    page.get_by_role("button", name="Save and assign").click()
    expect(page.get_by_role("alert").filter(has_text="Add at least one exercise.")).to_be_visible()
    page.get_by_label("Search").fill("bird dog")
    page.get_by_role("button", name="Add Bird dog").click()
    expect(page.get_by_text("Add at least one exercise.")).to_have_count(0)

    # Thumbnails are the pose pictures and they load.
    library = page.get_by_role("region", name="Exercise library")
    thumb = library.get_by_role("listitem").filter(has_text="Bird dog").locator("img.thumb")
    expect(thumb).to_have_attribute("src", re.compile(r"/api/exercises/bird-dog/poses/.+\.svg$"))
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=thumb.element_handle()
    )

    # Start from a library routine instead: it replaces the one exercise.
    page.once("dialog", lambda d: d.accept())
    page.get_by_label("Library routine").select_option("core-foundation-two-weeks")
    page.get_by_role("button", name="Use this routine").click()
    count = page.get_by_role("heading", name=re.compile(r"^Exercises \(\d+\)"))
    expect(count).not_to_have_text("Exercises (1)")
    expect(page.locator("form img.thumb").first).to_be_visible()
    page.locator("form img.thumb").first.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.thumb')].filter((i) => i.getBoundingClientRect()"
        ".top < innerHeight).every((i) => i.complete)"
    )
    _shot(page, "builder-with-routine")
    page.get_by_label("Notes for the patient").fill("Breathe out as you brace.")
    page.get_by_label("Notes for this assignment").fill("Heat pack before, if it helps.")
    days = page.get_by_role("group", name="Days")
    for day in ("Tuesday", "Thursday", "Saturday", "Sunday"):
        days.get_by_label(day).check()
    page.get_by_role("button", name="Save and assign").click()
    expect(page.get_by_role("heading", level=1, name="Program saved")).to_be_visible()

    program = Program.objects.get(name="Holds and bridges")
    version = program.current_version
    assert version is not None and version.notes == "Breathe out as you brace."
    slugs = [i.exercise.slug for i in version.items.order_by("position")]
    assert len(slugs) >= 3
    # Read back from the server: the edit screen shows what was saved.
    page.goto(f"/physio/programs/{program.pk}/edit")
    expect(page.get_by_label("Notes for the patient")).to_have_value("Breathe out as you brace.")
    expect(page.get_by_role("heading", name=f"Exercises ({len(slugs)})")).to_be_visible()

    # The patient sees both notes on Today and at the start of the player, and in the PDF.
    pat = contexts.page(contexts.new(viewport=PHONE))
    login(pat, "pat@example.com", TEST_PASSWORD)
    card = pat.get_by_role("region", name="Holds and bridges")
    note = card.get_by_role("note", name="From your physiotherapist")
    expect(note).to_contain_text("Breathe out as you brace.")
    expect(note).to_contain_text("Heat pack before, if it helps.")
    card.get_by_role("link", name="Start session").click()
    start = pat.get_by_role("note", name="From your physiotherapist")
    expect(start).to_contain_text("Breathe out as you brace.")
    expect(start).to_contain_text("Heat pack before, if it helps.")
    assignment = Assignment.objects.get(program=program)
    pdf = pat.request.get(f"/api/assignments/{assignment.pk}/handout.pdf")
    assert pdf.ok
    text = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf.body())).pages
    )
    assert "Breathe out as you brace." in text and "Heat pack before, if it helps." in text
    assert "sets of hold" not in text


def test_questionnaires_without_licensed_wording_are_not_offered(
    contexts: Contexts, cast: Any
) -> None:
    page = contexts.page(contexts.new(viewport=DESKTOP))
    login(page, "phil@example.com", TEST_PASSWORD)
    page.goto(f"/physio/patients/{cast.pat.pk}")
    section = page.get_by_role("region", name="Questionnaires")
    select = section.get_by_label("Questionnaire")
    expect(select).to_be_visible()
    options = select.locator("option").all_inner_texts()
    assert options and not any(re.search("Oswestry|Roland", o) for o in options), options
    expect(section.get_by_text(re.compile("Not offered: .*licensed wording"))).to_be_visible()
    select.select_option("nprs")
    section.get_by_role("button", name="Schedule questionnaire").click()
    expect(section.get_by_role("status").filter(has_text="is scheduled")).to_be_visible()
    page.reload()
    section = page.get_by_role("region", name="Questionnaires")
    expect(section.get_by_text(re.compile(r"^Every 4 weeks, from"))).to_be_visible()
    assert list(OutcomeSchedule.objects.values_list("measure", flat=True)) == ["nprs"]
