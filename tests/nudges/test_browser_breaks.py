"""Micro-breaks in the browser (issue 16): a pushed move nudge opens the one-minute guided
break through the real service worker, "Done" records the break with its exercise, and the
physiotherapist's patient page shows it; the physio's prescription editor, the busy pause,
the calendar feed and sit/stand settings each save, reload and read back; axe-core finds no
WCAG 2 A/AA violations on the new screens. ``E2E_SCREENSHOTS=DIR`` keeps a picture of each."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from playwright.sync_api import BrowserContext, Page, expect

from backend.inbox.models import InboxKind, InboxMessage
from backend.nudges.models import Break, BreakPrescription, Nudge
from backend.nudges.services import plan_for
from backend.programs.precautions import patient_precautions_set
from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import (
    Contexts,
    axe_violations,
    deliver_push,
    describe,
    login,
    patient_program,
    push_registration,
    wait_for_service_worker,
    wait_until,
)

SIZES = {
    "small": {"width": 320, "height": 568},
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 800},
}


def _settled(page: Page) -> None:
    expect(page.get_by_role("status").filter(has_text=re.compile(r"^Loading"))).to_have_count(0)


def _shot(page: Page, name: str, *, full: bool = False) -> None:
    if shots := os.environ.get("E2E_SCREENSHOTS"):
        Path(shots).mkdir(parents=True, exist_ok=True)
        size = page.viewport_size or {"width": 0, "height": 0}
        path = Path(shots) / f"{name}-{size['width']}x{size['height']}.png"
        page.screenshot(path=str(path), full_page=full)


def _in_viewport(page: Page, name: str) -> None:
    box = page.get_by_role("button", name=name, exact=True).bounding_box()
    size = page.viewport_size
    assert box is not None and size is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (name, box, size)
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (name, box, size)


def move_nudge(patient: Any, slug: str = "neck-side-stretch") -> Nudge:
    """A move nudge as the dispatcher records it, with its inbox message."""
    from django.utils import timezone

    nudge = Nudge.objects.create(
        plan=plan_for(patient),
        user=patient,
        slot=timezone.now(),
        content=f"exercise:{slug}",
        kind="move",
        sets=1,
        reps=5,
        hold_seconds=None,
    )
    nudge.message = InboxMessage.objects.create(
        user=patient,
        kind=InboxKind.NUDGE,
        title="Time to move",
        body="A one-minute break: neck side stretch.",
        url=f"/break/{nudge.pk}",
        extra=nudge.inbox_extra(),
    )
    nudge.save(update_fields=["message"])
    return nudge


def test_a_pushed_move_nudge_opens_the_break_done_is_recorded_and_the_physio_sees_it(
    contexts: Contexts, context: BrowserContext, page: Page, cast: Any, server_url: str
) -> None:
    patient_program(cast.phil, cast.pat)
    nudge = move_nudge(cast.pat)
    context.grant_permissions(["notifications"], origin=server_url)
    login(page, "pat@example.com", TEST_PASSWORD)
    wait_for_service_worker(page)

    cdp, registration = push_registration(context, page, f"{server_url}/")
    payload = {
        "kind": "nudge",
        "title": "Time to move",
        "body": "A one-minute break: neck side stretch.",
        "nudge": nudge.pk,
        "url": f"/break/{nudge.pk}",
        "nudge_kind": "move",
        "exercise": "neck-side-stretch",
        "dose": {"sets": 1, "reps": 5, "hold_seconds": None},
    }
    deliver_push(cdp, server_url, registration, json.dumps(payload))
    shown = wait_until(
        page,
        """async () => {
            const list = await (await navigator.serviceWorker.ready).getNotifications();
            return list.length ? list.map((n) => n.data) : null;
        }""",
    )
    assert shown == [
        {
            "kind": "nudge",
            "nudge": nudge.pk,
            "url": f"/break/{nudge.pk}",
            "exercise": "neck-side-stretch",
        }
    ]

    # A click on the notification itself (no action button): the worker's own listener.
    [worker] = context.service_workers
    worker.evaluate(
        """async () => {
            const [notification] = await self.registration.getNotifications();
            self.dispatchEvent(new NotificationEvent('notificationclick', {notification}));
        }"""
    )
    page.wait_for_url(f"**/break/{nudge.pk}")
    expect(page.get_by_role("heading", level=1, name="Neck side stretch")).to_be_visible()
    expect(page.get_by_text("A one-minute break: 1 \u00d7 5")).to_be_visible()
    _in_viewport(page, "Done")
    _in_viewport(page, "Not now")

    page.get_by_role("button", name="Start Neck side stretch").click()
    page.get_by_role("button", name=re.compile(r"^Count a rep \(0 of 5")).click()
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Well done")).to_be_visible()
    expect(page.get_by_text("Your break is saved: Neck side stretch.")).to_be_visible()

    nudge.refresh_from_db()
    assert nudge.action == "moved"
    taken = Break.objects.get(nudge=nudge)
    assert taken.exercise == "neck-side-stretch"
    assert taken.user_id == cast.pat.pk

    physio = contexts.page(contexts.new(viewport=SIZES["desktop"]))
    login(physio, "phil@example.com", TEST_PASSWORD)
    physio.goto(f"/physio/patients/{cast.pat.pk}")
    stats = physio.get_by_role("region", name="Movement breaks")
    expect(stats.get_by_test_id("break-exercises")).to_contain_text("Neck side stretch")
    expect(stats.get_by_test_id("break-exercises").get_by_role("listitem")).to_have_text(
        re.compile(r"Neck side stretch\s*1 time")
    )
    expect(stats.get_by_text("1 break taken of 1 offered.")).to_be_visible()


def test_the_notification_moved_action_names_the_exercise_without_opening_the_app(
    context: BrowserContext, page: Page, cast: Any, server_url: str
) -> None:
    nudge = move_nudge(cast.pat, "seated-cat-cow")
    context.grant_permissions(["notifications"], origin=server_url)
    login(page, "pat@example.com", TEST_PASSWORD)
    wait_for_service_worker(page)
    cdp, registration = push_registration(context, page, f"{server_url}/")
    payload = {"kind": "nudge", "title": "Time to move", "body": "", "nudge": nudge.pk}
    payload |= {"nudge_kind": "move", "exercise": "seated-cat-cow", "url": f"/break/{nudge.pk}"}
    deliver_push(cdp, server_url, registration, json.dumps(payload))
    wait_until(
        page,
        "async () => (await (await navigator.serviceWorker.ready).getNotifications()).length",
    )
    [worker] = context.service_workers
    ack_url = f"{server_url}/api/nudges/{nudge.pk}/ack/"
    with context.expect_event("response", lambda r: r.url == ack_url) as answered:
        worker.evaluate(
            """async () => {
                const [notification] = await self.registration.getNotifications();
                self.dispatchEvent(
                    new NotificationEvent('notificationclick', {notification, action: 'moved'}),
                );
            }"""
        )
    assert answered.value.request.post_data_json == {
        "action": "moved",
        "exercise": "seated-cat-cow",
    }
    assert answered.value.status == 200
    assert Break.objects.get(nudge=nudge).exercise == "seated-cat-cow"
    assert "/break/" not in page.url


def test_a_break_done_offline_waits_in_the_outbox_and_is_sent_when_back_online(
    context: BrowserContext, page: Page, cast: Any
) -> None:
    patient_program(cast.phil, cast.pat)
    nudge = move_nudge(cast.pat)
    login(page, "pat@example.com", TEST_PASSWORD)
    wait_for_service_worker(page)
    # Today keeps the break pool and its exercises on the phone.
    expect(page.get_by_role("link", name="Do a one-minute break now")).to_be_visible()
    page.get_by_role("link", name="Inbox").first.click()
    start = page.get_by_role("link", name="Start the break")
    expect(start).to_be_visible()
    context.set_offline(True)
    start.click()
    expect(page.get_by_role("heading", level=1, name="Neck side stretch")).to_be_visible()
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.get_by_text(re.compile("Saved on this phone: Neck side stretch"))).to_be_visible()
    waiting = page.get_by_role("status").filter(has_text="1 break waiting to send")
    expect(waiting).to_have_count(1)
    assert not Break.objects.filter(nudge=nudge).exists()
    with page.expect_response(lambda r: r.url.endswith(f"/api/nudges/{nudge.pk}/ack/")) as sent:
        context.set_offline(False)
    assert sent.value.status == 200
    assert Break.objects.get(nudge=nudge).exercise == "neck-side-stretch"


def test_physio_prescribes_micro_breaks_and_reads_them_back(contexts: Contexts, cast: Any) -> None:
    assignment = patient_program(cast.phil, cast.pat)
    patient_precautions_set(patient=cast.pat, codes=["shoulder-caution"], actor=cast.phil)
    page = contexts.page(contexts.new(bypass_csp=True, viewport=SIZES["desktop"]))
    login(page, "phil@example.com", TEST_PASSWORD)
    page.goto(f"/physio/patients/{cast.pat.pk}")
    page.get_by_role("button", name="Micro-breaks at work").click()
    form = page.get_by_role("form", name="Micro-breaks at work")
    expect(form.get_by_label("Shoulder rolls")).to_be_disabled()
    expect(form.get_by_text(re.compile(r"Not available: .+"))).not_to_have_count(0)

    form.get_by_label("Neck side stretch").select_option("prescribed")
    form.locator(f"#br{assignment.pk}-neck-side-stretch-reps").fill("8")
    form.locator(f"#br{assignment.pk}-neck-side-stretch-often").select_option("2")
    form.get_by_label("Seated twist").select_option("excluded")
    form.get_by_role("button", name="Save micro-breaks").click()
    expect(form.get_by_text("Micro-breaks saved.")).to_be_visible()
    _shot(page, "physio-breaks-editor", full=True)
    violations = axe_violations(page)
    assert not violations, describe(violations)

    saved = BreakPrescription.objects.get(assignment=assignment)
    assert [i["exercise"] for i in saved.items] == ["neck-side-stretch"]
    assert saved.items[0]["reps"] == 8 and saved.items[0]["every_nth"] == 2
    assert saved.excluded == ["seated-twist"]

    page.reload()
    page.get_by_role("button", name="Micro-breaks at work").click()
    form = page.get_by_role("form", name="Micro-breaks at work")
    expect(form.get_by_label("Neck side stretch")).to_have_value("prescribed")
    expect(form.locator(f"#br{assignment.pk}-neck-side-stretch-reps")).to_have_value("8")
    expect(form.locator(f"#br{assignment.pk}-neck-side-stretch-often")).to_have_value("2")
    expect(form.get_by_label("Seated twist")).to_have_value("excluded")
    expect(form.get_by_test_id(f"br{assignment.pk}-effective")).to_have_text(
        re.compile("^Neck side stretch · 1 \u00d7 8$")
    )

    # A dose the server refuses: the row says why, nothing is saved.
    form.locator(f"#br{assignment.pk}-neck-side-stretch-reps").fill("500")
    form.get_by_role("button", name="Save micro-breaks").click()
    expect(form.get_by_role("alert").first).to_be_visible()
    expect(form.locator(f"#br{assignment.pk}-neck-side-stretch-reps-error")).to_be_visible()
    _shot(page, "physio-breaks-editor-error")
    saved.refresh_from_db()
    assert saved.items[0]["reps"] == 8


def test_busy_pause_on_today_shows_until_when_and_resumes(page: Page, cast: Any) -> None:
    patient_program(cast.phil, cast.pat)
    plan_for(cast.pat)
    login(page, "pat@example.com", TEST_PASSWORD)
    card = page.get_by_role("region", name="Movement reminders")
    card.get_by_role("button", name="30 min").click()
    # "Paused until 14:30", or "Paused until Wed 00:10" when the pause ends after midnight.
    expect(
        card.get_by_text(re.compile(r"^Paused until ([A-Z][a-z]{2} )?\d\d:\d\d$"))
    ).to_be_visible()
    plan = plan_for(cast.pat)
    assert plan.busy_until is not None
    page.reload()
    card = page.get_by_role("region", name="Movement reminders")
    local = plan.busy_until.astimezone(ZoneInfo(cast.pat.timezone))
    expect(
        card.get_by_text(re.compile(f"^Paused until ([A-Z][a-z]{{2}} )?{local:%H:%M}$"))
    ).to_be_visible()
    card.get_by_role("button", name="Resume").click()
    expect(card.get_by_role("button", name="Rest of today")).to_be_visible()
    page.reload()
    expect(
        page.get_by_role("region", name="Movement reminders").get_by_role("button", name="15 min")
    ).to_be_visible()
    assert plan_for(cast.pat).busy_until is None


def test_calendar_feed_and_sit_stand_settings_save_and_read_back(
    page: Page, cast: Any, settings: Any
) -> None:
    settings.CALENDAR_ALLOW_LOOPBACK_HTTP = True
    login(page, "pat@example.com", TEST_PASSWORD)
    page.goto("/settings")
    calendar = page.get_by_role("region", name="Busy times from your calendar")
    calendar.get_by_label("Calendar link").fill("http://10.1.2.3/work.ics")
    calendar.get_by_role("button", name="Save calendar link").click()
    expect(calendar.locator("#cal-url-error")).to_have_text(re.compile("https://"))

    calendar.get_by_label("Calendar link").fill("http://127.0.0.1:9/busy.ics")
    calendar.get_by_role("button", name="Save calendar link").click()
    expect(calendar.get_by_text(re.compile("Your calendar link is saved"))).to_be_visible()
    page.reload()
    calendar = page.get_by_role("region", name="Busy times from your calendar")
    using = re.compile(r"Using a calendar from\s+127\.0\.0\.1")
    expect(calendar.get_by_text(using)).to_be_visible()

    # Sit/stand, in the reminder form.
    page.get_by_label("Remind me to stand for a while, then to sit again").check()
    page.get_by_label("Stand for (minutes)").fill("45")
    page.get_by_role("button", name="Save reminder settings").click()
    expect(page.get_by_text("Your reminder settings are saved.")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Remind me to stand for a while, then to sit again")).to_be_checked()
    expect(page.get_by_label("Stand for (minutes)")).to_have_value("45")
    plan = plan_for(cast.pat)
    assert plan.sit_stand_enabled and plan.stand_minutes == 45

    calendar = page.get_by_role("region", name="Busy times from your calendar")
    calendar.get_by_role("button", name="Remove calendar link").click()
    expect(calendar.get_by_text("Your calendar link is removed.")).to_be_visible()
    page.reload()
    calendar = page.get_by_role("region", name="Busy times from your calendar")
    expect(calendar.get_by_label("Calendar link")).to_be_visible()
    expect(calendar.get_by_text("Using a calendar from")).to_have_count(0)


def test_new_break_screens_have_no_wcag_violations(contexts: Contexts, cast: Any) -> None:
    patient_program(cast.phil, cast.pat)
    nudge = move_nudge(cast.pat)
    Break.objects.create(user=cast.pat, nudge=nudge, exercise="neck-side-stretch")
    found: dict[str, Any] = {}

    def check(page: Page, screen: str, size: str) -> None:
        _settled(page)
        # The break screens as the phone shows them (controls in view); the rest whole.
        _shot(page, screen, full=not screen.startswith("break"))
        if v := axe_violations(page):
            found[f"{screen} ({size})"] = v

    for size, viewport in SIZES.items():
        page = contexts.page(contexts.new(bypass_csp=True, viewport=viewport))
        login(page, "pat@example.com", TEST_PASSWORD)
        page.goto(f"/break/{nudge.pk}")
        expect(page.get_by_role("heading", level=1, name="Neck side stretch")).to_be_visible()
        _in_viewport(page, "Done")
        _in_viewport(page, "Not now")
        check(page, "break", size)
        page.goto("/break/exercise/seated-cat-cow")
        expect(page.get_by_role("heading", level=1, name="Seated cat-cow")).to_be_visible()
        _in_viewport(page, "Done")
        check(page, "break-now", size)
        page.goto("/today")
        expect(page.get_by_role("region", name="Movement reminders")).to_be_visible()
        check(page, "today-breaks", size)
        page.goto("/settings")
        expect(page.get_by_role("region", name="Busy times from your calendar")).to_be_visible()
        expect(page.get_by_role("status").filter(has_text="Working out")).to_have_count(0)
        check(page, "settings-breaks", size)
        page.goto("/progress")
        stats = page.get_by_role("region", name="Movement breaks")
        expect(stats.get_by_test_id("break-exercises")).to_be_visible()
        check(page, "progress-breaks", size)
    assert not found, describe([{"screen": k, "violations": v} for k, v in found.items()])


def test_the_break_screens_and_the_physio_editor_speak_german_on_a_small_phone(
    contexts: Contexts, cast: Any
) -> None:
    """German is the longest of the three: on a 320 px phone the break's controls stay in view
    and nothing scrolls sideways; the clinician's editor comes with its own catalogue."""
    assignment = patient_program(cast.phil, cast.pat)
    nudge = move_nudge(cast.pat)
    for user in (cast.pat, cast.phil):
        user.language = "de"
        user.save(update_fields=["language"])

    page = contexts.page(contexts.new(viewport=SIZES["small"]))
    login(page, "pat@example.com", TEST_PASSWORD)
    page.goto(f"/break/{nudge.pk}")
    expect(page.get_by_role("heading", name="So geht es")).to_be_visible()
    expect(page.get_by_role("heading", name="Gerade beschäftigt?")).to_be_visible()
    _in_viewport(page, "Erledigt")
    _in_viewport(page, "Nicht jetzt")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    _shot(page, "break-de")
    page.goto("/settings")
    expect(page.get_by_role("region", name="Belegte Zeiten aus Ihrem Kalender")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    _shot(page, "settings-breaks-de", full=True)

    physio = contexts.page(contexts.new(viewport=SIZES["desktop"]))
    login(physio, "phil@example.com", TEST_PASSWORD)
    physio.goto(f"/physio/patients/{cast.pat.pk}")
    physio.get_by_role("button", name="Mikropausen bei der Arbeit").click()
    form = physio.get_by_role("form", name="Mikropausen bei der Arbeit")
    expect(form.get_by_role("button", name="Mikropausen speichern")).to_be_visible()
    expect(form.locator(f"#br{assignment.pk}-neck-side-stretch-mode")).to_contain_text(
        "Nie vorschlagen"
    )
    _shot(physio, "physio-breaks-editor-de", full=True)
