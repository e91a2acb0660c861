"""The monthly monitoring report: day counts from real posts across a month boundary and a
DST change, consent gating, minutes and communication; JSON, PDF (parsed back), CSV."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
import time_machine
from pypdf import PdfReader

from backend.nudges.models import Break
from tests.factories import assign_program, session_payload

pytestmark = pytest.mark.usefixtures("library")

# Europe/London: clocks go forward at 01:00 UTC on 2026-03-29.
SESSIONS_UTC = [
    datetime(2026, 3, 5, 12, 0, tzinfo=UTC),  # before consent: never counted
    datetime(2026, 3, 28, 23, 30, tzinfo=UTC),  # 28 Mar local (GMT)
    datetime(2026, 3, 29, 23, 30, tzinfo=UTC),  # 30 Mar local (BST, after the change)
    datetime(2026, 3, 31, 23, 30, tzinfo=UTC),  # 1 Apr local: April, not March
    datetime(2026, 4, 8, 10, 0, tzinfo=UTC),  # last day of period 1
    datetime(2026, 4, 9, 10, 0, tzinfo=UTC),  # first day of period 2
]
BREAK_UTC = datetime(2026, 3, 15, 0, 30, tzinfo=UTC)  # 15 Mar local
CONSENT_ON = date(2026, 3, 10)


def _session(client: Any, assignment: Any, done: datetime) -> None:
    body = session_payload(assignment, started_at=done.replace(minute=0), completed_at=done)
    answer = client.post("/api/sessions/", body, format="json")
    assert answer.status_code == 201, answer.json()


@pytest.fixture
def monitored(cast: Any, as_user: Any) -> Any:
    cast.pat.timezone = "Europe/London"
    cast.pat.save()
    cast.phil.timezone = "Europe/London"
    cast.phil.save()
    assignment = assign_program(cast.phil, cast.pat, start=date(2026, 2, 20))
    pat, phil = as_user(cast.pat), as_user(cast.phil)
    with time_machine.travel(datetime(2026, 3, 12, 9, 0, tzinfo=UTC), tick=False):
        consent = phil.post(
            "/api/consents/",
            {"patient": cast.pat.pk, "given_on": "2026-03-10", "method": "written", "note": "form"},
            format="json",
        )
        assert consent.status_code == 201, consent.json()
    with time_machine.travel(datetime(2026, 4, 20, 9, 0, tzinfo=UTC), tick=False):
        for done in SESSIONS_UTC:
            _session(pat, assignment, done)
    Break.objects.create(user=cast.pat, taken_at=BREAK_UTC)
    with time_machine.travel(datetime(2026, 3, 16, 9, 0, tzinfo=UTC), tick=False):
        entry = {
            "patient": cast.pat.pk,
            "category": "review",
            "minutes": 20,
            "on_date": "2026-03-15",
        }
        assert phil.post("/api/time-entries/", entry, format="json").status_code == 201
        msg = {"id": str(uuid.uuid4()), "body": "How are the bridges?", "patient": cast.pat.pk}
        assert phil.post("/api/messages/", msg, format="json").status_code == 201
        assert (
            pat.post(
                "/api/messages/", {"id": str(uuid.uuid4()), "body": "Fine"}, format="json"
            ).status_code
            == 201
        )
    with time_machine.travel(datetime(2026, 4, 2, 9, 0, tzinfo=UTC), tick=False):
        call = {"patient": cast.pat.pk, "category": "call", "minutes": 10}
        assert phil.post("/api/time-entries/", call, format="json").status_code == 201
    return cast


def _report(client: Any, patient: int, month: str) -> Any:
    answer = client.get("/api/reports/monthly/", {"patient": patient, "month": month})
    assert answer.status_code == 200, answer.json()
    return answer.json()


def test_march_counts_local_days_after_consent_across_dst(monitored: Any, as_user: Any) -> None:
    report = _report(as_user(monitored.phil), monitored.pat.pk, "2026-03")
    assert report["monitoring_start"] == "2026-03-10"
    # 15 Mar (break), 28 Mar, 30 Mar; 5 Mar is before consent, 1 Apr is April.
    assert report["days_with_data_in_month"] == 3
    (period,) = report["periods"]
    assert (period["number"], period["start"], period["end"]) == (1, "2026-03-10", "2026-04-08")
    # Period 1 runs into April: 15, 28, 30 Mar, 1 Apr, 8 Apr.
    assert period["days_with_data"] == 5 and period["band"] == "partial"
    assert report["minutes"] == {"total": 20, "by_category": {"review": 20}}
    assert report["messages"] == {"from_patient": 1, "from_clinic": 1}
    assert report["interactive_communication"] is True
    assert report["consent"][0]["recorded_by"] == "Phil Physio"
    assert "documentation aid" in report["statement"] and "responsibility" in report["statement"]
    assert report["thresholds"] == {"period_days": 30, "partial_days": 2, "full_days": 16}


def test_april_has_two_periods_and_a_call_counts_as_communication(
    monitored: Any, as_user: Any
) -> None:
    report = _report(as_user(monitored.phil), monitored.pat.pk, "2026-04")
    assert [(p["number"], p["days_with_data"]) for p in report["periods"]] == [(1, 5), (2, 1)]
    assert report["days_with_data_in_month"] == 3  # 1, 8 and 9 Apr
    assert report["minutes"]["total"] == 10
    assert report["messages"] == {"from_patient": 0, "from_clinic": 0}
    assert report["interactive_communication"] is True  # the logged call


def test_thresholds_come_from_settings(monitored: Any, as_user: Any, settings: Any) -> None:
    settings.RTM_PARTIAL_DAYS = 6
    (period,) = _report(as_user(monitored.phil), monitored.pat.pk, "2026-03")["periods"]
    assert period["band"] == "below"
    settings.RTM_FULL_DAYS = 5
    (period,) = _report(as_user(monitored.phil), monitored.pat.pk, "2026-03")["periods"]
    assert period["band"] == "full"


def test_without_consent_nothing_counts_and_revocation_stops_counting(
    monitored: Any, as_user: Any
) -> None:
    phil = as_user(monitored.phil)
    consent_id = phil.get("/api/consents/", {"patient": monitored.pat.pk}).json()[0]["id"]
    with time_machine.travel(datetime(2026, 3, 29, 12, 0, tzinfo=UTC), tick=False):
        revoked = as_user(monitored.pat).post(f"/api/consents/{consent_id}/revoke/")
        assert revoked.status_code == 200 and revoked.json()["revoked_on"] == "2026-03-29"
    report = _report(phil, monitored.pat.pk, "2026-03")
    assert report["days_with_data_in_month"] == 2  # 15 and 28 Mar; 30 Mar is after revoking
    assert report["periods"][0]["days_with_data"] == 2
    olive = _report(as_user(monitored.adam), monitored.olive.pk, "2026-03")
    assert olive["periods"] == [] and olive["days_with_data_in_month"] == 0


def test_pdf_report_parses_back_with_the_figures(monitored: Any, as_user: Any) -> None:
    answer = as_user(monitored.phil).get(
        "/api/reports/monthly.pdf", {"patient": monitored.pat.pk, "month": "2026-03"}
    )
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(answer.content)).pages)
    text = " ".join(text.split())
    assert "Pat Patient" in text
    assert "Days with data in 2026-03: 3" in text
    assert "2026-03-10 2026-04-08 5 2-15 days" in text
    assert "Minutes recorded: 20" in text
    assert "Interactive communication: yes" in text
    assert "Given on 2026-03-10 (Written), recorded by Phil Physio" in text
    assert "documentation aid" in text


def test_clinic_csv_streams_one_row_per_patient_period(monitored: Any, as_user: Any) -> None:
    answer = as_user(monitored.adam).get("/api/reports/clinic.csv", {"month": "2026-04"})
    assert answer.status_code == 200 and answer.streaming
    rows = list(csv.DictReader(io.StringIO(b"".join(answer.streaming_content).decode())))
    pats = [r for r in rows if r["patient_id"] == str(monitored.pat.pk)]
    assert [(r["period"], r["days_with_data"], r["band"]) for r in pats] == [
        ("1", "5", "partial"),
        ("2", "1", "below"),
    ]
    assert pats[0]["minutes_in_month"] == "10" and pats[0]["interactive_communication"] == "yes"
    olive = [r for r in rows if r["patient_id"] == str(monitored.olive.pk)]
    assert len(olive) == 1 and olive[0]["period"] == ""
    assert str(monitored.hana.pk) not in {r["patient_id"] for r in rows}
    # A physio's CSV holds their own patients only.
    mine = as_user(monitored.phil).get("/api/reports/clinic.csv", {"month": "2026-04"})
    ids = {
        r["patient_id"]
        for r in csv.DictReader(io.StringIO(b"".join(mine.streaming_content).decode()))
    }
    assert ids == {str(monitored.pat.pk)}


def test_csv_cells_never_run_as_formulas(cast: Any, as_user: Any) -> None:
    cast.olive.full_name = "=HYPERLINK(1)"
    cast.olive.save()
    answer = as_user(cast.adam).get("/api/reports/clinic.csv", {"month": "2026-04"})
    body = b"".join(answer.streaming_content).decode()
    assert "'=HYPERLINK(1)" in body


@pytest.mark.parametrize("month", ["", "2026-13", "2026-1", "abcd-ef", "1999-01", "2026-04-01"])
def test_bad_month_is_400(cast: Any, as_user: Any, month: str) -> None:
    answer = as_user(cast.phil).get(
        "/api/reports/monthly/", {"patient": cast.pat.pk, "month": month}
    )
    assert answer.status_code == 400 and "month" in answer.json()


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("pat", 403),
        ("phil", 200),
        ("carla", 404),
        ("olive", 403),
        ("adam", 200),
        ("hugo", 404),
        ("hana", 403),
        ("heidi", 404),
    ],
)
def test_who_gets_pats_report(cast: Any, as_user: Any, who: str, expected: int) -> None:
    client = as_user(getattr(cast, who))
    for url in ("/api/reports/monthly/", "/api/reports/monthly.pdf"):
        assert client.get(url, {"patient": cast.pat.pk, "month": "2026-04"}).status_code == expected
