"""Program-day and adherence arithmetic for home exercise programs.

Pure Python (stdlib only) so it can be unit-tested without Django.

Conventions
-----------
* Weekdays use ISO numbering: Monday = 1 ... Sunday = 7 (``date.isoweekday()``).
* "Completed" dates are the *local calendar dates* of logged sessions. Pass
  ``date`` objects, not ``datetime`` (convert with the patient's time zone
  first); a ``datetime`` raises ``TypeError``.
* A scheduled day counts as done when at least one session was logged on it;
  several sessions on one day count once, and sessions on unscheduled days do
  not count toward adherence.
* Duplicate scheduled dates are counted once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = [
    "PAIN_HIGH",
    "PAIN_HIGH_BEFORE",
    "PAIN_INCREASE",
    "ProgramDays",
    "Week",
    "adherence_between",
    "current_streak",
    "days_mask",
    "is_program_day",
    "missed_alert_day",
    "missed_in_a_row",
    "overall_adherence",
    "pain_flags",
    "scheduled_days",
    "share",
    "streak_by_weeks",
    "week_masks",
    "week_start",
    "weekly_adherence",
    "window_counts",
]

PAIN_INCREASE = "pain_increase"
PAIN_HIGH = "pain_high"
PAIN_HIGH_BEFORE = "pain_high_before"

_ONE_DAY = timedelta(days=1)
_ONE_WEEK = timedelta(days=7)
# Scheduled sessions missed in a row that raise an adherence alert.
MISSED_IN_A_ROW = 3


@dataclass(frozen=True)
class Week:
    week_start: date  # the Monday
    prescribed: int
    completed: int
    ratio: float | None  # completed / prescribed, None when nothing was prescribed


def week_start(day: date) -> date:
    """The Monday of the ISO week containing ``day``."""
    return day - timedelta(days=day.weekday())


def _check_date(name: str, value: object) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(f"{name} must be a date (not a datetime), got {value!r}")
    return value


def _scheduled_set(scheduled: Sequence[date]) -> list[date]:
    return sorted({_check_date("scheduled day", d) for d in scheduled})


def _done_set(completed: Iterable[date]) -> set[date]:
    return {_check_date("completed day", d) for d in completed}


def scheduled_days(
    start: date,
    end: date | None,
    weekdays: frozenset[int],
    until: date,
    *,
    paused: Sequence[tuple[date, date | None]] = (),
) -> list[date]:
    """Program days from ``start`` to ``min(end, until)`` inclusive, in order.

    A day is a program day when its ISO weekday is in ``weekdays`` and it lies
    outside every paused interval ``[pause_start, resume)``; ``resume=None``
    means the program is still paused.
    """
    _check_date("start", start)
    _check_date("until", until)
    if end is not None:
        _check_date("end", end)
    bad = [w for w in weekdays if isinstance(w, bool) or not isinstance(w, int) or not 1 <= w <= 7]
    if bad:
        raise ValueError(f"weekdays must be ISO weekday numbers 1..7, got {sorted(map(str, bad))}")
    for pause_start, resume in paused:
        _check_date("pause start", pause_start)
        if resume is not None and _check_date("resume", resume) < pause_start:
            raise ValueError(f"pause resumes ({resume}) before it starts ({pause_start})")

    last = until if end is None else min(end, until)
    days: list[date] = []
    day = start
    while day <= last:
        if day.isoweekday() in weekdays and not any(
            p <= day and (r is None or day < r) for p, r in paused
        ):
            days.append(day)
        day += _ONE_DAY
    return days


def is_program_day(
    start: date,
    end: date | None,
    weekdays: frozenset[int],
    day: date,
    *,
    paused: Sequence[tuple[date, date | None]] = (),
) -> bool:
    """Whether ``day`` itself is a program day: the one-day case of ``scheduled_days``."""
    return day >= start and scheduled_days(day, end, weekdays, day, paused=paused) == [day]


@dataclass(frozen=True)
class ProgramDays:
    """When one assigned program is due: its ISO ``weekdays`` from ``start`` to ``end``
    (inclusive; None = open-ended), outside its ``paused`` intervals ``[pause, resume)``."""

    start: date
    end: date | None
    weekdays: frozenset[int]
    paused: tuple[tuple[date, date | None], ...] = ()

    def scheduled(self, until: date, *, since: date | None = None) -> list[date]:
        """Program days up to ``until`` (from ``since`` when given: recent figures need not
        walk a long program's whole history)."""
        first = self.start if since is None else max(self.start, since)
        return scheduled_days(first, self.end, self.weekdays, until, paused=self.paused)

    def includes(self, day: date) -> bool:
        return is_program_day(self.start, self.end, self.weekdays, day, paused=self.paused)


def days_mask(days: Iterable[date]) -> int:
    """The ISO weekdays of ``days`` as a bit mask: bit 0 is Monday ... bit 6 Sunday. With
    the days of one week, the mask says exactly which of its days they are."""
    mask = 0
    for day in days:
        mask |= 1 << (_check_date("day", day).isoweekday() - 1)
    return mask


def _mask_days(monday: date, mask: int) -> list[date]:
    return [monday + timedelta(days=n) for n in range(7) if mask >> n & 1]


def week_masks(program: ProgramDays, until: date) -> list[tuple[date, int]]:
    """The program days up to ``until``, week by week: (Monday, ``days_mask`` of its program
    days), from the week of the first program day to that of the last, weeks in between
    with none (a pause) included as 0 — the weeks and counts of ``weekly_adherence`` over
    ``program.scheduled(until)``.

    A whole week inside the program and clear of every pause is simply its weekdays; only
    the weeks at the start, the end or a pause walk their days (with ``scheduled_days``), so
    a long program costs per week, not per day."""
    _check_date("until", until)
    last = until if program.end is None else min(program.end, until)
    if program.start > last:
        return []
    full = sum(1 << (d - 1) for d in program.weekdays)
    first_monday, last_monday = week_start(program.start), week_start(last)
    # The weeks that are not simply the weekdays: the first, the last, those a pause touches.
    odd = {first_monday, last_monday}
    for paused_on, resumed_on in program.paused:
        stop = last if resumed_on is None else min(last, resumed_on - _ONE_DAY)
        monday = max(week_start(paused_on), first_monday)
        while monday <= stop:
            odd.add(monday)
            monday += _ONE_WEEK
    weeks: list[tuple[date, int]] = []
    monday = first_monday
    while monday <= last_monday:
        if monday in odd:
            days = scheduled_days(
                max(monday, program.start),
                program.end,
                program.weekdays,
                min(monday + timedelta(days=6), last),
                paused=program.paused,
            )
            weeks.append((monday, days_mask(days)))
        else:
            weeks.append((monday, full))
        monday += _ONE_WEEK
    # From the first to the last week with a program day, as weekly_adherence counts them.
    kept = [n for n, (_, mask) in enumerate(weeks) if mask]
    return weeks[kept[0] : kept[-1] + 1] if kept else []


def streak_by_weeks(weeks: Sequence[tuple[date, int, int]], today: date) -> int:
    """``current_streak`` from week masks: ``weeks`` are (Monday, program days, days done)
    as ``days_mask`` values, in any order, each Monday once. The run of program days done
    is counted back week by week (within a week by ``current_streak`` itself) until a
    program day was missed, so the days of a long history are never listed."""
    _check_date("today", today)
    streak = 0
    last_past_monday = today - timedelta(days=7)  # its week ended before today
    for monday, scheduled, done in sorted(weeks, reverse=True):
        if not scheduled:
            continue  # nothing due that week: the run goes on past it
        if monday <= last_past_monday and scheduled & ~done == 0:
            streak += scheduled.bit_count()  # a past week with every program day done
            continue
        days = [d for d in _mask_days(monday, scheduled) if d <= today]
        done_days = _mask_days(monday, done & scheduled)
        run = current_streak(days, done_days, today)
        # Today counts only once done; not yet done it neither counts nor breaks the run.
        counted = len(days) - (1 if today in days and today not in done_days else 0)
        streak += run
        if run < counted:
            break
    return streak


def weekly_adherence(scheduled: Sequence[date], completed: Iterable[date]) -> list[Week]:
    """Per-week adherence, Monday-based, from the first to the last scheduled week.

    Weeks in between with nothing prescribed (e.g. a pause) are included with
    ``prescribed == 0`` and ``ratio is None``.
    """
    days = _scheduled_set(scheduled)
    done = _done_set(completed)
    if not days:
        return []
    counts: dict[date, list[int]] = {}
    for day in days:
        bucket = counts.setdefault(week_start(day), [0, 0])
        bucket[0] += 1
        bucket[1] += day in done
    weeks: list[Week] = []
    monday = week_start(days[0])
    last_monday = week_start(days[-1])
    while monday <= last_monday:
        prescribed, completed_n = counts.get(monday, [0, 0])
        ratio = completed_n / prescribed if prescribed else None
        weeks.append(Week(monday, prescribed, completed_n, ratio))
        monday += timedelta(days=7)
    return weeks


def overall_adherence(scheduled: Sequence[date], completed: Iterable[date]) -> float | None:
    """Share of scheduled days with at least one session; None if nothing scheduled."""
    days = _scheduled_set(scheduled)
    if not days:
        return None
    done = _done_set(completed)
    return sum(1 for d in days if d in done) / len(days)


def current_streak(scheduled: Sequence[date], completed: Iterable[date], today: date) -> int:
    """Consecutive scheduled days done, counting back from the latest one <= today.

    If today is scheduled and not yet done it is skipped: it neither counts nor
    breaks the streak, because the day is not over.
    """
    _check_date("today", today)
    done = _done_set(completed)
    past = [d for d in _scheduled_set(scheduled) if d <= today]
    if past and past[-1] == today and today not in done:
        past.pop()
    streak = 0
    for day in reversed(past):
        if day not in done:
            break
        streak += 1
    return streak


def missed_in_a_row(scheduled: Sequence[date], completed: Iterable[date], today: date) -> int:
    """Consecutive scheduled days strictly before today with no session."""
    _check_date("today", today)
    done = _done_set(completed)
    missed = 0
    for day in reversed(_scheduled_set(scheduled)):
        if day >= today:
            continue
        if day in done:
            break
        missed += 1
    return missed


def _check_pain(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number 0..10, got {value!r}")
    if not 0 <= value <= 10:
        raise ValueError(f"{name} must be between 0 and 10, got {value}")
    return value


def pain_flags(
    pain_before: int, pain_after: int, *, rise_points: int = 2, high_level: int = 7
) -> tuple[bool, str | None]:
    """Safety rule for a session's pain ratings (0..10 NPRS). The thresholds come from the
    safety content file (``exercises/content/safety.yaml``); the PWA applies the same rule
    offline (``frontend_pwa/src/lib/safety.ts``) and both run ``tests/safety_cases.json``.

    Which rule fired decides the advice, so the reason says it:
    ``"pain_increase"`` pain rose by ``rise_points`` or more (wins when several apply);
    ``"pain_high"`` pain after is ``high_level`` or more without such a rise;
    ``"pain_high_before"`` pain before was high and it did not stay high (for example 8→5).
    """
    before = _check_pain("pain_before", pain_before)
    after = _check_pain("pain_after", pain_after)
    if after >= before + rise_points:
        return True, PAIN_INCREASE
    if after >= high_level:
        return True, PAIN_HIGH
    if before >= high_level:
        return True, PAIN_HIGH_BEFORE
    return False, None


def window_counts(
    scheduled: Sequence[date], completed: Iterable[date], first: date, last: date
) -> tuple[int, int]:
    """(prescribed, completed) scheduled days in ``[first, last]`` for one program.

    ``last`` is today: it counts only once done (the day is not over, so an open session
    today must not look like a miss). Sum the pairs over a patient's programs and divide
    with ``share`` for the patient's figure.
    """
    _check_date("first", first)
    _check_date("last", last)
    done = _done_set(completed)
    days = [d for d in _scheduled_set(scheduled) if first <= d <= last and (d < last or d in done)]
    return len(days), sum(1 for d in days if d in done)


def share(prescribed: int, completed: int) -> float | None:
    """completed / prescribed; None when nothing was prescribed."""
    return completed / prescribed if prescribed else None


def adherence_between(
    programs: Iterable[tuple[ProgramDays, Iterable[date]]], first: date, last: date
) -> float | None:
    """A patient's adherence over ``[first, last]``, ``last`` being today: the program days
    of each of their programs in the window (``window_counts``: today only once done),
    summed over the programs. ``programs`` pairs each program's days with the local dates
    of its sessions. None when no program day falls in the window.

    This is the figure of the caseload (7 and 28 days, and its sort key) and of Today."""
    _check_date("first", first)
    _check_date("last", last)
    if first > last:
        raise ValueError(f"first ({first}) is after last ({last})")
    prescribed = completed = 0
    for program, done in programs:
        p, c = window_counts(program.scheduled(last, since=first), done, first, last)
        prescribed += p
        completed += c
    return share(prescribed, completed)


def missed_alert_day(
    start: date,
    end: date | None,
    weekdays: frozenset[int],
    last_done: date | None,
    *,
    paused: Sequence[tuple[date, date | None]] = (),
    horizon_days: int = 400,
) -> date | None:
    """The first day on which ``MISSED_IN_A_ROW`` scheduled days after the last session
    will have been missed, if no session comes first: the day after the third scheduled
    day of the run. None when there is no such day within ``horizon_days`` (the program
    ends, or is paused without a resume date). The adherence scan looks at an assignment
    only from that day on."""
    first = start if last_done is None else max(start, last_done + _ONE_DAY)
    days = scheduled_days(first, end, weekdays, first + timedelta(days=horizon_days), paused=paused)
    if len(days) < MISSED_IN_A_ROW:
        return None
    return days[MISSED_IN_A_ROW - 1] + _ONE_DAY
