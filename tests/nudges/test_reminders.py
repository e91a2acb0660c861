"""Routine reminders: at the preferred local time on program days, only while the day's
session is not logged; one follow-up; idempotent."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from backend.inbox.models import InboxMessage
from backend.inbox.services import push_subscribe
from backend.nudges.models import ReminderSent
from backend.nudges.reminders import send_due_reminders
from backend.nudges.services import plan_for, plan_update
from backend.programs.models import (
    Assignment,
    AssignmentPause,
)
from backend.programs.services import session_log
from tests.factories import assign_program, session_data

pytestmark = pytest.mark.django_db

# Pat lives in Berlin (UTC+1 in November); she prefers 18:00, Mon/Wed/Fri.
MONDAY = date(2026, 11, 23)


def utc(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


@pytest.fixture
def assignment(cast: Any) -> Assignment:
    cast.pat.timezone = "Europe/Berlin"
    cast.pat.save()
    return assign_program(
        cast.phil,
        cast.pat,
        start=MONDAY - timedelta(days=7),
        days=[1, 3, 5],
        preferred_time=time(18, 0),
    )


def _log_session(assignment: Assignment, started: datetime) -> None:
    """The patient logs the day's session (through the service, as the API does)."""
    done = started + timedelta(minutes=20)
    data = session_data(assignment, completed_at=done, pain_before=3, items=[])
    session_log(patient=assignment.patient, data=data, now=done)


def _reminders(user: Any) -> list[str]:
    return list(
        InboxMessage.objects.filter(user=user, kind="reminder")
        .order_by("created_at")
        .values_list("title", flat=True)
    )


def test_reminder_at_the_preferred_local_time_then_one_follow_up(assignment: Assignment) -> None:
    assert send_due_reminders(now=utc(MONDAY, 16, 59)) == 0  # 17:59 in Berlin
    assert send_due_reminders(now=utc(MONDAY, 17, 0)) == 1
    assert send_due_reminders(now=utc(MONDAY, 17, 1)) == 0  # idempotent
    assert send_due_reminders(now=utc(MONDAY, 19, 59)) == 0
    assert send_due_reminders(now=utc(MONDAY, 20, 0)) == 1  # 21:00 local: the last moment
    assert send_due_reminders(now=utc(MONDAY, 20, 30)) == 0
    assert _reminders(assignment.patient) == [
        "Time for your exercises",
        "Still time for today's exercises",
    ]
    assert set(ReminderSent.objects.values_list("kind", flat=True)) == {"routine", "follow_up"}


def test_no_follow_up_after_nine_in_the_evening(assignment: Assignment) -> None:
    assignment.preferred_time = time(19, 0)
    assignment.save()
    send_due_reminders(now=utc(MONDAY, 18, 0))
    send_due_reminders(now=utc(MONDAY, 21, 0))  # 22:00 local
    assert _reminders(assignment.patient) == ["Time for your exercises"]


def test_nothing_on_days_off_paused_days_or_when_the_session_is_logged(
    assignment: Assignment,
) -> None:
    tuesday = MONDAY + timedelta(days=1)
    assert send_due_reminders(now=utc(tuesday, 17, 0)) == 0  # not a program day
    # A pause already over (the service can only start one today): its row, and the flag
    # ``assignment_pause`` sets with it.
    AssignmentPause.objects.create(
        assignment=assignment, paused_on=MONDAY, resumed_on=tuesday + timedelta(days=1)
    )
    Assignment.objects.filter(pk=assignment.pk).update(was_paused=True)
    assert send_due_reminders(now=utc(MONDAY, 17, 0)) == 0  # paused
    wednesday = MONDAY + timedelta(days=2)
    _log_session(assignment, utc(wednesday, 7))
    assert send_due_reminders(now=utc(wednesday, 17, 0)) == 0  # done already
    friday = MONDAY + timedelta(days=4)
    assert send_due_reminders(now=utc(friday, 17, 0)) == 1


def test_follow_up_skipped_when_the_session_is_logged_in_between(assignment: Assignment) -> None:
    send_due_reminders(now=utc(MONDAY, 17, 0))
    _log_session(assignment, utc(MONDAY, 18))
    assert send_due_reminders(now=utc(MONDAY, 20, 0)) == 0


def test_patient_can_turn_off_the_follow_up_or_all_reminders(assignment: Assignment) -> None:
    plan_update(assignment.patient, reminder_follow_up=False)
    send_due_reminders(now=utc(MONDAY, 17, 0))
    send_due_reminders(now=utc(MONDAY, 20, 0))
    assert len(_reminders(assignment.patient)) == 1
    plan_update(assignment.patient, reminders_enabled=False)
    assert send_due_reminders(now=utc(MONDAY + timedelta(days=2), 17, 0)) == 0


def test_ended_or_not_started_assignments_are_quiet(assignment: Assignment) -> None:
    assignment.end_date = MONDAY - timedelta(days=1)
    assignment.save()
    assert send_due_reminders(now=utc(MONDAY, 17, 0)) == 0
    assignment.end_date = None
    assignment.start_date = MONDAY + timedelta(days=1)
    assignment.save()
    assert send_due_reminders(now=utc(MONDAY, 17, 0)) == 0


def test_reminder_is_queued_for_push_when_the_patient_has_a_device(
    assignment: Assignment, device_factory: Any
) -> None:
    device = device_factory()
    plan_for(assignment.patient)
    push_subscribe(
        assignment.patient, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth
    )
    send_due_reminders(now=utc(MONDAY, 17, 0))
    message = InboxMessage.objects.get(kind="reminder")
    assert message.push_enqueued_at is not None and message.url == "/today"


def test_a_tick_costs_what_is_due_not_what_exists(
    cast: Any, assignment: Assignment, django_assert_max_num_queries: Any
) -> None:
    """Reminders already sent, or not due yet, cost nothing at the next tick: the job
    reads only assignments whose moment has come (``next_reminder_at``, indexed)."""
    from backend.accounts.models import CareLink
    from tests.factories import UserFactory

    for i in range(12):
        other: Any = UserFactory(
            email=f"other{i}@example.com", timezone="Europe/Berlin", clinic=cast.phil.clinic
        )
        CareLink.objects.create(physio=cast.phil, patient=other)
        assign_program(
            cast.phil, other, start=MONDAY - timedelta(days=7), preferred_time=time(18, 0)
        )
    assert send_due_reminders(now=utc(MONDAY, 17, 0)) == 13
    with django_assert_max_num_queries(3):  # the claim finds nothing; no per-row work
        assert send_due_reminders(now=utc(MONDAY, 17, 5)) == 0
    with django_assert_max_num_queries(3):
        assert send_due_reminders(now=utc(MONDAY, 19, 0)) == 0
    # The next moment is the follow-up, three hours later, for each of them.
    assert Assignment.objects.filter(next_reminder_at=utc(MONDAY, 20, 0)).count() == 13
    assert send_due_reminders(now=utc(MONDAY, 20, 0)) == 13


def test_turning_reminders_back_on_or_resuming_brings_them_back(
    assignment: Assignment,
) -> None:
    from backend.programs.services import assignment_pause, assignment_resume

    plan_update(assignment.patient, reminders_enabled=False)
    assert send_due_reminders(now=utc(MONDAY, 17, 0)) == 0
    assignment.refresh_from_db()
    assert assignment.next_reminder_at is None
    plan_update(assignment.patient, reminders_enabled=True)
    assert send_due_reminders(now=utc(MONDAY, 17, 10)) == 1
    wednesday = MONDAY + timedelta(days=2)
    assignment_pause(assignment, today=MONDAY)
    assert send_due_reminders(now=utc(wednesday, 17, 0)) == 0
    assignment_resume(assignment, today=wednesday)
    assert send_due_reminders(now=utc(wednesday, 17, 1)) == 1
