"""Patient-Specific Functional Scale: the activities the patient named at baseline are
stored and asked again at every follow-up, so each follow-up rates the same activities.
The physio may correct them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.programs.models import OutcomeResponse, OutcomeSchedule

PSFS = "psfs"
ACTIVITY_MAX_LEN = 80


def psfs_activities(patient: User) -> list[str]:
    """The patient's current PSFS activities: the physio's edit (kept on the PSFS
    schedules) if any, otherwise those named with the first PSFS answer."""
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


def _clean(activities: Any, field: str = "activities") -> list[str]:
    if not isinstance(activities, list) or not all(isinstance(a, str) for a in activities):
        raise ValidationError({field: [_("Give the activities as a list of short names.")]})
    clean = [a.strip() for a in activities]
    if not 3 <= len(clean) <= 5:
        raise ValidationError({field: [_("Name three to five activities.")]})
    for index, name in enumerate(clean):
        if not name or len(name) > ACTIVITY_MAX_LEN or "\x00" in name:
            raise ValidationError(
                {
                    f"{field}[{index}]": [
                        _("Give a name of 1 to %(most)d characters.") % {"most": ACTIVITY_MAX_LEN}
                    ]
                }
            )
    return clean


def activities_for_answers(patient: User, answers: Sequence[Any], posted: Any | None) -> list[str]:
    """The activities a PSFS answer rates. At baseline the patient names them (required);
    later the stored ones are used, and naming others is refused."""
    stored = psfs_activities(patient)
    if not stored:
        if posted is None:
            raise ValidationError({"activities": [_("Name the activities you are rating.")]})
        named = _clean(posted)
        if len(named) != len(answers):
            raise ValidationError({"activities": [_("Give one activity for each answer.")]})
        return named
    if posted is not None and _clean(posted) != stored[: len(answers)]:
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
    clean = _clean(activities)
    schedules = OutcomeSchedule.objects.filter(patient=patient, measure=PSFS)
    if not schedules.exists():
        raise ValidationError({"activities": [_("Schedule the PSFS for this patient first.")]})
    schedules.update(activities=clean)
    return clean
