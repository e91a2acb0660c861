"""Push delivery of inbox messages (nudges, reminders, alerts) to every device of their user.

Exactly-once per device, with workers that crash and brokers that redeliver:

* The inbox row already exists (written by whoever posted it: the dispatcher, a reminder).
* A batch is *leased* by one conditional UPDATE: a concurrent duplicate of the task (the
  sweep re-enqueued it, or the broker redelivered it while the first still ran) leases
  nothing and does nothing. The same task id (a redelivery of a dead worker's task, or a
  retry) may take its own lease over.
* After each 2xx the (message, subscription) row goes into the ``PushDelivery`` ledger,
  committed at once; a rerun skips every device already in it. The only window left is a
  crash between the push service's 2xx and that commit; the ``Topic`` header then makes
  the push service replace, not add, a still-undelivered duplicate.
* Deadlines: a push is sent only up to ``push_send_by`` (a nudge: slot + grace, within the
  patient's hours) and ``push_expires_at``; past either it is dropped and recorded as
  ``push_dropped = "late"``, never sent late.
* Retries (429/5xx) keep their count in the row (``push_attempts``) and extend the lease
  to cover the wait, so a long ``Retry-After`` is honoured: the sweep does not re-enqueue
  a message whose retry is merely waiting.
"""

from __future__ import annotations

import json
import logging
import os
import random
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from queue import Empty, SimpleQueue
from time import monotonic

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from backend.inbox.enqueue import enqueue_push
from backend.inbox.models import (
    EXTRA_FIELDS,
    InboxKind,
    InboxMessage,
    PushDelivery,
    PushSubscription,
)
from backend.inbox.transport import Device, Transport, TransportError

logger = logging.getLogger(__name__)


@dataclass
class DeliveryOutcome:
    sent: int = 0
    done: list[int] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)
    late: list[int] = field(default_factory=list)
    retry_after: float | None = None
    removed_subscriptions: int = 0


def send_deadline(message: InboxMessage) -> datetime | None:
    """The last moment a push of this message may still be sent."""
    limits = [d for d in (message.push_send_by, message.push_expires_at) if d is not None]
    return min(limits) if limits else None


def _lease(message_ids: list[int], owner: str, now: datetime) -> list[int]:
    """Lease the still-pending messages of a batch to ``owner``; returns the leased ids."""
    if not message_ids:
        return []
    ops = connection.ops
    table = InboxMessage._meta.db_table
    marks = ", ".join(["%s"] * len(message_ids))
    # One statement, so two workers racing for the same batch cannot both win a row.
    sql = (
        f"UPDATE {table} SET push_lease_until = %s, push_lease_owner = %s "  # noqa: S608
        f"WHERE id IN ({marks}) AND push_done_at IS NULL AND push_enqueued_at IS NOT NULL "
        "AND (push_lease_until IS NULL OR push_lease_until < %s OR push_lease_owner = %s) "
        "RETURNING id"
    )
    params = [
        ops.adapt_datetimefield_value(now + timedelta(seconds=settings.NUDGE_PUSH_LEASE_SECONDS)),
        owner,
        *message_ids,
        ops.adapt_datetimefield_value(now),
        owner,
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [int(row[0]) for row in cursor.fetchall()]


def payload_for(message: InboxMessage) -> bytes:
    extra = {name: message.extra.get(name) for name in EXTRA_FIELDS}
    return json.dumps(
        {
            "nudge_kind": extra["nudge_kind"],
            "exercise": extra["exercise"],
            "dose": extra["dose"],
            "kind": message.kind,
            "title": message.title,
            "body": message.body,
            "nudge": extra["nudge"],
            # The service worker shows each message once, whatever arrives twice.
            "message": message.pk,
            "url": message.url or "/inbox",
        },
        separators=(",", ":"),
    ).encode()


def push_topic(message: InboxMessage) -> str:
    """A Topic (RFC 8030 5.4) per message, the same on every attempt: a repeat of a push
    still waiting at the push service (an offline phone) replaces it instead of adding a
    second. Different nudges have different topics, so none replaces another."""
    return f"{message.kind}-{message.pk}"  # URL-safe base64 alphabet, at most 32 chars


@dataclass(frozen=True)
class _Push:
    message_id: int
    user_id: int
    subscription_id: int
    device: Device
    payload: bytes
    ttl: int
    topic: str


_pools: dict[tuple[int, int], ThreadPoolExecutor] = {}
_pools_lock = threading.Lock()


def _sender_pool(workers: int) -> ThreadPoolExecutor:
    """The process's sending threads, kept from batch to batch: each keeps its transport
    (``worker_transport``: its open connections to the push services, its signed VAPID
    headers) instead of opening and signing again for every batch. Keyed by pid, as a
    prefork child inherits the parent's pools but not their threads."""
    pid = os.getpid()
    with _pools_lock:
        pool = _pools.get((pid, workers))
        if pool is None:
            for key in [key for key in _pools if key[0] != pid]:
                del _pools[key]
            pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="push")
            _pools[(pid, workers)] = pool
        return pool


def _take(
    finished: SimpleQueue[Future[TransportError | None]], *, timeout: float
) -> list[Future[TransportError | None]]:
    """The sends finished by now: waits up to ``timeout`` for the first, takes the rest
    that are already there."""
    try:
        group = [finished.get(timeout=timeout)]
    except Empty:
        return []
    while True:
        try:
            group.append(finished.get_nowait())
        except Empty:
            return group


def _send(transport: Transport | Callable[[], Transport], push: _Push) -> TransportError | None:
    sender = transport if isinstance(transport, Transport) else transport()
    try:
        sender.send(push.device, push.payload, ttl=push.ttl, urgency="normal", topic=push.topic)
    except TransportError as error:
        return error
    return None


def _pushes_for(
    messages: list[InboxMessage], leased: list[int], now: datetime, expired: list[int]
) -> list[_Push]:
    """One push per message and device not yet in the ledger; a message past its send
    deadline goes into ``expired`` instead."""
    devices: dict[int, list[PushSubscription]] = defaultdict(list)
    for subscription in PushSubscription.objects.filter(
        user_id__in={m.user_id for m in messages}
    ).order_by("pk"):
        devices[subscription.user_id].append(subscription)
    delivered = set(
        PushDelivery.objects.filter(message_id__in=leased).values_list(
            "message_id", "subscription_id"
        )
    )
    pushes: list[_Push] = []
    for message in messages:
        deadline = send_deadline(message)
        if deadline is not None and deadline < now:
            expired.append(message.pk)  # too late to help; the inbox keeps it
            continue
        payload = payload_for(message)
        ttl = _ttl(message, now)
        topic = push_topic(message)
        for subscription in devices.get(message.user_id, ()):
            if (message.pk, subscription.pk) not in delivered:
                device = Device(subscription.endpoint, subscription.p256dh, subscription.auth)
                pushes.append(
                    _Push(message.pk, message.user_id, subscription.pk, device, payload, ttl, topic)
                )
    return pushes


def _failed(
    push: _Push,
    error: TransportError,
    outcome: DeliveryOutcome,
    *,
    pending: set[int],
    gone: set[int],
) -> None:
    """A refused push: a device that is gone is removed (once), a permanent refusal is
    logged, anything else leaves the message pending for a retry."""
    if error.gone:
        if push.subscription_id not in gone:
            gone.add(push.subscription_id)
            PushSubscription.objects.filter(pk=push.subscription_id).delete()
            outcome.removed_subscriptions += 1
    elif error.permanent:
        logger.warning("push to subscription %s refused: %s", push.subscription_id, error)
    else:
        pending.add(push.message_id)
        if error.retry_after is not None:
            outcome.retry_after = max(outcome.retry_after or 0.0, error.retry_after)


def deliver_messages(
    message_ids: Iterable[int],
    *,
    transport: Transport | Callable[[], Transport],
    owner: str,
    now: datetime | None = None,
    concurrency: int | None = None,
) -> DeliveryOutcome:
    """Push each message to each of its user's devices not yet in the ledger.

    Up to ``concurrency`` pushes are in flight at once (threads; with a callable
    ``transport`` each thread gets its own HTTP session), so one worker process keeps
    waiting on the network and on the database overlapped. Every accepted push is
    written to the ledger by this thread as soon as it is known.
    """
    now = now or timezone.now()
    outcome = DeliveryOutcome()
    leased = _lease(sorted(set(message_ids)), owner, now)
    if not leased:
        return outcome
    messages = list(InboxMessage.objects.filter(pk__in=leased).order_by("pk"))
    expired = outcome.late
    pushes = _pushes_for(messages, leased, now, expired)

    pending: set[int] = set()
    gone: set[int] = set()
    workers = max(1, concurrency or settings.PUSH_CONCURRENCY)
    renew_every = settings.NUDGE_PUSH_LEASE_SECONDS / 3
    renewed = monotonic()
    pool = _sender_pool(workers)
    # Each finished send lands in this queue (O(1) per push, where ``wait`` on the set of
    # futures costs O(batch) per wake-up).
    finished: SimpleQueue[Future[TransportError | None]] = SimpleQueue()
    futures: dict[Future[TransportError | None], _Push] = {}
    with _fast_commits():
        try:
            for push in pushes:
                future = pool.submit(_send, transport, push)
                futures[future] = push
                future.add_done_callback(finished.put)
            left = len(futures)
            while left:
                group = _take(finished, timeout=renew_every)
                left -= len(group)
                if monotonic() - renewed >= renew_every:
                    # A slow batch (timeouts) keeps its lease; a dead worker's lease runs
                    # out within one lease period, and the sweep then sends the rest.
                    _lease(leased, owner, timezone.now())
                    renewed = monotonic()
                accepted: list[_Push] = []
                for future in group:
                    push, error = futures[future], future.result()
                    if error is None:
                        accepted.append(push)
                    else:
                        _failed(push, error, outcome, pending=pending, gone=gone)
                # Everything that finished together goes into the ledger in one statement.
                _record([(p.message_id, p.subscription_id) for p in accepted], timezone.now())
                outcome.sent += len(accepted)
        except BaseException:
            # Nothing more is sent of a batch that cannot be recorded (those in flight
            # finish; their messages stay pending, and a rerun skips what is recorded).
            for future in futures:
                future.cancel()
            raise
    for message in messages:
        if message.pk not in expired:
            (outcome.retry if message.pk in pending else outcome.done).append(message.pk)
    push_mark_done(outcome.done, now=now)
    push_mark_done(expired, now=now, dropped="late")
    return outcome


def backoff_seconds(attempts: int, retry_after: float | None) -> float:
    """Exponential backoff with jitter (base 5 s: 5, 10, 20 ... capped at 10 minutes);
    a push service's Retry-After is a floor, however long."""
    ceiling = min(600.0, settings.PUSH_RETRY_BASE_SECONDS * 2**attempts)
    delay = random.uniform(ceiling / 2, ceiling)
    return max(delay, retry_after or 0.0)


def push_schedule_retry(
    message_ids: list[int], *, owner: str, retry_after: float | None, now: datetime | None = None
) -> tuple[list[int], float]:
    """Plan the retry of messages whose push failed for now (429/5xx): returns the ids to
    retry and the delay. Each message's attempt count goes up by one (it survives
    re-enqueues) and its lease is extended over the wait, so no sweep re-enqueues it
    early. A message that could not be sent before its deadline after that wait is
    dropped as late; one without a deadline gives up after PUSH_MAX_RETRIES."""
    now = now or timezone.now()
    messages = list(InboxMessage.objects.filter(pk__in=message_ids, push_done_at__isnull=True))
    if not messages:
        return [], 0.0
    delay = backoff_seconds(max(m.push_attempts for m in messages), retry_after)
    resume = now + timedelta(seconds=delay)
    retry: list[int] = []
    late: list[int] = []
    gave_up: list[int] = []
    for message in messages:
        deadline = send_deadline(message)
        if deadline is not None and deadline < resume:
            late.append(message.pk)
        elif deadline is None and message.push_attempts >= settings.PUSH_MAX_RETRIES:
            gave_up.append(message.pk)
        else:
            retry.append(message.pk)
    if retry:
        lease_until = resume + timedelta(seconds=settings.NUDGE_PUSH_LEASE_SECONDS)
        InboxMessage.objects.filter(pk__in=retry).update(
            push_attempts=F("push_attempts") + 1,
            push_lease_until=lease_until,
            push_lease_owner=owner,
        )
    push_mark_done(late, now=now, dropped="late")
    push_mark_done(gave_up, now=now, dropped="gave_up")
    return retry, delay


@contextmanager
def _fast_commits() -> Iterator[None]:
    """On PostgreSQL, ledger commits do not wait for the WAL flush (synchronous_commit
    off for this connection, for the duration of the batch). A database *server* crash may
    then lose the last fraction of a second of ledger rows, and those pushes could be
    sent again; a worker crash loses nothing (the server has the rows). Worth it: the
    flush wait would otherwise be a large part of each push's cost."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def _ttl(message: InboxMessage, now: datetime) -> int:
    longest = int(
        settings.NUDGE_PUSH_TTL_SECONDS
        if message.kind == InboxKind.NUDGE
        else settings.REMINDER_PUSH_TTL_SECONDS
    )
    if message.push_expires_at is None:
        return longest
    # What is left of its useful life: a nudge delivered late is kept for less long.
    return max(0, min(longest, int((message.push_expires_at - now).total_seconds())))


def _record(pairs: list[tuple[int, int]], now: datetime) -> None:
    """Into the ledger, committed at once (one autocommitted statement), right after the
    push service accepted the messages: these rows are what stop a rerun from pushing
    them again. A concurrent rerun that recorded one a moment ago is not an error."""
    if not pairs:
        return
    table = PushDelivery._meta.db_table
    when = connection.ops.adapt_datetimefield_value(now)
    sql = (
        f"INSERT INTO {table} (message_id, subscription_id, delivered_at) VALUES "  # noqa: S608
        + ", ".join(["(%s, %s, %s)"] * len(pairs))
        + " ON CONFLICT (message_id, subscription_id) DO NOTHING"
    )
    params = [value for m, s in pairs for value in (m, s, when)]
    if connection.vendor == "postgresql" and connection.connection is not None:
        # Hot path (once per push or so): straight to the driver, past Django's wrappers.
        connection.connection.execute(sql, params)
        return
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def push_mark_done(
    message_ids: list[int], *, now: datetime | None = None, dropped: str = ""
) -> None:
    """Nothing more to push for these messages: sent, or ``dropped`` ("late", "gave_up")."""
    if message_ids:
        InboxMessage.objects.filter(pk__in=message_ids).update(
            push_done_at=now or timezone.now(),
            push_lease_until=None,
            push_lease_owner="",
            push_dropped=dropped,
        )


def requeue_undelivered(*, now: datetime | None = None, limit: int = 10_000) -> int:
    """The broker may lose tasks (Redis restarted without persistence, a filesystem queue
    file gone with a killed worker). The database knows better: a push enqueued long ago,
    still not done and not leased by a live task is enqueued again. Past its TTL it is
    closed instead (the inbox keeps it). Reads only the partial index of pending pushes."""
    now = now or timezone.now()
    pending = InboxMessage.objects.filter(push_enqueued_at__isnull=False, push_done_at__isnull=True)
    pending.filter(Q(push_expires_at__lt=now) | Q(push_send_by__lt=now)).update(
        push_done_at=now, push_lease_until=None, push_lease_owner="", push_dropped="late"
    )
    stale = now - timedelta(minutes=settings.NUDGE_REQUEUE_AFTER_MINUTES)
    ids = list(
        pending.filter(push_enqueued_at__lte=stale)
        .exclude(push_lease_until__gt=now)
        .order_by("push_enqueued_at")
        .values_list("pk", flat=True)[:limit]
    )
    if ids:
        with transaction.atomic():
            InboxMessage.objects.filter(pk__in=ids).update(push_enqueued_at=now)
            enqueue_push(ids)
    return len(ids)
