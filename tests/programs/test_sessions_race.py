"""Two phones send the same offline session at the same moment: both read "not seen yet"
before either has written, and the (patient, client id) constraint lets one insert in.
The other must answer like a replay (or a conflict), never a 500, and store nothing twice.

The race is made, not hoped for: one request holds its new row uncommitted while the
other reads past it and reaches its own insert. On PostgreSQL that insert waits on the
first one's row lock (seen in ``pg_stat_activity``) until the first commits, then fails
on the constraint: the path that rolls the second request back and runs it again. On
SQLite (one writer, ``BEGIN IMMEDIATE``) the second request waits at its first statement
instead and then sees the first one's row: the same answer by the other road.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import time, timedelta
from typing import Any

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from backend.programs import services
from backend.programs.models import Session, SessionItem
from tests.conftest import client_for
from tests.factories import session_payload

pytestmark = pytest.mark.django_db(transaction=True)

WAIT = 30.0  # seconds: only a broken run waits this long


@pytest.fixture
def assignment(cast: Any) -> Any:
    program = services.program_create(
        actor=cast.phil,
        name="Daily core",
        items=[{"exercise": "glute-bridge", "sets": 2, "reps": 10, "rest_seconds": 30}],
    )
    return services.assignment_create(
        actor=cast.phil,
        program=program,
        patient_id=cast.pat.pk,
        start_date=timezone.localdate() - timedelta(days=7),
        end_date=None,
        days_of_week=[1, 2, 3, 4, 5, 6, 7],
        preferred_time=time(18, 0),
    )


@contextmanager
def _first_phone_holding(data: dict[str, Any], patient: Any) -> Iterator[threading.Event]:
    """The first phone's request, in a transaction kept open after it answered 201 until
    the caller sets the event it is handed (or leaves the block)."""
    written, commit = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def run() -> None:
        try:
            with transaction.atomic():
                answer = client_for(patient).post("/api/sessions/", data, format="json")
                assert answer.status_code == 201, answer.content
                written.set()
                assert commit.wait(WAIT), "the test never let the first phone commit"
        except BaseException as exc:  # reported in the test's own thread below
            failures.append(exc)
            written.set()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    assert written.wait(WAIT)
    try:
        yield commit
    finally:
        commit.set()
        thread.join(WAIT)
    assert not failures, failures


def _post_in_thread(patient: Any, data: dict[str, Any]) -> tuple[threading.Thread, list[Any]]:
    answers: list[Any] = []

    def run() -> None:
        try:
            answers.append(client_for(patient).post("/api/sessions/", data, format="json"))
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, answers


def _wait_until(ready: Callable[[], bool]) -> None:
    """Poll (not sleep a guess): the condition is a fact the database reports."""
    pause = threading.Event()  # never set: its wait is a bounded pause between polls
    for _ in range(int(WAIT / 0.02)):
        if ready():
            return
        pause.wait(0.02)
    raise AssertionError("the second phone never reached its insert")


def _second_phone_is_waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            " AND query LIKE 'INSERT INTO \"programs_session\"%%'"
        )
        row = cursor.fetchone()
    return bool(row and row[0])


@pytest.mark.parametrize("second_body", ["the same", "another"])
def test_the_same_session_sent_twice_at_once_is_stored_once(
    cast: Any, assignment: Any, second_body: str
) -> None:
    data = session_payload(assignment)
    other = dict(data, notes="Sent again with a note") if second_body == "another" else data
    with _first_phone_holding(data, cast.pat) as commit:
        second, answers = _post_in_thread(cast.pat, other)
        if connection.vendor == "postgresql":
            _wait_until(_second_phone_is_waiting_on_a_lock)
        commit.set()
    second.join(WAIT)

    assert len(answers) == 1
    answer = answers[0]
    if second_body == "the same":
        assert answer.status_code == 200, answer.content
        assert answer.json()["id"] == data["id"]
        assert answer.json()["items"][0]["exercise"] == "glute-bridge"
    else:
        assert answer.status_code == 409, answer.content
    assert Session.objects.filter(patient=cast.pat, client_id=data["id"]).count() == 1
    assert SessionItem.objects.filter(session__patient=cast.pat).count() == 1
    assert Session.objects.get(patient=cast.pat).notes == ""  # the first phone's body
