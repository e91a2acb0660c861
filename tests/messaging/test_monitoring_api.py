"""Consent, the time log (timer, manual entries, 7-day edits, audit trail), alert notices."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail

from backend.inbox.models import InboxMessage
from backend.messaging import tasks
from backend.messaging.models import AlertNotice, Consent, TimeEntry, TimeEntryRevision
from backend.messaging.services import adherence_scan, alerts_notify
from backend.programs.models import Alert
from tests.factories import CareLinkFactory, assign_program, session_payload

pytestmark = pytest.mark.usefixtures("library")
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


# --- consent ------------------------------------------------------------------------------
@time_machine.travel(NOW, tick=False)
def test_patient_gives_consent_in_the_app_and_revokes_it(cast: Any, as_user: Any) -> None:
    pat = as_user(cast.pat)
    given = pat.post("/api/consents/", {}, format="json")
    assert given.status_code == 201
    assert given.json()["method"] == "in_app" and given.json()["given_on"] == "2026-11-24"
    assert given.json()["recorded_by"]["id"] == cast.pat.pk
    assert pat.post("/api/consents/", {}, format="json").status_code == 400  # already given
    assert pat.post("/api/consents/", {"given_on": "2026-01-01"}, format="json").status_code == 400
    revoke = pat.post(f"/api/consents/{given.json()['id']}/revoke/")
    assert revoke.status_code == 200 and revoke.json()["revoked_on"] == "2026-11-24"
    assert pat.post("/api/consents/", {}, format="json").status_code == 201  # given again
    assert Consent.objects.filter(patient=cast.pat).count() == 2


@time_machine.travel(NOW, tick=False)
def test_physio_records_consent_with_date_method_and_note(cast: Any, as_user: Any) -> None:
    phil = as_user(cast.phil)
    data = {
        "patient": cast.pat.pk,
        "given_on": "2026-11-20",
        "method": "verbal",
        "note": "At visit",
    }
    assert phil.post("/api/consents/", data, format="json").status_code == 201
    (row,) = phil.get("/api/consents/", {"patient": cast.pat.pk}).json()
    assert row["recorded_by"]["full_name"] == "Phil Physio" and row["note"] == "At visit"
    assert as_user(cast.pat).get("/api/consents/").json()[0]["id"] == row["id"]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"given_on": "2026-12-01"}, "given_on"),  # future
        ({"method": "in_app"}, "method"),
        ({"method": "telepathy"}, "method"),
        ({"given_on": None}, "given_on"),
        ({"note": "x" * 501}, "note"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_bad_consent_is_400_and_writes_nothing(
    cast: Any, as_user: Any, change: dict[str, Any], field: str
) -> None:
    data = {"patient": cast.pat.pk, "given_on": "2026-11-20", "method": "verbal", **change}
    answer = as_user(cast.phil).post("/api/consents/", data, format="json")
    assert answer.status_code == 400 and field in answer.json()
    assert not Consent.objects.exists()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("who", "expected"),
    [("phil", 201), ("carla", 404), ("adam", 403), ("hugo", 404), ("heidi", 403)],
)
def test_who_records_pats_consent(cast: Any, as_user: Any, who: str, expected: int) -> None:
    data = {"patient": cast.pat.pk, "given_on": "2026-11-20", "method": "written"}
    assert (
        as_user(getattr(cast, who)).post("/api/consents/", data, format="json").status_code
        == expected
    )


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("who", "expected"),
    [("pat", 200), ("phil", 200), ("carla", 404), ("olive", 404), ("hugo", 404)],
)
def test_who_revokes_pats_consent(cast: Any, as_user: Any, who: str, expected: int) -> None:
    consent_id = as_user(cast.pat).post("/api/consents/", {}, format="json").json()["id"]
    assert (
        as_user(getattr(cast, who)).post(f"/api/consents/{consent_id}/revoke/").status_code
        == expected
    )


# --- time log -----------------------------------------------------------------------------
def test_timer_start_stop_records_minutes_and_history(cast: Any, as_user: Any) -> None:
    phil = as_user(cast.phil)
    with time_machine.travel(NOW, tick=False):
        started = phil.post(
            "/api/time-entries/timer/",
            {"patient": cast.pat.pk, "category": "review"},
            format="json",
        )
        assert started.status_code == 201 and started.json()["running"] is True
        again = phil.post(
            "/api/time-entries/timer/",
            {"patient": cast.pat.pk, "category": "review"},
            format="json",
        )
        assert again.status_code == 400  # one timer at a time
    entry_id = started.json()["id"]
    with time_machine.travel(NOW + timedelta(minutes=12, seconds=20), tick=False):
        stopped = phil.post(f"/api/time-entries/{entry_id}/stop/")
    assert stopped.status_code == 200
    assert stopped.json()["minutes"] == 12 and stopped.json()["running"] is False
    assert phil.post(f"/api/time-entries/{entry_id}/stop/").status_code == 400
    history = phil.get(f"/api/time-entries/{entry_id}/history/").json()
    assert [h["action"] for h in history] == ["start", "stop"]


def test_manual_entry_is_editable_for_seven_days_by_its_author(cast: Any, as_user: Any) -> None:
    phil = as_user(cast.phil)
    with time_machine.travel(NOW, tick=False):
        entry = phil.post(
            "/api/time-entries/",
            {"patient": cast.pat.pk, "category": "call", "minutes": 15, "note": "Phone check-in"},
            format="json",
        ).json()
        assert entry["on_date"] == "2026-11-24"
        assert (
            as_user(cast.carla)
            .patch(f"/api/time-entries/{entry['id']}/", {"minutes": 1}, format="json")
            .status_code
            == 404
        )
    with time_machine.travel(NOW + timedelta(days=6), tick=False):
        edited = phil.patch(f"/api/time-entries/{entry['id']}/", {"minutes": 20}, format="json")
        assert edited.status_code == 200 and edited.json()["minutes"] == 20
    with time_machine.travel(NOW + timedelta(days=8), tick=False):
        late = phil.patch(f"/api/time-entries/{entry['id']}/", {"minutes": 25}, format="json")
        assert late.status_code == 400
    assert TimeEntry.objects.get().minutes == 20
    values = [r.values["minutes"] for r in TimeEntryRevision.objects.order_by("pk")]
    assert values == [15, 20]
    assert as_user(cast.adam).get(f"/api/time-entries/{entry['id']}/history/").status_code == 200
    assert as_user(cast.heidi).get(f"/api/time-entries/{entry['id']}/history/").status_code == 404


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"minutes": 0}, "minutes"),
        ({"minutes": "lots"}, "minutes"),
        ({"category": "golf"}, "category"),
        ({"on_date": "2026-11-25"}, "on_date"),
        ({"on_date": "2026-11-01"}, "on_date"),
        ({"patient": "x"}, "patient"),
    ],
)
def test_bad_time_entry_is_400_and_writes_nothing(
    cast: Any, as_user: Any, change: dict[str, Any], field: str
) -> None:
    data = {"patient": cast.pat.pk, "category": "review", "minutes": 5, **change}
    answer = as_user(cast.phil).post("/api/time-entries/", data, format="json")
    assert answer.status_code == 400 and field in answer.json()
    assert not TimeEntry.objects.exists()


@pytest.mark.parametrize(
    ("who", "expected"),
    [("phil", 201), ("carla", 404), ("adam", 403), ("hugo", 404), ("pat", 403)],
)
def test_who_logs_time_on_pat(cast: Any, as_user: Any, who: str, expected: int) -> None:
    data = {"patient": cast.pat.pk, "category": "review", "minutes": 5}
    assert (
        as_user(getattr(cast, who)).post("/api/time-entries/", data, format="json").status_code
        == expected
    )


# --- alerts reaching the physio -----------------------------------------------------------
def _pain_session(client: Any, assignment: Any) -> None:
    body = session_payload(
        assignment,
        started_at="2026-11-24T10:00:00Z",
        completed_at="2026-11-24T10:20:00Z",
        pain_after=8,
        difficulty="too_hard",
    )
    assert client.post("/api/sessions/", body, format="json").json()["safety"]["alert"] is True


@time_machine.travel(NOW, tick=False)
def test_pain_alert_notifies_the_assigned_physio_once_with_a_link(
    cast: Any, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    assignment = assign_program(cast.phil, cast.pat, start=date(2026, 11, 2))
    as_user(cast.phil).put(
        "/api/messaging/prefs/", {"email_alerts": True, "email_digest": False}, format="json"
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _pain_session(as_user(cast.pat), assignment)
    alert = Alert.objects.get(kind="pain")
    (item,) = InboxMessage.objects.filter(user=cast.phil, kind="alert")
    assert item.url == f"/physio/patients/{cast.pat.pk}"
    (notice,) = AlertNotice.objects.filter(alert=alert)
    assert notice.user == cast.phil
    assert not InboxMessage.objects.filter(user=cast.carla).exists()
    assert len(callbacks) >= 1
    # The e-mail task, run twice (a redelivered task), sends one mail with the link.
    assert tasks.email_alert(notice.pk) is True
    assert tasks.email_alert(notice.pk) is False
    (sent,) = mail.outbox
    assert sent.to == ["phil@example.com"] and f"/physio/patients/{cast.pat.pk}" in sent.body


@time_machine.travel(NOW, tick=False)
def test_no_alert_email_unless_the_physio_chose_it(
    cast: Any, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    assignment = assign_program(cast.phil, cast.pat, start=date(2026, 11, 2))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _pain_session(as_user(cast.pat), assignment)
    assert AlertNotice.objects.count() == 1
    assert not any("email_alert" in repr(getattr(c, "func", c)) for c in callbacks)


def _queries_to_tell(alert: Alert) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    AlertNotice.objects.filter(alert=alert).delete()
    InboxMessage.objects.filter(kind="alert").delete()
    with CaptureQueriesContext(connection) as captured:
        alerts_notify(Alert.objects.filter(pk=alert.pk))
    return len(captured)


@time_machine.travel(NOW, tick=False)
def test_telling_one_more_physio_costs_only_their_inbox_row(cast: Any, as_user: Any) -> None:
    """The ledger and the e-mail choices are read and written once per alert, whatever the
    number of physios; each physio adds only their inbox item (its lookup and push check)."""
    assignment = assign_program(cast.phil, cast.pat, start=date(2026, 11, 2))
    _pain_session(as_user(cast.pat), assignment)
    alert = Alert.objects.get(kind="pain")
    one = _queries_to_tell(alert)
    CareLinkFactory(patient=cast.pat, physio=cast.carla)
    two = _queries_to_tell(alert)
    assert AlertNotice.objects.filter(alert=alert).count() == 2
    # inbox_post: the dedupe lookup, the savepoint, the insert and its release; push_once:
    # the device check. Nothing of the ledger's or the e-mail's per physio.
    assert two - one <= 5


def test_missed_sessions_run_notifies_once(cast: Any) -> None:
    assign_program(cast.phil, cast.pat, start=date(2026, 11, 2))
    with time_machine.travel(NOW, tick=False):
        assert adherence_scan() == 1
        assert adherence_scan() == 0
    alert = Alert.objects.get(kind="adherence")
    assert AlertNotice.objects.filter(alert=alert, user=cast.phil).count() == 1
    assert InboxMessage.objects.filter(user=cast.phil, kind="alert").count() == 1


def test_the_beat_task_of_the_adherence_scan_tells_the_physios(cast: Any) -> None:
    from backend.celery import app

    # The beat entry's task is the one that tells the physios.
    assert app.tasks["programs.scan_adherence"].run.__module__ == "backend.messaging.tasks"
    assign_program(cast.phil, cast.pat, start=date(2026, 11, 2))
    with time_machine.travel(NOW, tick=False):
        assert tasks.scan_adherence() == 1
    alert = Alert.objects.get(kind="adherence")
    assert AlertNotice.objects.filter(alert=alert, user=cast.phil).count() == 1


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("who", "expected"),
    [("phil", 200), ("carla", 404), ("adam", 200), ("hugo", 404), ("heidi", 404), ("pat", 403)],
)
def test_acknowledging_records_who_and_when(
    cast: Any, as_user: Any, who: str, expected: int
) -> None:
    assignment = assign_program(cast.phil, cast.pat, start=date(2026, 11, 2))
    _pain_session(as_user(cast.pat), assignment)
    alert = Alert.objects.get(kind="pain")
    user = getattr(cast, who)
    answer = as_user(user).post(f"/api/alerts/{alert.pk}/acknowledge/")
    assert answer.status_code == expected
    if expected == 200:
        body = answer.json()
        assert body["acknowledged_by"]["id"] == user.pk
        assert body["acknowledged_at"].startswith("2026-11-24T12:00")


@time_machine.travel(NOW, tick=False)
def test_hourly_digest_goes_once_per_interval(cast: Any, as_user: Any) -> None:
    as_user(cast.phil).put(
        "/api/messaging/prefs/", {"email_alerts": False, "email_digest": True}, format="json"
    )
    as_user(cast.pat).post("/api/messages/", {"id": str(uuid.uuid4()), "body": "Hi"}, format="json")
    assert tasks.digest_tick() == 1
    assert tasks.digest_tick() == 0  # within the hour
    assert "1 unread message" in mail.outbox[0].subject
    with time_machine.travel(NOW + timedelta(hours=2), tick=False):
        assert tasks.digest_tick() == 0  # nothing new since
        as_user(cast.pat).post(
            "/api/messages/", {"id": str(uuid.uuid4()), "body": "Again"}, format="json"
        )
        assert tasks.digest_tick() == 1
    assert len(mail.outbox) == 2
    assert as_user(cast.pat).get("/api/messaging/prefs/").status_code == 403
