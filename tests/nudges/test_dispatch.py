"""The dispatcher with the real database (no worker): slots, grace, hours, cost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection

from backend.inbox.models import InboxMessage
from backend.nudges.dispatch import claim_due_plans, dispatch_due_nudges
from backend.nudges.models import Nudge, NudgePlan
from backend.nudges.services import plan_for, plan_update

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 11, 23, tzinfo=UTC)  # London = UTC in November


def at(hour: int, minute: int = 0, day: int = 0) -> datetime:
    return MONDAY + timedelta(days=day, hours=hour, minutes=minute)


@pytest.fixture
def pat_plan(cast: Any) -> NudgePlan:
    with time_machine.travel(at(8), tick=False):
        return plan_for(cast.pat)


def test_due_slot_becomes_a_nudge_with_an_inbox_row_and_the_plan_moves_on(
    pat_plan: NudgePlan,
) -> None:
    assert dispatch_due_nudges(now=at(9, 29)).sent == 0
    report = dispatch_due_nudges(now=at(9, 30))
    assert report.sent == 1
    nudge = Nudge.objects.get()
    assert nudge.slot == at(9, 30)
    assert InboxMessage.objects.get(nudge=nudge).kind == "nudge"
    assert NudgePlan.objects.get(pk=pat_plan.pk).next_due_at == at(10, 0)
    assert dispatch_due_nudges(now=at(9, 31)).sent == 0  # the same slot is never sent twice


def test_after_an_outage_missed_slots_are_skipped_not_sent_in_a_burst(
    pat_plan: NudgePlan,
) -> None:
    report = dispatch_due_nudges(now=at(11, 41))  # down since before 09:30
    assert report.sent == 0 and report.skipped == 1
    assert NudgePlan.objects.get(pk=pat_plan.pk).next_due_at == at(12, 0)
    assert dispatch_due_nudges(now=at(12, 5)).sent == 1  # within the grace period


def test_last_slot_of_friday_leads_to_monday(cast: Any) -> None:
    friday = 4
    with time_machine.travel(at(17, 5, day=friday), tick=False):
        plan = plan_for(cast.pat)
    assert plan.next_due_at == at(17, 30, day=friday)
    dispatch_due_nudges(now=at(17, 30, day=friday))
    assert NudgePlan.objects.get(pk=plan.pk).next_due_at == at(9, 30, day=7)


def test_a_time_zone_change_never_sends_outside_the_new_hours(pat_plan: NudgePlan) -> None:
    # Pat moves to Tokyo: 09:30 London is 18:30 in Tokyo, after work. The stored slot was
    # computed for London; the dispatcher checks it against the current settings.
    pat_plan.user.timezone = "Asia/Tokyo"
    pat_plan.user.save()
    report = dispatch_due_nudges(now=at(9, 30))
    assert report.sent == 0 and report.skipped == 1
    next_due = NudgePlan.objects.get(pk=pat_plan.pk).next_due_at
    assert next_due == datetime(2026, 11, 24, 0, 30, tzinfo=UTC)  # 09:30 Tokyo


def test_disabled_and_paused_plans_are_not_claimed(cast: Any, pat_plan: NudgePlan) -> None:
    with time_machine.travel(at(8), tick=False):
        plan_update(cast.pat, enabled=False)
        olive = plan_for(cast.olive)
        plan_update(cast.olive, paused_until=at(0, day=2))
    assert NudgePlan.objects.get(pk=pat_plan.pk).next_due_at is None
    assert NudgePlan.objects.get(pk=olive.pk).next_due_at == at(9, 30, day=2)
    assert claim_due_plans(at(12), 100) == []


def test_an_idle_tick_is_a_couple_of_index_lookups(
    pat_plan: NudgePlan, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(3):
        report = dispatch_due_nudges(now=at(9, 0))
    assert report.claimed == 0


@pytest.mark.parametrize("batch_size", [2, 4])
def test_a_tick_with_more_due_than_a_batch_asks_for_help_once(cast: Any, batch_size: int) -> None:
    """Three plans due: in batches of two the first batch is full (more may be due), so
    the tick asks for helpers, once and with its own moment; in batches of four it was
    not full and need not. Only on PostgreSQL, where SKIP LOCKED gives a helper other
    plans."""
    with time_machine.travel(at(8), tick=False):
        for person in (cast.pat, cast.olive, cast.hana):
            plan_for(person)
    asked: list[datetime] = []
    report = dispatch_due_nudges(now=at(9, 30), batch_size=batch_size, on_backlog=asked.append)
    assert report.sent == 3
    backlog = batch_size == 2 and connection.vendor == "postgresql"
    assert asked == ([at(9, 30)] if backlog else [])


def test_batches_claim_every_due_plan(cast: Any) -> None:
    with time_machine.travel(at(8), tick=False):
        for person in (cast.pat, cast.olive, cast.hana):
            plan_for(person)
    report = dispatch_due_nudges(now=at(9, 30), batch_size=2)
    assert report.sent == 3 and report.claimed == 3
