"""Erasure removes rows linked to the person by id, never rows that merely mention their
name; a clinician's export holds no patient's health data."""

from __future__ import annotations

import json
from typing import Any

import pytest

from backend.accounts import services
from backend.accounts.models import User
from backend.inbox.models import InboxMessage
from tests.accounts.conftest import log_session

pytestmark = pytest.mark.django_db


def test_a_patient_named_like_an_alert_erases_no_one_elses_alerts(pat_world: Any) -> None:
    phil = pat_world.phil
    alerts_about_pat = InboxMessage.objects.filter(user=phil, kind="alert").count()
    assert alerts_about_pat >= 1
    # Another Riverside patient whose name is the alerts' own wording.
    odd = User.objects.create_user(
        "odd@example.com", "a passphrase", full_name="Pain alert", clinic=phil.clinic
    )
    everything_else = InboxMessage.objects.exclude(user=odd).count()
    services.account_delete(odd)
    assert InboxMessage.objects.count() == everything_else
    assert InboxMessage.objects.filter(user=phil, kind="alert").count() == alerts_about_pat


def test_erasure_still_removes_the_alerts_linked_to_the_patient(pat_world: Any) -> None:
    phil = pat_world.phil
    olive_alerts = InboxMessage.objects.filter(user=pat_world.carla, kind="alert").count()
    services.account_delete(pat_world.pat)
    assert not InboxMessage.objects.filter(user=phil, kind="alert").exists()
    assert InboxMessage.objects.filter(user=pat_world.carla, kind="alert").count() == olive_alerts


def test_a_physios_export_holds_no_patients_health_data(pat_world: Any, as_user: Any) -> None:
    log_session(pat_world.pat, pat_world.assignment, pain_after=9, notes="second")
    body = json.loads(b"".join(as_user(pat_world.phil).get("/api/me/export/").streaming_content))
    text = str(body)
    assert "Pat Patient" not in text and "Pain rose" not in text
    assert all(row["kind"] != "alert" for row in body["inbox"])
