"""Inbox, acknowledgements, day summary and push subscriptions over HTTP, plus who may
see what: another person's nudge, inbox row or subscription is a 404, never their data."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import time_machine

from backend.inbox.models import InboxMessage, PushSubscription
from backend.inbox.vapid import b64url_decode
from backend.nudges.dispatch import dispatch_due_nudges
from backend.nudges.models import Break, Nudge, NudgePlan
from backend.nudges.services import plan_for
from tests.nudges.pushservice import FakeDevice

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)  # London = UTC in November


def at(hour: int, minute: int = 0) -> datetime:
    return MONDAY + timedelta(hours=hour, minutes=minute)


def _nudge_for(user: Any, when: datetime) -> Nudge:
    with time_machine.travel(when - timedelta(minutes=20), tick=False):
        plan_for(user)
    dispatch_due_nudges(now=when)
    return Nudge.objects.filter(user=user).latest("slot")


def test_inbox_lists_own_messages_newest_first_and_filters_unread(cast: Any, as_user: Any) -> None:
    first = _nudge_for(cast.pat, at(9, 30))
    second = _nudge_for(cast.pat, at(10, 0))
    _nudge_for(cast.olive, at(10, 0))
    client = as_user(cast.pat)
    body = client.get("/api/inbox/").json()
    assert body["count"] == 2
    rows = body["results"]
    assert [r["nudge"] for r in rows] == [second.pk, first.pk]
    assert set(rows[0]) == {
        *("id", "kind", "title", "body", "created_at", "read_at", "nudge", "url"),
        *("nudge_kind", "exercise", "dose"),
    }
    assert rows[0]["kind"] == "nudge" and rows[0]["title"]
    # A nudge that suggests a micro-break opens its guided break.
    assert rows[0]["nudge_kind"] == "move" and rows[0]["exercise"]
    assert rows[0]["url"] == f"/break/{second.pk}"
    assert set(rows[0]["dose"]) == {"sets", "reps", "hold_seconds"}

    assert client.post(f"/api/inbox/{rows[1]['id']}/read/").status_code == 200
    unread = client.get("/api/inbox/?unread=true").json()["results"]
    assert [r["id"] for r in unread] == [rows[0]["id"]]


def test_nudge_suggests_a_library_micro_break_or_tip_never_twice_in_a_row(cast: Any) -> None:
    with time_machine.travel(at(8), tick=False):
        plan_for(cast.pat)
    for minute in range(0, 8 * 60, 30):
        dispatch_due_nudges(now=at(9, 30) + timedelta(minutes=minute))
    contents = list(
        Nudge.objects.filter(user=cast.pat).order_by("slot").values_list("content", flat=True)
    )
    assert len(contents) == 16
    assert all(c.startswith(("exercise:", "tip:")) for c in contents)
    assert any(c.startswith("exercise:") for c in contents) and any(
        c.startswith("tip:") for c in contents
    )
    assert all(a != b for a, b in itertools.pairwise(contents))


def test_moved_counts_a_break_and_restarts_the_interval(cast: Any, as_user: Any) -> None:
    nudge = _nudge_for(cast.pat, at(9, 30))
    with time_machine.travel(at(9, 40), tick=False):
        response = as_user(cast.pat).post(f"/api/nudges/{nudge.pk}/ack/", {"action": "moved"})
    assert response.status_code == 200
    assert response.json() == {
        "id": nudge.pk,
        "acknowledged_at": "2026-11-23T09:40:00Z",
        "action": "moved",
    }
    assert Break.objects.filter(user=cast.pat).count() == 1
    assert NudgePlan.objects.get(user=cast.pat).next_due_at == at(10, 10)
    assert InboxMessage.objects.get(nudge=nudge).read_at is not None


def test_snooze_holds_the_next_nudge(cast: Any, as_user: Any) -> None:
    nudge = _nudge_for(cast.pat, at(9, 30))
    with time_machine.travel(at(9, 31), tick=False):
        response = as_user(cast.pat).post(
            f"/api/nudges/{nudge.pk}/ack/", {"action": "snooze", "minutes": 45}
        )
    assert response.status_code == 200
    assert NudgePlan.objects.get(user=cast.pat).next_due_at == at(10, 16)
    dispatch_due_nudges(now=at(10, 0))  # the 10:00 slot is held
    assert Nudge.objects.filter(user=cast.pat).count() == 1
    dispatch_due_nudges(now=at(10, 16))
    assert Nudge.objects.filter(user=cast.pat).count() == 2
    assert NudgePlan.objects.get(user=cast.pat).next_due_at == at(10, 30)


def test_replaying_the_same_answer_is_harmless_a_different_one_is_refused(
    cast: Any, as_user: Any
) -> None:
    nudge = _nudge_for(cast.pat, at(9, 30))
    client = as_user(cast.pat)
    url = f"/api/nudges/{nudge.pk}/ack/"
    assert client.post(url, {"action": "moved"}).status_code == 200
    assert client.post(url, {"action": "moved"}).status_code == 200
    assert Break.objects.count() == 1
    assert client.post(url, {"action": "dismiss"}).status_code == 400


@pytest.mark.parametrize(
    "body",
    [
        {"action": "snooze"},
        {"action": "snooze", "minutes": 4},
        {"action": "snooze", "minutes": 61},
        {"action": "dance"},
        {"action": "moved", "minutes": 10},
        {"action": "moved", "extra": 1},
    ],
)
def test_bad_acknowledgements_are_400_and_change_nothing(
    cast: Any, as_user: Any, body: dict[str, Any]
) -> None:
    nudge = _nudge_for(cast.pat, at(9, 30))
    assert as_user(cast.pat).post(f"/api/nudges/{nudge.pk}/ack/", body).status_code == 400
    nudge.refresh_from_db()
    assert nudge.acknowledged_at is None


def test_day_summary_counts_and_longest_stretch(cast: Any, as_user: Any) -> None:
    with time_machine.travel(at(8), tick=False):
        plan_for(cast.pat)
    client = as_user(cast.pat)
    dispatch_due_nudges(now=at(9, 30))
    dispatch_due_nudges(now=at(10, 0))
    nudges = list(Nudge.objects.filter(user=cast.pat).order_by("slot"))
    with time_machine.travel(at(10, 5), tick=False):
        client.post(f"/api/nudges/{nudges[1].pk}/ack/", {"action": "moved"})
    dispatch_due_nudges(now=at(10, 35))  # the interval restarted at 10:05
    third = Nudge.objects.filter(user=cast.pat).latest("slot")
    assert third.slot == at(10, 35)
    with time_machine.travel(at(11, 0), tick=False):
        client.post(f"/api/nudges/{third.pk}/ack/", {"action": "dismiss"})
    with time_machine.travel(at(12, 0), tick=False):
        body = client.get("/api/nudges/summary/?date=2026-11-23").json()
    # Shift 09:00-now(12:00) split by the break at 10:05: 65 and 115 minutes.
    assert body == {
        "date": "2026-11-23",
        "sent": 3,
        "acknowledged": 2,
        "breaks": 1,
        "longest_stretch_minutes": 115,
    }
    weekend = client.get("/api/nudges/summary/?date=2026-11-22").json()
    assert weekend["sent"] == 0 and weekend["longest_stretch_minutes"] == 0
    assert client.get("/api/nudges/summary/?date=soon").status_code == 400


def test_push_key_is_an_uncompressed_p256_point(cast: Any, as_user: Any) -> None:
    key = as_user(cast.pat).get("/api/push/key/").json()["public_key"]
    raw = b64url_decode(key)
    assert len(raw) == 65 and raw[0] == 4
    assert "=" not in key


def test_subscribe_and_unsubscribe(cast: Any, as_user: Any, device_factory: Any) -> None:
    device: FakeDevice = device_factory()
    client = as_user(cast.pat)
    assert client.post("/api/push/subscriptions/", device.subscription_json()).status_code == 201
    assert client.post("/api/push/subscriptions/", device.subscription_json()).status_code == 201
    assert PushSubscription.objects.filter(user=cast.pat).count() == 1
    other = device_factory("laptop")
    client.post("/api/push/subscriptions/", other.subscription_json())
    assert PushSubscription.objects.filter(user=cast.pat).count() == 2
    response = client.delete("/api/push/subscriptions/", {"endpoint": device.endpoint})
    assert response.status_code == 204
    assert list(PushSubscription.objects.values_list("endpoint", flat=True)) == [other.endpoint]


GOOD_KEY = "B" + "A" * 86  # base64url of 65 bytes starting 0x04
GOOD_AUTH = "A" * 22  # 16 bytes


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {
                "endpoint": "http://push.example.com/x",
                "keys": {"p256dh": GOOD_KEY, "auth": GOOD_AUTH},
            },
            "endpoint",
        ),
        (
            {
                "endpoint": "ftp://push.example.com/x",
                "keys": {"p256dh": GOOD_KEY, "auth": GOOD_AUTH},
            },
            "endpoint",
        ),
        ({"endpoint": "not a url", "keys": {"p256dh": GOOD_KEY, "auth": GOOD_AUTH}}, "endpoint"),
        (
            {
                "endpoint": "https://push.example.com/x",
                "keys": {"p256dh": "AAAA", "auth": GOOD_AUTH},
            },
            "keys",
        ),
        (
            {
                "endpoint": "https://push.example.com/x",
                "keys": {"p256dh": "A" * 87, "auth": GOOD_AUTH},
            },
            "keys",
        ),
        (
            {
                "endpoint": "https://push.example.com/x",
                "keys": {"p256dh": GOOD_KEY, "auth": "AAAA"},
            },
            "keys",
        ),
        (
            {
                "endpoint": "https://push.example.com/x",
                "keys": {"p256dh": GOOD_KEY, "auth": "%%%%"},
            },
            "keys",
        ),
        ({"endpoint": "https://push.example.com/x", "keys": {"p256dh": GOOD_KEY}}, "keys"),
        ({"endpoint": "https://push.example.com/x"}, "keys"),
    ],
)
def test_malformed_subscription_is_400_and_nothing_written(
    cast: Any, as_user: Any, body: dict[str, Any], field: str
) -> None:
    response = as_user(cast.pat).post("/api/push/subscriptions/", body)
    assert response.status_code == 400
    assert field in response.json()
    assert not PushSubscription.objects.exists()


def test_plain_http_is_refused_outside_development(cast: Any, as_user: Any, settings: Any) -> None:
    settings.PUSH_ALLOW_LOOPBACK_HTTP = False
    body = {
        "endpoint": "http://127.0.0.1:9/push/x",
        "keys": {"p256dh": GOOD_KEY, "auth": GOOD_AUTH},
    }
    assert as_user(cast.pat).post("/api/push/subscriptions/", body).status_code == 400


# --- another person's things: 404 ------------------------------------------------------


@pytest.mark.parametrize("persona", ["olive", "hana"])
def test_someone_elses_nudge_inbox_row_and_subscription_are_404(
    cast: Any, as_user: Any, device_factory: Any, persona: str
) -> None:
    nudge = _nudge_for(cast.pat, at(9, 30))
    message = InboxMessage.objects.get(nudge=nudge)
    device = device_factory()
    as_user(cast.pat).post("/api/push/subscriptions/", device.subscription_json())
    other = as_user(getattr(cast, persona))

    assert other.post(f"/api/nudges/{nudge.pk}/ack/", {"action": "moved"}).status_code == 404
    assert other.post(f"/api/inbox/{message.pk}/read/").status_code == 404
    # 204 like any unsubscribe (nothing observable), and Pat's device stays.
    assert (
        other.delete("/api/push/subscriptions/", {"endpoint": device.endpoint}).status_code == 204
    )
    assert other.get("/api/inbox/").json()["count"] == 0
    nudge.refresh_from_db()
    message.refresh_from_db()
    assert nudge.acknowledged_at is None and message.read_at is None
    assert PushSubscription.objects.filter(user=cast.pat).count() == 1


def test_physios_have_their_own_inbox_but_no_nudges(cast: Any, as_user: Any) -> None:
    nudge = _nudge_for(cast.pat, at(9, 30))
    phil = as_user(cast.phil)
    assert phil.get("/api/inbox/").json()["count"] == 0
    assert phil.post(f"/api/nudges/{nudge.pk}/ack/", {"action": "moved"}).status_code == 403


def test_summary_date_defaults_to_today(cast: Any, as_user: Any) -> None:
    with time_machine.travel(at(12), tick=False):
        body = as_user(cast.pat).get("/api/nudges/summary/").json()
    assert body["date"] == date(2026, 11, 23).isoformat()
