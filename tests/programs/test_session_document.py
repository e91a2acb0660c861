"""POST /api/sessions/ answers with a document written by plain reads
(``SessionSerializer.to_representation``) instead of its declared fields, which describe it
in the schema. The two must give the same bytes for every kind of session: calm, a pain
spike (the safety advice), items skipped (because it hurt, too) or held, notes, a replay
answered from the stored row, and the history list."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import time_machine
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from backend.programs.serializers import SessionSerializer
from tests.factories import assign_program, session_payload

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 24, 19, 30, tzinfo=UTC)
ITEMS = [
    {"exercise": "glute-bridge", "sets": 2, "reps": 10},
    {"exercise": "side-plank-knees", "sets": 3, "hold_seconds": 20, "per_side": True},
    {"exercise": "bird-dog", "sets": 2, "reps": 8},
]

SESSIONS: dict[str, dict[str, Any]] = {
    "calm": {},
    "pain-spike": {"pain_before": 2, "pain_after": 8, "difficulty": "too_hard"},
    "skipped-and-held": {
        "notes": "Knee clicked on the last set.",
        "items": [
            {"exercise": "glute-bridge", "sets_done": 2, "reps_done": 10},
            {"exercise": "side-plank-knees", "sets_done": 3, "hold_seconds_done": 18},
            {"exercise": "bird-dog", "skipped": True, "skip_reason": "Shoulder sore"},
        ],
    },
    "skipped-because-it-hurt": {
        "items": [{"exercise": "bird-dog", "skipped": True, "skip_reason": "It hurt"}],
    },
}


def _same_document(serializer: SessionSerializer, content: bytes) -> dict[str, Any]:
    renderer = JSONRenderer()
    session = serializer.instance
    assert session is not None
    by_fields = serializers.Serializer.to_representation(serializer, session)
    plain = serializer.to_representation(session)
    assert renderer.render(plain) == renderer.render(by_fields)
    assert renderer.render(plain) == content
    return dict(plain)


@pytest.mark.parametrize("kind", list(SESSIONS))
@pytest.mark.parametrize("language", ["en", "de"])
def test_a_logged_session_writes_what_its_declared_fields_describe(
    cast: Any, as_user: Any, kind: str, language: str
) -> None:
    patient = as_user(cast.pat)
    with time_machine.travel(NOW, tick=False):
        assignment = assign_program(cast.phil, cast.pat, items=ITEMS, start=date(2026, 11, 2))
        body = session_payload(assignment, completed_at=NOW - timedelta(minutes=5))
        body |= SESSIONS[kind]
        answers = [
            patient.post("/api/sessions/", body, format="json", HTTP_ACCEPT_LANGUAGE=language)
            for _ in range(2)  # created, then the replay answered from the stored row
        ]
    assert [a.status_code for a in answers] == [201, 200]
    documents = []
    for answer in answers:
        # The view's own serializer and context (DRF keeps it on the response's data).
        serializer = answer.data.serializer
        documents.append(_same_document(serializer, answer.content))
    assert documents[0] == documents[1]
    assert documents[0]["safety"]["alert"] is (kind == "pain-spike")
    assert len(documents[0]["items"]) == len(body.get("items", [])) > 0


def test_the_history_list_writes_what_its_declared_fields_describe(cast: Any, as_user: Any) -> None:
    patient = as_user(cast.pat)
    with time_machine.travel(NOW, tick=False):
        assignment = assign_program(cast.phil, cast.pat, items=ITEMS, start=date(2026, 11, 2))
        for n, changes in enumerate(SESSIONS.values()):
            done = NOW - timedelta(hours=n + 1)
            body = session_payload(assignment, completed_at=done) | changes
            assert patient.post("/api/sessions/", body, format="json").status_code == 201
        listed = patient.get("/api/sessions/")
    assert listed.status_code == 200
    results = listed.data["results"]
    page = results.serializer  # the list's own serializer (DRF keeps it on the data)
    renderer = JSONRenderer()
    by_fields = [
        serializers.Serializer.to_representation(page.child, session) for session in page.instance
    ]
    assert renderer.render(results) == renderer.render(by_fields)
    assert len(by_fields) == len(SESSIONS)
