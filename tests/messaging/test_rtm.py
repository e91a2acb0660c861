"""Day counting for the monitoring report: periods, bands, consent windows, zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from backend.messaging import rtm
from backend.messaging.rules import MonitoringRules

RULES = MonitoringRules(period_days=30, partial_days=2, full_days=16)


def test_month_bounds_handle_december_and_leap_february() -> None:
    assert rtm.month_bounds(2026, 12) == (date(2026, 12, 1), date(2026, 12, 31))
    assert rtm.month_bounds(2028, 2) == (date(2028, 2, 1), date(2028, 2, 29))


def test_bands_follow_the_rules() -> None:
    assert [rtm.band(n, RULES) for n in (0, 1, 2, 15, 16, 30)] == [
        "below",
        "below",
        "partial",
        "partial",
        "full",
        "full",
    ]
    other = MonitoringRules(period_days=30, partial_days=3, full_days=10)
    assert rtm.band(2, other) == "below" and rtm.band(10, other) == "full"


def test_periods_start_at_consent_and_cross_the_month_boundary() -> None:
    windows = [(date(2026, 10, 20), None)]
    days = {date(2026, 10, 19), date(2026, 10, 20), date(2026, 11, 18), date(2026, 11, 19)}
    periods = rtm.periods_in_month(days, windows, date(2026, 11, 1), date(2026, 11, 30), RULES)
    # Period 1: Oct 20 - Nov 18 (Oct 19 is before consent); period 2 from Nov 19.
    assert [(p.number, p.start, p.end, p.days_with_data) for p in periods] == [
        (1, date(2026, 10, 20), date(2026, 11, 18), 2),
        (2, date(2026, 11, 19), date(2026, 12, 18), 1),
    ]
    assert periods[0].band == "partial" and periods[1].band == "below"


def test_no_consent_counts_nothing_and_revocation_stops_counting() -> None:
    days = {date(2026, 11, d) for d in range(1, 31)}
    assert rtm.periods_in_month(days, [], date(2026, 11, 1), date(2026, 11, 30), RULES) == []
    windows: list[rtm.ConsentWindow] = [(date(2026, 11, 1), date(2026, 11, 11))]  # revoked 11th
    assert rtm.days_in_range(days, windows, date(2026, 11, 1), date(2026, 11, 30)) == 10
    # consent given again later adds its own days
    windows.append((date(2026, 11, 21), None))
    assert rtm.days_in_range(days, windows, date(2026, 11, 1), date(2026, 11, 30)) == 20


def test_sixteen_days_reach_the_full_band() -> None:
    windows = [(date(2026, 11, 1), None)]
    days = {date(2026, 11, 1) + timedelta(days=i) for i in range(16)}
    (period,) = rtm.periods_in_month(days, windows, date(2026, 11, 1), date(2026, 11, 30), RULES)
    assert period.days_with_data == 16 and period.band == "full"
    days.discard(date(2026, 11, 1))
    (period,) = rtm.periods_in_month(days, windows, date(2026, 11, 1), date(2026, 11, 30), RULES)
    assert period.days_with_data == 15 and period.band == "partial"


def test_local_day_follows_the_zone_across_a_dst_change() -> None:
    london = ZoneInfo("Europe/London")
    # 2026-03-29 01:00 UTC is 02:00 BST (clocks went forward at 01:00 UTC): the 29th.
    assert rtm.local_day(datetime(2026, 3, 29, 0, 30, tzinfo=UTC), london) == date(2026, 3, 29)
    # 23:30 UTC on the 29th is 00:30 BST on the 30th.
    assert rtm.local_day(datetime(2026, 3, 29, 23, 30, tzinfo=UTC), london) == date(2026, 3, 30)
    # Before the change, 23:30 UTC on the 28th is still the 28th (GMT).
    assert rtm.local_day(datetime(2026, 3, 28, 23, 30, tzinfo=UTC), london) == date(2026, 3, 28)


def test_an_exchange_needs_a_message_each_way() -> None:
    assert not rtm.interactive_exchange([True, True])
    assert not rtm.interactive_exchange([])
    assert rtm.interactive_exchange([True, False])
