"""Steps and checks shared by the browser tests."""

from __future__ import annotations

import itertools
import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, CDPSession, JSHandle, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from backend.accounts.models import User
from backend.programs.models import Assignment
from backend.programs.selectors import local_today
from backend.programs.services import assignment_create, program_create

AXE_JS = Path(settings.BASE_DIR) / "frontend_pwa" / "node_modules" / "axe-core" / "axe.min.js"
# Generous for a 2-core machine, but every wait is on a condition, never a sleep.
TIMEOUT_MS = 15_000
PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 320, "height": 568}


class Contexts:
    """Opens browser contexts (fresh profiles) on the live server and closes them after the
    test. Pages opened with ``page()`` fail the test on any uncaught script error."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.opened: list[BrowserContext] = []
        self.errors: list[str] = []

    def new(self, **options: Any) -> BrowserContext:
        settings: dict[str, Any] = {
            "base_url": self.base_url,
            "locale": "en-GB",
            "timezone_id": "Europe/London",
            "service_workers": "allow",
            "viewport": {"width": 420, "height": 900},  # a phone
        }
        context = self.browser.new_context(**{**settings, **options})
        context.set_default_timeout(TIMEOUT_MS)
        self.opened.append(context)
        return context

    def page(self, context: BrowserContext) -> Page:
        page = context.new_page()
        page.on("pageerror", lambda exc: self.errors.append(f"{exc}\n{exc.stack}"))
        page.on(
            "console",
            lambda m: (
                print(f"[console.{m.type}] {m.text}") if m.type in {"error", "warning"} else None
            ),
        )
        return page

    def close(self) -> None:
        for context in self.opened:
            context.close()


def login(page: Page, email: str, password: str) -> None:
    """Signs in through the login screen and waits for the home screen of the role."""
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)


_probes = itertools.count()


def wait_until(page: Page, async_function: str, arg: Any = None) -> Any:
    """Waits until an async JavaScript function, run in the page, resolves to a truthy value,
    and returns it. (``page.wait_for_function`` does not await a promise: a pending promise is
    already "truthy". So this polls: each poll starts the function when the last run has
    finished, and reports the last result.)"""
    key = f"__e2eProbe{next(_probes)}"
    try:
        handle = _poll(page, key, async_function, arg)
    except PlaywrightTimeoutError as exc:
        last = page.evaluate(f"() => window.{key} ?? null")
        raise AssertionError(f"timed out waiting for {async_function}; last run: {last}") from exc
    return handle.json_value()


def _poll(page: Page, key: str, async_function: str, arg: Any) -> JSHandle:
    return page.wait_for_function(
        f"""(arg) => {{
            const s = (window.{key} ??= {{busy: false, value: null}});
            if (!s.busy) {{
                s.busy = true;
                Promise.resolve()
                    .then(() => ({async_function})(arg))
                    .then(
                        (v) => {{ s.value = v; }},
                        (e) => {{ s.value = null; s.error = String(e); }},
                    )
                    .finally(() => {{ s.busy = false; }});
            }}
            return s.value;
        }}""",
        arg=arg,
        polling=100,
    )


def wait_for_service_worker(page: Page) -> None:
    """Waits until the service worker is active and controls the page."""
    wait_until(
        page,
        "async () => (await navigator.serviceWorker.ready).active !== null"
        " && navigator.serviceWorker.controller !== null",
    )


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Runs axe-core's WCAG 2 A/AA rules on the page as it is now."""
    if not AXE_JS.is_file():
        pytest.fail(
            f"{AXE_JS} is missing: run `cd frontend_pwa && npm ci` (axe-core is a devDependency).",
            pytrace=False,
        )
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result: dict[str, Any] = page.evaluate(
        """async () => {
            const r = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                resultTypes: ['violations'],
            });
            return {violations: r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(
                    n => ({target: n.target, summary: n.failureSummary})),
            }))};
        }"""
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    return json.dumps(violations, indent=2)


def screened_no(patient: User) -> None:
    """The patient has answered the red-flag check with "no" to everything (it is asked
    before the first session)."""
    from backend.programs.screening import screening_answer
    from exercises.safety_content import safety_content

    no = {flag.code: False for flag in safety_content().red_flags}
    screening_answer(patient=patient, answers=no)


def patient_program(
    physio: User, patient: User, name: str = "Core basics", *, screened: bool = True
) -> Assignment:
    """A one-exercise program (bird dog, one set of two reps, no rest) assigned to the
    patient for every day from today, through the services, as the physio. ``screened``:
    the patient already answered the red-flag check with "no" to everything."""
    if screened:
        screened_no(patient)
    program = program_create(
        actor=physio,
        name=name,
        items=[
            {
                "exercise": "bird-dog",
                "sets": 1,
                "reps": 2,
                "hold_seconds": None,
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
        # Started a week ago, so a session "yesterday" belongs to the program whatever
        # the hour (a start of today broke such tests just after midnight).
        start_date=local_today(patient) - timedelta(days=7),
        end_date=None,
        days_of_week=[1, 2, 3, 4, 5, 6, 7],
    )


def pick(page: Page, group: str, option: str) -> None:
    """Chooses a tile (a radio button) in the fieldset whose legend contains ``group``."""
    page.get_by_role("group", name=re.compile(group)).get_by_role(
        "radio", name=option, exact=True
    ).check()


def do_session(page: Page, program_name: str, pain_before: str, pain_after: str) -> None:
    """From Today: starts the program's session, does the one exercise, logs pain and
    difficulty and presses Save. Leaves the page on the result screen."""
    card = page.get_by_role("region", name=program_name)
    card.get_by_role("link", name="Start session").click()
    pick(page, "pain do you have right now", pain_before)
    page.get_by_role("button", name="Begin").click()
    page.get_by_role("button", name="Start Bird dog").click()
    page.get_by_role("button", name=re.compile(r"^Count a rep \(0")).click()
    page.get_by_role("button", name=re.compile(r"^Count a rep \(1")).click()
    page.get_by_role("button", name="Finish session").click()
    expect(page.get_by_role("heading", level=1, name="How did it go?")).to_be_visible()
    pick(page, "pain do you have now", pain_after)
    pick(page, "How hard was it", "About right")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", level=1, name="Session saved")).to_be_visible()


def nudge_for(patient: User) -> Any:
    """A nudge as the dispatcher records it: the nudge row and its inbox message."""
    # Imported here: the nudges app is newer than the rest, and only two tests need it.
    from backend.inbox.models import InboxKind, InboxMessage
    from backend.nudges.models import Nudge
    from backend.nudges.services import plan_for

    plan = plan_for(patient)
    nudge = Nudge.objects.create(
        plan=plan, user=patient, slot=timezone.now(), content="exercise:standing-back-extension"
    )
    nudge.message = InboxMessage.objects.create(
        user=patient,
        kind=InboxKind.NUDGE,
        title="Time to move",
        body="You've been sitting a while: stand up and walk for two minutes.",
        url="/inbox",
        extra=nudge.inbox_extra(),
    )
    nudge.save(update_fields=["message"])
    return nudge


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


def alert_badge(page: Page, name: str) -> Any:
    """The unread-alerts badge on the caseload row (phone cards) of the patient ``name``."""
    row = page.get_by_role("listitem").filter(has=page.get_by_role("link", name=name, exact=True))
    return row.locator(".badge")


def push_registration(context: BrowserContext, page: Page, scope: str) -> tuple[CDPSession, str]:
    """The DevTools id of the service worker registration for ``scope``."""
    cdp = context.new_cdp_session(page)
    registrations: list[dict[str, Any]] = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(event["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    # Chromium reports the known registrations while answering `enable`; one more
    # round trip makes sure their events have been handled.
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    ids = [
        r["registrationId"]
        for r in registrations
        if r["scopeURL"] == scope and not r.get("isDeleted")
    ]
    assert ids, f"no service worker registration for {scope}: {registrations}"
    return cdp, ids[-1]


def deliver_push(cdp: CDPSession, server_url: str, registration: str, data: str) -> None:
    """Deliver ``data`` to the service worker as Chromium's push service would."""
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": server_url, "registrationId": registration, "data": data},
    )
