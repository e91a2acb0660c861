"""Retry-After and deadlines with the loopback push service: a long Retry-After is
honoured (the lease covers the wait, the count is kept), and a push that could only go
out after slot + grace or after the patient's hours is dropped and recorded, never sent."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from backend.inbox.delivery import deliver_messages, push_schedule_retry, requeue_undelivered
from backend.inbox.models import InboxMessage, PushDelivery
from backend.inbox.services import push_subscribe
from backend.inbox.transport import WebPushTransport
from backend.nudges.dispatch import dispatch_due_nudges
from backend.nudges.services import plan_for
from tests.factories import UserFactory
from tests.nudges.pushservice import FakeDevice, FakePushService
from tests.nudges.test_delivery_worker import _patient_due_now, _pending
from tests.nudges.worker import wait_until

# worker_factory first stops the shared worker of other tests: here the test itself
# plays the worker (or starts its own), and no other may take the tasks.
pytestmark = pytest.mark.usefixtures("library", "worker_factory")


def _only_message() -> InboxMessage:
    return InboxMessage.objects.get(kind="nudge")


@pytest.mark.django_db(transaction=True)
def test_retry_after_within_the_deadline_is_honoured_and_counted(
    push_service: FakePushService, settings: Any
) -> None:
    phone = push_service.new_device("phone")
    _patient_due_now("pat", [phone])
    push_service.answer(phone, 429, times=1, **{"Retry-After": "240"})  # 4 min: far past the lease
    dispatch_due_nudges()
    message = _only_message()
    now = timezone.now()

    outcome = deliver_messages([message.pk], transport=WebPushTransport(), owner="task-1", now=now)
    assert outcome.retry == [message.pk] and outcome.retry_after == 240
    retry, delay = push_schedule_retry(outcome.retry, owner="task-1", retry_after=240, now=now)
    assert retry == [message.pk] and delay >= 240
    message.refresh_from_db()
    assert message.push_attempts == 1 and message.push_dropped == ""
    assert message.push_lease_until is not None
    assert message.push_lease_until >= now + timedelta(seconds=240)
    # The sweep runs meanwhile (past its requeue age, before the retry is due): the
    # waiting retry holds its lease, nothing is re-enqueued early.
    assert requeue_undelivered(now=now + timedelta(seconds=230)) == 0

    # The retry (same task id) at its time sends it.
    later = now + timedelta(seconds=delay)
    again = deliver_messages([message.pk], transport=WebPushTransport(), owner="task-1", now=later)
    assert again.sent == 1 and again.done == [message.pk]
    assert len(push_service.payloads(phone)) == 1
    assert PushDelivery.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_retry_count_survives_a_lost_retry_task(
    push_service: FakePushService, settings: Any
) -> None:
    phone = push_service.new_device("phone")
    _patient_due_now("pat", [phone])
    push_service.answer(phone, 503, times=2)
    dispatch_due_nudges()
    message = _only_message()
    now = timezone.now()
    first = deliver_messages([message.pk], transport=WebPushTransport(), owner="a", now=now)
    push_schedule_retry(first.retry, owner="a", retry_after=None, now=now)
    # The retry task is lost with the broker; once its lease is over the sweep enqueues
    # the message again under a new task id, and the count goes on from 1.
    message.refresh_from_db()
    assert message.push_lease_until is not None
    swept_at = message.push_lease_until + timedelta(minutes=settings.NUDGE_REQUEUE_AFTER_MINUTES)
    assert requeue_undelivered(now=swept_at) == 1
    second = deliver_messages([message.pk], transport=WebPushTransport(), owner="b", now=swept_at)
    assert second.retry == [message.pk]
    push_schedule_retry(second.retry, owner="b", retry_after=None, now=swept_at)
    message.refresh_from_db()
    assert message.push_attempts == 2


@pytest.mark.django_db(transaction=True)
def test_retry_after_beyond_the_grace_period_drops_the_push_as_late(
    push_service: FakePushService, settings: Any
) -> None:
    phone = push_service.new_device("phone")
    _patient_due_now("pat", [phone])
    wait = settings.NUDGE_GRACE_MINUTES * 60 + 60
    push_service.answer(phone, 429, times=1, **{"Retry-After": str(wait)})
    dispatch_due_nudges()
    message = _only_message()
    outcome = deliver_messages([message.pk], transport=WebPushTransport(), owner="t")
    assert outcome.retry == [message.pk]
    retry, _ = push_schedule_retry(outcome.retry, owner="t", retry_after=outcome.retry_after)
    assert retry == []
    message.refresh_from_db()
    assert message.push_dropped == "late" and message.push_done_at is not None
    assert push_service.payloads() == []
    assert [status for _, _, status in push_service.answers] == [429]


@pytest.mark.django_db(transaction=True)
def test_a_push_found_after_slot_plus_grace_is_dropped_not_sent(
    push_service: FakePushService, settings: Any
) -> None:
    phone = push_service.new_device("phone")
    _patient_due_now("pat", [phone])
    dispatch_due_nudges()
    message = _only_message()
    # The worker reaches the message only after the grace period (a backlog, a crash).
    too_late = message.created_at + timedelta(minutes=settings.NUDGE_GRACE_MINUTES, seconds=2)
    outcome = deliver_messages([message.pk], transport=WebPushTransport(), owner="t", now=too_late)
    assert outcome.sent == 0 and outcome.late == [message.pk]
    message.refresh_from_db()
    assert message.push_dropped == "late"
    assert push_service.requests == 0


def _patient_whose_shift_ends_soon(device: FakeDevice) -> Any:
    """Slot 3 minutes ago, shift ended 1 minute ago (both local, UTC here)."""
    user: Any = UserFactory(email="ending@example.com", timezone="UTC")
    local = timezone.now().astimezone(ZoneInfo("UTC"))
    plan = plan_for(user)
    plan.work_days = [1, 2, 3, 4, 5, 6, 7]
    plan.work_start = (local - timedelta(hours=3)).time().replace(second=0, microsecond=0)
    plan.work_end = (local - timedelta(minutes=1)).time().replace(second=0, microsecond=0)
    plan.quiet_start = plan.quiet_end = None
    plan.next_due_at = (local - timedelta(minutes=3)).replace(second=0, microsecond=0)
    plan.save()
    push_subscribe(user, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth)
    return plan


@pytest.mark.django_db(transaction=True)
def test_a_push_is_never_sent_after_the_patients_hours(push_service: FakePushService) -> None:
    phone = push_service.new_device("phone")
    plan = _patient_whose_shift_ends_soon(phone)
    slot = plan.next_due_at
    # The tick ran on time (at the slot, inside the shift) ...
    assert dispatch_due_nudges(now=slot + timedelta(seconds=5)).sent == 1
    message = _only_message()
    assert message.push_send_by is not None and message.push_expires_at is not None
    # The deadline is the shift's end (two minutes after the slot), not slot + grace.
    assert message.push_send_by == slot + timedelta(minutes=2)
    assert message.push_expires_at == message.push_send_by
    # ... but the delivery comes now, after the shift's end (still within slot + grace).
    outcome = deliver_messages([message.pk], transport=WebPushTransport(), owner="t")
    assert outcome.sent == 0 and outcome.late == [message.pk]
    assert push_service.requests == 0
    message.refresh_from_db()
    assert message.push_dropped == "late"
    assert _pending() == 0


@pytest.mark.worker
def test_a_real_worker_waits_out_a_retry_after_longer_than_its_lease(
    push_service: FakePushService, worker_factory: Any, settings: Any
) -> None:
    phone = push_service.new_device("phone")
    _patient_due_now("pat", [phone])
    push_service.answer(phone, 429, times=1, **{"Retry-After": "4"})
    worker_factory(NUDGE_PUSH_LEASE_SECONDS="1")  # a lease far shorter than the wait
    settings.NUDGE_REQUEUE_AFTER_MINUTES = 0  # the sweep would take anything unleased
    dispatch_due_nudges()
    wait_until(lambda: _only_message().push_attempts == 1, message="no 429 seen")
    # While the retry waits (its lease outlives the original one), the sweep leaves it.
    assert requeue_undelivered() == 0
    wait_until(lambda: _pending() == 0, timeout=30, message="the retry never came")
    times = {status: at for at, _, status in push_service.answers}
    assert sorted(times) == [201, 429]
    assert times[201] - times[429] >= 4.0  # Retry-After honoured, not cut short
    assert len(push_service.payloads(phone)) == 1
    message = _only_message()
    assert message.push_attempts == 1 and message.push_dropped == ""
