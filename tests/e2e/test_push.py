"""A nudge pushed to the real service worker: the notification shows, and its "I moved"
action reaches the API."""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import BrowserContext, CDPSession, Page, Response

from backend.nudges.models import InboxMessage
from tests.e2e.helpers import login, nudge_for, wait_for_service_worker, wait_until
from tests.factories import TEST_PASSWORD


def _registration_id(context: BrowserContext, page: Page, scope: str) -> tuple[CDPSession, str]:
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


def test_pushed_nudge_shows_a_notification_whose_moved_action_acknowledges_it(
    context: BrowserContext, page: Page, cast: Any, server_url: str
) -> None:
    nudge = nudge_for(cast.pat)
    context.grant_permissions(["notifications"], origin=server_url)
    login(page, "pat@example.com", TEST_PASSWORD)
    wait_for_service_worker(page)

    cdp, registration = _registration_id(context, page, f"{server_url}/")
    payload = {
        "kind": "nudge",
        "title": "Time to move",
        "body": "You've been sitting a while: stand up and walk for two minutes.",
        "nudge": nudge.pk,
        "url": "/inbox",
    }
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": server_url, "registrationId": registration, "data": json.dumps(payload)},
    )

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
