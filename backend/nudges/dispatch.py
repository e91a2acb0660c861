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
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from backend.inbox.enqueue import enqueue_push
from backend.inbox.models import InboxKind, InboxMessage, PushSubscription
from backend.nudges import schedule
from backend.nudges.batch import BatchContext
from backend.nudges.bulk import insert_rows, next_ids, with_ids
from backend.nudges.content import ContentPool
from backend.nudges.decide import Decision, SlotContext, SlotState, decide
from backend.nudges.models import Nudge, NudgePlan, inbox_extra

# A slot at the very end of a shift is allowed (shifts end inclusively); sending takes a
# moment, so its push may go out this long after the end, never later.
HOURS_END_LEEWAY = timedelta(seconds=60)

_PLAN_COLUMNS = (
    "pk",
    "user_id",
    "enabled",
    "interval_minutes",
    "work_days",
    "work_start",
    "work_end",
    "quiet_start",
    "quiet_end",
    "paused_until",
    "snoozed_until",
    "anchor_at",
    "next_due_at",
    "content_cursor",
    "last_content",
    "user__timezone",
    "user__language",
    "content_day",
    "content_today",
    "busy_until",
    "sit_stand_enabled",
    "stand_minutes",
    "standing_until",
    "held_until",
)


@dataclass
class DuePlan:
    """The columns of a claimed plan the dispatcher needs (lighter than a model row)."""

    pk: int
    user_id: int
    enabled: bool
    interval_minutes: int
    work_days: list[int]
    work_start: time
    work_end: time
    quiet_start: time | None
    quiet_end: time | None
    paused_until: datetime | None
    snoozed_until: datetime | None
    anchor_at: datetime | None
    next_due_at: datetime
    content_cursor: int
    last_content: str
    timezone: str
    language: str
    content_day: date | None
    content_today: list[str]
    busy_until: datetime | None
    sit_stand_enabled: bool
    stand_minutes: int
    standing_until: datetime | None
    held_until: datetime | None


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


def claim_due_plans(now: datetime, limit: int) -> list[DuePlan]:
    """Due plans, oldest slot first. Call inside a transaction: on PostgreSQL the rows
    stay locked (and invisible to other claimers) until it ends."""
    due = NudgePlan.objects.filter(next_due_at__lte=now).order_by("next_due_at")
    if connection.features.has_select_for_update_skip_locked:
        due = due.select_for_update(skip_locked=True, of=("self",))
    return [DuePlan(*row) for row in due.values_list(*_PLAN_COLUMNS)[:limit]]


class _Schedules:
    """Per-tick memo: many plans share settings and slots (defaults, the same hour), and
    the schedule arithmetic gives the same answer for the same inputs."""

    def __init__(self) -> None:
        self.windows: dict[tuple[Any, ...], schedule.NudgeWindow] = {}
        self.next: dict[tuple[Any, ...], datetime | None] = {}
        self.allowed: dict[tuple[Any, ...], bool] = {}
        self.until: dict[tuple[Any, ...], datetime | None] = {}

    def window(self, plan: DuePlan) -> tuple[tuple[Any, ...], schedule.NudgeWindow]:
        key = (
            plan.timezone,
            plan.interval_minutes,
            tuple(plan.work_days),
            plan.work_start,
            plan.work_end,
            plan.quiet_start,
            plan.quiet_end,
        )
        window = self.windows.get(key)
        if window is None:
            window = schedule.plan_window(plan, plan.timezone)
            self.windows[key] = window
        return key, window

    def slot_allowed(self, plan: DuePlan, slot: datetime) -> bool:
        key, window = self.window(plan)
        memo = (key, slot)
        if memo not in self.allowed:
            self.allowed[memo] = schedule.slot_allowed(window, slot)
        return self.allowed[memo]

    def allowed_until(self, plan: DuePlan, slot: datetime) -> datetime | None:
        key, window = self.window(plan)
        memo = (key, slot)
        if memo not in self.until:
            self.until[memo] = schedule.allowed_until(window, slot)
        return self.until[memo]

    def next_due(self, plan: DuePlan, after: datetime) -> datetime | None:
        key, window = self.window(plan)
        memo = (key, after, plan.enabled, plan.paused_until, plan.snoozed_until, plan.anchor_at)
        if memo not in self.next:
            self.next[memo] = schedule.plan_next_due(plan, window, after)
        return self.next[memo]


# One advanced plan: (id, next_due_at, cursor, last, snoozed_until, anchor_at, held_until,
# standing_until, content_day, content_today as JSON text).
_Advance = tuple[
    int,
    datetime | None,
    int,
    str,
    datetime | None,
    datetime | None,
    datetime | None,
    datetime | None,
    date | None,
    str,
]


def _iso(instant: datetime | None) -> str | None:
    return instant.isoformat() if instant is not None else None


def _advance_postgresql(rows: list[_Advance]) -> None:
    """Move every claimed plan on in one statement (the rows are locked by our claim).

    The batch travels as one JSON document, not as ten array parameters: psycopg adapts
    arrays element by element in Python (most of this statement's cost at 1,000 rows),
    while ``json.dumps`` is C and the server unpacks ``jsonb_to_recordset`` natively."""
    table = NudgePlan._meta.db_table
    sql = (
        f"UPDATE {table} AS p SET next_due_at = v.next_due_at, "  # noqa: S608
        "content_cursor = v.cursor, last_content = v.last, snoozed_until = v.snoozed, "
        "anchor_at = v.anchor, held_until = v.held, standing_until = v.standing, "
        "content_day = v.day, content_today = v.today::jsonb "
        "FROM jsonb_to_recordset(%s::jsonb) AS v(id bigint, next_due_at timestamptz, "
        "cursor integer, last text, snoozed timestamptz, anchor timestamptz, "
        "held timestamptz, standing timestamptz, day date, today text) "
        "WHERE p.id = v.id"
    )
    batch = [
        {
            "id": pk,
            "next_due_at": _iso(next_due),
            "cursor": position,
            "last": last,
            "snoozed": _iso(snoozed),
            "anchor": _iso(anchor),
            "held": _iso(held),
            "standing": _iso(standing),
            "day": day.isoformat() if day else None,
            "today": today,
        }
        for pk, next_due, position, last, snoozed, anchor, held, standing, day, today in rows
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, [json.dumps(batch)])


def _advance_compare_and_swap(plan: DuePlan, row: _Advance) -> bool:
    """SQLite: advance only if nobody advanced it since we read it. True = the slot is ours."""
    _, next_due, cursor, last, snoozed, anchor, held, standing, day, today = row
    return (
        NudgePlan.objects.filter(pk=plan.pk, next_due_at=plan.next_due_at).update(
            next_due_at=next_due,
            content_cursor=cursor,
            last_content=last,
            snoozed_until=snoozed,
            anchor_at=anchor,
            held_until=held,
            standing_until=standing,
            content_day=day,
            content_today=json.loads(today),
        )
        == 1
    )


def _commit_without_waiting_for_the_disk() -> None:
    """PostgreSQL: this batch's commit does not wait for its WAL flush (a few ms a batch).
    Only a crash of the database server itself can lose a batch so committed, and then it
    loses all of it together (the plans' advance, the nudges, their inbox rows), so the
    plans are due again and nothing is half-done. Push tasks already queued for the lost
    rows find no row and send nothing; the one push that can repeat is one a worker sent
    in the fraction of a second before the crash, as for the delivery ledger."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO off")


def _slot_context(
    plan: DuePlan, context: BatchContext, pool: ContentPool, schedules: _Schedules
) -> SlotContext:
    _, window = schedules.window(plan)

    def next_regular(after: datetime, anchor: datetime | None) -> datetime | None:
        plan.anchor_at = anchor
        return schedules.next_due(plan, after)

    return SlotContext(
        tz=window.tz,
        interval=window.interval,
        pool=context.pools.get(plan.user_id, ()),
        tips=pool.tips,
        moving_tips=pool.moving_tips,
        windows=context.windows.get(plan.user_id, ()),
        activity=context.activity.get(plan.user_id, ()),
        sit_stand=plan.sit_stand_enabled,
        stand_minutes=plan.stand_minutes,
        offset=plan.user_id,
        next_regular=next_regular,
        allowed=lambda instant: schedules.slot_allowed(plan, instant),
    )


def _decide_plan(
    plan: DuePlan,
    now: datetime,
    grace: timedelta,
    context: BatchContext,
    pool: ContentPool,
    schedules: _Schedules,
) -> tuple[Decision | None, _Advance]:
    """One claimed plan: its decision (None = skipped, not decided) and its advance row."""
    slot = plan.next_due_at
    if plan.snoozed_until and plan.snoozed_until <= now:
        plan.snoozed_until = None
    # Send only a slot that is recent and still allowed by the current settings
    # (the time zone may have changed since it was computed). Anything else is
    # skipped, not sent late: after an outage the patient gets no burst.
    fresh = slot >= now - grace and schedules.slot_allowed(plan, slot)
    state = SlotState(
        cursor=plan.content_cursor,
        last=plan.last_content,
        day=plan.content_day,
        today=list(plan.content_today or ()),
        anchor_at=plan.anchor_at,
        busy_until=plan.busy_until,
        standing_until=plan.standing_until,
        held_until=plan.held_until,
    )
    decision: Decision | None = None
    if fresh:
        decision = decide(slot, state, _slot_context(plan, context, pool, schedules))
        next_due = decision.next_due
    else:
        state.held_until = None
        next_due = schedules.next_due(plan, now)
    if next_due is not None and next_due <= now - grace:
        plan.anchor_at = state.anchor_at
        next_due = schedules.next_due(plan, now)
    row: _Advance = (
        plan.pk,
        next_due,
        state.cursor,
        state.last,
        plan.snoozed_until,
        state.anchor_at,
        state.held_until,
        state.standing_until,
        state.day,
        json.dumps(state.today),
    )
    return decision, row


def _dispatch_batch(
    now: datetime, limit: int, pool: ContentPool, schedules: _Schedules
) -> TickReport:
    report = TickReport()
    grace = timedelta(minutes=settings.NUDGE_GRACE_MINUTES)
    ttl = timedelta(seconds=settings.NUDGE_PUSH_TTL_SECONDS)
    locking = connection.features.has_select_for_update_skip_locked
    with transaction.atomic():
        if locking:
            _commit_without_waiting_for_the_disk()
        plans = claim_due_plans(now, limit)
        report.claimed = len(plans)
        context = BatchContext.load((p.user_id for p in plans), pool, now=now, grace=grace)
        advances: list[_Advance] = []
        to_send: list[tuple[DuePlan, Decision]] = []
        for plan in plans:
            decision, row = _decide_plan(plan, now, grace, context, pool, schedules)
            if not locking and not _advance_compare_and_swap(plan, row):
                report.lost_races += 1  # another dispatcher advanced it first: its slot
                continue
            advances.append(row)
            if decision is not None and decision.send:
                to_send.append((plan, decision))
            elif decision is not None:
                report.held += 1
            else:
                report.skipped += 1
        if locking and advances:
            _advance_postgresql(advances)
        if not to_send:
            return report
        # A nudge points at its message and the message's url names the nudge: on
        # PostgreSQL both sets of ids are taken first, so each table gets one COPY.
        reserved = next_ids(InboxMessage, len(to_send))
        nudge_ids = insert_rows(
            Nudge,
            (
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
            ),
            [
                (
                    p.pk,
                    p.user_id,
                    p.next_due_at,
                    d.key,
                    now,
                    "",
                    d.kind,
                    d.item.sets if d.item else None,
                    d.item.reps if d.item else None,
                    d.item.hold_seconds if d.item else None,
                    reserved[n] if reserved else None,
                )
                for n, (p, d) in enumerate(to_send)
            ],
        )
        with_devices = set(
            with_ids(PushSubscription.objects.all(), "user_id", [p.user_id for p, _ in to_send])
            .values_list("user_id", flat=True)
            .distinct()
        )
        messages: list[tuple[Any, ...]] = []
        pushed_ids: list[int] = []
        for plan, decision in to_send:
            text = pool.text(
                decision.key, plan.language, item=decision.item, stand_minutes=plan.stand_minutes
            )
            pushed = plan.user_id in with_devices
            nudge_id = nudge_ids[len(messages)]
            item = decision.item
            # Sent only until slot + grace, kept by the push service only until slot + TTL,
            # and neither past the end of the patient's hours (a late "stand up" is worse
            # than none).
            # A slot on the shift's last minute still gets HOURS_END_LEEWAY to go out.
            hours_end = max(
                schedules.allowed_until(plan, plan.next_due_at) or plan.next_due_at,
                plan.next_due_at + HOURS_END_LEEWAY,
            )
            messages.append(
                (
                    plan.user_id,
                    InboxKind.NUDGE.value,
                    text.title,
                    text.body,
                    f"/break/{nudge_id}" if item is not None else "/inbox",
                    now,
                    now if pushed else None,
                    min(plan.next_due_at + ttl, hours_end) if pushed else None,
                    min(plan.next_due_at + grace, hours_end) if pushed else None,
                    "",
                    inbox_extra(
                        nudge_id,
                        decision.kind,
                        decision.key,
                        item.sets if item else None,
                        item.reps if item else None,
                        item.hold_seconds if item else None,
                    ),
                )
            )
        message_ids = insert_rows(
            InboxMessage,
            (
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
            ),
            messages,
            ids=reserved,
        )
        if reserved is None:
            Nudge.objects.bulk_update(
                [Nudge(pk=n, message_id=m) for n, m in zip(nudge_ids, message_ids, strict=True)],
                ["message"],
            )
        pushed_ids = [pk for pk, row in zip(message_ids, messages, strict=True) if row[6]]
        enqueue_push(pushed_ids)
        report.sent = len(nudge_ids)
    return report


def dispatch_due_nudges(
    *, now: datetime | None = None, batch_size: int | None = None, max_batches: int = 10_000
) -> TickReport:
    """One dispatcher tick: send every due slot. (Re-enqueueing pushes the broker lost is
    the inbox's own periodic sweep, ``inbox.requeue_undelivered``.)"""
    now = now or timezone.now()
    limit = batch_size or settings.NUDGE_CLAIM_BATCH_SIZE
    report = TickReport()
    pool: ContentPool | None = None
    schedules = _Schedules()
    for _ in range(max_batches):
        if pool is None:
            # Cheap existence probe first: an idle tick is one index lookup, nothing more.
            if not NudgePlan.objects.filter(next_due_at__lte=now).exists():
                break
            pool = ContentPool.load()
        batch = _dispatch_batch(now, limit, pool, schedules)
        report.add(batch)
        if batch.claimed < limit:
            break
    return report
