"""Moving the outcome models from ``programs`` to ``outcomes`` keeps every row: migrate a
database back to the schema before the move, write outcome rows there, migrate forward,
and read the same rows (same ids, answers, links, content types) through the new app."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from backend.outcomes.models import MeasureWording, OutcomeResponse, OutcomeSchedule
from backend.outcomes.selectors import responses_for

pytestmark = pytest.mark.django_db(transaction=True)

LAST_BEFORE_THE_MOVE = ("programs", "0008_finish_session_uuid_per_user")
ANSWERED = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)


def _write_before_the_move(old: Any) -> dict[str, Any]:
    clinic = old.get_model("accounts", "Clinic").objects.create(name="Before the move")
    users = old.get_model("accounts", "User").objects
    physio = users.create(email="physio@before.example", role="physio", clinic=clinic)
    patient = users.create(email="patient@before.example", role="patient", clinic=clinic)
    schedule = old.get_model("programs", "OutcomeSchedule").objects.create(
        patient=patient,
        measure="psfs",
        every_weeks=2,
        start_date=date(2026, 11, 2),
        created_by=physio,
        activities=["Socks", "Stairs", "Bags"],
    )
    responses = old.get_model("programs", "OutcomeResponse").objects
    baseline = responses.create(
        patient=patient,
        measure="psfs",
        schedule=schedule,
        answers=[2, 3, 4],
        activities=["Socks", "Stairs", "Bags"],
        score=3.0,
        answered_at=ANSWERED.replace(day=2),
        local_date=date(2026, 11, 2),
    )
    follow_up = responses.create(
        patient=patient,
        measure="psfs",
        schedule=schedule,
        answers=[5, 6, 7],
        activities=["Socks", "Stairs", "Bags"],
        score=6.0,
        answered_at=ANSWERED,
        local_date=date(2026, 11, 20),
    )
    wording = old.get_model("programs", "MeasureWording").objects.create(
        clinic=clinic, measure="odi", language="en", name="Licensed ODI", items=[{"index": 0}]
    )
    return {
        "physio": physio.pk,
        "patient": patient.pk,
        "schedule": schedule.pk,
        "responses": [baseline.pk, follow_up.pk],
        "wording": wording.pk,
    }


def test_existing_outcome_rows_survive_the_move() -> None:
    executor = MigrationExecutor(connection)
    # Every other app stays where it is; programs goes back before the move, outcomes out.
    others = [n for n in executor.loader.graph.leaf_nodes() if n[0] not in ("programs", "outcomes")]
    executor.migrate([*others, LAST_BEFORE_THE_MOVE, ("outcomes", None)])
    old = executor.loader.project_state([*others, LAST_BEFORE_THE_MOVE]).apps
    assert "programs_outcomeresponse" in connection.introspection.table_names()
    old_types = old.get_model("contenttypes", "ContentType").objects
    response_type = old_types.get(app_label="programs", model="outcomeresponse").pk
    ids = _write_before_the_move(old)

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    tables = connection.introspection.table_names()
    assert {"outcomes_outcomeschedule", "outcomes_outcomeresponse"} <= set(tables)
    assert not {t for t in tables if t.startswith(("programs_outcome", "programs_measure"))}
    schedule = OutcomeSchedule.objects.get(pk=ids["schedule"])
    assert (schedule.patient_id, schedule.created_by_id, schedule.every_weeks) == (
        ids["patient"],
        ids["physio"],
        2,
    )
    assert schedule.activities == ["Socks", "Stairs", "Bags"]
    assert list(
        OutcomeResponse.objects.order_by("pk").values_list("pk", "schedule_id", "answers", "score")
    ) == [
        (ids["responses"][0], ids["schedule"], [2, 3, 4], 3.0),
        (ids["responses"][1], ids["schedule"], [5, 6, 7], 6.0),
    ]
    assert MeasureWording.objects.get(pk=ids["wording"]).name == "Licensed ODI"
    # The content type moved with its model (admin log entries and permissions keep it).
    assert ContentType.objects.get_for_model(OutcomeResponse).pk == response_type
    # The selectors read the moved rows: the follow-up's change from its baseline.
    follow_up = responses_for(schedule.patient).get(pk=ids["responses"][1])
    assert follow_up.baseline_id == ids["responses"][0]  # type: ignore[attr-defined]
    # New rows carry on after the old ids (the sequence came with the table).
    new = OutcomeResponse.objects.create(
        patient_id=ids["patient"], measure="nprs", answers=[3], score=3, local_date=date.today()
    )
    assert new.pk > max(ids["responses"])
