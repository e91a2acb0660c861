"""The pain rule around a session and the advice shown when it fires (thresholds and
texts from the safety content file)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from backend.programs import adherence
from backend.programs.models import Session, SessionItem
from exercises.safety_content import safety_content

# The skip reason the PWA sends when an exercise hurt (SKIP_REASONS in Session.tsx).
HURT_SKIP_REASON = "It hurt"


def skipped_because_it_hurt(items: Iterable[SessionItem]) -> list[SessionItem]:
    return [item for item in items if item.skipped and item.skip_reason == HURT_SKIP_REASON]


def pain_rule_check(pain_before: int, pain_after: int) -> tuple[bool, str | None]:
    """The pain rule with the thresholds of the safety content file."""
    rule = safety_content().rule
    return adherence.pain_flags(
        pain_before, pain_after, rise_points=rule.rise_points, high_level=rule.high_level
    )


def pain_advice(reason: str, language: str | None = None) -> str | None:
    """The advice for the rule that fired (``None`` when none did), in ``language``."""
    return safety_content().in_language(language).advice.get(reason) if reason else None


def safety_for(session: Session, language: str | None = None) -> dict[str, Any]:
    alert = bool(session.alert_reason)
    return {
        "alert": alert,
        "reason": session.alert_reason or None,
        "advice": pain_advice(session.alert_reason, language),
    }
