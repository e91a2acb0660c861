"""The handout PDF and the private calendar feed, read back with pypdf and icalendar."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import icalendar
import pytest
from django.conf import settings
from pypdf import PdfReader

from backend.accounts.models import AuditEvent
from backend.programs.services import assignment_create, assignment_pause, program_create

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # a Tuesday


@pytest.fixture
def assignment(cast: Any, library: None) -> Any:
    program = program_create(
        actor=cast.phil,
        name="Strong back, weeks 1-4",
        items=[
            {"exercise": "pelvic-tilt", "sets": 2, "reps": 10, "rest_seconds": 30},
            {"exercise": "bird-dog", "sets": 3, "reps": 8, "per_side": True, "notes": "Slowly."},
        ],
    )
    return assignment_create(
        actor=cast.phil,
        program=program,
        patient_id=cast.pat.pk,
        start_date=date(2026, 9, 1),
        end_date=None,
        days_of_week=[1, 3, 5],
        preferred_time=time(18, 0),
        notes="Heat pack before, if it helps.",
    )


def handout_text(as_user: Any, user: Any, assignment: Any) -> str:
    response = as_user(user).get(f"/api/assignments/{assignment.pk}/handout.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_handout_prints_the_program_and_its_safety_advice(
    cast: Any, as_user: Any, assignment: Any
) -> None:
    text = handout_text(as_user, cast.pat, assignment)
    for expected in (
        "Strong back, weeks 1-4",
        "version 1",
        "Riverside",
        "Pat Patient",
        "Pelvic tilt",
        "Bird dog",
        "Monday, Wednesday and Friday, at 18:00 (Europe/London time)",
        "From 1 September 2026 (no end date set)",
        "3 sets of 8 repetitions, on each side",
        "Heat pack before, if it helps.",
        "Lie on your back on a mat with your knees bent and your feet flat.",  # a step
        "Stop and tell your clinician if pain, numbness or tingling goes down a leg.",  # safety
        "When to get help Get urgent medical care now",  # the footer, from safety.yaml
    ):
        assert expected in text, expected


def test_the_handout_prints_the_programs_notes_and_the_assignments_notes(
    cast: Any, as_user: Any, library: None
) -> None:
    program = program_create(
        actor=cast.phil,
        name="Holds",
        notes="Breathe out as you brace.",
        items=[{"exercise": "bird-dog", "sets": 2, "hold_seconds": 5, "rest_seconds": 10}],
    )
    assignment = assignment_create(
        actor=cast.phil,
        program=program,
        patient_id=cast.pat.pk,
        start_date=date(2026, 9, 1),
        end_date=None,
        days_of_week=[1],
        notes="Heat pack before, if it helps.",
    )
    text = handout_text(as_user, cast.pat, assignment)
    assert "Notes from your clinician" in text
    assert "Breathe out as you brace." in text
    assert "Heat pack before, if it helps." in text
    assert "hold for 5 seconds, twice" in text
    assert "sets of hold" not in text


def test_the_handout_is_readable_by_the_physio_too_and_logged(
    cast: Any, as_user: Any, assignment: Any
) -> None:
    handout_text(as_user, cast.pat, assignment)
    assert not AuditEvent.objects.exists()  # a patient reading their own is not logged
    assert "Bird dog" in handout_text(as_user, cast.phil, assignment)
    event = AuditEvent.objects.get()
    assert (event.actor, event.patient, event.action) == (cast.phil, cast.pat, "patient.handout")


# -- the calendar feed -----------------------------------------------------------------------


def feed_path(url: str) -> str:
    assert url.startswith(settings.SITE_URL + "/api/calendar/")
    return url.removeprefix(settings.SITE_URL)


def new_feed(as_user: Any, user: Any, assignment: Any) -> str:
    response = as_user(user).post(f"/api/assignments/{assignment.pk}/calendar/")
    assert response.status_code == 201
    assert response.json()["webcal_url"].startswith("webcal://")
    return feed_path(response.json()["url"])


def events_of(as_user: Any, path: str) -> list[Any]:
    response = as_user(None).get(path, HTTP_ACCEPT="text/calendar")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_the_feed_has_one_event_per_program_day_at_the_preferred_time(
    cast: Any, as_user: Any, assignment: Any, time_machine: Any
) -> None:
    time_machine.move_to(NOW, tick=False)
    events = events_of(as_user, new_feed(as_user, cast.pat, assignment))
    starts = [event.decoded("DTSTART") for event in events]
    # 14 weeks (2 back, 12 ahead) x Monday, Wednesday and Friday.
    assert len(events) == 14 * 3
    assert {start.isoweekday() for start in starts} == {1, 3, 5}
    assert min(starts).date() == date(2026, 11, 11)  # first program day in the last 14 days
    assert max(starts).date() == date(2027, 2, 15)  # last one before 12 weeks from today
    assert {event["DTSTART"].params["TZID"] for event in events} == {"Europe/London"}
    assert {start.time() for start in starts} == {time(18, 0)}
    assert {event.decoded("DURATION") for event in events} == {timedelta(minutes=30)}
    assert {str(event["SUMMARY"]) for event in events} == {"Strong back, weeks 1-4"}
    uid = f"assignment-{assignment.pk}-2026-11-25@upright"
    assert uid in {str(event["UID"]) for event in events}


def test_timed_events_follow_the_patients_daylight_saving(
    cast: Any, as_user: Any, assignment: Any, time_machine: Any
) -> None:
    time_machine.move_to(datetime(2027, 3, 22, 12, 0, tzinfo=UTC), tick=False)
    events = events_of(as_user, new_feed(as_user, cast.pat, assignment))
    by_day = {event.decoded("DTSTART").date(): event.decoded("DTSTART") for event in events}
    # 18:00 in London is 18:00 UTC before the clocks go forward on 28 March, 17:00 after.
    assert by_day[date(2027, 3, 26)].astimezone(UTC).hour == 18
    assert by_day[date(2027, 3, 29)].astimezone(UTC).hour == 17


def test_without_a_preferred_time_the_events_last_all_day(
    cast: Any, as_user: Any, assignment: Any, time_machine: Any
) -> None:
    time_machine.move_to(NOW, tick=False)
    assignment.preferred_time = None
    assignment.save()
    events = events_of(as_user, new_feed(as_user, cast.pat, assignment))
    assert len(events) == 42
    assert all(type(event.decoded("DTSTART")) is date for event in events)


def test_a_pause_takes_the_days_after_it_off_the_feed(
    cast: Any, as_user: Any, assignment: Any, time_machine: Any
) -> None:
    time_machine.move_to(NOW, tick=False)
    assignment_pause(assignment, today=date(2026, 11, 24))
    events = events_of(as_user, new_feed(as_user, cast.pat, assignment))
    days = sorted(event.decoded("DTSTART").date() for event in events)
    assert days == [date(2026, 11, d) for d in (11, 13, 16, 18, 20, 23)]


def test_a_new_feed_or_a_revoke_makes_the_old_url_404(
    cast: Any, as_user: Any, assignment: Any
) -> None:
    first = new_feed(as_user, cast.pat, assignment)
    second = new_feed(as_user, cast.phil, assignment)
    assert first != second
    assert as_user(None).get(first, HTTP_ACCEPT="text/calendar").status_code == 404
    assert as_user(None).get(second).status_code == 200
    response = as_user(cast.pat).delete(f"/api/assignments/{assignment.pk}/calendar/")
    assert response.status_code == 204
    assert as_user(None).get(second).status_code == 404
    assert as_user(None).get("/api/calendar/not-a-token.ics").status_code == 404


# -- who may do what -------------------------------------------------------------------------

PERSONAS = ("pat", "phil", "carla", "olive", "adam", "hugo", "hana", "heidi")
ALLOWED = {"pat", "phil", "adam"}  # the patient, her physio, her clinic's admin


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("method", ["handout", "calendar post", "calendar delete"])
def test_handout_and_feed_access(
    cast: Any, as_user: Any, assignment: Any, method: str, persona: str
) -> None:
    client = as_user(getattr(cast, persona))
    base = f"/api/assignments/{assignment.pk}"
    assignment.calendar_token = "the-current-token"
    assignment.save()
    if method == "handout":
        response = client.get(f"{base}/handout.pdf")
    elif method == "calendar post":
        response = client.post(f"{base}/calendar/")
    else:
        response = client.delete(f"{base}/calendar/")
    assignment.refresh_from_db()
    if persona in ALLOWED:
        assert response.status_code in (200, 201, 204)
    else:
        assert response.status_code == 404
        assert b"Strong back" not in response.content
        assert assignment.calendar_token == "the-current-token"


def test_anonymous_gets_no_handout_or_feed_control(
    cast: Any, as_user: Any, assignment: Any
) -> None:
    base = f"/api/assignments/{assignment.pk}"
    assert as_user(None).get(f"{base}/handout.pdf").status_code in (401, 403)
    assert as_user(None).post(f"{base}/calendar/").status_code in (401, 403)
