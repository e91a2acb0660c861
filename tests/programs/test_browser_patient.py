"""A patient in the browser: joining by invite, doing today's session, logging offline."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, Response, expect

from backend.accounts.models import CareLink, User
from backend.accounts.services import invite_create
from backend.programs.models import Session
from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import (
    do_session,
    login,
    patient_program,
    wait_for_service_worker,
    wait_until,
)


def test_invited_patient_does_todays_session_and_it_is_stored(page: Page, cast: Any) -> None:
    invite = invite_create(inviter=cast.phil, role="patient")

    page.goto(f"/invite/{invite.code}")
    expect(page.get_by_text("Riverside has invited you")).to_be_visible()
    page.get_by_label("Your name").fill("Nora Newcomer")
    page.get_by_label("Email").fill("nora@example.com")
    page.get_by_label("Choose a password").fill(TEST_PASSWORD)
    page.get_by_label("Time zone").select_option("Europe/London")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    expect(page.get_by_text("Your physiotherapist is preparing your plan")).to_be_visible()

    nora = User.objects.get(email="nora@example.com")
    assert nora.role == "patient"
    assert CareLink.objects.filter(patient=nora, physio=cast.phil).exists()

    assignment = patient_program(cast.phil, nora)
    page.reload()
    do_session(page, "Core basics", pain_before="3", pain_after="2")
    expect(page.get_by_text("Your physiotherapist can see this session")).to_be_visible()

    session = Session.objects.get(patient=nora)
    assert session.assignment_id == assignment.pk
    assert (session.pain_before, session.pain_after) == (3, 2)
    assert session.difficulty == "about_right"
    [item] = session.items.all()
    assert (item.exercise.slug, item.sets_done, item.reps_done, item.skipped) == (
        "bird-dog",
        1,
        2,
        False,
    )

    page.get_by_role("button", name="Back to Today").click()
    card = page.get_by_role("region", name="Core basics")
    expect(card.get_by_text("Done today")).to_be_visible()


OUTBOX_EMPTY = """() => new Promise((resolve, reject) => {
    const open = indexedDB.open('upright');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
        const c = open.result.transaction('outbox').objectStore('outbox').count();
        c.onsuccess = () => { open.result.close(); resolve(c.result === 0); };
    };
})"""


def _outbox_entries(page: Page) -> list[dict[str, Any]]:
    """What the app keeps in its IndexedDB outbox (read with the raw IndexedDB API)."""
    entries: list[dict[str, Any]] = page.evaluate(
        """() => new Promise((resolve, reject) => {
            const open = indexedDB.open('upright');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
                const all = open.result.transaction('outbox').objectStore('outbox').getAll();
                all.onsuccess = () => { open.result.close(); resolve(all.result); };
                all.onerror = () => reject(all.error);
            };
        })"""
    )
    return entries


def _outbox_put(page: Page, entry: dict[str, Any]) -> None:
    page.evaluate(
        """(entry) => new Promise((resolve, reject) => {
            const open = indexedDB.open('upright');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
                const tx = open.result.transaction('outbox', 'readwrite');
                tx.objectStore('outbox').put(entry);
                tx.oncomplete = () => { open.result.close(); resolve(null); };
                tx.onerror = () => reject(tx.error);
            };
        })""",
        entry,
    )


def test_session_logged_offline_waits_in_outbox_and_is_stored_once(page: Page, cast: Any) -> None:
    patient_program(cast.phil, cast.pat)
    answers: list[int] = []

    def record(response: Response) -> None:
        if response.request.method == "POST" and response.url.endswith("/api/sessions/"):
            answers.append(response.status)

    page.context.on("response", record)
    login(page, "pat@example.com", TEST_PASSWORD)
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    wait_for_service_worker(page)

    page.context.set_offline(True)
    expect(page.get_by_text("Offline.")).to_be_visible()
    do_session(page, "Core basics", pain_before="4", pain_after="3")
    expect(page.get_by_text("Saved on this phone")).to_be_visible()
    expect(page.get_by_text("when you're back online")).to_be_visible()
    page.get_by_role("button", name="Back to Today").click()

    # The outbox panel and the status line both say a session is waiting.
    panel = page.get_by_role("region", name="Saved on this phone")
    expect(panel.get_by_text("1 session will be sent")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="1 session waiting to send")).to_be_visible()
    [waiting] = _outbox_entries(page)
    assert waiting["state"] == "pending"
    assert re.fullmatch(r"[0-9a-f-]{36}", waiting["id"])  # the id is made on the phone
    assert Session.objects.filter(patient=cast.pat).count() == 0

    # Back online: the app sends it by itself (the `online` event; the service worker's
    # Background Sync may send it too — the server takes the same id only once).
    page.context.set_offline(False)
    expect(panel).to_be_hidden()
    expect(page.get_by_role("region", name="Core basics").get_by_text("Done today")).to_be_visible()
    assert _outbox_entries(page) == []
    assert Session.objects.filter(patient=cast.pat).count() == 1
    assert 201 in answers

    # A second flush of the same entry (as when the page and the worker, or two tabs, both
    # picked it up before either removed it): put it back and restart the app, which flushes
    # on start (or the worker's pending Background Sync retry sends it first: either way).
    # The server answers 200 with the original, and still stores one session.
    with page.context.expect_event(
        "response", lambda r: r.request.method == "POST" and r.url.endswith("/api/sessions/")
    ) as replay:
        _outbox_put(page, {**waiting, "attempts": 0, "nextAttemptAt": 0, "state": "pending"})
        page.reload()
    assert replay.value.status == 200
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    wait_until(page, OUTBOX_EMPTY)
    session = Session.objects.get(patient=cast.pat)
    assert str(session.pk) == waiting["id"]
    assert (session.pain_before, session.pain_after) == (4, 3)
    assert answers.count(201) == 1
    assert all(status in (200, 201) for status in answers), answers
