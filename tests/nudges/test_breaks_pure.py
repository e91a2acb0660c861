"""The pure micro-break rules (backend/nudges/breaks.py): kinds, rotation, pools, holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from backend.nudges.breaks import (
    MOVEMENT_KINDS,
    BreakItem,
    Hold,
    effective_pool,
    hold_for,
    movement_share_holds,
    nudge_kind,
    pick_exercise,
    release_at,
)

T = datetime(2026, 3, 30, 9, 0, tzinfo=UTC)
HALF_HOUR = timedelta(minutes=30)


def item(slug: str, every_nth: int = 1) -> BreakItem:
    return BreakItem(slug, 1, 10, None, every_nth)


@pytest.mark.parametrize("sit_stand", [False, True])
@pytest.mark.parametrize("has_tips", [False, True])
def test_three_of_any_four_nudges_are_movement_prompts(sit_stand: bool, has_tips: bool) -> None:
    kinds: list[str] = []
    standing = False
    for position in range(40):
        kind = nudge_kind(position, sit_stand=sit_stand, has_tips=has_tips, sit_due=False)
        kinds.append(kind)
        if standing:  # the sit prompt that follows a stand, between regular nudges
            kinds.append(nudge_kind(position, sit_stand=sit_stand, has_tips=has_tips, sit_due=True))
        standing = kind == "stand"
    assert movement_share_holds(kinds), kinds
    assert ("stand" in kinds) == sit_stand
    assert ("tip" in kinds) == (has_tips and not sit_stand)


def test_the_share_check_can_fail() -> None:
    assert not movement_share_holds(["move", "tip", "sit", "move"])
    assert movement_share_holds(["move", "stand", "sit", "move"])
    assert {"move", "stand"} == MOVEMENT_KINDS


def test_rotation_never_repeats_within_a_day_while_the_pool_allows() -> None:
    pool = [item(s) for s in ("a", "b", "c", "d", "e")]
    used: list[str] = []
    for position in range(5):
        chosen = pick_exercise(
            pool, position=position, used_today=used, last=used[-1] if used else ""
        )
        assert chosen is not None
        used.append(chosen.slug)
    assert sorted(used) == ["a", "b", "c", "d", "e"]
    # The pool is used up: still never the same twice in a row.
    sixth = pick_exercise(pool, position=5, used_today=used, last=used[-1])
    assert sixth is not None and sixth.slug != used[-1]


def test_a_pool_of_one_repeats_and_an_empty_pool_gives_nothing() -> None:
    only = [item("a")]
    assert pick_exercise(only, position=3, used_today=["a"], last="a") == only[0]
    assert pick_exercise([], position=0, used_today=[], last="") is None


def test_every_nth_item_takes_part_only_in_every_nth_nudge() -> None:
    pool = [item("often"), item("second", every_nth=2)]
    picks = []
    for position in range(8):
        chosen = pick_exercise(pool, position=position, used_today=[], last="")
        assert chosen is not None
        picks.append(chosen.slug)
    assert all(slug == "often" for i, slug in enumerate(picks) if i % 2)


def test_offsets_spread_patients_over_the_pool() -> None:
    pool = [item(s) for s in "abcd"]
    firsts = {
        pick_exercise(pool, position=0, used_today=[], last="", offset=o).slug  # type: ignore[union-attr]
        for o in range(4)
    }
    assert firsts == set("abcd")


def test_pool_prescribed_over_defaults_without_exclusions_or_conflicts() -> None:
    precautions = {
        "chin": frozenset(),
        "extension": frozenset({"extension-intolerance"}),
        "twist": frozenset(),
        "other": frozenset(),
    }
    defaults = [item("chin"), item("extension"), item("twist")]
    avoid = frozenset({"extension-intolerance"})
    pool = effective_pool(
        prescribed=[], defaults=defaults, excluded=["twist"], precautions=precautions, avoid=avoid
    )
    assert [i.slug for i in pool] == ["chin"]
    prescribed = [item("other"), item("extension"), item("other"), item("unknown")]
    pool = effective_pool(
        prescribed=prescribed, defaults=defaults, excluded=[], precautions=precautions, avoid=avoid
    )
    # A conflicting item never gets in, however it was stored; unknown ones neither.
    assert [i.slug for i in pool] == ["other"]


def test_busy_and_calendar_hold_until_the_end_and_release_five_minutes_later() -> None:
    meeting = (T, T + timedelta(hours=1))
    next_one = (T + timedelta(hours=1), T + timedelta(hours=1, minutes=30))  # back to back
    hold = hold_for(
        T + HALF_HOUR, busy_until=None, windows=[meeting, next_one], activity=[], interval=HALF_HOUR
    )
    assert hold == Hold("calendar", T + timedelta(hours=1, minutes=30))
    assert release_at(hold, busy_until=None, windows=[meeting, next_one]) == T + timedelta(
        hours=1, minutes=35
    )
    busy = hold_for(T, busy_until=T + HALF_HOUR, windows=[], activity=[], interval=HALF_HOUR)
    assert busy == Hold("busy", T + HALF_HOUR)
    # A meeting that starts right at the release moment moves it on.
    later = (T + timedelta(minutes=35), T + timedelta(minutes=50))
    assert release_at(busy, busy_until=T + HALF_HOUR, windows=[later]) == T + timedelta(minutes=55)
    assert (
        hold_for(
            T + timedelta(hours=2), busy_until=T, windows=[meeting], activity=[], interval=HALF_HOUR
        )
        is None
    )


def test_a_session_or_walk_within_one_interval_pushes_the_nudge_back() -> None:
    slot = T + HALF_HOUR
    session = [(T + timedelta(minutes=10), "session")]
    assert hold_for(
        slot, busy_until=None, windows=[], activity=session, interval=HALF_HOUR
    ) == Hold("session", slot + HALF_HOUR)
    walk = [(T - timedelta(minutes=5), "walk")]
    assert hold_for(slot, busy_until=None, windows=[], activity=walk, interval=HALF_HOUR) is None
