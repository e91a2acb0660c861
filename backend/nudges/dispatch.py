"""The nudge dispatcher: one periodic task finds due plans and writes their nudges.

Per tick: claim up to a batch of plans with ``next_due_at <= now`` (an index range scan:
the tick costs O(due), not O(users)), write one ``Nudge`` per due slot under the unique
(plan, slot) key plus its inbox row, move each plan's ``next_due_at`` to its next slot,
commit, and only then enqueue push delivery in batches. Repeat until nothing is due.

Concurrency: several dispatchers may run at once (beat overlap, several hosts).
On PostgreSQL the claim is ``SELECT … FOR UPDATE SKIP LOCKED``: each plan row is taken by
exactly one transaction, the others skip it instead of waiting. SQLite has no row locks:
there each plan is advanced with a compare-and-swap ``UPDATE … WHERE next_due_at = <what
we read>``; whoever's update matches owns the slot, the loser drops it. The unique
(plan, slot) constraint is the last line of defence either way.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from backend.inbox.enqueue import enqueue_push
from backend.inbox.models import InboxKind, InboxMessage
from backend.nudges.advance import Advance, advance_compare_and_swap, advance_postgresql
from backend.nudges.batch import BatchContext
from backend.nudges.bulk import JSONText, insert_rows, next_ids_of
from backend.nudges.claim import DuePlan, Hours, Schedules, claim_due_plans
from backend.nudges.content import ContentPool
from backend.nudges.decide import (
    Decision,
    Rotation,
    SlotContext,
    SlotState,
    decide,
    decide_plain,
    is_plain,
)
from backend.nudges.models import Nudge, NudgePlan, inbox_extra

__all__ = ["DuePlan", "TickReport", "claim_due_plans", "dispatch_due_nudges"]

# A slot at the very end of a shift is allowed (shifts end inclusively); sending takes a
# moment, so its push may go out this long after the end, never later.
HOURS_END_LEEWAY = timedelta(seconds=60)

_NUDGE_COLUMNS = (
    "plan_id",
    "user_id",
    "slot",
    "content",
    "created_at",
    "action",
    "kind",
    "sets",
    "reps",
    "hold_seconds",
    "message_id",
)
_MESSAGE_COLUMNS = (
    "user_id",
    "kind",
    "title",
    "body",
    "url",
    "created_at",
    "push_enqueued_at",
    "push_expires_at",
    "push_send_by",
    "push_lease_owner",
    "extra",
)


@dataclass
class TickReport:
    claimed: int = 0
    sent: int = 0
    skipped: int = 0
    held: int = 0
    lost_races: int = 0

    def add(self, other: TickReport) -> None:
        self.claimed += other.claimed
        self.sent += other.sent
        self.skipped += other.skipped
        self.held += other.held
        self.lost_races += other.lost_races


@dataclass
class _Tick:
    """What every batch of one tick shares: the clock, the settings, the memos."""

    now: datetime
    pool: ContentPool
    grace: timedelta = field(
        default_factory=lambda: timedelta(minutes=settings.NUDGE_GRACE_MINUTES)
    )
    ttl: timedelta = field(
        default_factory=lambda: timedelta(seconds=settings.NUDGE_PUSH_TTL_SECONDS)
    )
    schedules: Schedules = field(default_factory=Schedules)
    # content_today lists as JSON text: a few distinct lists for thousands of plans.
    today_texts: dict[tuple[str, ...], str] = field(default_factory=dict)

    # inbox extras as JSON text but for the nudge id: a few distinct ones per tick.
    extras: dict[tuple[Any, ...], str] = field(default_factory=dict)

    def extra_text(self, nudge_id: int, decision: Decision) -> JSONText:
        """``inbox_extra`` of this nudge as JSON text: its members but the id are encoded
        once per distinct content and dose, the id is put in front (same document)."""
        item = decision.item
        dose = (item.sets, item.reps, item.hold_seconds) if item else (None, None, None)
        memo = (decision.kind, decision.key, *dose)
        rest = self.extras.get(memo)
        if rest is None:
            members = inbox_extra(nudge_id, decision.kind, decision.key, *dose)
            del members["nudge"]
            assert members  # else the text below would not be JSON
            rest = self.extras[memo] = json.dumps(members)[1:]  # '"nudge_kind": …}'
        return JSONText(f'{{"nudge": {int(nudge_id)}, {rest}')

    def today_text(self, today: list[str]) -> str:
        key = tuple(today)
        text = self.today_texts.get(key)
        if text is None:
            text = self.today_texts[key] = json.dumps(today)
        return text


def _commit_without_waiting_for_the_disk() -> None:
    """PostgreSQL: this batch's commit does not wait for its WAL flush (a few ms a batch).
    Only a crash of the database server itself can lose a batch so committed, and then it
    loses all of it together (the plans' advance, the nudges, their inbox rows), so the
    plans are due again and nothing is half-done. Push tasks already queued for the lost
    rows find no row and send nothing; the one push that can repeat is one a worker sent
    in the fraction of a second before the crash, as for the delivery ledger."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO off")


def _slot_context(plan: DuePlan, hours: Hours, context: BatchContext, tick: _Tick) -> SlotContext:
    def next_regular(after: datetime, anchor: datetime | None) -> datetime | None:
        plan.anchor_at = anchor
        return hours.next_due(plan, after)

    return SlotContext(
        tz=hours.window.tz,
        interval=hours.window.interval,
        pool=context.pools.get(plan.user_id, ()),
        tips=tick.pool.tips,
        moving_tips=tick.pool.moving_tips,
        windows=context.windows.get(plan.user_id, ()),
        activity=context.activity.get(plan.user_id, ()),
        sit_stand=plan.sit_stand_enabled,
        stand_minutes=plan.stand_minutes,
        offset=plan.user_id,
        next_regular=next_regular,
        allowed=hours.slot_allowed,
    )


def _decide_fresh(
    plan: DuePlan, state: SlotState, hours: Hours, context: BatchContext, tick: _Tick
) -> Decision:
    slot = plan.next_due_at
    windows = context.windows.get(plan.user_id, ())
    activity = context.activity.get(plan.user_id, ())
    if is_plain(
        slot,
        state,
        windows=windows,
        activity=activity,
        interval=hours.window.interval,
        sit_stand=plan.sit_stand_enabled,
    ):
        # The common case: no hold, no standing desk. The same decision as ``decide``
        # (tests/nudges/test_dispatch_fast_path.py) without building its context; the
        # anchor is the plan's own, as ``decide`` would pass it to ``next_regular``.
        rotation = Rotation(
            context.pools.get(plan.user_id, ()), tick.pool.tips, tick.pool.moving_tips, plan.user_id
        )
        next_due = hours.next_due(plan, slot)
        return decide_plain(slot, hours.local_day(slot), state, rotation, next_due)
    return decide(slot, state, _slot_context(plan, hours, context, tick))


def _decide_plan(
    plan: DuePlan, hours: Hours, context: BatchContext, tick: _Tick
) -> tuple[Decision | None, Advance]:
    """One claimed plan: its decision (None = skipped, not decided) and its advance row."""
    now, grace = tick.now, tick.grace
    slot = plan.next_due_at
    if plan.snoozed_until and plan.snoozed_until <= now:
        plan.snoozed_until = None
    # Send only a slot that is recent and still allowed by the current settings
    # (the time zone may have changed since it was computed). Anything else is
    # skipped, not sent late: after an outage the patient gets no burst.
    fresh = slot >= now - grace and hours.slot_allowed(slot)
    state = SlotState(
        cursor=plan.content_cursor,
        last=plan.last_content,
        day=plan.content_day,
        today=list(plan.content_today),
        anchor_at=plan.anchor_at,
        busy_until=plan.busy_until,
        standing_until=plan.standing_until,
        held_until=plan.held_until,
    )
    decision: Decision | None = None
    if fresh:
        decision = _decide_fresh(plan, state, hours, context, tick)
        next_due = decision.next_due
    else:
        state.held_until = None
        next_due = hours.next_due(plan, now)
    if next_due is not None and next_due <= now - grace:
        plan.anchor_at = state.anchor_at
        next_due = hours.next_due(plan, now)
    row: Advance = (
        plan.pk,
        next_due,
        state.cursor,
        state.last,
        plan.snoozed_until,
        state.anchor_at,
        state.held_until,
        state.standing_until,
        state.day,
        tick.today_text(state.today),
    )
    return decision, row


_Send = tuple[DuePlan, Decision, Hours]


def _nudge_row(plan: DuePlan, decision: Decision, now: datetime, message_id: int | None) -> Any:
    item = decision.item
    return (
        plan.pk,
        plan.user_id,
        plan.next_due_at,
        decision.key,
        now,
        "",
        decision.kind,
        item.sets if item else None,
        item.reps if item else None,
        item.hold_seconds if item else None,
        message_id,
    )


def _push_deadlines(hours: Hours, slot: datetime, tick: _Tick) -> tuple[datetime, datetime]:
    """(expires, send by) of a push for ``slot``: sent only until slot + grace, kept by
    the push service only until slot + TTL, and neither past the end of the patient's
    hours (a late "stand up" is worse than none). A slot on the shift's last minute still
    gets HOURS_END_LEEWAY to go out."""
    hours_end = max(hours.allowed_until(slot) or slot, slot + HOURS_END_LEEWAY)
    return min(slot + tick.ttl, hours_end), min(slot + tick.grace, hours_end)


def _message_rows(to_send: list[_Send], nudge_ids: list[int], tick: _Tick) -> list[Any]:
    now, pool = tick.now, tick.pool
    deadlines: dict[tuple[int, datetime], tuple[datetime, datetime]] = {}
    messages = []
    for (plan, decision, hours), nudge_id in zip(to_send, nudge_ids, strict=True):
        item = decision.item
        text = pool.text(decision.key, plan.language, item=item, stand_minutes=plan.stand_minutes)
        expires: datetime | None = None
        send_by: datetime | None = None
        if plan.has_device:
            slot = plan.next_due_at
            memo = (id(hours), slot)
            if memo not in deadlines:
                deadlines[memo] = _push_deadlines(hours, slot, tick)
            expires, send_by = deadlines[memo]
        messages.append(
            (
                plan.user_id,
                InboxKind.NUDGE.value,
                text.title,
                text.body,
                f"/break/{nudge_id}" if item is not None else "/inbox",
                now,
                now if plan.has_device else None,
                expires,
                send_by,
                "",
                tick.extra_text(nudge_id, decision),
            )
        )
    return messages


def _write_sends(to_send: list[_Send], tick: _Tick) -> int:
    """Each sent slot's nudge and inbox row; their pushes are enqueued for the commit."""
    # A nudge points at its message and the message's url names the nudge: on
    # PostgreSQL both sets of ids are taken first (one round trip), so each table gets
    # one COPY.
    reserved = next_ids_of((Nudge, InboxMessage), len(to_send))
    nudge_ids = insert_rows(
        Nudge,
        _NUDGE_COLUMNS,
        [
            _nudge_row(p, d, tick.now, reserved[1][n] if reserved else None)
            for n, (p, d, _) in enumerate(to_send)
        ],
        ids=reserved[0] if reserved else None,
    )
    messages = _message_rows(to_send, nudge_ids, tick)
    message_ids = insert_rows(
        InboxMessage, _MESSAGE_COLUMNS, messages, ids=reserved[1] if reserved else None
    )
    if reserved is None:
        Nudge.objects.bulk_update(
            [Nudge(pk=n, message_id=m) for n, m in zip(nudge_ids, message_ids, strict=True)],
            ["message"],
        )
    enqueue_push(
        [pk for pk, (plan, _, _) in zip(message_ids, to_send, strict=True) if plan.has_device]
    )
    return len(nudge_ids)


def _dispatch_batch(limit: int, tick: _Tick) -> TickReport:
    report = TickReport()
    locking = connection.features.has_select_for_update_skip_locked
    with transaction.atomic():
        if locking:
            _commit_without_waiting_for_the_disk()
        plans = claim_due_plans(tick.now, limit)
        report.claimed = len(plans)
        context = BatchContext.load(
            (p.user_id for p in plans), tick.pool, now=tick.now, grace=tick.grace
        )
        advances: list[Advance] = []
        to_send: list[_Send] = []
        for plan in plans:
            read_due = plan.next_due_at
            hours = tick.schedules.for_plan(plan)
            decision, row = _decide_plan(plan, hours, context, tick)
            if not locking and not advance_compare_and_swap(plan.pk, read_due, row):
                report.lost_races += 1  # another dispatcher advanced it first: its slot
                continue
            advances.append(row)
            if decision is not None and decision.send:
                to_send.append((plan, decision, hours))
            elif decision is not None:
                report.held += 1
            else:
                report.skipped += 1
        if locking and advances:
            advance_postgresql(advances)
        if to_send:
            report.sent = _write_sends(to_send, tick)
    return report


def dispatch_due_nudges(
    *,
    now: datetime | None = None,
    batch_size: int | None = None,
    max_batches: int = 10_000,
    on_backlog: Callable[[datetime], None] | None = None,
) -> TickReport:
    """One dispatcher tick: send every due slot. (Re-enqueueing pushes the broker lost is
    the inbox's own periodic sweep, ``inbox.requeue_undelivered``.)

    ``on_backlog(now)`` is called once when the first batch came back full, so more is due
    than one batch: the task asks other worker processes to dispatch up to the same
    ``now`` alongside (``tasks.dispatch_help``). Only on PostgreSQL, where SKIP LOCKED gives
    each of them other plans; on SQLite they would only lose compare-and-swap races."""
    now = now or timezone.now()
    limit = batch_size or settings.NUDGE_CLAIM_BATCH_SIZE
    report = TickReport()
    tick: _Tick | None = None
    for _ in range(max_batches):
        if tick is None:
            # Cheap existence probe first: an idle tick is one index lookup, nothing more.
            if not NudgePlan.objects.filter(next_due_at__lte=now).exists():
                break
            tick = _Tick(now, ContentPool.load())
        batch = _dispatch_batch(limit, tick)
        report.add(batch)
        if batch.claimed < limit:
            break
        if on_backlog is not None and connection.features.has_select_for_update_skip_locked:
            on_backlog(now)
            on_backlog = None
    return report
