"""The dispatcher's fast path (``decide.is_plain`` + ``decide_plain``) against the general
``decide``: the same decision and the same plan state, for generated slots and for
plans the dispatcher claims from the database with their batch context."""

from __future__ import annotations

import copy
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.nudges.batch import BatchContext
from backend.nudges.breaks import BreakItem
from backend.nudges.claim import claim_due_plans
from backend.nudges.content import ContentPool
from backend.nudges.decide import (
    Decision,
    Rotation,
    SlotContext,
    SlotState,
    decide,
    decide_plain,
    is_plain,
)
from backend.nudges.dispatch import _decide_fresh, _slot_context, _Tick
from backend.nudges.models import Break, BusyWindow, NudgePlan
from backend.nudges.schedule import NudgeWindow, plan_next_due
from backend.nudges.services import plan_for

SLOT = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # a Monday
SLUGS = ["a", "b", "c", "d", "e"]
TIPS = ["tip:posture", "tip:screen"]
MOVING = ["tip:walk"]
WINDOW = NudgeWindow(
    tz=ZoneInfo("Europe/London"),
    interval=timedelta(minutes=30),
    work_days=frozenset({1, 2, 3, 4, 5}),
    work_start=datetime(2026, 1, 1, 9).time(),
    work_end=datetime(2026, 1, 1, 17).time(),
)

minutes = st.integers(min_value=-180, max_value=180).map(lambda m: SLOT + timedelta(minutes=m))
items = st.builds(
    BreakItem,
    st.sampled_from(SLUGS),
    st.none() | st.integers(1, 3),
    st.none() | st.integers(1, 12),
    st.none() | st.integers(5, 30),
    st.integers(1, 3),
)
states = st.builds(
    SlotState,
    cursor=st.integers(0, 40),
    last=st.sampled_from(["", "exercise:a", "exercise:c", "tip:posture", "stand", "sit"]),
    day=st.sampled_from([None, date(2026, 11, 22), date(2026, 11, 23)]),
    today=st.lists(st.sampled_from(SLUGS), max_size=5),
    anchor_at=st.none() | minutes,
    busy_until=st.none() | minutes,
    standing_until=st.none() | minutes,
    held_until=st.none() | minutes,
)
windows = st.lists(st.tuples(minutes, minutes).filter(lambda w: w[0] < w[1]), max_size=3)
activity = st.lists(st.tuples(minutes, st.sampled_from(["session", "walk"])), max_size=3)


class _Plan:
    """The schedule fields ``plan_next_due`` reads, for the general path's next_regular."""

    enabled = True
    paused_until = None
    snoozed_until = None

    def __init__(self, anchor_at: datetime | None) -> None:
        self.anchor_at = anchor_at


def _context(
    pool: list[BreakItem],
    tips: list[str],
    busy: list[tuple[datetime, datetime]],
    moved: list[tuple[datetime, str]],
    *,
    sit_stand: bool,
    offset: int,
) -> SlotContext:
    def next_regular(after: datetime, anchor: datetime | None) -> datetime | None:
        return plan_next_due(_Plan(anchor), WINDOW, after)

    return SlotContext(
        tz=WINDOW.tz,
        interval=WINDOW.interval,
        pool=pool,
        tips=tips,
        moving_tips=MOVING,
        windows=busy,
        activity=moved,
        sit_stand=sit_stand,
        stand_minutes=20,
        offset=offset,
        next_regular=next_regular,
        allowed=lambda instant: True,
    )


@settings(max_examples=400, deadline=None)
@given(
    state=states,
    pool=st.lists(items, max_size=5),
    tips=st.sampled_from([[], TIPS]),
    busy=windows,
    moved=activity,
    sit_stand=st.booleans(),
    offset=st.integers(1, 10_000),
)
def test_the_fast_path_decides_as_decide_does(
    state: SlotState,
    pool: list[BreakItem],
    tips: list[str],
    busy: list[tuple[datetime, datetime]],
    moved: list[tuple[datetime, str]],
    sit_stand: bool,
    offset: int,
) -> None:
    ctx = _context(pool, tips, busy, moved, sit_stand=sit_stand, offset=offset)
    plain = is_plain(
        SLOT, state, windows=busy, activity=moved, interval=WINDOW.interval, sit_stand=sit_stand
    )
    general_state = copy.deepcopy(state)
    general = decide(SLOT, general_state, ctx)
    if not plain:
        return
    fast_state = copy.deepcopy(state)
    next_due = plan_next_due(_Plan(state.anchor_at), WINDOW, SLOT)
    fast = decide_plain(
        SLOT,
        SLOT.astimezone(WINDOW.tz).date(),
        fast_state,
        Rotation(pool, tips, MOVING, offset),
        next_due,
    )
    assert fast == general
    assert asdict(fast_state) == asdict(general_state)


def test_a_slot_with_anything_to_hold_or_release_is_not_plain() -> None:
    state = SlotState(0, "", None, [], None, None, None, None)
    kwargs: dict[str, Any] = {"interval": WINDOW.interval, "sit_stand": False}
    assert is_plain(SLOT, state, windows=[], activity=[], **kwargs)
    later = [(SLOT + timedelta(hours=1), SLOT + timedelta(hours=2))]
    assert is_plain(SLOT, state, windows=later, activity=[], **kwargs)  # not covering the slot
    covering = [(SLOT - timedelta(minutes=5), SLOT + timedelta(minutes=5))]
    assert not is_plain(SLOT, state, windows=covering, activity=[], **kwargs)
    walked = [(SLOT - timedelta(minutes=10), "walk")]
    assert not is_plain(SLOT, state, windows=[], activity=walked, **kwargs)
    busy = SlotState(0, "", None, [], None, SLOT + timedelta(minutes=1), None, None)
    assert not is_plain(SLOT, busy, windows=[], activity=[], **kwargs)
    released = SlotState(0, "", None, [], None, None, None, SLOT)
    assert not is_plain(SLOT, released, windows=[], activity=[], **kwargs)
    assert not is_plain(SLOT, state, windows=[], activity=[], interval=WINDOW.interval,
                        sit_stand=True)  # fmt: skip


MONDAY = datetime(2026, 11, 23, tzinfo=UTC)


@pytest.mark.django_db
def test_claimed_plans_get_the_same_decision_on_either_path(cast: Any, library: None) -> None:
    """Real plans with their batch context from the database: rotation positions, a
    day's list, a busy window later on, a walk long ago, one an hour ago."""
    people = [cast.pat, cast.olive, cast.hana]
    with time_machine.travel(MONDAY + timedelta(hours=8), tick=False):
        plans = [plan_for(person) for person in people]
    for n, row in enumerate(plans):
        NudgePlan.objects.filter(pk=row.pk).update(
            content_cursor=n * 3 + 1,
            last_content="exercise:chin-tuck" if n else "",
            content_today=["chin-tuck"] if n == 1 else [],
        )
    slot = plans[0].next_due_at
    assert slot is not None
    BusyWindow.objects.create(
        user=cast.olive, start=slot + timedelta(hours=2), end=slot + timedelta(hours=3)
    )
    Break.objects.create(user=cast.hana, taken_at=slot - timedelta(minutes=100), kind="walk")
    pool = ContentPool.load()
    tick = _Tick(slot, pool)
    decided: list[tuple[Decision, Decision]] = []
    with transaction.atomic():
        claimed = claim_due_plans(slot, 10)
        context = BatchContext.load([p.user_id for p in claimed], pool, now=slot, grace=tick.grace)
        assert context.windows and context.activity  # the context is not empty
        for plan in claimed:
            hours = tick.schedules.for_plan(plan)
            states = [
                SlotState(
                    plan.content_cursor,
                    plan.last_content,
                    plan.content_day,
                    list(plan.content_today),
                    plan.anchor_at,
                    plan.busy_until,
                    plan.standing_until,
                    plan.held_until,
                )
                for _ in range(2)
            ]
            assert is_plain(
                slot,
                states[0],
                windows=context.windows.get(plan.user_id, ()),
                activity=context.activity.get(plan.user_id, ()),
                interval=hours.window.interval,
                sit_stand=plan.sit_stand_enabled,
            )
            general_plan = copy.copy(plan)
            general = decide(slot, states[1], _slot_context(general_plan, hours, context, tick))
            fast = _decide_fresh(plan, states[0], hours, context, tick)
            assert asdict(states[0]) == asdict(states[1])
            decided.append((fast, general))
    assert len(decided) == 3
    for fast, general in decided:
        assert fast == general and fast.send
