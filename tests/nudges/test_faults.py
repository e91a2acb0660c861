"""Faults with the real parts: a worker killed mid-batch, Redis restarted, two
dispatchers at once. Every expected nudge reaches every device exactly once, and none
goes out outside the patient's hours."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from time import time as wall_clock
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from backend.accounts.models import User
from backend.inbox.delivery import requeue_undelivered
from backend.inbox.models import InboxMessage, PushDelivery
from backend.inbox.services import push_subscribe
from backend.nudges import schedule
from backend.nudges.dispatch import dispatch_due_nudges
from backend.nudges.models import BusyWindow, Nudge, NudgePlan
from backend.nudges.schedule import plan_window, slot_allowed
from backend.nudges.selectors import plan_preview
from backend.nudges.services import plan_for
from tests.broker import broker_kind, use_broker
from tests.factories import UserFactory
from tests.nudges.pushservice import FakeDevice, FakePushService
from tests.nudges.test_delivery_worker import _patient_due_now, _pending
from tests.nudges.worker import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("library")]

# Kill tests lease batches briefly, so a batch leased by a dead worker frees up in seconds.
SHORT_LEASE = {"NUDGE_PUSH_LEASE_SECONDS": "2"}


def _with_breaks_and_busy(user: User, *, busy_now: bool) -> None:
    """A prescribed micro-break (via the physio's prescription) and a calendar busy window:
    one covering now (the nudge is held, never pushed) or one later today (no effect)."""
    from backend.nudges.models import BreakPrescription, BusyWindow
    from tests.factories import CareLinkFactory, PhysioFactory, assign_program

    physio: Any = PhysioFactory(email=f"physio-{user.pk}@example.com", clinic=user.clinic)
    CareLinkFactory(patient=user, physio=physio)
    assignment = assign_program(physio, user)
    BreakPrescription.objects.create(
        assignment=assignment, items=[{"exercise": "chin-tuck", "sets": 1, "reps": 10}]
    )
    now = timezone.now()
    start, end = (now - timedelta(minutes=20), now + timedelta(minutes=40))
    if not busy_now:
        start, end = now + timedelta(hours=1), now + timedelta(hours=2)
    BusyWindow.objects.create(user=user, start=start, end=end)


def _each_device_got_each_nudge_once(service: FakePushService, devices: list[FakeDevice]) -> None:
    for device in devices:
        nudges = Counter(p["nudge"] for p in service.payloads(device))
        assert nudges and set(nudges.values()) == {1}, (device.name, nudges)


def test_worker_killed_mid_batch_delivers_every_nudge_once(
    push_service: FakePushService, worker_factory: Any
) -> None:
    devices = [push_service.new_device(f"phone{i}") for i in range(6)]
    for i, device in enumerate(devices):
        user = _patient_due_now(f"p{i}", [device])
        if i % 2:
            _with_breaks_and_busy(user, busy_now=False)  # prescribed breaks, busy later
    # Two more are in a meeting right now: held, never pushed.
    busy = [push_service.new_device(f"busy{i}") for i in range(2)]
    for i, device in enumerate(busy):
        _with_breaks_and_busy(_patient_due_now(f"b{i}", [device]), busy_now=True)
    push_service.hold_at = 2  # the third push to arrive hangs: the worker is mid-batch
    first = worker_factory(**SHORT_LEASE)
    report = dispatch_due_nudges()
    assert (report.sent, report.held) == (6, 2)
    assert {n.exercise for n in Nudge.objects.filter(user__email__startswith="p1")} == {"chin-tuck"}
    wait_until(push_service.holding.is_set, message="the batch never reached the push service")
    # The other pushes in flight (several per worker) finish and reach the ledger; the
    # held one never completes. Then the worker dies without acknowledging its task.
    wait_until(lambda: PushDelivery.objects.count() == len(push_service.payloads()))
    first.kill()
    push_service.release.set()  # the held request's sender is gone: not accepted
    accepted_before_kill = len(push_service.payloads())
    assert 2 <= accepted_before_kill < 6

    # All six are still open (done is recorded per batch); the ledger skips those sent.
    _recover_after_kill(worker_factory, open_messages=6)
    assert len(push_service.payloads()) == 6
    _each_device_got_each_nudge_once(push_service, devices)
    assert PushDelivery.objects.count() == 6
    assert all(not push_service.payloads(device) for device in busy)


def _recover_after_kill(worker_factory: Any, open_messages: int) -> None:
    """A new worker takes over the dead one's task (Redis redelivers it) or the sweep
    enqueues its rows again (the filesystem broker lost it), and finishes every push."""
    kind = broker_kind()
    if kind == "redis":
        # Redis keeps the unacknowledged task; once it is older than the visibility
        # timeout, a worker puts it back on the queue (a starting worker checks at once)
        # and the same task id takes its lease back.
        wait_until(lambda: _unacked_older_than(settings.CELERY_BROKER_URL, seconds=6), timeout=20)
        worker_factory(**SHORT_LEASE)
        wait_until(lambda: _pending() == 0, timeout=30, message="Redis did not redeliver")
    elif kind == "amqp":
        # RabbitMQ put the unacknowledged task back when the dead worker's connection
        # closed; the next worker takes it and the same task id takes its lease back.
        worker_factory(**SHORT_LEASE)
        wait_until(lambda: _pending() == 0, timeout=30, message="RabbitMQ did not redeliver")
    else:
        # The filesystem broker dropped the task with the worker. The database still
        # knows: once the dead worker's lease ran out, the sweep enqueues it again.
        worker_factory(**SHORT_LEASE)
        wait_until(
            lambda: not InboxMessage.objects.filter(push_lease_until__gt=timezone.now()).exists()
        )
        assert requeue_undelivered(now=timezone.now() + timedelta(minutes=6)) == open_messages
        wait_until(lambda: _pending() == 0)


def test_a_kill_after_the_push_service_accepted_repeats_at_most_what_was_in_flight(
    push_service: FakePushService, worker_factory: Any
) -> None:
    """The window Web Push cannot close: the push service accepted a push (201 on its
    way back) and the worker is killed before the ledger write. Its rerun sends that push
    again; the repeats are bounded by the requests in flight at the kill, every repeat
    carries the same Topic and message id (the service worker shows it once:
    tests/inbox/test_browser_push.py), and nothing is lost."""
    devices = [push_service.new_device(f"phone{i}") for i in range(6)]
    for i, device in enumerate(devices):
        _patient_due_now(f"p{i}", [device])
    push_service.hold_at = 2
    push_service.hold_after_accept = True
    first = worker_factory(**SHORT_LEASE)
    assert dispatch_due_nudges().sent == 6
    wait_until(push_service.holding.is_set, message="the batch never reached the push service")
    # Everything else the worker had in flight settles; one push is accepted, unrecorded.
    wait_until(lambda: PushDelivery.objects.count() == len(push_service.payloads()) - 1)
    in_flight = len(push_service.payloads()) - PushDelivery.objects.count()
    first.kill()
    push_service.release.set()
    assert in_flight == 1

    _recover_after_kill(worker_factory, open_messages=6)
    received = Counter(p["message"] for p in push_service.payloads())
    assert set(received) == set(InboxMessage.objects.values_list("pk", flat=True))  # none lost
    repeats = sum(received.values()) - len(received)
    assert repeats <= in_flight, received
    assert PushDelivery.objects.count() == 6  # the ledger has each push once
    topics = Counter((r.payload["message"], r.headers.get("Topic")) for r in push_service.received)
    assert len(topics) == len(received)  # a repeat has its first copy's Topic


def _unacked_older_than(redis_url: str, *, seconds: float) -> bool:
    import redis

    scores: Any = redis.Redis.from_url(redis_url).zrange("unacked_index", 0, -1, withscores=True)
    return bool(scores) and all(wall_clock() - float(score) > seconds for _, score in scores)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class OwnRedis:
    """A redis-server of this test only, on a spare loopback port, without persistence
    (a restart loses every queued task, the worst case)."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is not installed: this test needs a real Redis"
        self.binary = binary
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import redis

        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.2)

        def answers() -> bool:
            try:
                return bool(client.ping())
            except redis.ConnectionError:
                return False

        wait_until(answers, timeout=10, message="own redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


@pytest.fixture
def own_redis() -> Iterator[OwnRedis]:
    server = OwnRedis()
    server.start()
    with use_broker(server.url, {"visibility_timeout": 5}):
        yield server
    server.stop()


def test_redis_restart_loses_the_queue_the_database_recovers_it(
    push_service: FakePushService, worker_factory: Any, own_redis: OwnRedis
) -> None:
    early = push_service.new_device("early")
    _with_breaks_and_busy(_patient_due_now("early", [early]), busy_now=False)
    _with_breaks_and_busy(
        _patient_due_now("meeting", [push_service.new_device("m")]), busy_now=True
    )
    worker_factory(REDIS_URL=own_redis.url, BROKER_URL=own_redis.url)
    assert dispatch_due_nudges().sent == 1
    wait_until(lambda: _pending() == 0)

    own_redis.stop()
    late = push_service.new_device("late")
    _with_breaks_and_busy(_patient_due_now("late", [late]), busy_now=False)
    # The broker is down: the tick still commits the nudge and its inbox row.
    assert dispatch_due_nudges().sent == 1
    assert _pending() == 1
    own_redis.start()  # empty: whatever was queued is gone

    assert requeue_undelivered(now=timezone.now() + timedelta(minutes=6)) == 1
    wait_until(lambda: _pending() == 0, timeout=30, message="no delivery after Redis restart")
    _each_device_got_each_nudge_once(push_service, [early, late])
    assert len(push_service.payloads()) == 2


def test_redis_restart_while_the_worker_holds_a_task_the_worker_rides_it_out(
    push_service: FakePushService, worker_factory: Any, own_redis: OwnRedis
) -> None:
    """With late acknowledgement the worker holds its task (unacknowledged) while it
    pushes; Redis restarts right then. The worker must stay up, finish the task, and
    take new work from the restarted Redis."""
    held = push_service.new_device("held")
    _patient_due_now("held", [held])
    push_service.hold_at = 0  # the first push hangs: the task is running, not acked
    push_service.accept_held = True  # and is accepted once released
    worker = worker_factory(as_deployed=True, REDIS_URL=own_redis.url, BROKER_URL=own_redis.url)
    assert dispatch_due_nudges().sent == 1
    wait_until(push_service.holding.is_set, message="the task never reached the push service")

    own_redis.stop()
    own_redis.start()
    push_service.release.set()

    wait_until(lambda: _pending() == 0, timeout=30, message="the held task did not finish")
    assert PushDelivery.objects.count() == 1
    # The worker noticed the lost connection, reconnected, and is still alive and
    # consuming: a nudge dispatched after the restart is delivered by the same process.
    after = push_service.new_device("after")
    _patient_due_now("after", [after])
    assert dispatch_due_nudges().sent == 1
    wait_until(
        lambda: _pending() == 0 or worker.proc.poll() is not None,
        timeout=30,
        message="no delivery after the restart",
    )
    assert worker.proc.poll() is None, worker.output()[-3000:]
    assert "Unrecoverable error" not in worker.output()
    _each_device_got_each_nudge_once(push_service, [held, after])
    assert len(push_service.payloads()) == 2


# --- two dispatchers at once ------------------------------------------------------------

PEOPLE = [
    # (time zone, interval, work days, start, end, quiet start, quiet end)
    ("Europe/London", 30, [1, 2, 3, 4, 5], time(9), time(17, 30), None, None),
    ("America/New_York", 15, [1, 2, 3, 4, 5], time(8), time(12), time(10), time(10, 30)),
    ("Asia/Tokyo", 45, [2, 3], time(22), time(6), time(2), time(3)),  # a night shift
    ("Australia/Sydney", 60, [1, 2, 3, 4, 5, 6, 7], time(7), time(19), None, None),
    ("Asia/Kolkata", 20, [2], time(9, 15), time(13, 45), time(12), time(13)),
    ("UTC", 120, [1, 2, 3], time(0), time(23, 59), None, None),
]


def _run_concurrently(now: datetime, errors: list[BaseException]) -> None:
    barrier = threading.Barrier(2)

    def tick() -> None:
        try:
            barrier.wait()
            dispatch_due_nudges(now=now, batch_size=2)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=tick) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_two_dispatchers_at_once_send_each_slot_once_and_only_in_hours(
    push_service: FakePushService, worker: Any
) -> None:
    # A simulated day in the future (the worker's clock is real: pushes must not be stale).
    start = (timezone.now() + timedelta(days=30)).replace(hour=0, minute=0, second=0, microsecond=0)
    start = start - timedelta(days=start.weekday()) + timedelta(days=1)  # a Tuesday, UTC
    end = start + timedelta(hours=24)
    people: list[tuple[User, FakeDevice]] = []
    for index, (tz, interval, days, ws, we, qs, qe) in enumerate(PEOPLE):
        user: Any = UserFactory(email=f"shift{index}@example.com", timezone=tz)
        plan = plan_for(user)
        plan.interval_minutes, plan.work_days = interval, days
        plan.work_start, plan.work_end, plan.quiet_start, plan.quiet_end = ws, we, qs, qe
        plan.save()
        NudgePlan.objects.filter(pk=plan.pk).update(
            next_due_at=schedule.next_nudge_after(plan_window(plan, tz), start)
        )
        device = push_service.new_device(f"shift{index}")
        push_subscribe(user, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth)
        people.append((user, device))
        if index % 2 == 0:  # prescribed breaks and a meeting from 10:00 to 11:30 UTC
            _with_breaks_and_busy(user, busy_now=False)
            BusyWindow.objects.filter(user=user).update(
                start=start + timedelta(hours=10), end=start + timedelta(hours=11, minutes=30)
            )
    # What one dispatcher alone would send (the preview runs the same decisions).
    expected_slots = {
        user.pk: [
            slot.at
            for slot in plan_preview(
                NudgePlan.objects.get(user=user), user, start=start, count=200, now=start
            )
            if slot.held is None and slot.at <= end
        ]
        for user, _ in people
    }

    errors: list[BaseException] = []
    now = start
    while now <= end:
        _run_concurrently(now, errors)
        now += timedelta(minutes=10)
    assert errors == []

    expected_total = 0
    for index, (user, _device) in enumerate(people):
        plan = NudgePlan.objects.get(user=user)
        window = plan_window(plan, user.timezone)
        expected = expected_slots[user.pk]
        if index % 2 == 1:  # no busy time: exactly the plain schedule
            plain = []
            cursor = schedule.next_nudge_after(window, start)
            while cursor is not None and cursor <= end:
                plain.append(cursor)
                cursor = schedule.next_nudge_after(window, cursor)
            assert expected == plain, user.timezone
        sent = list(Nudge.objects.filter(user=user).order_by("slot").values_list("slot", flat=True))
        assert sent == expected, user.timezone
        assert all(slot_allowed(window, slot) for slot in sent)
        meeting = (start + timedelta(hours=10), start + timedelta(hours=11, minutes=30))
        if index % 2 == 0:
            assert not [s for s in sent if meeting[0] <= s < meeting[1]], user.timezone
        expected_total += len(expected)
    assert expected_total > 40
    # London's meeting: the first nudge after it comes five minutes after it ends.
    london = people[0][0]
    assert start + timedelta(hours=11, minutes=35) in expected_slots[london.pk]

    # The simulated clock ran a day ahead of the worker's real one, so the ticks' sweep
    # closed most pushes as stale. Reopen them all for real time and let the sweep send
    # them: the worker may have pushed some during the run already; the ledger must
    # keep each to exactly one push per device.
    real_now = timezone.now()
    InboxMessage.objects.update(
        push_done_at=None,
        push_enqueued_at=real_now - timedelta(minutes=10),
        push_expires_at=real_now + timedelta(minutes=15),
        push_lease_until=None,
    )
    # The running worker may already be sending a few of them (leases), so the sweep
    # re-enqueues at most all; the checks below prove each still arrives exactly once.
    assert 0 < requeue_undelivered(now=real_now) <= expected_total
    wait_until(lambda: _pending() == 0, timeout=30)
    assert len(push_service.payloads()) == expected_total
    _each_device_got_each_nudge_once(push_service, [device for _, device in people])
    assert push_service.rejected == []
