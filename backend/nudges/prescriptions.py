"""Prescribed micro-breaks: what a physio may choose from, what the patient's nudges
rotate through, and the change itself. The pool rules are the pure ``breaks`` module's.

``DeskLibrary`` holds every desk-friendly exercise (precautions, default dose, names) and
is loaded once per dispatcher tick; ``pools_for`` works out the pools of a whole batch of
patients in three queries, whatever the batch size.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from backend.accounts.models import User
from backend.nudges import texts
from backend.nudges.breaks import BreakItem, conflict_codes, effective_pool
from backend.nudges.bulk import with_ids
from backend.nudges.models import BreakPrescription
from backend.programs.models import Assignment, AssignmentStatus, PatientPrecautions, ProgramItem
from exercises.models import Exercise, ExerciseTranslation, pick_translation

MICRO_BREAK = "micro-break"
MIN_MINUTES, MAX_MINUTES = 1, 3
MAX_ITEMS = 30


@dataclass(frozen=True)
class DeskExercise:
    slug: str
    clinic_id: int | None
    precautions: frozenset[str]
    dose: BreakItem
    default: bool  # a library micro-break of 1-3 minutes: in the defaults
    entry: Exercise


@dataclass
class DeskLibrary:
    by_slug: dict[str, DeskExercise] = field(default_factory=dict)

    @classmethod
    def load(cls) -> DeskLibrary:
        rows = (
            Exercise.objects.filter(desk_friendly=True, retired_at__isnull=True)
            .prefetch_related(
                Prefetch("translations", queryset=ExerciseTranslation.objects.all()), "precautions"
            )
            .order_by("slug")
        )
        library = cls()
        for row in rows:
            library.by_slug[row.slug] = DeskExercise(
                slug=row.slug,
                clinic_id=row.clinic_id,
                precautions=frozenset(p.code for p in row.precautions.all()),
                dose=BreakItem(row.slug, row.sets, row.reps, row.hold_seconds),
                default=(
                    row.clinic_id is None
                    and row.category == MICRO_BREAK
                    and MIN_MINUTES <= row.duration_minutes <= MAX_MINUTES
                ),
                entry=row,
            )
        return library

    @property
    def precautions(self) -> dict[str, frozenset[str]]:
        return {slug: row.precautions for slug, row in self.by_slug.items()}

    def defaults(self) -> list[BreakItem]:
        return [row.dose for row in self.by_slug.values() if row.default]

    def name(self, slug: str, language: str) -> str:
        row = self.by_slug.get(slug)
        return str(pick_translation(row.entry, language).name) if row is not None else slug

    def summary(self, slug: str, language: str) -> str:
        row = self.by_slug.get(slug)
        return str(pick_translation(row.entry, language).summary) if row is not None else ""


def items_from_json(items: Iterable[Any]) -> list[BreakItem]:
    return [
        BreakItem(
            str(item.get("exercise", "")),
            item.get("sets"),
            item.get("reps"),
            item.get("hold_seconds"),
            int(item.get("every_nth") or 1),
        )
        for item in items
        if isinstance(item, dict)
    ]


def _with_default_dose(item: BreakItem, library: DeskLibrary) -> BreakItem:
    """A prescribed item without reps and hold takes the exercise's own dose."""
    if item.reps is not None or item.hold_seconds is not None:
        return item
    row = library.by_slug.get(item.slug)
    if row is None:
        return item
    return BreakItem(
        item.slug, item.sets or row.dose.sets, row.dose.reps, row.dose.hold_seconds, item.every_nth
    )


def pools_for(
    user_ids: Iterable[int], library: DeskLibrary, *, memo: dict[Any, list[BreakItem]] | None = None
) -> dict[int, list[BreakItem]]:
    """Every patient's effective pool (see ``breaks.effective_pool``), in three queries.
    Patients with the same programs, choices and precautions share one computation."""
    ids = list(set(user_ids))
    memo = {} if memo is None else memo
    per_user: dict[int, list[tuple[int | None, list[Any], list[Any]]]] = {i: [] for i in ids}
    active = with_ids(Assignment.objects.filter(status=AssignmentStatus.ACTIVE), "patient_id", ids)
    rows = active.values_list(
        "patient_id",
        "program__current_version_id",
        "break_prescription__items",
        "break_prescription__excluded",
    )
    versions: set[int] = set()
    for patient_id, version_id, items, excluded in rows.order_by("-start_date", "-pk"):
        per_user[patient_id].append((version_id, items or [], excluded or []))
        if version_id is not None:
            versions.add(version_id)
    program_items: dict[int, list[BreakItem]] = {}
    if versions:
        for version_id, slug, sets, reps, hold in (
            ProgramItem.objects.filter(version_id__in=versions, exercise__desk_friendly=True)
            .order_by("version_id", "phase", "position")
            .values_list("version_id", "exercise__slug", "sets", "reps", "hold_seconds")
        ):
            program_items.setdefault(version_id, []).append(BreakItem(slug, sets, reps, hold))
    avoid = {
        patient_id: frozenset(codes)
        for patient_id, codes in with_ids(PatientPrecautions.objects.all(), "patient_id", ids)
        .exclude(codes=[])
        .values_list("patient_id", "codes")
    }
    precautions = library.precautions
    pools: dict[int, list[BreakItem]] = {}
    for user_id in ids:
        assignments = per_user[user_id]
        codes = avoid.get(user_id, frozenset())
        key = (repr(assignments), codes)
        pool = memo.get(key)
        if pool is None:
            pool = _pool(assignments, program_items, codes, library, precautions)
            memo[key] = pool
        pools[user_id] = pool
    return pools


def _pool(
    assignments: list[tuple[int | None, list[Any], list[Any]]],
    program_items: dict[int, list[BreakItem]],
    avoid: frozenset[str],
    library: DeskLibrary,
    precautions: dict[str, frozenset[str]],
) -> list[BreakItem]:
    prescribed: list[BreakItem] = []
    defaults: list[BreakItem] = []
    excluded: set[str] = set()
    for version_id, items, out in assignments:
        prescribed += [_with_default_dose(i, library) for i in items_from_json(items)]
        excluded |= {str(slug) for slug in out}
        defaults += program_items.get(version_id or 0, [])
    defaults += library.defaults()
    return effective_pool(
        prescribed=prescribed,
        defaults=defaults,
        excluded=excluded,
        precautions=precautions,
        avoid=avoid,
    )


# --- one assignment: the physio's view -----------------------------------------------------


def _patient_codes(patient_id: int) -> frozenset[str]:
    row = PatientPrecautions.objects.filter(patient_id=patient_id).first()
    return frozenset(row.codes) if row is not None else frozenset()


def _program_items(assignment: Assignment) -> list[BreakItem]:
    version_id = assignment.program.current_version_id
    rows = (
        ProgramItem.objects.filter(version_id=version_id, exercise__desk_friendly=True)
        .order_by("phase", "position")
        .values_list("exercise__slug", "sets", "reps", "hold_seconds")
    )
    return [BreakItem(slug, sets, reps, hold) for slug, sets, reps, hold in rows]


def _candidates(
    assignment: Assignment, library: DeskLibrary, codes: frozenset[str]
) -> list[dict[str, Any]]:
    clinic_id = assignment.program.clinic_id
    seen: dict[str, dict[str, Any]] = {}
    for item in _program_items(assignment):
        seen.setdefault(item.slug, {"slug": item.slug, "source": "program"})
    for slug, row in library.by_slug.items():
        if row.clinic_id is None or row.clinic_id == clinic_id:
            seen.setdefault(slug, {"slug": slug, "source": "library"})
    for slug, candidate in seen.items():
        clash = conflict_codes(library.precautions.get(slug, frozenset()), codes)
        candidate["conflict"] = bool(clash)
        candidate["conflict_reason"] = (
            texts.CONFLICT_REASON.format(codes=", ".join(sorted(clash))) if clash else None
        )
    return sorted(seen.values(), key=lambda c: (c["source"] != "program", c["slug"]))


def prescription_for(assignment: Assignment, *, language: str) -> dict[str, Any]:
    """The GET body: the stored choice, the candidates and the effective pool."""
    library = DeskLibrary.load()
    codes = _patient_codes(assignment.patient_id)
    row = BreakPrescription.objects.filter(assignment=assignment).first()
    items = list(row.items) if row is not None else []
    excluded = list(row.excluded) if row is not None else []
    candidates = _candidates(assignment, library, codes)
    for candidate in candidates:
        candidate["name"] = library.name(candidate["slug"], language)
    pool = effective_pool(
        prescribed=[_with_default_dose(i, library) for i in items_from_json(items)],
        defaults=[*_program_items(assignment), *library.defaults()],
        excluded=excluded,
        precautions=library.precautions,
        avoid=codes,
    )
    return {
        "items": items,
        "excluded": excluded,
        "candidates": candidates,
        "effective": effective_rows(pool, library, language),
    }


def effective_rows(
    pool: list[BreakItem], library: DeskLibrary, language: str
) -> list[dict[str, Any]]:
    return [
        {
            "exercise": item.slug,
            "name": library.name(item.slug, language),
            "sets": item.sets,
            "reps": item.reps,
            "hold_seconds": item.hold_seconds,
        }
        for item in pool
    ]


def patient_pool(user: User, *, language: str) -> list[dict[str, Any]]:
    """``GET /api/nudges/breaks/``: the micro-breaks this patient's nudges rotate through."""
    library = DeskLibrary.load()
    return effective_rows(pools_for([user.pk], library)[user.pk], library, language)


@transaction.atomic
def prescription_set(
    assignment: Assignment, *, items: list[dict[str, Any]], excluded: list[str], actor: User
) -> BreakPrescription:
    """Store the physio's choice. Every item must be a candidate (desk-friendly, of the
    library or of this program) and must not conflict with the patient's precautions."""
    library = DeskLibrary.load()
    codes = _patient_codes(assignment.patient_id)
    candidates = {c["slug"]: c for c in _candidates(assignment, library, codes)}
    problems: list[str] = []
    seen: set[str] = set()
    for item in items:
        slug = item["exercise"]
        if slug in seen:
            problems.append(texts.DUPLICATE.format(slug=slug))
        seen.add(slug)
        candidate = candidates.get(slug)
        if candidate is None:
            problems.append(texts.NOT_DESK_FRIENDLY.format(slug=slug))
        elif candidate["conflict"]:
            clash = conflict_codes(library.precautions.get(slug, frozenset()), codes)
            problems.append(texts.CONFLICT.format(slug=slug, codes=", ".join(sorted(clash))))
    errors: dict[str, list[str]] = {}
    if problems:
        errors["items"] = problems
    out = [slug for slug in excluded if slug not in candidates]
    both = [slug for slug in excluded if slug in seen]
    if out or both:
        errors["excluded"] = [texts.UNKNOWN_EXCLUDED.format(slug=s) for s in out] + [
            texts.BOTH_LISTED.format(slug=s) for s in both
        ]
    if errors:
        raise ValidationError(errors)
    clean_items = [
        {
            "exercise": item["exercise"],
            "sets": item.get("sets", 1),
            "reps": item.get("reps"),
            "hold_seconds": item.get("hold_seconds"),
            "every_nth": item.get("every_nth", 1),
        }
        for item in items
    ]
    row, _ = BreakPrescription.objects.update_or_create(
        assignment=assignment,
        defaults={
            "items": clean_items,
            "excluded": sorted(set(excluded)),
            "updated_by": actor,
            "updated_at": timezone.now(),
        },
    )
    return row
