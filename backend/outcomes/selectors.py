"""Reads of outcome measures: the measures with their wording, schedules, what is due,
responses with their change from baseline, and the PSFS activities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy

from backend.accounts.models import User
from backend.accounts.selectors import patients_visible_to
from backend.accounts.timezones import zone
from backend.outcomes.models import MeasureWording, OutcomeResponse, OutcomeSchedule
from backend.outcomes.scoring import MEASURES, change_from_baseline
from backend.outcomes.wording import FALLBACK_LANGUAGE, shipped_wording
from backend.programs.selectors import local_today

PSFS = "psfs"
# Copyrighted questionnaires: Upright ships only placeholders, so they can be scheduled only
# for a clinic that loaded the wording it holds a licence for (``load_measure_wording``).
LICENSED_MEASURES = frozenset({"odi", "rmdq"})
NEEDS_LICENSED_WORDING = gettext_lazy(
    "This needs your clinic's licensed wording, which has not been loaded yet "
    "(an administrator runs load_measure_wording)."
)


# -- measures ---------------------------------------------------------------------------------


def measures_for(clinic_id: int | None, language: str) -> list[dict[str, Any]]:
    """Every measure with its best wording: the clinic's, then the library's, then the
    shipped files; within each, the caller's language before English."""
    scope = Q(clinic=None) if clinic_id is None else Q(clinic=None) | Q(clinic_id=clinic_id)
    languages = {language, FALLBACK_LANGUAGE}
    candidates: dict[str, list[tuple[tuple[int, int], str, list[dict[str, Any]]]]] = {}
    for row in MeasureWording.objects.filter(scope, language__in=languages):
        rank = (0 if row.clinic_id else 1, 0 if row.language == language else 1)
        candidates.setdefault(row.measure, []).append((rank, row.name, row.items))
    for wording in shipped_wording():
        if wording.language in languages:
            rank = (2, 0 if wording.language == language else 1)
            candidates.setdefault(wording.measure, []).append((rank, wording.name, wording.items))
    licensed = licensed_measures_of(clinic_id)
    result = []
    for code, spec in MEASURES.items():
        _, name, items = min(candidates[code], key=lambda c: c[0])
        available = code not in LICENSED_MEASURES or code in licensed
        result.append(
            {
                "code": code,
                "name": name,
                "min_items": spec.item_count[0],
                "max_items": spec.item_count[1],
                "lower_is_better": spec.lower_is_better,
                "items": items,
                "available": available,
                "unavailable_reason": None if available else NEEDS_LICENSED_WORDING,
            }
        )
    return result


def licensed_measures_of(clinic_id: int | None) -> set[str]:
    """The copyrighted measures whose wording this clinic has loaded."""
    if clinic_id is None:
        return set()
    return set(
        MeasureWording.objects.filter(clinic_id=clinic_id, measure__in=LICENSED_MEASURES)
        .values_list("measure", flat=True)
        .distinct()
    )


# -- schedules and what is due ----------------------------------------------------------------


def schedules_for(user: User) -> QuerySet[OutcomeSchedule]:
    return OutcomeSchedule.objects.filter(
        patient__in=patients_visible_to(user), active=True
    ).order_by("patient_id", "measure")


def next_due(schedule: OutcomeSchedule, last_answered: date | None) -> date | None:
    """When ``schedule`` is next due, given the patient's latest answer of its measure."""
    if last_answered is None or last_answered < schedule.start_date:
        return schedule.start_date
    if schedule.every_weeks is None:
        return None
    return last_answered + timedelta(weeks=schedule.every_weeks)


def due_for(patient: User, today: date | None = None) -> list[dict[str, Any]]:
    """The patient's questionnaires due on or before ``today`` (their local day)."""
    today = today or local_today(patient)
    schedules = OutcomeSchedule.objects.filter(patient=patient, active=True).order_by(
        "start_date", "pk"
    )
    latest = dict(
        OutcomeResponse.objects.filter(patient=patient)
        .values("measure")
        .annotate(last=Max("local_date"))
        .values_list("measure", "last")
    )
    due = []
    for schedule in schedules:
        due_date = next_due(schedule, latest.get(schedule.measure))
        if due_date is not None and due_date <= today:
            entry = {"schedule": schedule.pk, "measure": schedule.measure, "due_date": due_date}
            if schedule.measure == PSFS:
                entry["activities"] = psfs_activities(patient)
            due.append(entry)
    return due


@dataclass(frozen=True)
class DueSchedule:
    schedule: OutcomeSchedule  # with its patient
    due_date: date
    local_now: datetime  # ``now`` in the patient's zone


def schedules_due(now: datetime) -> list[DueSchedule]:
    """Every active patient's active schedules that are due on or before their local day
    at ``now`` (the questionnaire reminders). Two queries: the schedules, and one
    aggregate over their patients' answers."""
    schedules = list(
        OutcomeSchedule.objects.filter(active=True, patient__is_active=True).select_related(
            "patient"
        )
    )
    if not schedules:
        return []
    latest = {
        (patient_id, measure): last
        for patient_id, measure, last in OutcomeResponse.objects.filter(
            patient_id__in={s.patient_id for s in schedules}
        )
        .values("patient_id", "measure")
        .annotate(last=Max("local_date"))
        .values_list("patient_id", "measure", "last")
    }
    due = []
    for schedule in schedules:
        local = timezone.localtime(now, zone(schedule.patient.timezone))
        due_date = next_due(schedule, latest.get((schedule.patient_id, schedule.measure)))
        if due_date is not None and due_date <= local.date():
            due.append(DueSchedule(schedule, due_date, local))
    return due


# -- responses --------------------------------------------------------------------------------


def responses_for(user: User) -> QuerySet[OutcomeResponse]:
    """Responses the caller may see, each annotated with its measure's baseline."""
    first = OutcomeResponse.objects.filter(
        patient=OuterRef("patient"), measure=OuterRef("measure")
    ).order_by("answered_at", "pk")
    return (
        OutcomeResponse.objects.filter(patient__in=patients_visible_to(user))
        .annotate(
            baseline_id=Subquery(first.values("pk")[:1]),
            baseline_score=Subquery(first.values("score")[:1]),
        )
        .order_by("-answered_at", "-pk")
    )


def _one_decimal(value: float) -> float:
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def change_of(response: OutcomeResponse) -> dict[str, Any] | None:
    """Change from the patient's first response of the measure; null for the baseline
    itself. ``response`` comes from ``responses_for`` (baseline annotated)."""
    baseline_id = getattr(response, "baseline_id", None)
    if baseline_id is None or baseline_id == response.pk:
        return None
    change = change_from_baseline(response.measure, response.baseline_score, response.score)  # type: ignore[attr-defined]
    return {
        "delta": change.delta,
        "percent": None if change.percent is None else _one_decimal(change.percent),
        "direction": change.direction,
        "meaningful": change.meaningful,
    }


# -- PSFS -------------------------------------------------------------------------------------


def psfs_activities(patient: User) -> list[str]:
    """The patient's current PSFS activities: the physio's edit (kept on the PSFS
    schedules) if any, otherwise those named with the first PSFS answer. The same
    activities are asked again at every follow-up, so each follow-up rates the same."""
    edited = (
        OutcomeSchedule.objects.filter(patient=patient, measure=PSFS)
        .exclude(activities=[])
        .order_by("-pk")
        .values_list("activities", flat=True)
        .first()
    )
    if edited:
        return list(edited)
    baseline = (
        OutcomeResponse.objects.filter(patient=patient, measure=PSFS)
        .exclude(activities=[])
        .order_by("answered_at", "pk")
        .values_list("activities", flat=True)
        .first()
    )
    return list(baseline or [])
