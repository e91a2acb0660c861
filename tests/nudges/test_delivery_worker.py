"""Dispatcher + a real Celery worker + a loopback Web Push service speaking the protocol."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from backend.accounts.models import User
from backend.inbox.delivery import requeue_undelivered
from backend.inbox.models import InboxMessage, PushDelivery, PushSubscription
from backend.inbox.services import push_subscribe
from backend.inbox.tasks import deliver_messages
from backend.nudges.dispatch import dispatch_due_nudges
from backend.nudges.models import Nudge
from backend.nudges.services import plan_for
from tests.factories import UserFactory
from tests.nudges.pushservice import FakeDevice, FakePushService
from tests.nudges.worker import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("library")]


def _patient_due_now(name: str, devices: list[FakeDevice], tz: str = "UTC") -> User:
    """A patient whose plan is due right now (real time: the worker runs on real time).

    The due slot is a slot of the plan's own grid (the shift starts a whole number of
    intervals before it), so the next slot is a full interval later. A slot off the grid
    would put the next one seconds away, and a test that ticks twice would see the plan
    due again."""
    user: Any = UserFactory(email=f"{name}@example.com", timezone=tz)
    plan = plan_for(user)
    slot = timezone.now().replace(second=0, microsecond=0)
    plan.work_days = [1, 2, 3, 4, 5, 6, 7]
    plan.work_start, plan.work_end = _shift_around(slot, tz, plan.interval_minutes)
    plan.next_due_at = slot
    plan.save()
    for device in devices:
        push_subscribe(user, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth)
    return user


def _shift_around(slot: Any, tz: str, interval_minutes: int) -> tuple[Any, Any]:
    """Work hours from four intervals before ``slot`` to two hours after it."""
    from zoneinfo import ZoneInfo

    local = slot.astimezone(ZoneInfo(tz))
    start = (local - timedelta(minutes=4 * interval_minutes)).time()
    end = (local + timedelta(hours=2)).time()
    return start, end


def _pending() -> int:
    return InboxMessage.objects.filter(
        push_enqueued_at__isnull=False, push_done_at__isnull=True
    ).count()


def test_nudges_reach_every_device_encrypted_signed_and_once(
    push_service: FakePushService, worker: Any
) -> None:
    phone, laptop, other = (push_service.new_device(n) for n in ("phone", "laptop", "other"))
    pat = _patient_due_now("pat", [phone, laptop], tz="Europe/Berlin")
    _patient_due_now("olive", [other], tz="America/New_York")

    report = dispatch_due_nudges()
    assert report.sent == 2
    payloads = push_service.wait_for(3)
    assert push_service.rejected == []
    assert len(payloads) == 3
    nudge = Nudge.objects.get(user=pat)
    mine = push_service.payloads(phone)
    assert mine == push_service.payloads(laptop)
    assert mine[0]["kind"] == "nudge" and mine[0]["nudge"] == nudge.pk
    # A nudge that suggests an exercise opens its guided break; any other the inbox.
    expected_url = f"/break/{nudge.pk}" if nudge.exercise else "/inbox"
    assert mine[0]["url"] == expected_url and mine[0]["title"] and mine[0]["body"]
    headers = {k.lower(): v for k, v in push_service.received[0].headers.items()}
    assert headers["content-encoding"] == "aes128gcm"
    assert 0 < int(headers["ttl"]) <= 15 * 60
    assert headers["urgency"] == "normal"
    first = push_service.received[0].payload
    assert headers["topic"] == f"nudge-{first['message']}"  # one topic per message
    assert Nudge.objects.get(pk=first["nudge"]).message_id == first["message"]
    wait_until(lambda: _pending() == 0)
    assert PushDelivery.objects.count() == 3

    # Delivering the same messages again (a redelivered task) pushes nothing new.
    ids = list(InboxMessage.objects.values_list("pk", flat=True))
    InboxMessage.objects.update(push_done_at=None)
    deliver_messages.delay(ids)
    wait_until(lambda: _pending() == 0)
    assert len(push_service.payloads()) == 3


def test_gone_subscription_is_deleted_and_other_devices_still_get_it(
    push_service: FakePushService, worker: Any
) -> None:
    phone, old_tablet = push_service.new_device("phone"), push_service.new_device("tablet")
    _patient_due_now("pat", [phone, old_tablet])
    push_service.answer(old_tablet, 410)
    dispatch_due_nudges()
    wait_until(lambda: _pending() == 0)
    assert len(push_service.payloads(phone)) == 1
    assert list(PushSubscription.objects.values_list("endpoint", flat=True)) == [phone.endpoint]


@pytest.mark.parametrize(("status", "headers"), [(429, {"Retry-After": "1"}), (503, {})])
def test_busy_push_service_is_retried_and_delivers_once(
    push_service: FakePushService, worker: Any, status: int, headers: dict[str, str]
) -> None:
    phone, laptop = push_service.new_device("phone"), push_service.new_device("laptop")
    _patient_due_now("pat", [phone, laptop])
    push_service.answer(phone, status, times=1, **headers)
    push_service.answer(phone, 500, times=1)
    dispatch_due_nudges()
    wait_until(lambda: _pending() == 0, timeout=30)
    assert len(push_service.payloads(phone)) == 1
    assert len(push_service.payloads(laptop)) == 1  # not pushed again by the retries
    assert PushSubscription.objects.count() == 2


def test_inbox_row_exists_even_when_every_device_fails(
    push_service: FakePushService, worker: Any
) -> None:
    phone = push_service.new_device("phone")
    pat = _patient_due_now("pat", [phone])
    push_service.answer(phone, 404)
    dispatch_due_nudges()
    wait_until(lambda: _pending() == 0)
    assert InboxMessage.objects.filter(user=pat, kind="nudge").count() == 1
    assert not PushSubscription.objects.exists()


@pytest.mark.django_db
def test_expired_push_is_closed_not_sent(push_service: FakePushService) -> None:
    phone = push_service.new_device("phone")
    monday = datetime(2026, 11, 23, 9, 10, tzinfo=UTC)
    user: Any = UserFactory(email="late@example.com", timezone="UTC")
    with time_machine.travel(monday, tick=False):
        plan_for(user)
        push_subscribe(user, endpoint=phone.endpoint, p256dh=phone.p256dh, auth=phone.auth)
    dispatch_due_nudges(now=datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
    assert _pending() == 1
    requeue_undelivered(now=datetime(2026, 11, 23, 11, 0, tzinfo=UTC))
    assert _pending() == 0
    assert push_service.payloads() == []
