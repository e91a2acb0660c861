"""The personal-data export is streamed: the same document as the in-memory one it
replaced, written while the rows are read in chunks."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts import privacy, selectors
from backend.inbox.models import InboxMessage
from backend.programs.models import Session, SessionItem
from tests.accounts.conftest import log_session

pytestmark = pytest.mark.django_db


def _streamed(client: Any) -> tuple[Any, dict[str, Any]]:
    response = client.get("/api/me/export/")
    assert response.status_code == 200
    return response, json.loads(b"".join(response.streaming_content))


def test_the_document_is_the_same_whatever_the_chunk_size(
    pat_world: Any, as_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Five sessions: with chunks of two, sessions and their items cross chunk borders.
    for pain in (1, 3, 4):
        log_session(pat_world.pat, pat_world.assignment, pain_after=pain)
    documents = []
    for chunk in (2, 500):
        monkeypatch.setattr(selectors, "EXPORT_CHUNK", chunk)
        response, data = _streamed(as_user(pat_world.pat))
        assert response.streaming
        assert response["Content-Type"].startswith("application/json")
        assert response["Content-Disposition"] == 'attachment; filename="upright-my-data.json"'
        documents.append(data)
    assert documents[0] == documents[1]
    assert [section for section in documents[0]] == ["profile"] + [
        section.name for section in privacy.EXPORTED
    ]


def test_each_row_is_the_stored_row_without_secrets_and_with_names(
    pat_world: Any, as_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the stored rows say, checked against the database (not against a second copy
    of the row builder): every session with its own items, named relations as names,
    the excluded columns absent."""
    pat, phil = pat_world.pat, pat_world.phil
    for pain in (1, 3, 4):
        log_session(pat, pat_world.assignment, pain_after=pain)
    monkeypatch.setattr(selectors, "EXPORT_CHUNK", 2)
    _, data = _streamed(as_user(pat))

    assert data["profile"] == {
        "id": pat.pk,
        "email": "pat@example.com",
        "full_name": pat.full_name,
        "role": "patient",
        "clinic": pat.clinic.name,
        "timezone": pat.timezone,
        "language": pat.language,
        "date_joined": pat.date_joined.isoformat(),
        "last_login": pat.last_login.isoformat() if pat.last_login else None,
    }
    stored = Session.objects.filter(patient=pat).order_by("pk")
    sessions = data["sessions"]
    assert [row["id"] for row in sessions] == [str(session.id) for session in stored]
    assert [row["pain_after"] for row in sessions] == [s.pain_after for s in stored]
    assert [row["completed_at"] for row in sessions] == [s.completed_at.isoformat() for s in stored]
    for row, session in zip(sessions, stored, strict=True):
        assert "body_hash" not in row  # bookkeeping, not the person's data
        items = SessionItem.objects.filter(session=session).order_by("pk")
        assert [item["id"] for item in row["items"]] == [item.pk for item in items]
        assert all("session" not in item and "session_id" not in item for item in row["items"])
    (care,) = data["care_team"]
    assert care["physio"] == phil.full_name and "physio_id" not in care
    (assignment,) = data["assignments"]
    assert assignment["program"] == "Daily core"
    assert not {"calendar_token", "assigned_by", "assigned_by_id"} & set(assignment)
    assert assignment["notes"] == "Pat Patient: go gently"

    # Phil's own export: his alerts are about his patients, so they are not his data.
    _, phils = _streamed(as_user(phil))
    assert phils["sessions"] == []
    assert all(row["kind"] != "alert" for row in phils["inbox"])
    assert InboxMessage.objects.filter(user=phil, kind="alert").exists()


def test_the_export_is_read_lazily_in_chunks(
    pat_world: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is read before it is written: the first pieces of the document cost only
    the first sections' queries; sessions and items are read as streams."""
    for pain in (1, 3, 4):
        log_session(pat_world.pat, pat_world.assignment, pain_after=pain)
    monkeypatch.setattr(selectors, "EXPORT_CHUNK", 2)
    stream = selectors.export_stream(pat_world.pat)
    with CaptureQueriesContext(connection) as first:
        head = [next(stream) for _ in range(3)]  # the profile, "care_team":[ and its row
    assert head[0].startswith('{"profile":')
    assert not any("programs_session" in q["sql"] for q in first.captured_queries)
    with CaptureQueriesContext(connection) as rest:
        text = "".join(head) + "".join(stream)
    # Sessions and their items are two streams merged in order, however many chunks.
    items_queries = [q for q in rest.captured_queries if "programs_sessionitem" in q["sql"]]
    assert len(items_queries) == 1
    assert len(json.loads(text)["sessions"]) == 5
