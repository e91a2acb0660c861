"""Every threshold of messaging and monitoring reports, read from settings in one place."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class MonitoringRules:
    period_days: int  # length of a monitoring period, from the start of monitoring
    partial_days: int  # days with data for the lower band (2-15 days in US RTM terms)
    full_days: int  # days with data for the upper band (16 or more)


def monitoring_rules() -> MonitoringRules:
    return MonitoringRules(
        period_days=settings.RTM_PERIOD_DAYS,
        partial_days=settings.RTM_PARTIAL_DAYS,
        full_days=settings.RTM_FULL_DAYS,
    )


def message_max_chars() -> int:
    return int(settings.MESSAGE_MAX_CHARS)


def time_entry_edit_days() -> int:
    return int(settings.TIME_ENTRY_EDIT_DAYS)
