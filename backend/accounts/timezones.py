"""IANA time-zone names we accept from users."""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones


@lru_cache(maxsize=1)
def known_timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_valid_timezone(name: str) -> bool:
    return name in known_timezones()


def zone(name: str) -> ZoneInfo:
    """The user's zone; a stored name is validated on write, UTC is the safe fallback."""
    return ZoneInfo(name) if is_valid_timezone(name) else ZoneInfo("UTC")
