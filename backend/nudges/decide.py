"""What happens at one nudge slot of one plan: held (and until when), or sent (as what),
and when the plan is due next. Pure (no Django, no queries): the dispatcher calls it for
every claimed plan with the batch's preloaded context, the preview calls it to show what
is coming, so both always agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from backend.nudges.breaks import (
    MOVE,
    SIT,
    STAND,
    TIP,
    BreakItem,
    Hold,
    hold_for,
    nudge_kind,
    pick_exercise,
    release_at,
)

GENERAL = "general"


@dataclass
class SlotState:
    """The plan's rotation and hold bookkeeping (columns of ``NudgePlan``)."""

    cursor: int
    last: str
    day: date | None
    today: list[str]
    anchor_at: datetime | None
    busy_until: datetime | None
    standing_until: datetime | None
    held_until: datetime | None


@dataclass(frozen=True)
class SlotContext:
    tz: ZoneInfo
    interval: timedelta
    pool: Sequence[BreakItem]
    tips: Sequence[str]  # "tip:<slug>" keys of desk tips that are not about moving
    moving_tips: Sequence[str]  # "tip:<slug>" keys of tips about breaks and walking
    windows: Sequence[tuple[datetime, datetime]]
    activity: Sequence[tuple[datetime, str]]
    sit_stand: bool
    stand_minutes: int
    # (after, anchor) -> the plan's next regular slot (pause and snooze honoured)
    offset: int  # the patient's id: patients start at different places of the rotation
    next_regular: Callable[[datetime, datetime | None], datetime | None]
    allowed: Callable[[datetime], bool]


@dataclass
class Decision:
    send: bool
    next_due: datetime | None
    kind: str | None = None
    key: str = GENERAL  # "exercise:<slug>", "tip:<slug>", "stand", "sit" or "general"
    item: BreakItem | None = None
    hold: Hold | None = None


def _held(slot: datetime, hold: Hold, state: SlotState, ctx: SlotContext) -> Decision:
    if hold.reason in ("busy", "calendar"):
        release = release_at(hold, busy_until=state.busy_until, windows=ctx.windows)
        if ctx.allowed(release):
            state.held_until = release
            return Decision(False, release, hold=hold)
        state.held_until = None
        return Decision(False, ctx.next_regular(hold.until, state.anchor_at), hold=hold)
    # A session or a walk a moment ago: this one is skipped (pushed back one interval).
    return Decision(False, ctx.next_regular(slot, state.anchor_at), hold=hold)


def _move(
    state: SlotState, pool: Sequence[BreakItem], moving_tips: Sequence[str], offset: int
) -> tuple[str, BreakItem | None]:
    """A "move" slot's key: the next exercise of the rotation, else a tip about moving."""
    last = state.last.split(":", 1)[1] if state.last.startswith("exercise:") else ""
    item = pick_exercise(
        pool,
        position=state.cursor,
        used_today=state.today,
        last=last,
        offset=offset,
    )
    if item is not None:
        state.today = [*state.today, item.slug]
        return f"exercise:{item.slug}", item
    if moving_tips:
        return moving_tips[(state.cursor + offset) % len(moving_tips)], None
    return GENERAL, None


def decide(slot: datetime, state: SlotState, ctx: SlotContext) -> Decision:
    """Decide the slot and update ``state`` in place."""
    hold = hold_for(
        slot,
        busy_until=state.busy_until,
        windows=ctx.windows,
        activity=ctx.activity,
        interval=ctx.interval,
    )
    if hold is not None:
        return _held(slot, hold, state, ctx)

    if state.held_until is not None and slot >= state.held_until:
        # The first nudge after busy time restarts the interval from itself.
        state.anchor_at = slot
        state.held_until = None
    day = slot.astimezone(ctx.tz).date()
    if state.day != day:
        state.day, state.today = day, []
    sit_due = state.standing_until is not None and slot >= state.standing_until
    kind = nudge_kind(
        state.cursor, sit_stand=ctx.sit_stand, has_tips=bool(ctx.tips), sit_due=sit_due
    )
    item: BreakItem | None = None
    if kind == SIT:
        key = "sit"
        state.standing_until = None
    else:
        if kind == MOVE:
            key, item = _move(state, ctx.pool, ctx.moving_tips, ctx.offset)
        elif kind == TIP:
            key = ctx.tips[(state.cursor // 4 + ctx.offset) % len(ctx.tips)]
        else:
            assert kind == STAND
            key = "stand"
            state.standing_until = slot + timedelta(minutes=ctx.stand_minutes)
        state.cursor += 1
    state.last = key
    next_due = ctx.next_regular(slot, state.anchor_at)
    standing = state.standing_until
    if standing is not None and (next_due is None or standing < next_due):
        if ctx.allowed(standing):
            next_due = standing
        else:
            state.standing_until = None  # the workday ends first: no "sit" tomorrow morning
    return Decision(True, next_due, kind=kind, key=key, item=item)


# --------------------------------------------------------------------------- fast path


@dataclass(frozen=True)
class Rotation:
    """What a plain slot's content depends on besides the plan's own state."""

    pool: Sequence[BreakItem]
    tips: Sequence[str]
    moving_tips: Sequence[str]
    offset: int  # the patient's id, as ``SlotContext.offset``


def is_plain(
    slot: datetime,
    state: SlotState,
    *,
    windows: Sequence[tuple[datetime, datetime]],
    activity: Sequence[tuple[datetime, str]],
    interval: timedelta,
    sit_stand: bool,
) -> bool:
    """True when none of ``decide``'s holds and sit/stand rules applies at ``slot``: no
    hold (``hold_for``, the very check ``decide`` starts with), no hold being released,
    no standing desk. Most plans at most slots: the dispatcher then calls
    ``decide_plain`` instead of building a ``SlotContext``."""
    if sit_stand or state.held_until is not None or state.standing_until is not None:
        return False
    if not windows and not activity:  # no need to ask hold_for, only one-tap busy is left
        return state.busy_until is None or slot >= state.busy_until
    hold = hold_for(
        slot, busy_until=state.busy_until, windows=windows, activity=activity, interval=interval
    )
    return hold is None


def decide_plain(
    slot: datetime, day: date, state: SlotState, rotation: Rotation, next_due: datetime | None
) -> Decision:
    """``decide`` for a slot ``is_plain`` holds for, with the same result and the same
    changes to ``state``. ``day``: the slot's local date; ``next_due``: the plan's next
    regular slot after ``slot`` (its anchor is unchanged on this path: nothing is held,
    so nothing is released). The steps are ``decide``'s with every branch that cannot
    be taken left out: no hold, no sit due, no stand (no standing desk), so nothing
    moves ``next_due`` to a "sit"."""
    if state.day != day:
        state.day, state.today = day, []
    kind = nudge_kind(state.cursor, sit_stand=False, has_tips=bool(rotation.tips), sit_due=False)
    item: BreakItem | None = None
    if kind == MOVE:
        key, item = _move(state, rotation.pool, rotation.moving_tips, rotation.offset)
    else:
        assert kind == TIP
        key = rotation.tips[(state.cursor // 4 + rotation.offset) % len(rotation.tips)]
    state.cursor += 1
    state.last = key
    return Decision(True, next_due, kind=kind, key=key, item=item)
