"""The plan, its preview, bad input, and the default plan made when a patient joins."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import time_machine

from backend.accounts.services import invite_create
from backend.nudges.models import NudgePlan
from backend.nudges.services import PLAN_FIELDS, invite_accept_with_plan, plan_for

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PLAN_URL = "/api/nudges/plan/"
MONDAY_0800_UTC = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 08:00 in London


def test_accepting_an_invite_gives_the_patient_a_default_plan(cast: Any) -> None:
    invite = invite_create(inviter=cast.phil, role="patient")
    with time_machine.travel(MONDAY_0800_UTC, tick=False):
        user = invite_accept_with_plan(
            code=invite.code,
            email="new@example.com",
            full_name="New Patient",
            password="a long enough secret",
            tz="Europe/Berlin",
        )
    plan = NudgePlan.objects.get(user=user)
    assert plan.enabled and plan.interval_minutes == 30
    assert plan.work_days == [1, 2, 3, 4, 5]
    # 09:00 Berlin is 08:00 UTC: the first nudge is 30 minutes into the shift.
    assert plan.next_due_at == datetime(2026, 11, 23, 8, 30, tzinfo=UTC)


def documented_plan_fields() -> set[str]:
    """The plan's fields as docs/API.md lists them (the contract the PWA is written to), so
    the list is written once in the documentation and once in the code (``PLAN_FIELDS``)."""
    (line,) = [
        line
        for line in (ROOT / "docs" / "API.md").read_text(encoding="utf-8").splitlines()
        if line.startswith(f"- `GET/PUT {PLAN_URL}`:")
    ]
    return set(re.findall(r'"(\w+)"', line.split("`:", 1)[1]))


def test_get_plan_shows_the_documented_fields(cast: Any, as_user: Any) -> None:
    body = as_user(cast.pat).get(PLAN_URL).json()
    documented = documented_plan_fields()
    assert "quiet_start" in documented  # the documentation's line was read, not misparsed
    assert documented <= set(PLAN_FIELDS) <= set(body)
    assert body["work_start"] == "09:00" and body["timezone"] == "Europe/London"


@time_machine.travel(MONDAY_0800_UTC, tick=False)
def test_put_plan_changes_settings_and_reschedules(cast: Any, as_user: Any) -> None:
    response = as_user(cast.pat).put(
        PLAN_URL,
        {"interval_minutes": 45, "work_start": "08:00", "work_end": "16:00", "work_days": [1, 3]},
    )
    assert response.status_code == 200, response.json()
    plan = NudgePlan.objects.get(user=cast.pat)
    assert plan.interval_minutes == 45 and plan.work_days == [1, 3]
    assert plan.next_due_at == datetime(2026, 11, 23, 8, 45, tzinfo=UTC)


def test_disabling_the_plan_takes_it_out_of_the_dispatcher_index(cast: Any, as_user: Any) -> None:
    assert as_user(cast.pat).put(PLAN_URL, {"enabled": False}).status_code == 200
    assert NudgePlan.objects.get(user=cast.pat).next_due_at is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"interval_minutes": 10}, "interval_minutes"),
        ({"interval_minutes": 121}, "interval_minutes"),
        ({"work_start": "09:00", "work_end": "09:00"}, "work_end"),
        ({"quiet_start": "12:00"}, "quiet_end"),
        ({"quiet_start": "12:00", "quiet_end": "12:00"}, "quiet_end"),
        ({"work_days": []}, "work_days"),
        ({"work_days": [0, 8]}, "work_days"),
        ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"work_start": "09:00", "work_end": "09:10"}, "work_end"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_bad_plan_input_is_refused_and_nothing_changes(
    cast: Any, as_user: Any, body: dict[str, Any], field: str
) -> None:
    before = plan_for(cast.pat)
    response = as_user(cast.pat).put(PLAN_URL, body)
    assert response.status_code == 400
    assert field in response.json()
    after = NudgePlan.objects.get(user=cast.pat)
    assert (after.interval_minutes, after.work_days, after.next_due_at) == (
        before.interval_minutes,
        before.work_days,
        before.next_due_at,
    )
    cast.pat.refresh_from_db()
    assert cast.pat.timezone == "Europe/London"


def test_plan_is_for_patients_only(cast: Any, as_user: Any) -> None:
    assert as_user(cast.phil).get(PLAN_URL).status_code == 403
    assert as_user(None).get(PLAN_URL).status_code in {401, 403}


def _preview(client: Any, **params: Any) -> Any:
    return client.get(f"{PLAN_URL}preview/?{urlencode(params)}")


def test_preview_lists_utc_and_local_instants(cast: Any, as_user: Any) -> None:
    cast.pat.timezone = "America/New_York"
    cast.pat.save()
    response = _preview(as_user(cast.pat), **{"from": "2026-11-23T13:00:00Z", "count": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["timezone"] == "America/New_York"
    assert [{"at": n["at"], "local": n["local"]} for n in body["nudges"]] == [
        {"at": "2026-11-23T14:30:00Z", "local": "2026-11-23T09:30:00-05:00"},
        {"at": "2026-11-23T15:00:00Z", "local": "2026-11-23T10:00:00-05:00"},
        {"at": "2026-11-23T15:30:00Z", "local": "2026-11-23T10:30:00-05:00"},
    ]


def test_preview_of_a_night_shift_crosses_midnight(cast: Any, as_user: Any) -> None:
    client = as_user(cast.pat)
    assert (
        client.put(
            PLAN_URL,
            {"work_start": "22:00", "work_end": "06:00", "interval_minutes": 120, "work_days": [1]},
        ).status_code
        == 200
    )
    body = _preview(client, **{"from": "2026-11-23T21:00:00Z", "count": 5}).json()
    assert [n["local"] for n in body["nudges"]] == [
        "2026-11-24T00:00:00+00:00",
        "2026-11-24T02:00:00+00:00",
        "2026-11-24T04:00:00+00:00",
        "2026-11-24T06:00:00+00:00",
        "2026-12-01T00:00:00+00:00",
    ]


def test_preview_skips_quiet_hours_and_respects_a_pause(cast: Any, as_user: Any) -> None:
    client = as_user(cast.pat)
    client.put(PLAN_URL, {"quiet_start": "12:00", "quiet_end": "13:00", "interval_minutes": 60})
    body = _preview(client, **{"from": "2026-11-23T09:30:00Z", "count": 4}).json()
    assert [n["at"] for n in body["nudges"]] == [
        "2026-11-23T10:00:00Z",
        "2026-11-23T11:00:00Z",
        "2026-11-23T13:00:00Z",
        "2026-11-23T14:00:00Z",
    ]
    client.put(PLAN_URL, {"paused_until": "2026-11-25T00:00:00Z"})
    body = _preview(client, **{"from": "2026-11-23T09:30:00Z", "count": 1}).json()
    assert body["nudges"][0]["at"] == "2026-11-25T10:00:00Z"


@pytest.mark.parametrize(
    "params", [{"from": "yesterday"}, {"count": 0}, {"count": 101}, {"when": "now"}]
)
def test_preview_bad_query_is_400(cast: Any, as_user: Any, params: dict[str, Any]) -> None:
    assert _preview(as_user(cast.pat), **params).status_code == 400


def test_changing_time_zone_in_the_profile_moves_the_next_nudge(cast: Any, as_user: Any) -> None:
    """Tokyo to London at 01:00 UTC (10:00 in Tokyo, 01:00 in London): the next nudge
    must come in London's working day, not at the old Tokyo slot or a day late."""
    cast.pat.timezone = "Asia/Tokyo"
    cast.pat.save()
    moment = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # a Tuesday
    with time_machine.travel(moment, tick=False):
        plan = plan_for(cast.pat)
        as_user(cast.pat).put(
            PLAN_URL,
            {"work_days": [1, 2, 3, 4, 5], "work_start": "09:00", "work_end": "17:00",
             "interval_minutes": 30},
        )  # fmt: skip
        plan.refresh_from_db()
        assert plan.next_due_at == datetime(2026, 11, 24, 1, 30, tzinfo=UTC)  # 10:30 Tokyo
        response = as_user(cast.pat).patch("/api/me/", {"timezone": "Europe/London"})
        assert response.status_code == 200
    plan.refresh_from_db()
    # London's shift starts at 09:00 GMT (09:00 UTC in November): first nudge 09:30 UTC.
    assert plan.next_due_at == datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
