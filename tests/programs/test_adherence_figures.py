"""The adherence the product shows is the pure function's: the caseload's 7- and 28-day
figures, its sort key (``CaseloadSummary``) and Today's 7-day figure all come from
``adherence.adherence_between`` over the assignments' ``program_days()``. The fixture is
built so that each rule changes the figure if a reader got it wrong: a session the day
before the start, on a weekend of a weekdays-only program, on a paused day; today not yet
done; two programs summed by prescribed days, not averaged."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
import time_machine

from backend.programs import adherence, caseload, selectors, services
from backend.programs.models import Assignment, CaseloadSummary
from backend.programs.services import session_log
from tests.factories import assign_program, session_data

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)  # Wednesday 25 November, London = UTC
TODAY = date(2026, 11, 25)


def nov(day: int) -> date:
    return date(2026, 11, day)


def _log(patient: Any, assignment: Assignment, day: date) -> None:
    done = datetime.combine(day, time(12, 0), tzinfo=UTC)
    session_log(
        patient=patient,
        data=session_data(assignment, completed_at=done),
        now=NOW,
    )


@pytest.fixture
def two_programs(cast: Any, library: Any) -> tuple[Assignment, Assignment]:
    pat = cast.pat
    pat.timezone = "Europe/London"
    pat.save(update_fields=["timezone"])
    # Monday to Friday from Friday 20 November, paused on Monday 23 (resumed Tuesday 24).
    weekdays = assign_program(cast.phil, pat, start=nov(20), days=[1, 2, 3, 4, 5])
    # Every day from 1 November.
    daily = assign_program(cast.phil, pat, start=nov(1), name="Daily")
    with time_machine.travel(NOW, tick=False):
        for day in (nov(19), nov(20), nov(21), nov(22), nov(23)):  # not Tuesday 24
            _log(pat, weekdays, day)
        for day in (nov(23), nov(24)):
            _log(pat, daily, day)
        services.assignment_pause(weekdays, today=nov(23))
        services.assignment_resume(weekdays, today=nov(24))
    return weekdays, daily


# By hand. Last 7 days = Thu 19 .. Wed 25; Wednesday is today and not done, so it is left
# out. Weekdays program: Fri 20 (done) and Tue 24 (missed); Thu 19 is before its start,
# Sat 21 and Sun 22 are no weekdays, Mon 23 is paused: sessions then do not count.
# Daily: Thu 19 .. Tue 24 = 6 days, 23 and 24 done. Together 1 + 2 of 2 + 6.
ADHERENCE_7D = 3 / 8
# Last 28 days = Thu 29 Oct .. Wed 25 Nov: daily 1 .. 24 Nov (24 days, 2 done) + the 2 above.
ADHERENCE_28D = 3 / 26


@time_machine.travel(NOW, tick=False)
def test_the_caseload_shows_the_pure_functions_figures(
    cast: Any, two_programs: tuple[Assignment, Assignment]
) -> None:
    (row,) = caseload.caseload_for(cast.phil, only=cast.pat.pk)
    assert row["adherence_7d"] == ADHERENCE_7D
    assert row["adherence_28d"] == ADHERENCE_28D
    assert CaseloadSummary.objects.get(patient=cast.pat).adherence_7d == pytest.approx(ADHERENCE_7D)
    # And the pure function, fed the assignments' own days, says the same.
    assignments = Assignment.objects.filter(patient=cast.pat).prefetch_related("pauses")
    done = {
        two_programs[0].pk: {nov(19), nov(20), nov(21), nov(22), nov(23)},
        two_programs[1].pk: {nov(23), nov(24)},
    }
    pairs = [(a.program_days(), done[a.pk]) for a in assignments]
    assert adherence.adherence_between(pairs, TODAY - timedelta(days=6), TODAY) == ADHERENCE_7D


@time_machine.travel(NOW, tick=False)
def test_today_shows_the_same_figure_and_what_is_due(
    cast: Any, two_programs: tuple[Assignment, Assignment]
) -> None:
    weekdays, daily = two_programs
    day = selectors.today_for(cast.pat, "en")
    assert day.progress["adherence_7d"] == ADHERENCE_7D
    assert {e.assignment.pk: e.due for e in day.assignments} == {weekdays.pk: True, daily.pk: True}
    # Seen on the paused Monday, the weekdays program was not due; on Saturday neither.
    for seen, due in ((nov(23), False), (nov(21), False), (nov(20), True), (nov(19), False)):
        assert weekdays.is_program_day(seen) is due, seen
        assert daily.is_program_day(seen)
    assert weekdays.scheduled_days(TODAY) == [nov(20), nov(24), nov(25)]
    assert weekdays.scheduled_days(TODAY, since=nov(22)) == [nov(24), nov(25)]
