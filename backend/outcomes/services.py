"""Writes of outcome measures: loading wording, scheduling a questionnaire, storing a
patient's answers (scored by the pure ``scoring`` module), correcting PSFS activities."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import Clinic, Role, User
from backend.accounts.selectors import patients_visible_to
from backend.outcomes.models import MeasureWording, OutcomeResponse, OutcomeSchedule
from backend.outcomes.scoring import MEASURES, ScoringError
from backend.outcomes.scoring import score as score_answers
from backend.outcomes.selectors import (
    LICENSED_MEASURES,
    NEEDS_LICENSED_WORDING,
    PSFS,
    licensed_measures_of,
    psfs_activities,
)
from backend.outcomes.wording import (
    MEASURE_CONTENT_DIR,
    Wording,
    read_library_wording,
    read_wording,
)
from backend.programs.selectors import local_today

MAX_EVERY_WEEKS = 52
PSFS_ACTIVITY_MAX_LEN = 80


# -- wording ----------------------------------------------------------------------------------


@transaction.atomic
def _wording_save(wordings: Sequence[Wording], clinic: Clinic | None) -> int:
    measures = sorted({w.measure for w in wordings})
    MeasureWording.objects.filter(clinic=clinic, measure__in=measures).delete()
    MeasureWording.objects.bulk_create(
        MeasureWording(
            clinic=clinic, measure=w.measure, language=w.language, name=w.name, items=w.items
        )
        for w in wordings
    )
    return len(wordings)


def wording_load(path: Path, *, clinic: Clinic) -> int:
    """Load a clinic's licensed wording (replacing its earlier wording of those measures).
    Only that clinic sees it. Returns how many (measure, language) rows were stored."""
    return _wording_save(read_wording(path), clinic)


def library_wording_load(content_dir: Path = MEASURE_CONTENT_DIR) -> int:
    """Load our own wording (and the ODI/RMDQ placeholders) as library wording."""
    return _wording_save(read_library_wording(content_dir), None)


# -- schedules --------------------------------------------------------------------------------


def schedule_create(
    *,
    actor: User,
    patient_id: int,
    measure: str,
    every_weeks: int | None,
    start_date: date | None = None,
) -> OutcomeSchedule:
    """Baseline on ``start_date`` (default: the patient's today), then every N weeks after
    the last answer. A new schedule replaces the patient's active one for that measure."""
    if actor.role != Role.PHYSIO or actor.clinic_id is None:
        raise ValidationError(
            {"detail": [_("Only a physiotherapist can schedule questionnaires.")]}
        )
    patient = patients_visible_to(actor).filter(pk=patient_id).first()
    if patient is None:
        raise ValidationError({"patient": [_("Choose one of your patients.")]})
    if measure not in MEASURES:
        raise ValidationError(
            {"measure": [_("Choose one of %(choices)s.") % {"choices": ", ".join(MEASURES)}]}
        )
    if measure in LICENSED_MEASURES and measure not in licensed_measures_of(actor.clinic_id):
        raise ValidationError({"measure": [NEEDS_LICENSED_WORDING]})
    if every_weeks is not None and not 1 <= every_weeks <= MAX_EVERY_WEEKS:
        raise ValidationError(
            {"every_weeks": [_("Choose 1 to %(most)d weeks, or null.") % {"most": MAX_EVERY_WEEKS}]}
        )
    with transaction.atomic():
        OutcomeSchedule.objects.filter(patient=patient, measure=measure, active=True).update(
            active=False
        )
        return OutcomeSchedule.objects.create(
            patient=patient,
            measure=measure,
            every_weeks=every_weeks,
            start_date=start_date or local_today(patient),
            created_by=actor,
        )


# -- responses --------------------------------------------------------------------------------


def response_submit(
    *,
    patient: User,
    measure: str,
    answers: Sequence[Any],
    schedule_id: int | None = None,
    now: datetime | None = None,
    activities: Any | None = None,
) -> OutcomeResponse:
    """Score and store a patient's answers; invalid answers write nothing. PSFS answers
    rate the activities named at baseline (``_psfs_rated``)."""
    if patient.role != Role.PATIENT:
        raise ValidationError({"detail": [_("Only a patient answers questionnaires.")]})
    try:
        value = score_answers(measure, answers)
    except ScoringError as exc:
        raise ValidationError({exc.field: [exc.message]}) from exc
    schedule = None
    if schedule_id is not None:
        schedule = OutcomeSchedule.objects.filter(pk=schedule_id, patient=patient).first()
        if schedule is None:
            raise ValidationError({"schedule": [_("You have no such questionnaire schedule.")]})
        if schedule.measure != measure:
            raise ValidationError(
                {
                    "schedule": [
                        _("This schedule is for %(measure)s.") % {"measure": schedule.measure}
                    ]
                }
            )
    rated = _psfs_rated(patient, answers, activities) if measure == PSFS else []
    answered_at = now or timezone.now()
    return OutcomeResponse.objects.create(
        patient=patient,
        measure=measure,
        schedule=schedule,
        answers=list(answers),
        activities=rated,
        score=value,
        answered_at=answered_at,
        local_date=local_today(patient, answered_at),
    )


# -- PSFS activities --------------------------------------------------------------------------


def _clean_activities(activities: Any, field: str = "activities") -> list[str]:
    if not isinstance(activities, list) or not all(isinstance(a, str) for a in activities):
        raise ValidationError({field: [_("Give the activities as a list of short names.")]})
    clean = [a.strip() for a in activities]
    if not 3 <= len(clean) <= 5:
        raise ValidationError({field: [_("Name three to five activities.")]})
    for index, name in enumerate(clean):
        if not name or len(name) > PSFS_ACTIVITY_MAX_LEN or "\x00" in name:
            raise ValidationError(
                {
                    f"{field}[{index}]": [
                        _("Give a name of 1 to %(most)d characters.")
                        % {"most": PSFS_ACTIVITY_MAX_LEN}
                    ]
                }
            )
    return clean


def _psfs_rated(patient: User, answers: Sequence[Any], posted: Any | None) -> list[str]:
    """The activities a PSFS answer rates. At baseline the patient names them (required);
    later the stored ones are used, and naming others is refused."""
    stored = psfs_activities(patient)
    if not stored:
        if posted is None:
            raise ValidationError({"activities": [_("Name the activities you are rating.")]})
        named = _clean_activities(posted)
        if len(named) != len(answers):
            raise ValidationError({"activities": [_("Give one activity for each answer.")]})
        return named
    if posted is not None and _clean_activities(posted) != stored[: len(answers)]:
        raise ValidationError(
            {
                "activities": [
                    _("Rate the activities named at the start: %(names)s")
                    % {"names": "; ".join(stored)}
                ]
            }
        )
    if len(answers) != len(stored):
        raise ValidationError(
            {"answers": [_("Rate each of the %(count)d activities.") % {"count": len(stored)}]}
        )
    return stored


def psfs_activities_set(*, patient: User, activities: Any) -> list[str]:
    """The physio corrects the activity names (kept on the patient's PSFS schedules)."""
    clean = _clean_activities(activities)
    schedules = OutcomeSchedule.objects.filter(patient=patient, measure=PSFS)
    if not schedules.exists():
        raise ValidationError({"activities": [_("Schedule the PSFS for this patient first.")]})
    schedules.update(activities=clean)
    return clean
