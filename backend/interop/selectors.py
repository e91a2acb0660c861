"""Reads for the FHIR export: one query per kind of row, whatever the patient's history.

Rows are ``values()`` dicts (no model instances: a 3-year history is thousands of rows).
Sessions are read with ``iterator()`` so they stream from the database in chunks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Q

from backend.accounts.models import CareLink, Clinic, User
from backend.accounts.selectors import patients_visible_to
from backend.outcomes.models import MeasureWording, OutcomeResponse
from backend.outcomes.selectors import measures_for
from backend.programs.models import (
    Assignment,
    ProgramItem,
    ProgramVersion,
    Session,
    SessionItem,
)
from backend.programs.selectors import local_today
from exercises.models import ExerciseTranslation

SESSION_FIELDS = (
    "id",
    "patient_id",
    "assignment_id",
    "started_at",
    "completed_at",
    "pain_before",
    "pain_after",
    "difficulty",
    "notes",
    "created_at",
    "program_version__program__name",
)
ITEM_FIELDS = (
    "session_id",
    "exercise_id",
    "program_item_id",
    "sets_done",
    "reps_done",
    "hold_seconds_done",
    "skipped",
    "skip_reason",
)
CHUNK = 500


def patient_for_fhir(viewer: User, patient_id: int) -> User | None:
    """The patient ``viewer`` may export, or None (the API answers 404)."""
    return patients_visible_to(viewer).filter(pk=patient_id).first()


@dataclass
class PatientRecord:
    """Everything but the sessions and responses, which are streamed separately."""

    patient: dict[str, Any]
    patient_updated: datetime
    physio_ids: list[int]
    clinic: dict[str, Any] | None
    practitioners: list[dict[str, Any]]
    assignments: list[dict[str, Any]]
    session_counts: dict[int, int]
    # assignment id → [(version row, [item rows])], the versions the patient was given.
    versions: dict[int, list[tuple[dict[str, Any], list[dict[str, Any]]]]]
    exercise_names: dict[int, str]
    today: date
    language: str
    measures: dict[str, dict[str, Any]] = field(default_factory=dict)
    licensed: set[str] = field(default_factory=set)


def _plain(rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [dict(row) for row in rows]


def _best_names(exercise_ids: set[int], language: str) -> dict[int, str]:
    names: dict[int, str] = {}
    rows = ExerciseTranslation.objects.filter(
        exercise_id__in=exercise_ids, language__in={language, "en"}
    ).values_list("exercise_id", "language", "name")
    for exercise_id, row_language, name in rows:
        if row_language == language or exercise_id not in names:
            names[exercise_id] = name
    return names


def _versions_given(
    assignment: dict[str, Any], versions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The versions that were current at some time during the assignment: the one current
    when it was made, and every later one."""
    made = assignment["created_at"]
    before = [v for v in versions if v["created_at"] <= made]
    later = [v for v in versions if v["created_at"] > made]
    return ([before[-1]] if before else []) + later


def patient_record(patient: User) -> PatientRecord:
    language = patient.language or "en"
    links = list(CareLink.objects.filter(patient=patient).values("physio_id", "created_at"))
    physio_ids = sorted(link["physio_id"] for link in links)
    patient_updated = max([patient.updated_at, *(link["created_at"] for link in links)])
    assignments = _plain(
        Assignment.objects.filter(patient=patient)
        .order_by("start_date", "pk")
        .values(
            "id",
            "patient_id",
            "assigned_by_id",
            "program_id",
            "program__name",
            "program__updated_at",
            "start_date",
            "end_date",
            "days_of_week",
            "preferred_time",
            "notes",
            "status",
            "created_at",
            "updated_at",
        )
    )
    author_ids = {a["assigned_by_id"] for a in assignments}
    link_times = {link["physio_id"]: link["created_at"] for link in links}
    practitioners = _plain(
        User.objects.filter(Q(pk__in=physio_ids) | Q(pk__in=author_ids))
        .order_by("pk")
        .values("id", "full_name", "updated_at")
    )
    for row in practitioners:
        linked = link_times.get(row["id"])
        row["fhir_updated"] = max(row["updated_at"], linked) if linked else row["updated_at"]
    clinic_rows = _plain(
        Clinic.objects.filter(pk=patient.clinic_id).values("id", "name", "updated_at")
        if patient.clinic_id
        else Clinic.objects.none().values("id")
    )
    clinic = clinic_rows[0] if clinic_rows else None
    session_counts = dict(
        Session.objects.filter(patient=patient)
        .values("assignment_id")
        .annotate(n=Count("pk"))
        .values_list("assignment_id", "n")
    )
    program_ids = {a["program_id"] for a in assignments}
    version_rows = _plain(
        ProgramVersion.objects.filter(program_id__in=program_ids)
        .order_by("program_id", "number")
        .values("id", "program_id", "number", "phases", "created_at")
    )
    by_program: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for v in version_rows:
        by_program[v["program_id"]].append(v)
    given = {a["id"]: _versions_given(a, by_program[a["program_id"]]) for a in assignments}
    version_ids = {v["id"] for vs in given.values() for v in vs}
    items_by_version: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for item in _plain(
        ProgramItem.objects.filter(version_id__in=version_ids)
        .order_by("version_id", "phase", "position")
        .values(
            "id",
            "version_id",
            "phase",
            "position",
            "exercise_id",
            "sets",
            "reps",
            "hold_seconds",
            "rest_seconds",
            "per_side",
            "tempo",
            "notes",
        )
    ):
        items_by_version[item["version_id"]].append(item)
    exercise_ids = {i["exercise_id"] for items in items_by_version.values() for i in items}
    exercise_ids |= set(
        SessionItem.objects.filter(session__patient=patient)
        .values_list("exercise_id", flat=True)
        .distinct()
    )
    return PatientRecord(
        patient={
            "id": patient.pk,
            "full_name": patient.full_name,
            "email": patient.email,
            "language": patient.language,
            "clinic_id": patient.clinic_id,
        },
        patient_updated=patient_updated,
        physio_ids=physio_ids,
        clinic=clinic,
        practitioners=practitioners,
        assignments=assignments,
        session_counts=session_counts,
        versions={aid: [(v, items_by_version[v["id"]]) for v in vs] for aid, vs in given.items()},
        exercise_names=_best_names(exercise_ids, language),
        today=local_today(patient),
        language=language,
    )


def add_measures(record: PatientRecord, clinic_id: int | None, measure_codes: set[str]) -> None:
    """The wording of the measures the patient answered, as their clinic sees it."""
    if not measure_codes:
        return
    record.measures = {
        m["code"]: m for m in measures_for(clinic_id, record.language) if m["code"] in measure_codes
    }
    if clinic_id is not None:
        record.licensed = set(
            MeasureWording.objects.filter(clinic_id=clinic_id, measure__in=measure_codes)
            .values_list("measure", flat=True)
            .distinct()
        )


def sessions_since(patient: User, since: datetime | None) -> Iterator[dict[str, Any]]:
    sessions = Session.objects.filter(patient=patient)
    if since is not None:
        sessions = sessions.filter(created_at__gte=since)
    # values() of a field list the plugin cannot see types its rows as Any.
    rows: Iterator[dict[str, Any]] = (
        sessions.order_by("completed_at", "id").values(*SESSION_FIELDS).iterator(CHUNK)
    )
    return rows


def session_items(patient: User, since: datetime | None) -> dict[Any, list[dict[str, Any]]]:
    items = SessionItem.objects.filter(session__patient=patient)
    if since is not None:
        items = items.filter(session__created_at__gte=since)
    grouped: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in items.order_by("session_id", "position").values(*ITEM_FIELDS).iterator(CHUNK):
        grouped[row["session_id"]].append(row)
    return grouped


def responses_since(patient: User, since: datetime | None) -> list[dict[str, Any]]:
    responses = OutcomeResponse.objects.filter(patient=patient)
    if since is not None:
        responses = responses.filter(answered_at__gte=since)
    return _plain(
        responses.order_by("answered_at", "pk").values(
            "id", "patient_id", "measure", "answers", "score", "answered_at"
        )
    )
