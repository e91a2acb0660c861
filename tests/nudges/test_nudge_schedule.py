"""Unit tests for backend.nudges.schedule (pure timing arithmetic, no Django).

Expected values are derived from the zones' published rules with plain arithmetic
(e.g. "09:00 at UTC-4 is 13:00 UTC"), never copied from the module's output.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.nudges import schedule
from backend.nudges.schedule import (
    NudgeWindow,
    in_quiet_hours,
    in_work_hours,
    local_day,
    local_instant,
    next_nudge_after,
    shift_for,
    upcoming_nudges,
)
from tests.factories import nudge_window

ALL_DAYS = frozenset(range(1, 8))
WEEKDAYS = frozenset(range(1, 6))
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
KATHMANDU = ZoneInfo("Asia/Kathmandu")
UTC_ZONE = ZoneInfo("UTC")


def mins(n: int) -> timedelta:
    return timedelta(minutes=n)


def hm(h: int, m: int = 0) -> timedelta:
    return timedelta(hours=h, minutes=m)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def make_window(
    tz: ZoneInfo,
    interval: int,
    start: time,
    end: time,
    days: frozenset[int] = ALL_DAYS,
    quiet: tuple[time, time] | None = None,
) -> NudgeWindow:
    return nudge_window(
        tz=tz,
        interval=mins(interval),
        work_days=days,
        work_start=start,
        work_end=end,
        quiet_start=quiet[0] if quiet else None,
        quiet_end=quiet[1] if quiet else None,
    )


def slots_of_shift(window: NudgeWindow, day: date) -> list[datetime]:
    """All nudges of the shift starting on local `day`, via the public API."""
    shift = shift_for(window, day)
    assert shift is not None
    start, end = shift
    out: list[datetime] = []
    cur = start
    for _ in range(200):  # bounded, so a regression fails instead of hanging
        nxt = next_nudge_after(window, cur)
        if nxt is None or nxt > end:
            return out
        assert nxt > cur
        out.append(nxt)
        cur = nxt
    raise AssertionError("too many slots in one shift")


def wall(instant: datetime, tz: ZoneInfo) -> time:
    return instant.astimezone(tz).time()


def wall_in_window(w: time, start: time, end: time) -> bool:
    if start < end:
        return start < w <= end
    return w > start or w <= end


# --------------------------------------------------------------------------- local_instant


@pytest.mark.parametrize(
    ("tz", "day", "wall_time", "expected"),
    [
        # London spring forward 2026-03-29 01:00 GMT -> 02:00 BST: 01:30 doesn't exist and
        # resolves to the transition instant, 01:00 UTC (02:00 BST).
        (LONDON, date(2026, 3, 29), time(1, 30), utc(2026, 3, 29, 1, 0)),
        # London fall back 2026-10-25 02:00 BST -> 01:00 GMT: 01:30 happens twice; the first
        # occurrence is 01:30 BST = 00:30 UTC.
        (LONDON, date(2026, 10, 25), time(1, 30), utc(2026, 10, 25, 0, 30)),
        # Lord Howe DST starts 2026-10-04 02:00 LHST(+10:30) -> 02:30 LHDT(+11):
        # 02:15 resolves to 02:00 LHST = 15:30 UTC the day before.
        (LORD_HOWE, date(2026, 10, 4), time(2, 15), utc(2026, 10, 4, 2, 0) - hm(10, 30)),
        # Lord Howe DST ends 2026-04-05 02:00 LHDT(+11) -> 01:30 LHST: 01:45 first at +11.
        (LORD_HOWE, date(2026, 4, 5), time(1, 45), utc(2026, 4, 5, 1, 45) - hm(11)),
        # Kathmandu is a fixed +05:45.
        (KATHMANDU, date(2026, 1, 1), time(9, 0), utc(2026, 1, 1, 9, 0) - hm(5, 45)),
        # New York fall back 2026-11-01 02:00 EDT -> 01:00 EST: 01:15 first at EDT (-4).
        (NEW_YORK, date(2026, 11, 1), time(1, 15), utc(2026, 11, 1, 1, 15) + hm(4)),
        # New York spring forward 2026-03-08 02:00 EST -> 03:00 EDT: 02:30 -> 02:00 EST.
        (NEW_YORK, date(2026, 3, 8), time(2, 30), utc(2026, 3, 8, 2, 0) + hm(5)),
    ],
)
def test_local_instant_gap_and_fold(
    tz: ZoneInfo, day: date, wall_time: time, expected: datetime
) -> None:
    got = local_instant(tz, day, wall_time)
    assert got == expected
    assert got.tzinfo is UTC


def test_local_day() -> None:
    instant = utc(2026, 6, 5, 23, 30)
    assert local_day(KATHMANDU, instant) == date(2026, 6, 6)  # 05:15 next day
    assert local_day(NEW_YORK, instant) == date(2026, 6, 5)  # 19:30
    assert local_day(KATHMANDU, instant.astimezone(NEW_YORK)) == date(2026, 6, 6)


# --------------------------------------------------------------------------- DST shifts

DST_CASES = [
    # (id, tz, day, start wall, end wall, interval, start UTC, end UTC) - offsets by zone rules.
    (
        "london-spring",
        LONDON,
        date(2026, 3, 29),
        time(0, 30),
        time(3, 30),
        30,
        utc(2026, 3, 29, 0, 30),  # 00:30 GMT
        utc(2026, 3, 29, 3, 30) - hm(1),  # 03:30 BST
    ),
    (
        "london-fall",
        LONDON,
        date(2026, 10, 25),
        time(0, 30),
        time(3, 30),
        30,
        utc(2026, 10, 25, 0, 30) - hm(1),  # 00:30 BST
        utc(2026, 10, 25, 3, 30),  # 03:30 GMT
    ),
    (
        "london-night-spring",
        LONDON,
        date(2026, 3, 28),
        time(22, 0),
        time(6, 0),
        60,
        utc(2026, 3, 28, 22, 0),  # GMT
        utc(2026, 3, 29, 6, 0) - hm(1),  # BST
    ),
    (
        "new-york-spring",
        NEW_YORK,
        date(2026, 3, 8),
        time(1, 0),
        time(5, 0),
        30,
        utc(2026, 3, 8, 1, 0) + hm(5),  # EST
        utc(2026, 3, 8, 5, 0) + hm(4),  # EDT
    ),
    (
        "new-york-fall",
        NEW_YORK,
        date(2026, 11, 1),
        time(0, 45),
        time(3, 0),
        45,
        utc(2026, 11, 1, 0, 45) + hm(4),  # EDT
        utc(2026, 11, 1, 3, 0) + hm(5),  # EST
    ),
    (
        "lord-howe-spring",
        LORD_HOWE,
        date(2026, 10, 4),
        time(1, 0),
        time(4, 0),
        20,
        utc(2026, 10, 4, 1, 0) - hm(10, 30),  # LHST
        utc(2026, 10, 4, 4, 0) - hm(11),  # LHDT
    ),
    (
        "lord-howe-fall",
        LORD_HOWE,
        date(2026, 4, 5),
        time(1, 0),
        time(4, 0),
        20,
        utc(2026, 4, 5, 1, 0) - hm(11),  # LHDT
        utc(2026, 4, 5, 4, 0) - hm(10, 30),  # LHST
    ),
    (
        "london-start-in-gap",
        LONDON,
        date(2026, 3, 29),
        time(1, 30),
        time(5, 0),
        30,
        utc(2026, 3, 29, 1, 0),  # 01:30 doesn't exist -> 02:00 BST
        utc(2026, 3, 29, 5, 0) - hm(1),
    ),
]


@pytest.mark.parametrize(
    ("tz", "day", "ws", "we", "interval", "exp_start", "exp_end"),
    [case[1:] for case in DST_CASES],
    ids=[case[0] for case in DST_CASES],
)
def test_dst_shift_slots_are_exactly_one_interval_apart(
    tz: ZoneInfo,
    day: date,
    ws: time,
    we: time,
    interval: int,
    exp_start: datetime,
    exp_end: datetime,
) -> None:
    window = make_window(tz, interval, ws, we)
    assert shift_for(window, day) == (exp_start, exp_end)

    slots = slots_of_shift(window, day)
    step = mins(interval)
    # Real elapsed time: the shift holds exactly floor(duration / interval) slots.
    assert len(slots) == (exp_end - exp_start) // step
    assert slots[0] == exp_start + step
    assert len(set(slots)) == len(slots)  # never two at once
    for a, b in pairwise(slots):
        assert b - a == step  # never an extra hour's gap
    for s in slots:
        assert s.tzinfo is UTC
        assert exp_start < s <= exp_end
        assert wall_in_window(wall(s, tz), ws, we), s.astimezone(tz)
        assert in_work_hours(window, s)


def test_london_fall_back_repeats_wall_times_but_not_instants() -> None:
    window = make_window(LONDON, 30, time(0, 30), time(3, 30))
    slots = slots_of_shift(window, date(2026, 10, 25))
    local = [s.astimezone(LONDON) for s in slots]
    # 01:00 and 01:30 are shown twice (BST then GMT), 30 real minutes apart each time.
    walls = [(x.hour, x.minute, x.fold) for x in local]
    assert walls[:4] == [(1, 0, 0), (1, 30, 0), (1, 0, 1), (1, 30, 1)]
    assert [(x.hour, x.minute) for x in local[4:]] == [(2, 0), (2, 30), (3, 0), (3, 30)]


# --------------------------------------------------------------------------- 09:00 shifts

NINE_CASES = [
    # (tz, day, UTC offset that applies at 09:00 on that day by the zone's rules, interval)
    (NEW_YORK, date(2026, 3, 7), -hm(5), 45),  # EST, day before spring forward
    (NEW_YORK, date(2026, 3, 8), -hm(4), 45),  # EDT from 02:00 that morning
    (NEW_YORK, date(2026, 11, 1), -hm(5), 50),  # EST from 02:00 that morning
    (LORD_HOWE, date(2026, 4, 4), hm(11), 20),  # LHDT
    (LORD_HOWE, date(2026, 4, 5), hm(10, 30), 20),  # LHST from 02:00 LHDT
    (LORD_HOWE, date(2026, 10, 3), hm(10, 30), 35),  # LHST
    (LORD_HOWE, date(2026, 10, 4), hm(11), 35),  # LHDT from 02:00 LHST
    (KATHMANDU, date(2026, 3, 29), hm(5, 45), 50),  # fixed +05:45
    (KATHMANDU, date(2026, 10, 25), hm(5, 45), 120),
]


@pytest.mark.parametrize(("tz", "day", "offset", "interval"), NINE_CASES)
def test_first_slot_of_nine_oclock_shift(
    tz: ZoneInfo, day: date, offset: timedelta, interval: int
) -> None:
    window = make_window(tz, interval, time(9, 0), time(17, 0))
    start_utc = datetime.combine(day, time(9, 0), UTC) - offset
    shift = shift_for(window, day)
    assert shift is not None
    assert shift[0] == start_utc
    assert shift[1] == datetime.combine(day, time(17, 0), UTC) - offset

    got = upcoming_nudges(window, start_utc - hm(3), 3)
    step = mins(interval)
    assert got == [start_utc + step, start_utc + 2 * step, start_utc + 3 * step]
    nine = datetime.combine(day, time(9, 0))
    expected_local = [(nine + k * step).strftime("%H:%M") for k in (1, 2, 3)]
    assert [g.astimezone(tz).strftime("%H:%M") for g in got] == expected_local


# --------------------------------------------------------------------------- night shifts


def test_night_shift_belongs_to_the_day_it_starts() -> None:
    # Mon-Fri 22:00-06:00 in London summer time (BST, UTC+1, no transition nearby).
    window = make_window(LONDON, 60, time(22, 0), time(6, 0), days=WEEKDAYS)
    friday = date(2026, 6, 5)
    assert friday.isoweekday() == 5
    saturday, sunday, monday = (friday + timedelta(days=n) for n in (1, 2, 3))

    start, end = shift_for(window, friday) or (None, None)
    assert start == utc(2026, 6, 5, 21, 0)
    assert end == utc(2026, 6, 6, 5, 0)
    assert shift_for(window, saturday) is None
    assert shift_for(window, sunday) is None

    got = upcoming_nudges(window, utc(2026, 6, 5, 12, 0), 9)
    # Friday night: 23:00 .. 06:00 local (the last seven on Saturday), then nothing until
    # Monday night's shift (22:00 + 1h).
    expected = [start + hm(k) for k in range(1, 9)] + [utc(2026, 6, 8, 22, 0)]
    assert got == expected
    assert [local_day(LONDON, g) for g in got[1:8]] == [saturday] * 7
    assert local_day(LONDON, got[8]) == monday

    bst = hm(1)
    assert in_work_hours(window, datetime.combine(saturday, time(5, 30), UTC) - bst)
    assert in_work_hours(window, datetime.combine(saturday, time(6, 0), UTC) - bst)  # end
    assert not in_work_hours(window, datetime.combine(saturday, time(6, 1), UTC) - bst)
    assert not in_work_hours(window, datetime.combine(saturday, time(23, 0), UTC) - bst)
    assert not in_work_hours(window, datetime.combine(monday, time(3, 0), UTC) - bst)
    assert not in_work_hours(window, datetime.combine(friday, time(22, 0), UTC) - bst)  # start
    assert in_work_hours(window, datetime.combine(friday, time(22, 1), UTC) - bst)


# --------------------------------------------------------------------------- quiet hours


def _expected_walls(ws: time, we: time, interval: int, quiet: tuple[time, time]) -> list[str]:
    """Slots of a DST-free shift by naive wall-clock arithmetic, quiet ones removed."""
    day = date(2026, 6, 10)
    first = datetime.combine(day, ws)
    last = datetime.combine(day if we > ws else day + timedelta(days=1), we)
    qs, qe = quiet
    out = []
    k = 1
    while (t := first + k * mins(interval)) <= last:
        w = t.time()
        quiet_now = qs <= w < qe if qs < qe else (w >= qs or w < qe)
        if not quiet_now:
            out.append(t.strftime("%H:%M"))
        k += 1
    return out


@pytest.mark.parametrize(
    ("ws", "we", "interval", "quiet"),
    [
        (time(9, 0), time(17, 0), 25, (time(12, 0), time(13, 0))),
        (time(9, 0), time(17, 0), 30, (time(12, 0), time(13, 0))),
        (time(20, 0), time(4, 0), 30, (time(23, 30), time(1, 15))),  # both cross midnight
        (time(9, 0), time(17, 0), 15, (time(22, 0), time(10, 0))),  # quiet crosses midnight
    ],
)
def test_quiet_hours_are_skipped(
    ws: time, we: time, interval: int, quiet: tuple[time, time]
) -> None:
    window = make_window(NEW_YORK, interval, ws, we, quiet=quiet)
    day = date(2026, 6, 10)
    got = slots_of_shift(window, day)
    assert [g.astimezone(NEW_YORK).strftime("%H:%M") for g in got] == _expected_walls(
        ws, we, interval, quiet
    )
    assert not any(in_quiet_hours(window, g) for g in got)


@pytest.mark.parametrize(
    "quiet",
    [
        (time(1, 30), time(3, 0)),  # the clock falls back out of quiet hours at 02:00 BST
        (time(0, 0), time(1, 30)),  # 01:00-01:30 is quiet twice; 01:30 ends it twice
        (time(23, 0), time(1, 10)),  # crossing midnight, ends inside the fold
    ],
)
def test_quiet_hours_across_fall_back_fold(quiet: tuple[time, time]) -> None:
    # London 2026-10-25: 02:00 BST (01:00 UTC) -> 01:00 GMT. Shift 00:00 BST - 06:00 GMT.
    window = make_window(LONDON, 15, time(0, 0), time(6, 0), quiet=quiet)
    start, end = utc(2026, 10, 24, 23, 0), utc(2026, 10, 25, 6, 0)
    transition = utc(2026, 10, 25, 1, 0)
    qs, qe = quiet
    expected = []
    slot = start + mins(15)
    while slot <= end:
        local = (slot + (hm(1) if slot < transition else hm(0))).time()
        quiet_now = qs <= local < qe if qs < qe else (local >= qs or local < qe)
        if not quiet_now:
            expected.append(slot)
        slot += mins(15)
    assert slots_of_shift(window, date(2026, 10, 25)) == expected


def test_quiet_hours_concrete_values() -> None:
    window = make_window(NEW_YORK, 25, time(9, 0), time(17, 0), quiet=(time(12, 0), time(13, 0)))
    walls = [
        g.astimezone(NEW_YORK).strftime("%H:%M") for g in slots_of_shift(window, date(2026, 6, 10))
    ]
    # 09:00 + 7*25 = 11:55 is allowed; 12:20 and 12:45 are quiet; next is 13:10.
    i = walls.index("11:55")
    assert walls[i + 1] == "13:10"

    edt = hm(4)
    assert in_quiet_hours(window, utc(2026, 6, 10, 12, 0) + edt)  # quiet start is quiet
    assert not in_quiet_hours(window, utc(2026, 6, 10, 13, 0) + edt)  # quiet end is not
    assert not in_quiet_hours(make_window(NEW_YORK, 25, time(9), time(17)), utc(2026, 6, 10, 16))


def test_quiet_hours_crossing_midnight_membership() -> None:
    window = make_window(UTC_ZONE, 30, time(20, 0), time(4, 0), quiet=(time(23, 30), time(1, 15)))
    assert in_quiet_hours(window, utc(2026, 6, 10, 23, 30))
    assert in_quiet_hours(window, utc(2026, 6, 11, 0, 0))
    assert in_quiet_hours(window, utc(2026, 6, 11, 1, 14))
    assert not in_quiet_hours(window, utc(2026, 6, 11, 1, 15))
    assert not in_quiet_hours(window, utc(2026, 6, 10, 23, 29))


def test_quiet_skip_is_a_jump_not_a_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    # Requirement: O(1) per shift. The quiet-hour checks made while crossing 21 quiet hours
    # are the first slot after `after` and then the end of the quiet hours, nothing between.
    window = make_window(UTC_ZONE, 15, time(0, 0), time(23, 45), quiet=(time(1, 0), time(22, 0)))
    checked: list[datetime] = []
    real = schedule.in_quiet_hours

    def recording(w: NudgeWindow, instant: datetime) -> bool:
        checked.append(instant)
        return real(w, instant)

    monkeypatch.setattr(schedule, "in_quiet_hours", recording)
    assert next_nudge_after(window, utc(2026, 6, 10, 0, 50)) == utc(2026, 6, 10, 22, 0)
    # 01:00 (the slot after 00:50) is quiet; the next check is 22:00, where quiet hours end:
    # none of the 83 quarter-hours between is looked at.
    assert checked == [utc(2026, 6, 10, 1, 0), utc(2026, 6, 10, 22, 0)]
    checked.clear()
    # Far into a long shift: k comes from integer division, not from stepping, so the one
    # slot checked is 23:45, the first after 23:31 (00:00 + 95 x 15 min).
    assert next_nudge_after(window, utc(2026, 6, 10, 23, 31)) == utc(2026, 6, 10, 23, 45)
    assert checked == [utc(2026, 6, 10, 23, 45)]


# --------------------------------------------------------------------------- anchor


def test_anchor_restarts_the_interval() -> None:
    window = make_window(NEW_YORK, 45, time(9, 0), time(17, 0))
    edt = hm(4)
    brk = utc(2026, 6, 10, 10, 7) + edt  # the patient moved at 10:07 local
    # Without anchor: 09:45, 10:30, ...
    assert next_nudge_after(window, brk) == utc(2026, 6, 10, 10, 30) + edt
    # With anchor: 10:07 + 45 min = 10:52, then every 45 min.
    assert next_nudge_after(window, brk, anchor=brk) == brk + mins(45)
    got = upcoming_nudges(window, brk, 3, anchor=brk)
    assert got == [brk + mins(45), brk + mins(90), brk + mins(135)]
    assert [g.astimezone(NEW_YORK).strftime("%H:%M") for g in got] == ["10:52", "11:37", "12:22"]


def test_anchor_only_affects_its_own_shift() -> None:
    window = make_window(NEW_YORK, 45, time(9, 0), time(17, 0))
    edt = hm(4)
    yesterday_break = utc(2026, 6, 9, 10, 7) + edt
    # An anchor in yesterday's shift doesn't shift today's grid (09:45 local).
    after = utc(2026, 6, 10, 8, 0) + edt
    assert next_nudge_after(window, after, anchor=yesterday_break) == utc(2026, 6, 10, 9, 45) + edt
    # The last slot of the anchored shift may not pass the shift end; the next shift is normal.
    late_break = utc(2026, 6, 9, 16, 30) + edt
    assert next_nudge_after(window, late_break, anchor=late_break) == (
        utc(2026, 6, 10, 9, 45) + edt
    )
    # An anchor before the shift start (outside the shift) is ignored too.
    early = utc(2026, 6, 10, 8, 50) + edt
    assert next_nudge_after(window, early, anchor=early) == utc(2026, 6, 10, 9, 45) + edt


def test_anchor_then_quiet_hours() -> None:
    window = make_window(NEW_YORK, 30, time(9, 0), time(17, 0), quiet=(time(12, 0), time(13, 0)))
    edt = hm(4)
    brk = utc(2026, 6, 10, 11, 50) + edt
    # 12:20 and 12:50 are quiet; 13:20 keeps the anchored grid.
    assert next_nudge_after(window, brk, anchor=brk) == brk + mins(90)


def test_results_are_utc() -> None:
    window = make_window(KATHMANDU, 30, time(9, 0), time(17, 0))
    after = datetime(2026, 6, 10, 8, 0, tzinfo=KATHMANDU)
    got = next_nudge_after(window, after)
    assert got is not None
    assert got.tzinfo is UTC
    assert got == after.astimezone(UTC) + hm(1, 30)


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "over",
    [
        {"interval": mins(14)},
        {"interval": mins(121)},
        {"interval": timedelta(0)},
        {"interval": -mins(30)},
        {"work_start": time(9, 0), "work_end": time(9, 0)},
        {"work_days": frozenset()},
        {"work_days": frozenset({0, 1})},
        {"work_days": frozenset({8})},
        {"quiet_start": time(12, 0)},
        {"quiet_end": time(13, 0)},
        {"quiet_start": time(12, 0), "quiet_end": time(12, 0)},
        {"work_start": time(9, 0, tzinfo=UTC)},
    ],
)
def test_window_validation(over: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        nudge_window(**over)


def test_window_accepts_boundaries_and_normalises_days() -> None:
    w = nudge_window(interval=mins(15), work_days=[1, 2, 2])
    assert w.work_days == frozenset({1, 2})
    assert nudge_window(interval=mins(120)).interval == mins(120)


def test_naive_datetimes_are_rejected() -> None:
    window = make_window(LONDON, 30, time(9), time(17))
    naive = datetime(2026, 6, 10, 9, 0)
    aware = utc(2026, 6, 10, 9, 0)
    with pytest.raises(ValueError):
        next_nudge_after(window, naive)
    with pytest.raises(ValueError):
        next_nudge_after(window, aware, anchor=naive)
    with pytest.raises(ValueError):
        upcoming_nudges(window, naive, 3)
    with pytest.raises(ValueError):
        in_quiet_hours(window, naive)
    with pytest.raises(ValueError):
        in_work_hours(window, naive)
    with pytest.raises(ValueError):
        local_day(LONDON, naive)


@pytest.mark.parametrize("count", [0, -1, 501])
def test_upcoming_count_range(count: int) -> None:
    window = make_window(LONDON, 30, time(9), time(17))
    with pytest.raises(ValueError):
        upcoming_nudges(window, utc(2026, 6, 10), count)


def test_upcoming_max_count_is_allowed() -> None:
    window = make_window(LONDON, 15, time(9), time(17))
    got = upcoming_nudges(window, utc(2026, 6, 10), 500)
    assert len(got) == 500
    assert all(b > a for a, b in pairwise(got))


def test_impossible_window_returns_none() -> None:
    # The shift is shorter than the interval: no slot can ever exist; the search is bounded.
    window = make_window(LONDON, 60, time(9), time(9, 30))
    assert next_nudge_after(window, utc(2026, 6, 10)) is None
    assert upcoming_nudges(window, utc(2026, 6, 10), 5) == []


# --------------------------------------------------------------------------- properties

ZONES = [
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "America/St_Johns",
    "UTC",
]
# Local dates of the 2026 transitions in the zones above (so examples hit DST often).
TRANSITION_DAYS = [
    date(2026, 3, 8),
    date(2026, 3, 29),
    date(2026, 4, 5),
    date(2026, 9, 27),
    date(2026, 10, 4),
    date(2026, 10, 25),
    date(2026, 11, 1),
]
TRICKY_HM = [(0, 0), (0, 30), (1, 0), (1, 30), (1, 45), (2, 0), (2, 15), (2, 30), (2, 45)]
TRICKY_HM += [(3, 0), (3, 30), (3, 45), (6, 0), (9, 0), (12, 0), (13, 0), (17, 0), (22, 0)]
TRICKY_WALLS = [time(h, m) for h, m in [*TRICKY_HM, (23, 30)]]

walls = st.one_of(
    st.sampled_from(TRICKY_WALLS),
    st.builds(time, st.integers(0, 23), st.integers(0, 59)),
)
wall_pairs = st.tuples(walls, walls).filter(lambda p: p[0] != p[1])
instants_2026 = st.one_of(
    st.datetimes(
        min_value=datetime(2026, 1, 1),
        max_value=datetime(2026, 12, 31),
        timezones=st.just(UTC),
    ),
    st.builds(
        lambda d, m: datetime.combine(d, time(0), UTC) + mins(m),
        st.sampled_from(TRANSITION_DAYS),
        st.integers(-36 * 60, 36 * 60),
    ),
)


@st.composite
def windows(draw: st.DrawFn) -> NudgeWindow:
    work = draw(wall_pairs)
    quiet = draw(st.none() | wall_pairs)
    return make_window(
        ZoneInfo(draw(st.sampled_from(ZONES))),
        draw(st.integers(15, 120)),
        work[0],
        work[1],
        days=draw(st.frozensets(st.integers(1, 7), min_size=1)),
        quiet=quiet,
    )


def shifts_from(
    window: NudgeWindow, first: date, last: date
) -> Iterator[tuple[datetime, datetime]]:
    d = first
    while d <= last:
        shift = shift_for(window, d)
        if shift is not None:
            yield shift
        d += timedelta(days=1)


def reference_slots(
    window: NudgeWindow, after: datetime, anchor: datetime | None, horizon_days: int
) -> list[datetime]:
    """Slow, obvious reference: step every slot of every shift and filter."""
    first = after.astimezone(window.tz).date() - timedelta(days=2)
    out: list[datetime] = []
    for start, end in shifts_from(window, first, first + timedelta(days=horizon_days)):
        base = anchor if anchor is not None and start < anchor <= end else start
        k = 1
        while (slot := base + k * window.interval) <= end:
            local = slot.astimezone(window.tz).time()
            qs, qe = window.quiet_start, window.quiet_end
            quiet = False
            if qs is not None and qe is not None:
                quiet = qs <= local < qe if qs < qe else (local >= qs or local < qe)
            if slot > after and not quiet:
                out.append(slot)
            k += 1
    return out


def containing_shift(window: NudgeWindow, instant: datetime) -> tuple[datetime, datetime]:
    today = local_day(window.tz, instant)
    found = [
        s
        for s in shifts_from(window, today - timedelta(days=2), today + timedelta(days=1))
        if s[0] < instant <= s[1]
    ]
    assert len(found) == 1, found  # shifts never overlap
    return found[0]


PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(
    window=windows(),
    start=instants_2026,
    count=st.integers(1, 30),
    anchor_back=st.none() | st.integers(0, 12 * 60),
)
def test_property_upcoming(
    window: NudgeWindow, start: datetime, count: int, anchor_back: int | None
) -> None:
    anchor = None if anchor_back is None else start - mins(anchor_back)
    got = upcoming_nudges(window, start, count, anchor=anchor)

    # Same as the slow reference (which also proves no valid slot is skipped).
    expected = reference_slots(window, start, anchor, horizon_days=17)[:count]
    if len(expected) == count:
        assert got == expected
    else:  # the reference horizon ran out; the chained search may legitimately go further
        assert got[: len(expected)] == expected

    assert all(g.tzinfo is UTC for g in got)
    assert all(b > a for a, b in pairwise([start, *got]))  # strictly increasing
    for g in got:
        assert in_work_hours(window, g)
        assert not in_quiet_hours(window, g)

    step = window.interval
    shifts = [containing_shift(window, g) for g in got]
    for i, (g, shift) in enumerate(zip(got, shifts, strict=True)):
        sh_start, sh_end = shift
        anchored = anchor is not None and sh_start < anchor <= sh_end
        base = anchor if anchored and anchor is not None else sh_start
        assert (g - base) % step == timedelta(0)  # on the grid of its shift
        new_shift = i == 0 or shifts[i - 1] != shift
        if not new_shift:
            gap = g - got[i - 1]
            assert gap % step == timedelta(0)
            if window.quiet_start is None:
                assert gap == step
        elif sh_start >= start and not anchored:
            # First nudge of a shift that began after `start`: one interval after its start,
            # unless that instant is quiet (then a later grid point).
            first = sh_start + step
            if in_quiet_hours(window, first):
                assert g > first
            else:
                assert g == first


@PROPERTY_SETTINGS
@given(
    window=windows(),
    day=st.one_of(
        st.sampled_from(TRANSITION_DAYS),
        st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
    ),
)
def test_property_shift_first_slot(window: NudgeWindow, day: date) -> None:
    shift = shift_for(window, day)
    if day.isoweekday() not in window.work_days:
        assert shift is None
        return
    assert shift is not None
    start, end = shift
    assert start <= end
    first = next_nudge_after(window, start)
    step = window.interval
    if start + step <= end and not in_quiet_hours(window, start + step):
        assert first == start + step
        # Within one interval of the local start (real time), and inside the local window.
        assert wall_in_window(wall(first, window.tz), window.work_start, window.work_end) or (
            # In a fall-back fold the clock may read earlier than work_start once more.
            first.astimezone(window.tz).utcoffset() != start.astimezone(window.tz).utcoffset()
        )


@PROPERTY_SETTINGS
@given(
    tz=st.sampled_from(ZONES).map(ZoneInfo),
    day=st.one_of(
        st.sampled_from(TRANSITION_DAYS),
        st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
    ),
    w=walls,
)
def test_property_local_instant(tz: ZoneInfo, day: date, w: time) -> None:
    got = local_instant(tz, day, w)
    local = got.astimezone(tz)
    naive = datetime.combine(day, w)
    if local.replace(tzinfo=None) == naive:
        assert local.fold == 0  # first occurrence of an ambiguous time
    else:
        # Gap: `got` is the transition instant and the wall time was skipped over by it.
        before = (got - timedelta(seconds=1)).astimezone(tz)
        assert before.utcoffset() != local.utcoffset()
        assert before.replace(tzinfo=None) < naive < local.replace(tzinfo=None)
