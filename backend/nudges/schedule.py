"""Nudge timing arithmetic: when are a patient's next "stand up and move" nudges?

Pure standard-library code (no Django), so it can be unit-tested in isolation and called from
views, Celery tasks and management commands alike.

Model
-----
* A *shift* starts on each local work day at ``work_start`` and ends at the next ``work_end``
  (the same day, or the following day when the window crosses midnight, e.g. 22:00-06:00).
  A night shift belongs to the work day on which it STARTS.
* Shift boundaries are turned into UTC instants once (``local_instant``); all interval arithmetic
  then happens in UTC, so nudges are exactly one real ``interval`` apart even across a DST change.
* The slots of a shift are ``base + k * interval`` for ``k >= 1``, where ``base`` is the shift
  start, or the patient's last break (``anchor``) if that lies inside the shift.
* A slot is valid if ``start < slot <= end`` and its local wall time is not in quiet hours
  (quiet hours are half-open, ``quiet_start <= t < quiet_end``, and may cross midnight).

DST rules for wall times (``local_instant``)
-------------------------------------------
* Gap (spring forward): a wall time that never happens resolves to the first real instant after
  the gap, i.e. the transition instant itself.
* Fold (fall back): a wall time that happens twice resolves to its first occurrence (fold=0).

All public functions reject naive datetimes with ``ValueError`` and return UTC datetimes.

Plans
-----
``plan_window``, ``slot_allowed`` and ``plan_next_due`` read a stored plan through the small
``PlanHours`` / ``PlanState`` protocols: the ``NudgePlan`` row and the dispatcher's lighter
``DuePlan`` both have those fields, so the services and the dispatcher run the same code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from backend.accounts.timezones import zone

__all__ = [
    "MAX_COUNT",
    "MAX_INTERVAL",
    "MIN_INTERVAL",
    "NudgeWindow",
    "PlanHours",
    "PlanState",
    "allowed_until",
    "in_quiet_hours",
    "in_work_hours",
    "local_day",
    "local_instant",
    "next_nudge_after",
    "plan_next_due",
    "plan_window",
    "shift_for",
    "slot_allowed",
    "upcoming_nudges",
    "wall_time",
]

MIN_INTERVAL = timedelta(minutes=15)
MAX_INTERVAL = timedelta(minutes=120)
MAX_COUNT = 500

# next_nudge_after looks at shifts starting from two local days before `after` (a night shift
# that started yesterday may still be running) up to ~15 days after it.
_DAYS_BACK = 2
_SEARCH_DAYS = _DAYS_BACK + 16

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_SECOND = timedelta(seconds=1)
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class NudgeWindow:
    """A patient's nudge plan. All times are local wall times in ``tz``."""

    tz: ZoneInfo
    interval: timedelta
    work_days: frozenset[int]  # ISO weekdays 1..7 on which a shift starts
    work_start: time
    work_end: time
    quiet_start: time | None = None
    quiet_end: time | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.tz, ZoneInfo):
            raise TypeError("tz must be a zoneinfo.ZoneInfo")
        if not isinstance(self.interval, timedelta):
            raise TypeError("interval must be a datetime.timedelta")
        if not MIN_INTERVAL <= self.interval <= MAX_INTERVAL:
            raise ValueError("interval must be between 15 and 120 minutes")

        days = frozenset(self.work_days)
        if not days:
            raise ValueError("work_days must not be empty")
        for day in days:
            if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 7:
                raise ValueError(f"work_days must be ISO weekdays 1..7, got {day!r}")
        # Accept any iterable of ints (e.g. a list from a JSON/Array field) but store a frozenset.
        object.__setattr__(self, "work_days", days)

        _check_wall(self.work_start, "work_start")
        _check_wall(self.work_end, "work_end")
        if self.work_start == self.work_end:
            raise ValueError("work_start and work_end must differ")

        if (self.quiet_start is None) != (self.quiet_end is None):
            raise ValueError("quiet_start and quiet_end must be given together")
        if self.quiet_start is not None and self.quiet_end is not None:
            _check_wall(self.quiet_start, "quiet_start")
            _check_wall(self.quiet_end, "quiet_end")
            if self.quiet_start == self.quiet_end:
                raise ValueError("quiet_start and quiet_end must differ")


# --------------------------------------------------------------------------- helpers


def _check_wall(value: object, name: str) -> None:
    if not isinstance(value, time):
        raise TypeError(f"{name} must be a datetime.time")
    if value.tzinfo is not None:
        raise ValueError(f"{name} must be a naive local wall time")


def _to_utc(value: object, name: str) -> datetime:
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")
    return value.astimezone(UTC)


def _offset(tz: ZoneInfo, instant: datetime) -> timedelta | None:
    return instant.astimezone(tz).utcoffset()


def _first_offset_change(tz: ZoneInfo, lo: datetime, hi: datetime) -> datetime:
    """First whole-second instant in (lo, hi] whose UTC offset differs from lo's.

    Requires the offset at ``hi`` to differ. tz transitions happen on whole seconds, so a binary
    search over integer epoch seconds finds the transition exactly (~17 steps for a day).
    """
    base = _offset(tz, lo)
    lo_s = (lo - _EPOCH) // _ONE_SECOND  # floor: same offset as lo (transitions are whole seconds)
    hi_s = -((_EPOCH - hi) // _ONE_SECOND)  # ceil
    while hi_s - lo_s > 1:
        mid = (lo_s + hi_s) // 2
        if _offset(tz, _EPOCH + timedelta(seconds=mid)) == base:
            lo_s = mid
        else:
            hi_s = mid
    return _EPOCH + timedelta(seconds=hi_s)


def _wall_in_quiet(start: time, end: time, wall: time) -> bool:
    if start < end:
        return start <= wall < end
    return wall >= start or wall < end  # quiet hours cross midnight, e.g. 22:00-07:00


def _ceil_div(num: timedelta, den: timedelta) -> int:
    return -(-num // den)


# --------------------------------------------------------------------------- public API


def local_instant(tz: ZoneInfo, day: date, wall: time) -> datetime:
    """UTC instant at which the local wall clock in ``tz`` shows ``wall`` on ``day``.

    Nonexistent wall times (spring-forward gap) give the first instant after the gap; ambiguous
    ones (fall-back fold) give the first occurrence.
    """
    if isinstance(day, datetime) or not isinstance(day, date):
        raise TypeError("day must be a datetime.date (not a datetime)")
    _check_wall(wall, "wall")
    naive = datetime.combine(day, wall)
    # fold=0 selects the first occurrence of an ambiguous time (PEP 495).
    first = naive.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if first.astimezone(tz).replace(tzinfo=None) == naive:
        return first
    # Round trip changed the wall time -> it lies in a gap. fold=0 and fold=1 interpret it with
    # the offsets before/after the transition, giving two instants that bracket the transition;
    # the transition instant is the first real instant after the gap.
    second = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
    lo, hi = min(first, second), max(first, second)
    if lo == hi:  # defensive; cannot happen for a real gap
        return lo
    return _first_offset_change(tz, lo, hi)


def local_day(tz: ZoneInfo, instant: datetime) -> date:
    """Local calendar date in ``tz`` of an aware instant."""
    return _to_utc(instant, "instant").astimezone(tz).date()


def shift_for(window: NudgeWindow, day: date) -> tuple[datetime, datetime] | None:
    """UTC ``(start, end)`` of the shift starting on local ``day``, or None if not a work day.

    A shift crossing midnight ends on the following day. The shift may be empty (start == end)
    in the rare case that both boundaries fall into the same DST gap.
    """
    if isinstance(day, datetime) or not isinstance(day, date):
        raise TypeError("day must be a datetime.date (not a datetime)")
    if day.isoweekday() not in window.work_days:
        return None
    start = local_instant(window.tz, day, window.work_start)
    end_day = day if window.work_end > window.work_start else day + _ONE_DAY
    end = local_instant(window.tz, end_day, window.work_end)
    return start, end


def in_quiet_hours(window: NudgeWindow, instant: datetime) -> bool:
    """True if the local wall time of ``instant`` is within quiet hours [quiet_start, quiet_end)."""
    utc = _to_utc(instant, "instant")
    if window.quiet_start is None or window.quiet_end is None:
        return False
    wall = utc.astimezone(window.tz).time()
    return _wall_in_quiet(window.quiet_start, window.quiet_end, wall)


def in_work_hours(window: NudgeWindow, instant: datetime) -> bool:
    """True if ``instant`` lies inside some shift (start < instant <= end)."""
    utc = _to_utc(instant, "instant")
    today = utc.astimezone(window.tz).date()
    for delta in (-2, -1, 0, 1):
        shift = shift_for(window, today + timedelta(days=delta))
        if shift is not None and shift[0] < utc <= shift[1]:
            return True
    return False


def allowed_until(window: NudgeWindow, instant: datetime) -> datetime | None:
    """The end of the stretch of allowed time around ``instant``: the end of its shift or
    the start of the next quiet period, whichever comes first. None when ``instant``
    itself is outside the shift or in quiet hours (nothing may go out then)."""
    utc = _to_utc(instant, "instant")
    if in_quiet_hours(window, utc):
        return None
    today = utc.astimezone(window.tz).date()
    end: datetime | None = None
    for delta in (-2, -1, 0, 1):
        shift = shift_for(window, today + timedelta(days=delta))
        if shift is not None and shift[0] < utc <= shift[1]:
            end = shift[1]
            break
    if end is None:
        return None
    if window.quiet_start is not None:
        for delta in (0, 1):
            quiet = local_instant(window.tz, today + timedelta(days=delta), window.quiet_start)
            if utc < quiet < end:
                end = quiet
                break
    return end


def _quiet_exit(window: NudgeWindow, slot: datetime) -> datetime:
    """An instant > ``slot`` (which is in quiet hours) at which to resume the search.

    Usually the end of the quiet period: the next instant whose wall time is ``quiet_end``. Across
    a fall-back fold the wall clock jumps *backwards* and may leave quiet hours early (or show
    ``quiet_end`` twice), so we also stop at the next UTC-offset transition and re-check there.
    Both cases only make the caller re-test sooner, never skip a valid slot.
    """
    assert window.quiet_end is not None
    tz = window.tz
    day = slot.astimezone(tz).date()
    candidates: list[datetime] = []
    for d in (day, day + _ONE_DAY):
        candidates.append(local_instant(tz, d, window.quiet_end))  # handles a gap
        naive = datetime.combine(d, window.quiet_end)
        second = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
        if second.astimezone(tz).replace(tzinfo=None) == naive:  # real (second) occurrence
            candidates.append(second)
    later = [c for c in candidates if c > slot]
    resume = min(later) if later else slot + window.interval
    if _offset(tz, resume) != _offset(tz, slot):
        resume = min(resume, _first_offset_change(tz, slot, resume))
    return resume


def _first_valid_slot(
    window: NudgeWindow, base: datetime, end: datetime, after: datetime
) -> datetime | None:
    """First ``base + k*interval`` (k >= 1) that is > after, <= end and not in quiet hours."""
    interval = window.interval
    # O(1): jump straight to the first k whose slot is strictly after `after`.
    k = 1 if after < base else (after - base) // interval + 1
    while True:  # terminates: k strictly increases and the shift end is finite
        slot = base + k * interval
        if slot > end:
            return None
        if not in_quiet_hours(window, slot):
            return slot
        # Jump over the quiet period instead of stepping slot by slot.
        resume = _quiet_exit(window, slot)
        k = max(k + 1, _ceil_div(resume - base, interval))


def next_nudge_after(
    window: NudgeWindow, after: datetime, *, anchor: datetime | None = None
) -> datetime | None:
    """First valid nudge slot strictly after ``after`` (UTC), or None within ~15 days.

    ``anchor`` (the instant the patient last acknowledged a break) restarts the count of the
    shift containing it (start < anchor <= end): that shift's slots become anchor + k*interval.
    Other shifts are unaffected. None is only possible for windows that never admit a slot
    (shift shorter than the interval, or quiet hours covering the whole shift).
    """
    after_utc = _to_utc(after, "after")
    anchor_utc = None if anchor is None else _to_utc(anchor, "anchor")
    first_day = after_utc.astimezone(window.tz).date() - timedelta(days=_DAYS_BACK)
    for offset in range(_SEARCH_DAYS):
        shift = shift_for(window, first_day + timedelta(days=offset))
        if shift is None:
            continue
        start, end = shift
        if end <= after_utc:
            continue
        base = start
        if anchor_utc is not None and start < anchor_utc <= end:
            base = anchor_utc
        slot = _first_valid_slot(window, base, end, after_utc)
        if slot is not None:
            return slot
    return None


def upcoming_nudges(
    window: NudgeWindow, start: datetime, count: int, *, anchor: datetime | None = None
) -> list[datetime]:
    """``count`` consecutive nudges after ``start`` (each result is the next ``after``).

    Stops early only if ``next_nudge_after`` finds nothing (see there).
    """
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError("count must be an int")
    if not 1 <= count <= MAX_COUNT:
        raise ValueError(f"count must be between 1 and {MAX_COUNT}")
    current = _to_utc(start, "start")
    result: list[datetime] = []
    for _ in range(count):
        nxt = next_nudge_after(window, current, anchor=anchor)
        if nxt is None:
            break
        result.append(nxt)
        current = nxt
    return result


# --------------------------------------------------------------------------- stored plans


class PlanHours(Protocol):
    """The fields of a stored plan its window is made of (local wall times)."""

    @property
    def interval_minutes(self) -> int: ...
    @property
    def work_days(self) -> Iterable[int]: ...
    @property
    def work_start(self) -> time | str: ...
    @property
    def work_end(self) -> time | str: ...
    @property
    def quiet_start(self) -> time | str | None: ...
    @property
    def quiet_end(self) -> time | str | None: ...


class PlanState(Protocol):
    """The fields of a stored plan that move its next nudge: on/off, pause, snooze, anchor."""

    @property
    def enabled(self) -> bool: ...
    @property
    def paused_until(self) -> datetime | None: ...
    @property
    def snoozed_until(self) -> datetime | None: ...
    @property
    def anchor_at(self) -> datetime | None: ...


def wall_time(value: time | str) -> time:
    """A stored wall time as a ``time``."""
    # A TimeField holds a str until the row is saved and read back (e.g. model defaults).
    return value if isinstance(value, time) else time.fromisoformat(str(value))


def plan_window(plan: PlanHours, tz_name: str) -> NudgeWindow:
    """The plan's window in the user's zone (an unknown zone name falls back to UTC)."""
    return NudgeWindow(
        tz=zone(tz_name),
        interval=timedelta(minutes=plan.interval_minutes),
        work_days=frozenset(int(day) for day in plan.work_days),
        work_start=wall_time(plan.work_start),
        work_end=wall_time(plan.work_end),
        quiet_start=wall_time(plan.quiet_start) if plan.quiet_start is not None else None,
        quiet_end=wall_time(plan.quiet_end) if plan.quiet_end is not None else None,
    )


def slot_allowed(window: NudgeWindow, instant: datetime) -> bool:
    """May a nudge go out at ``instant``: inside a shift and outside quiet hours."""
    return in_work_hours(window, instant) and not in_quiet_hours(window, instant)


def plan_next_due(plan: PlanState, window: NudgeWindow, after: datetime) -> datetime | None:
    """The first instant after ``after`` at which the plan nudges, honouring pause and
    snooze; None when the plan is off (then it is not in the dispatcher's index)."""
    if not plan.enabled:
        return None
    start = after
    if plan.paused_until is not None and plan.paused_until > start:
        start = plan.paused_until
    snoozed = plan.snoozed_until
    if snoozed is not None and snoozed > start:
        # "Remind me in 10 minutes": the snooze end itself, if a nudge may go out then;
        # otherwise the first regular slot after it.
        if slot_allowed(window, snoozed):
            return snoozed
        start = snoozed
    return next_nudge_after(window, start, anchor=plan.anchor_at)
