"""The personal-data export is streamed: the same document as the in-memory one it
replaced, written while the rows are read in chunks."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import Model
from django.test.utils import CaptureQueriesContext

from backend.accounts import privacy, selectors
from backend.accounts.models import Role, User
from tests.accounts.conftest import log_session

pytestmark = pytest.mark.django_db


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    return value


def _reference_row(obj: Model, section: privacy.Section) -> dict[str, Any]:
    labels = dict(section.labels)
    out: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in section.exclude:
            continue
        if field.is_relation and field.name in labels:
            related = getattr(obj, field.name)
            out[field.name] = getattr(related, labels[field.name]) if related else None
        else:
            out[field.attname if field.is_relation else field.name] = _plain(
                getattr(obj, field.attname)
            )
    return out


def _reference_export(user: User) -> dict[str, Any]:
    """The export as the in-memory builder made it before it was streamed (the oracle)."""
    data: dict[str, Any] = {
        "profile": {
            "id": user.pk,
            "email": user.email,
            "full_name": user.full_name,
            "role": user.role,
            "clinic": user.clinic.name if user.clinic else None,
            "timezone": user.timezone,
            "language": user.language,
            "date_joined": _plain(user.date_joined),
            "last_login": _plain(user.last_login),
        }
    }
    for section in privacy.EXPORTED:
        try:
            model = apps.get_model(section.model)
        except LookupError:
            data[section.name] = []
            continue
        rows = model._default_manager.filter(**{section.lookup: user})
        if section.name == "inbox" and user.role != Role.PATIENT:
            rows = rows.exclude(kind="alert")
        data[section.name] = [_reference_row(obj, section) for obj in rows.order_by("pk")]
    items: dict[str, list[dict[str, Any]]] = {}
    item_model = apps.get_model(privacy.SESSION_ITEMS.model)
    for obj in item_model._default_manager.filter(session__patient=user).order_by("pk"):
        items.setdefault(str(obj.session_id), []).append(_reference_row(obj, privacy.SESSION_ITEMS))
    for session in data["sessions"]:
        session["items"] = items.get(str(session["id"]), [])
    return data


def _streamed(client: Any) -> tuple[Any, dict[str, Any]]:
    response = client.get("/api/me/export/")
    assert response.status_code == 200
    return response, json.loads(b"".join(response.streaming_content))


@pytest.mark.parametrize("chunk", [2, 500])
def test_the_streamed_export_is_the_document_it_was(
    pat_world: Any, as_user: Any, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    # Five sessions: with chunks of two, sessions and their items cross chunk borders.
    for pain in (1, 3, 4):
        log_session(pat_world.pat, pat_world.assignment, pain_after=pain)
    monkeypatch.setattr(selectors, "EXPORT_CHUNK", chunk)
    sessions = {}
    for person in (pat_world.pat, pat_world.phil):
        response, data = _streamed(as_user(person))
        assert response.streaming
        assert response["Content-Type"].startswith("application/json")
        assert response["Content-Disposition"] == 'attachment; filename="upright-my-data.json"'
        assert data == json.loads(json.dumps(_reference_export(person)))
        sessions[person.email] = len(data["sessions"])
    assert sessions == {"pat@example.com": 5, "phil@example.com": 0}


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
