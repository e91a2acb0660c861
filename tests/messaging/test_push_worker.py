"""A new message and a pain alert reach the other party's phone once, through the real
delivery path: a Celery worker and a loopback Web Push service."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from backend.inbox.models import InboxMessage
from backend.inbox.services import push_subscribe
from tests.factories import assign_program, session_payload
from tests.nudges.pushservice import FakePushService
from tests.nudges.worker import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("library")]


def _pending() -> int:
    return InboxMessage.objects.filter(
        push_enqueued_at__isnull=False, push_done_at__isnull=True
    ).count()


def test_messages_push_to_the_other_side_once(
    cast: Any, as_user: Any, push_service: FakePushService, worker: Any
) -> None:
    phil_phone, pat_phone = push_service.new_device("phil"), push_service.new_device("pat")
    for user, device in ((cast.phil, phil_phone), (cast.pat, pat_phone)):
        push_subscribe(user, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth)
    body = {"id": str(uuid.uuid4()), "body": "Is it normal to feel stiff?"}
    pat = as_user(cast.pat)
    assert pat.post("/api/messages/", body, format="json").status_code == 201
    assert pat.post("/api/messages/", body, format="json").status_code == 200  # replay
    push_service.wait_for(1)
    wait_until(lambda: _pending() == 0)
    (payload,) = push_service.payloads(phil_phone)
    assert payload["kind"] == "message" and payload["url"] == f"/physio/patients/{cast.pat.pk}"
    assert "stiff" in payload["body"]
    assert push_service.payloads(pat_phone) == []  # the sender's own phone stays quiet

    reply = {"id": str(uuid.uuid4()), "body": "Yes, early on.", "patient": cast.pat.pk}
    assert as_user(cast.phil).post("/api/messages/", reply, format="json").status_code == 201
    push_service.wait_for(2)
    wait_until(lambda: _pending() == 0)
    (to_pat,) = push_service.payloads(pat_phone)
    assert to_pat["url"] == "/messages" and len(push_service.payloads(phil_phone)) == 1


def test_pain_alert_pushes_to_the_assigned_physio_once(
    cast: Any, as_user: Any, push_service: FakePushService, worker: Any
) -> None:
    phone, colleague = push_service.new_device("phil"), push_service.new_device("carla")
    push_subscribe(cast.phil, endpoint=phone.endpoint, p256dh=phone.p256dh, auth=phone.auth)
    push_subscribe(
        cast.carla, endpoint=colleague.endpoint, p256dh=colleague.p256dh, auth=colleague.auth
    )
    assignment = assign_program(cast.phil, cast.pat, start=date(2020, 1, 6))
    session = session_payload(
        assignment,
        started_at="2024-03-01T10:00:00Z",
        completed_at="2024-03-01T10:20:00Z",
        pain_after=9,
        difficulty="too_hard",
        items=[{"exercise": "glute-bridge", "sets_done": 1, "reps_done": 5}],
    )
    assert as_user(cast.pat).post("/api/sessions/", session, format="json").status_code == 201
    push_service.wait_for(1)
    wait_until(lambda: _pending() == 0)
    (payload,) = push_service.payloads(phone)
    assert payload["kind"] == "alert" and payload["url"] == f"/physio/patients/{cast.pat.pk}"
    assert push_service.payloads(colleague) == []
