"""The SQL day arithmetic of weekly aggregates (``programs.day_numbers``) on the test
database (SQLite here, PostgreSQL in CI's second pass): the same numbers as Python's."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from django.db.models import F
from django.db.models.expressions import Combinable, CombinedExpression, Value
from django.db.models.functions import Mod

from backend.programs.day_numbers import EPOCH, BitOr, DayNumber, from_day_number
from backend.programs.models import Session
from backend.programs.services import session_log
from tests.factories import assign_program, session_data

pytestmark = pytest.mark.django_db

DAYS = [date(1999, 12, 31), date(2024, 2, 29), date(2026, 11, 23), date(2026, 11, 29)]


def test_day_numbers_are_days_since_a_monday(cast: Any, library: Any) -> None:
    assert EPOCH.isoweekday() == 1
    assignment = assign_program(cast.phil, cast.pat, start=date(1999, 12, 27))
    for day in DAYS:
        done = datetime.combine(day, time(12), tzinfo=UTC)
        session_log(patient=cast.pat, data=session_data(assignment, completed_at=done), now=done)
    numbers = dict(
        Session.objects.annotate(n=DayNumber("local_date")).values_list("local_date", "n")
    )
    assert numbers == {day: (day - EPOCH).days for day in DAYS}
    assert {from_day_number(n) for n in numbers.values()} == set(DAYS)


def test_bit_or_of_a_week_is_its_weekday_mask(cast: Any, library: Any) -> None:
    assignment = assign_program(cast.phil, cast.pat, start=date(2026, 11, 2))
    # Monday twice, Wednesday, Sunday of the week of 23 November; a Tuesday the week before.
    for day in (23, 23, 25, 29, 17):
        done = datetime.combine(date(2026, 11, day), time(9 if day != 23 else 8), tzinfo=UTC)
        data = session_data(assignment, completed_at=done)
        session_log(patient=cast.pat, data=data, now=done)
    bit = CombinedExpression(Value(1), Combinable.BITLEFTSHIFT, Mod("n", 7))
    rows = (
        Session.objects.annotate(n=DayNumber("local_date"))
        .values(week=F("n") - Mod("n", 7))
        .annotate(days=BitOr(bit))
        .values_list("week", "days")
    )
    assert {from_day_number(w): d for w, d in rows} == {
        date(2026, 11, 23): 0b1000101,  # Monday, Wednesday, Sunday
        date(2026, 11, 16): 0b10,  # Tuesday
    }
