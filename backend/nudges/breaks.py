"""Micro-break choice and busy-time holds: pure functions (no Django, no I/O).

The dispatcher (``dispatch.py``) and the preview (``selectors.py``) both call these, so
what the preview shows is what the dispatcher will do.

* ``effective_pool``: the micro-breaks a patient's nudges rotate through: the physio's
  prescribed items, else the defaults; never an excluded one, never one whose
  precautions conflict with the patient's recorded precautions.
* ``nudge_kind``: move, tip, stand or sit for the n-th nudge. At least three of any four
  consecutive nudges are movement prompts ("move" or "stand").
* ``pick_exercise``: rotation with no repeat within a local day while the pool allows.
* ``hold_for`` / ``release_at``: a nudge during busy time (one-tap busy, a calendar event)
  is held and the first one goes out ``RELEASE_DELAY`` after the busy time ends; a nudge
  due within one interval after a logged session or a confirmed walk is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

MOVE, TIP, STAND, SIT = "move", "tip", "stand", "sit"
MOVEMENT_KINDS = frozenset({MOVE, STAND})
RELEASE_DELAY = timedelta(minutes=5)
# Chained busy windows (back-to-back meetings) are followed at most this far.
_MAX_CHAIN = 50


@dataclass(frozen=True)
class BreakItem:
    """One micro-break of a pool with its dose."""

    slug: str
    sets: int | None
    reps: int | None
    hold_seconds: int | None
    every_nth: int = 1


def conflict_codes(exercise_codes: Iterable[str], patient_codes: Iterable[str]) -> frozenset[str]:
    """The patient's recorded precautions that the exercise carries (empty: no conflict)."""
    return frozenset(exercise_codes) & frozenset(patient_codes)


def effective_pool(
    *,
    prescribed: Sequence[BreakItem],
    defaults: Sequence[BreakItem],
    excluded: Iterable[str],
    precautions: dict[str, frozenset[str]],
    avoid: frozenset[str],
) -> list[BreakItem]:
    """The prescribed items if any, else the defaults; minus exclusions and conflicts
    (``precautions``: slug -> codes it carries; ``avoid``: the patient's codes). An item
    with unknown precautions (not in ``precautions``) is left out: never guess it safe."""
    out = set(excluded)
    chosen = prescribed if prescribed else defaults
    pool: list[BreakItem] = []
    seen: set[str] = set()
    for item in chosen:
        if item.slug in out or item.slug in seen or item.slug not in precautions:
            continue
        if conflict_codes(precautions[item.slug], avoid):
            continue
        seen.add(item.slug)
        pool.append(item)
    return pool


def nudge_kind(position: int, *, sit_stand: bool, has_tips: bool, sit_due: bool) -> str:
    """What the nudge at ``position`` (the plan's count of regular nudges) is.

    Regular nudges cycle in fours. Without sit/stand: move, move, move, tip (a tip only
    when there are tips to send). With sit/stand: move, stand, move, move, and the
    "sit" prompt that follows each "stand" (``sit_due``) stands in for the tip, so no
    tips are sent then. Either way any four nudges in a row hold at most one that is
    not a movement prompt.
    """
    if sit_due:
        return SIT
    step = position % 4
    if sit_stand:
        return STAND if step == 1 else MOVE
    return TIP if step == 3 and has_tips else MOVE


def movement_share_holds(kinds: Sequence[str]) -> bool:
    """At least three of every four consecutive nudges are movement prompts."""
    return all(
        sum(kind in MOVEMENT_KINDS for kind in kinds[i : i + 4]) >= 3
        for i in range(max(0, len(kinds) - 3))
    )


def pick_exercise(
    pool: Sequence[BreakItem],
    *,
    position: int,
    used_today: Sequence[str],
    last: str,
    offset: int = 0,
) -> BreakItem | None:
    """The next micro-break from ``pool`` for the move nudge at ``position``.

    Items with ``every_nth = n`` take part only in every n-th nudge (position % n == 0);
    when none take part, all do. Rotation starts at ``position`` in the pool; the first
    item not yet suggested today wins (``offset``, the patient's id, spreads patients over
    the pool); when all were, the first that is not the last one
    suggested; a pool of one repeats."""
    if not pool:
        return None
    taking_part = [item for item in pool if position % max(1, item.every_nth) == 0] or list(pool)
    size = len(taking_part)
    start = (position + offset) % size
    ordered = [taking_part[(start + step) % size] for step in range(size)]
    used = set(used_today)
    for item in ordered:
        if item.slug not in used:
            return item
    for item in ordered:
        if item.slug != last:
            return item
    return ordered[0]


@dataclass(frozen=True)
class Hold:
    reason: str  # "busy", "calendar", "session" or "walk"
    until: datetime


def _window_at(instant: datetime, windows: Sequence[tuple[datetime, datetime]]) -> datetime | None:
    """The end of the busy time around ``instant``, following windows that overlap or
    touch (back-to-back meetings are one busy stretch)."""
    end: datetime | None = None
    probe = instant
    for _ in range(_MAX_CHAIN):
        later = [e for s, e in windows if s <= probe < e]
        if not later:
            break
        end = max(later)
        probe = end
    return end


def hold_for(
    slot: datetime,
    *,
    busy_until: datetime | None,
    windows: Sequence[tuple[datetime, datetime]],
    activity: Sequence[tuple[datetime, str]],
    interval: timedelta,
) -> Hold | None:
    """Why the nudge at ``slot`` is held, if it is. ``windows``: calendar busy times;
    ``activity``: (when, "session" | "walk") the patient moved on their own."""
    if busy_until is not None and slot < busy_until:
        return Hold("busy", busy_until)
    end = _window_at(slot, windows)
    if end is not None:
        return Hold("calendar", end)
    recent = [(at, why) for at, why in activity if slot - interval < at <= slot]
    if recent:
        _, why = max(recent)
        return Hold(why, slot + interval)
    return None


def release_at(
    hold: Hold, *, busy_until: datetime | None, windows: Sequence[tuple[datetime, datetime]]
) -> datetime:
    """When the first nudge after busy time goes out: ``RELEASE_DELAY`` after it ends,
    and later if that moment is itself busy (a meeting right after)."""
    release = hold.until + RELEASE_DELAY
    for _ in range(_MAX_CHAIN):
        if busy_until is not None and release < busy_until:
            release = busy_until + RELEASE_DELAY
            continue
        end = _window_at(release, windows)
        if end is None:
            break
        release = end + RELEASE_DELAY
    return release
