"""Counting days with monitoring data: pure date arithmetic, no I/O.

A monitoring period is ``period_days`` long and the first starts on the start of
monitoring (the first day of consent). A day counts when the patient produced data on it
(in their own time zone) and consent covered it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from backend.messaging.rules import MonitoringRules

# Consent covers [given_on, revoked_on): a revocation takes effect on its day.
ConsentWindow = tuple[date, date | None]


@dataclass(frozen=True)
class Period:
    number: int  # 1 = the first period of monitoring
    start: date
    end: date  # inclusive
    days_with_data: int
    band: str  # "below", "partial" or "full"


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def local_day(instant: datetime, tz: ZoneInfo) -> date:
    return instant.astimezone(tz).date()


def consented(day: date, windows: Sequence[ConsentWindow]) -> bool:
    return any(start <= day and (end is None or day < end) for start, end in windows)


def monitoring_start(windows: Sequence[ConsentWindow]) -> date | None:
    return min((start for start, _ in windows), default=None)


def band(days: int, rules: MonitoringRules) -> str:
    if days >= rules.full_days:
        return "full"
    if days >= rules.partial_days:
        return "partial"
    return "below"


def periods_in_month(
    data_days: Iterable[date],
    windows: Sequence[ConsentWindow],
    first: date,
    last: date,
    rules: MonitoringRules,
) -> list[Period]:
    """The monitoring periods that overlap [first, last], each with its count of
    consented days with data (over the whole period, which may reach past the month)."""
    start = monitoring_start(windows)
    if start is None or start > last:
        return []
    length = rules.period_days
    index = max(0, (first - start).days // length)
    counted = sorted({d for d in data_days if consented(d, windows)})
    result = []
    while True:
        p_start = start + timedelta(days=index * length)
        if p_start > last:
            break
        p_end = p_start + timedelta(days=length - 1)
        days = sum(1 for d in counted if p_start <= d <= p_end)
        result.append(Period(index + 1, p_start, p_end, days, band(days, rules)))
        index += 1
    return result


def days_in_range(
    data_days: Iterable[date], windows: Sequence[ConsentWindow], first: date, last: date
) -> int:
    return len({d for d in data_days if first <= d <= last and consented(d, windows)})


def interactive_exchange(senders_are_patient: Iterable[bool]) -> bool:
    """A message exchange: at least one message each way."""
    seen = set(senders_are_patient)
    return seen == {True, False}
