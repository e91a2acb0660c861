"""GET /api/today/ writes its document with plain reads (``TodaySerializer.to_representation``)
instead of its declared fields, which describe it in the schema. The two must give the same
bytes on every shape of day: nothing yet, a plan due, done with a pain spike (and the
clinic's contact), a paused and an evening plan, the safety check answered with a "yes"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
import time_machine
from rest_framework import serializers

from backend.programs.models import Assignment
from backend.programs.screening import screening_answer
from backend.programs.services import assignment_pause
from backend.programs.today_serializers import TodaySerializer
from backend.rawjson import RawJSONRenderer
from exercises.safety_content import safety_content
from tests.factories import GLUTE_BRIDGE, assign_program, session_payload

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 24, 19, 30, tzinfo=UTC)  # a Tuesday evening, London = UTC


def _nothing_yet(cast: Any, as_user: Any) -> None:
    """A new patient: no plan, the safety check still due."""


def _a_plan_due(cast: Any, as_user: Any) -> None:
    assign_program(cast.phil, cast.pat, preferred_time=time(18, 0), notes="Slowly at first.")


def _done_with_a_pain_spike(cast: Any, as_user: Any) -> None:
    clinic = cast.pat.clinic
    clinic.phone, clinic.hours = "+44 20 7946 0000", "Mon-Fri 8:00-18:00"
    clinic.save()
    assignment = assign_program(cast.phil, cast.pat, items=[GLUTE_BRIDGE])
    body = session_payload(assignment, completed_at=NOW - timedelta(minutes=5), pain_after=8)
    assert as_user(cast.pat).post("/api/sessions/", body, format="json").status_code == 201


def _paused_and_evening_plans_and_a_yes(cast: Any, as_user: Any) -> None:
    paused = assign_program(cast.phil, cast.pat, name="Morning")
    assignment_pause(paused, today=date(2026, 11, 20))
    assign_program(cast.phil, cast.pat, name="Evening", preferred_time=time(20, 15))
    answers = {flag.code: False for flag in safety_content().red_flags}
    answers[next(iter(answers))] = True
    screening_answer(patient=cast.pat, answers=answers, now=NOW - timedelta(hours=2))


@pytest.mark.parametrize(
    "make_day",
    [_nothing_yet, _a_plan_due, _done_with_a_pain_spike, _paused_and_evening_plans_and_a_yes],
    ids=lambda make: make.__name__.strip("_"),
)
@pytest.mark.parametrize("language", ["en", "de"])
def test_today_writes_what_its_declared_fields_describe(
    cast: Any, as_user: Any, make_day: Callable[[Any, Any], None], language: str
) -> None:
    with time_machine.travel(NOW, tick=False):
        make_day(cast, as_user)
        answer = as_user(cast.pat).get("/api/today/", HTTP_ACCEPT_LANGUAGE=language)
        assert answer.status_code == 200

    # The view's own page and context (DRF keeps the serializer on the response's data).
    page, context = answer.data.serializer.instance, answer.data.serializer.context
    declared = TodaySerializer(page, context=context)
    by_fields = serializers.Serializer.to_representation(declared, page)
    plain = TodaySerializer(page, context=context).data
    renderer = RawJSONRenderer()
    assert renderer.render(plain) == renderer.render(by_fields)
    assert renderer.render(plain) == answer.content
    document = answer.json()
    assert (document["pain_alert"] is not None) == (make_day is _done_with_a_pain_spike)
    if make_day is _paused_and_evening_plans_and_a_yes:
        assert document["screening"]["blocked"] is True
        assert [a["preferred_time"] for a in document["assignments"]] == ["20:15"]
        assert Assignment.objects.filter(status="paused").count() == 1
