"""Personal data: the export holds everything, erasure leaves nothing behind."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from rest_framework.test import APIClient

from backend.accounts import privacy
from backend.accounts.models import AuditEvent, User
from backend.inbox.models import InboxMessage
from backend.programs.models import Alert, Program, Session
from tests.factories import TEST_PASSWORD, PhysioFactory

pytestmark = pytest.mark.django_db

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def rows_mentioning(needle: str) -> list[str]:
    """Every row in every table whose text column contains ``needle`` (case-insensitive):
    the grep of the whole database, done through the ORM so it works on every backend."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, TEXT_FIELDS):
                continue
            hits = model._default_manager.filter(**{f"{field.name}__icontains": needle})
            found += [f"{model._meta.label}.{field.name} #{pk}" for pk in hits.values_list("pk")]
    return found


def rows_pointing_at(user_id: int) -> list[str]:
    """Every row with a foreign key to the user model that still holds ``user_id``."""
    assert user_id is not None
    found = []
    for label, field in privacy.user_links():
        model = apps.get_model(label)
        if model._meta.proxy:
            continue
        hits = model._default_manager.filter(**{f"{field}_id": user_id})
        found += [f"{label}.{field} #{pk}" for pk in hits.values_list("pk")]
    return found


def test_every_link_to_a_person_is_exported_or_excused() -> None:
    exported = {(s.model, s.lookup) for s in privacy.EXPORTED if "__" not in s.lookup}
    for link in privacy.user_links():
        assert link in exported or link in privacy.NOT_EXPORTED, (
            f"{link}: a new link to a person. Add it to privacy.EXPORTED (and check that "
            "erasure removes it) or explain in privacy.NOT_EXPORTED why it is not theirs."
        )


def test_export_holds_everything_about_the_patient(pat_world: Any, as_user: Any) -> None:
    response = as_user(pat_world.pat).get("/api/me/export/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert response.streaming  # written while it is read, never whole in memory
    data = json.loads(b"".join(response.streaming_content))
    assert data["profile"]["email"] == "pat@example.com"
    assert data["profile"]["full_name"] == "Pat Patient"
    counts = {name: len(rows) for name, rows in data.items() if isinstance(rows, list)}
    assert counts == {
        "care_team": 1,
        "invites_used": 1,
        "access_log": 1,
        "assignments": 1,
        "assignment_pauses": 0,
        "sessions": 2,
        "alerts": 1,
        "outcome_schedules": 1,
        "outcome_responses": 1,
        "safety_checks": 1,
        "precautions_marked": 1,
        "nudge_plan": 1,
        "nudges": 1,
        "breaks": 1,
        "inbox": 1,
        "push_subscriptions": 1,
        "reminders_sent": 0,
        "messages": 1,
        "monitoring_consents": 1,
        "monitoring_time": 0,
        "notification_choices": 0,
        "break_prescriptions": 0,
        "busy_times": 0,
        "calendar_feed": 0,
    }
    assert data["care_team"][0]["physio"] == "Phil Physio"
    assert data["access_log"][0]["actor"] == "Phil Physio"
    assert data["assignments"][0]["program"] == "Daily core"
    assert {s["pain_after"] for s in data["sessions"]} == {2, 9}
    assert all(s["items"][0]["reps_done"] == 10 for s in data["sessions"])
    assert data["push_subscriptions"][0]["endpoint"] == "https://push.example.org/pat-device"
    assert data["messages"][0]["body"] == "Sore today"
    assert data["monitoring_consents"][0]["recorded_by"] == "Phil Physio"


def test_export_leaves_out_secrets_and_other_people(pat_world: Any, as_user: Any) -> None:
    body = b"".join(as_user(pat_world.pat).get("/api/me/export/").streaming_content).decode()
    token = pat_world.pat.api_tokens.get()
    assert token.key_digest not in body and token.prefix not in body
    assert "password" not in body
    assert "body_hash" not in body
    assert "olive@example.com" not in body
    assert "Olive" not in body


def test_export_needs_a_signed_in_person(as_user: Any) -> None:
    assert as_user(None).get("/api/me/export/").status_code in (401, 403)


def test_deleting_the_account_leaves_no_personal_data_behind(pat_world: Any, as_user: Any) -> None:
    pat, pat_id = pat_world.pat, pat_world.pat.pk
    assert rows_pointing_at(pat_id)  # the checks can see her before
    assert rows_mentioning("pat@example.com")
    assert rows_mentioning("Pat Patient")
    olive_sessions = Session.objects.filter(patient=pat_world.olive).count()

    response = as_user(pat).delete("/api/me/", {"password": TEST_PASSWORD}, format="json")

    assert response.status_code == 204, response.content
    assert not User.objects.filter(pk=pat_id).exists()
    assert rows_pointing_at(pat_id) == []
    assert rows_mentioning("pat@example.com") == []
    assert rows_mentioning("Pat Patient") == []
    # Other people's records stay: Phil's program, Olive's sessions and her alert message.
    assert Program.objects.filter(pk=pat_world.program.pk).exists()
    assert Session.objects.filter(patient=pat_world.olive).count() == olive_sessions
    assert Alert.objects.filter(patient=pat_world.olive).exists()
    assert InboxMessage.objects.filter(user=pat_world.carla).exists()
    # The access log keeps that Phil read a record, but not whose.
    event = AuditEvent.objects.get(actor=pat_world.phil)
    assert event.patient_id is None


def test_a_wrong_or_missing_password_deletes_nothing(pat_world: Any, as_user: Any) -> None:
    client = as_user(pat_world.pat)
    wrong = client.delete("/api/me/", {"password": "not the password"}, format="json")
    assert wrong.status_code == 400
    assert "password" in wrong.json()
    assert client.delete("/api/me/").status_code == 400
    assert client.delete("/api/me/", {"password": TEST_PASSWORD, "x": 1}, format="json")
    assert User.objects.filter(pk=pat_world.pat.pk).exists()
    assert Session.objects.filter(patient=pat_world.pat).count() == 2


def test_deletion_is_throttled_like_sign_in(pat_world: Any, as_user: Any, settings: Any) -> None:
    client = as_user(pat_world.pat)
    for _ in range(settings.LOGIN_THROTTLE_ACCOUNT_LIMIT):
        client.delete("/api/me/", {"password": "guess"}, format="json")
    response = client.delete("/api/me/", {"password": TEST_PASSWORD}, format="json")
    assert response.status_code == 429
    assert User.objects.filter(pk=pat_world.pat.pk).exists()


def test_a_browser_session_needs_the_csrf_token_to_delete(pat_world: Any) -> None:
    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(pat_world.pat)
    refused = browser.delete("/api/me/", {"password": TEST_PASSWORD}, format="json")
    assert refused.status_code == 403
    assert User.objects.filter(pk=pat_world.pat.pk).exists()


def test_deletion_signs_the_browser_out(pat_world: Any) -> None:
    browser = APIClient()
    browser.force_login(pat_world.pat)
    assert browser.delete("/api/me/", {"password": TEST_PASSWORD}, format="json").status_code == 204
    assert browser.get("/api/me/").status_code in (401, 403)


def test_a_physio_who_owns_clinic_records_cannot_erase_themselves(
    pat_world: Any, as_user: Any
) -> None:
    response = as_user(pat_world.phil).delete(
        "/api/me/", {"password": TEST_PASSWORD}, format="json"
    )
    assert response.status_code == 409
    assert User.objects.filter(pk=pat_world.phil.pk).exists()
    assert AuditEvent.objects.filter(actor=pat_world.phil).exists()


def test_a_physio_without_clinic_records_can_erase_themselves(db: Any, as_user: Any) -> None:
    physio: Any = PhysioFactory(email="new.physio@example.com", full_name="New Physio")
    physio_id = physio.pk
    response = as_user(physio).delete("/api/me/", {"password": TEST_PASSWORD}, format="json")
    assert response.status_code == 204
    assert rows_pointing_at(physio_id) == []
    assert rows_mentioning("new.physio@example.com") == []
