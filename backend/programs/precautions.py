"""Precautions a physio marks for a patient (e.g. extension intolerance). Movement nudges
never suggest a micro-break that carries one of them (backend/nudges/content.py)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.programs.models import PatientPrecautions
from exercises.models import Precaution, pick_translation
from exercises.vocabulary import PRECAUTION_CODES


def precaution_choices(language: str) -> list[dict[str, str]]:
    """Every library precaution with its label, for the physio's checklist."""
    rows = Precaution.objects.filter(code__in=PRECAUTION_CODES).prefetch_related("translations")
    return [
        {"code": row.code, "label": pick_translation(row, language).label}
        for row in sorted(rows, key=lambda r: PRECAUTION_CODES.index(r.code))
    ]


def patient_precaution_codes(patient: User) -> list[str]:
    row = PatientPrecautions.objects.filter(patient=patient).first()
    return list(row.codes) if row is not None else []


def patient_precautions_set(*, patient: User, codes: Any, actor: User) -> list[str]:
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise ValidationError({"codes": [_("Give a list of precaution codes.")]})
    unknown = sorted({c[:60] for c in codes} - set(PRECAUTION_CODES))
    if unknown:
        raise ValidationError(
            {"codes": [_("Not a known precaution: %(codes)s.") % {"codes": ", ".join(unknown)}]}
        )
    clean = sorted(set(codes))
    PatientPrecautions.objects.update_or_create(
        patient=patient,
        defaults={"codes": clean, "updated_by": actor, "updated_at": timezone.now()},
    )
    return clean
