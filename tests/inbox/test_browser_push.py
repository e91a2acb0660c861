"""A nudge pushed to the real service worker: the notification shows, and its "I moved"
action reaches the API."""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import BrowserContext, Page, Response

from backend.inbox.models import InboxMessage
from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import (
    deliver_push,
    login,
    nudge_for,
    push_registration,
    wait_for_service_worker,
    wait_until,
)


def test_pushed_nudge_shows_a_notification_whose_moved_action_acknowledges_it(
    context: BrowserContext, page: Page, cast: Any, server_url: str
) -> None:
    nudge = nudge_for(cast.pat)
    context.grant_permissions(["notifications"], origin=server_url)
    login(page, "pat@example.com", TEST_PASSWORD)
    wait_for_service_worker(page)

    cdp, registration = push_registration(context, page, f"{server_url}/")
    payload = {
        "kind": "nudge",
        "title": "Time to move",
        "body": "You've been sitting a while: stand up and walk for two minutes.",
        "nudge": nudge.pk,
        "url": "/inbox",
    }
    deliver_push(cdp, server_url, registration, json.dumps(payload))

    shown = wait_until(
        page,
        """async () => {
            const reg = await navigator.serviceWorker.ready;
            const list = await reg.getNotifications();
            return list.length ? list.map((n) => ({
                title: n.title, body: n.body, tag: n.tag, data: n.data,
                actions: (n.actions || []).map((a) => a.action),
            })) : null;
        }""",
    )
    assert shown == [
        {
            "title": "Time to move",
            "body": payload["body"],
            "tag": "nudge",
            "data": {"kind": "nudge", "nudge": nudge.pk, "url": "/inbox"},
            "actions": ["moved", "snooze"],
        }
    ]

    # CDP cannot press a notification's action button, so run the worker's own
    # `notificationclick` listener with the "moved" action on the shown notification.
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
    response: Response = answered.value
    request = response.request
    assert request.method == "POST"
    assert request.post_data_json == {"action": "moved"}
    assert request.headers.get("x-csrftoken"), "the worker sent no CSRF token"
    assert response.status == 200, response.text()
    assert response.json()["action"] == "moved"

    nudge.refresh_from_db()
    assert nudge.action == "moved"
    assert nudge.acknowledged_at is not None
    assert InboxMessage.objects.get(nudge=nudge).read_at is not None
    # The notification is gone.
    wait_until(
        page,
        "async () => (await (await navigator.serviceWorker.ready).getNotifications()).length === 0",
    )


# --- a push that arrives twice is shown once ---------------------------------------------

_SHOWN = """async () => (await (await navigator.serviceWorker.ready).getNotifications())
    .map((n) => n.data && n.data.nudge)"""
_SOME_SHOWN = f"async () => {{ const s = await ({_SHOWN})(); return s.length ? s : null; }}"


def test_the_same_nudge_pushed_twice_is_shown_once(
    context: BrowserContext, page: Page, cast: Any, server_url: str
) -> None:
    """A worker killed between the push service's 201 and the ledger write sends the push
    again: the service worker must show it once. Both copies are the server's own payload
    (``payload_for``), delivered through Chromium's push path to the real service worker.
    All nudges share one notification tag, so a repeat would *replace* the first copy and
    ``getNotifications()`` alone could not tell; so the first copy is dismissed before the
    repeat arrives, and a repeat that was shown again would be visible."""
    from backend.inbox.delivery import payload_for

    first, second = nudge_for(cast.pat), nudge_for(cast.pat)
    payload = payload_for(InboxMessage.objects.get(nudge=first))
    context.grant_permissions(["notifications"], origin=server_url)
    login(page, "pat@example.com", TEST_PASSWORD)
    wait_for_service_worker(page)
    cdp, registration = push_registration(context, page, f"{server_url}/")
    [worker] = context.service_workers
    # Count every notification the worker shows (the browser's own method, wrapped).
    worker.evaluate(
        """() => {
            self.__shownCount = 0;
            const show = self.registration.showNotification.bind(self.registration);
            self.registration.showNotification = (...args) => {
                self.__shownCount += 1;
                return show(...args);
            };
        }"""
    )

    deliver_push(cdp, server_url, registration, payload.decode())
    assert wait_until(page, _SOME_SHOWN) == [first.pk]
    # The patient swipes it away; then the same push arrives again (the resend).
    worker.evaluate(
        "async () => (await self.registration.getNotifications()).forEach((n) => n.close())"
    )
    wait_until(page, f"async () => (await ({_SHOWN})()).length === 0")
    deliver_push(cdp, server_url, registration, payload.decode())
    # A different nudge after the repeat: once it shows, the repeat has been handled.
    deliver_push(
        cdp, server_url, registration, payload_for(InboxMessage.objects.get(nudge=second)).decode()
    )
    assert wait_until(page, _SOME_SHOWN) == [second.pk]
    assert worker.evaluate("() => self.__shownCount") == 2  # first and second, no repeat
