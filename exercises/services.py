"""Writes to the library: loading the reviewed content files, clinic-specific entries."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import Role, User
from exercises.content_files import ContentError, ContentIssue, load_documents
from exercises.content_schema import validate_clinic_entry, validate_library
from exercises.models import (
    ErgonomicTip,
    Exercise,
    ExerciseTranslation,
    Precaution,
    PrecautionTranslation,
    Routine,
    RoutineItem,
    RoutineTranslation,
    TipTranslation,
)
from exercises.pose_shapes import pose_points, stored_pose

CONTENT_DIR = Path(__file__).resolve().parent / "content"


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    retired: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: dict[str, int], kind: str) -> None:
        bucket[kind] = bucket.get(kind, 0) + 1

    def summary(self) -> str:
        kinds = sorted(set(self.created) | set(self.updated) | set(self.retired))
        return ", ".join(
            f"{kind}: {self.created.get(kind, 0)} new, {self.updated.get(kind, 0)} updated, "
            f"{self.retired.get(kind, 0)} retired"
            for kind in kinds
        )


def search_text(texts: Mapping[str, Any]) -> str:
    parts = [texts.get("name", ""), texts.get("summary", ""), *texts.get("keywords", [])]
    return " ".join(str(part) for part in parts).lower()


def poses_with_points(poses: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    # Through JSON and back so the value compares equal to what the database returns
    # (tuples become lists): an unchanged file must not count as an update.
    computed = [{**stored_pose(pose), "points": pose_points(pose)} for pose in poses]
    return list(json.loads(json.dumps(computed)))


def _upsert(model: Any, slug: str, values: dict[str, Any], report: LoadReport, kind: str) -> Any:
    if model.objects.filter(slug=slug).exclude(clinic=None).exists():
        # Each clinic sees the library and its own entries by slug: no overlap allowed.
        raise ContentError(
            [ContentIssue(kind, slug, "slug", "already used by a clinic's own entry; rename it")]
        )
    obj = model.objects.filter(slug=slug, clinic=None).first()
    if obj is None:
        obj = model.objects.create(slug=slug, **values)
        report.count(report.created, kind)
        return obj
    changed = obj.retired_at is not None or any(
        getattr(obj, name) != value for name, value in values.items()
    )
    if changed:
        for name, value in values.items():
            setattr(obj, name, value)
        obj.retired_at = None
        obj.updated_at = timezone.now()
        obj.save()
        report.count(report.updated, kind)
    return obj


def _translations(model: Any, owner: dict[str, Any], translations: Mapping[str, Any]) -> bool:
    changed = False
    for language, texts in translations.items():
        current = model.objects.filter(**owner, language=language).first()
        values = dict(texts)
        if model is ExerciseTranslation:
            values["search_text"] = search_text(texts)
        if current is None:
            model.objects.create(**owner, language=language, **values)
            changed = True
        elif any(getattr(current, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(current, key, value)
            current.save()
            changed = True
    stale = model.objects.filter(**owner).exclude(language__in=list(translations))
    return bool(stale.delete()[0]) or changed


def _retire_missing(model: Any, slugs: set[str], report: LoadReport, kind: str) -> None:
    gone = model.objects.filter(clinic=None, retired_at=None).exclude(slug__in=slugs)
    now = timezone.now()
    for _retired in range(gone.update(retired_at=now, updated_at=now)):
        report.count(report.retired, kind)


def exercise_values(entry: Mapping[str, Any]) -> dict[str, Any]:
    """Model field values of a validated exercise entry (a library file's or a clinic's)."""
    dosage = entry["dosage"]
    return {
        "category": entry["category"],
        "body_region": entry["body_region"],
        "position": entry["position"],
        "equipment_tags": "," + "".join(f"{tag}," for tag in sorted(entry["equipment"])),
        "difficulty": entry["difficulty"],
        "desk_friendly": entry["desk_friendly"],
        "sets": dosage["sets"],
        "reps": dosage.get("reps"),
        "hold_seconds": dosage.get("hold_seconds"),
        "rest_seconds": dosage["rest_seconds"],
        "per_side": dosage["per_side"],
        "duration_minutes": entry["duration_minutes"],
        "poses": poses_with_points(entry["poses"]),
    }


@transaction.atomic
def library_load(content_dir: Path = CONTENT_DIR) -> LoadReport:
    """Validate every content file, then upsert all of it by slug in one transaction.

    Validation runs first and raises ``ContentError`` (naming file, entry and field)
    before anything is written; a failure while writing rolls the whole load back.
    Loading the same files twice changes nothing the second time.
    """
    documents = load_documents(content_dir)
    validate_library(documents)
    report = LoadReport()

    # Exercises whose shown content changed through something other than their own row
    # (texts, precautions, links) get a new updated_at: cached payloads key on it.
    touched: set[int] = set()
    precautions: dict[str, Precaution] = {}
    for entry in documents["precautions.yaml"]:
        precaution, _ = Precaution.objects.get_or_create(code=entry["code"])
        if _translations(PrecautionTranslation, {"precaution": precaution}, entry["translations"]):
            touched.update(precaution.exercises.values_list("pk", flat=True))
        precautions[precaution.code] = precaution

    exercise_entries = [
        entry
        for name, doc in sorted(documents.items())
        if name.startswith("exercises/")
        for entry in doc
    ]
    exercises: dict[str, Exercise] = {}
    for entry in exercise_entries:
        exercise = _upsert(Exercise, entry["slug"], exercise_values(entry), report, "exercises")
        if _translations(ExerciseTranslation, {"exercise": exercise}, entry["translations"]):
            touched.add(exercise.pk)
        wanted = {precautions[code].pk for code in entry["precautions"]}
        if set(exercise.precautions.values_list("pk", flat=True)) != wanted:
            exercise.precautions.set(wanted)
            touched.add(exercise.pk)
        exercises[exercise.slug] = exercise
    # Links second: an exercise may point at one defined later or in another file.
    for entry in exercise_entries:
        exercise = exercises[entry["slug"]]
        progression = exercises[entry["progression"]] if entry.get("progression") else None
        regression = exercises[entry["regression"]] if entry.get("regression") else None
        if (exercise.progression_id, exercise.regression_id) != (
            progression.pk if progression else None,
            regression.pk if regression else None,
        ):
            exercise.progression, exercise.regression = progression, regression
            exercise.save(update_fields=["progression", "regression"])
            touched.add(exercise.pk)
    if touched:
        Exercise.objects.filter(pk__in=touched).update(updated_at=timezone.now())
    _retire_missing(Exercise, set(exercises), report, "exercises")

    routine_slugs: set[str] = set()
    for entry in documents.get("routines.yaml", []):
        values = {"duration_minutes": entry["duration_minutes"], "weeks": entry.get("weeks")}
        routine = _upsert(Routine, entry["slug"], values, report, "routines")
        _translations(RoutineTranslation, {"routine": routine}, entry["translations"])
        _routine_items(routine, entry["items"], exercises)
        routine_slugs.add(routine.slug)
    _retire_missing(Routine, routine_slugs, report, "routines")

    tip_slugs: set[str] = set()
    for entry in documents.get("tips.yaml", []):
        tip = _upsert(ErgonomicTip, entry["slug"], {"topic": entry["topic"]}, report, "tips")
        _translations(TipTranslation, {"tip": tip}, entry["translations"])
        tip_slugs.add(tip.slug)
    _retire_missing(ErgonomicTip, tip_slugs, report, "tips")
    return report


def _routine_items(
    routine: Routine, items: list[Mapping[str, Any]], exercises: Mapping[str, Exercise]
) -> None:
    wanted = [
        (
            position,
            exercises[item["exercise"]].pk,
            item["sets"],
            item.get("reps"),
            item.get("hold_seconds"),
            item["rest_seconds"],
            item["per_side"],
        )
        for position, item in enumerate(items, start=1)
    ]
    current = list(
        routine.items.order_by("position").values_list(
            "position", "exercise_id", "sets", "reps", "hold_seconds", "rest_seconds", "per_side"
        )
    )
    if current == wanted:
        return
    routine.items.all().delete()
    RoutineItem.objects.bulk_create(
        RoutineItem(
            routine=routine,
            position=position,
            exercise_id=exercise_id,
            sets=sets,
            reps=reps,
            hold_seconds=hold,
            rest_seconds=rest,
            per_side=per_side,
        )
        for position, exercise_id, sets, reps, hold, rest, per_side in wanted
    )


# --- a clinic's own entries -------------------------------------------------------------


def _clinic_of(actor: User) -> int:
    if actor.role not in (Role.PHYSIO, Role.CLINIC_ADMIN) or actor.clinic_id is None:
        raise PermissionDenied(_("Only clinic staff can add to the library."))
    return actor.clinic_id


def _visible(model: Any, clinic_id: int) -> Any:
    """The library's entries and this clinic's own (retired ones included)."""
    return model.objects.filter(Q(clinic=None) | Q(clinic_id=clinic_id))


def _visible_slugs(clinic_id: int) -> list[str]:
    return list(
        Exercise.objects.filter(
            Q(clinic=None) | Q(clinic_id=clinic_id), retired_at=None
        ).values_list("slug", flat=True)
    )


def _as_validation_error(error: ContentError) -> ValidationError:
    messages: dict[str, list[str]] = {}
    for issue in error.issues:
        messages.setdefault(issue.field or "detail", []).append(issue.message)
    return ValidationError(messages)


@transaction.atomic
def clinic_exercise_create(*, actor: User, entry: Any) -> Exercise:
    """A clinic's own exercise, checked by the same rules as the library's files and seen
    only by that clinic. Its slug is unique among what this clinic sees (the library and
    its own entries); another clinic's slugs are neither checked nor revealed."""
    clinic_id = _clinic_of(actor)
    try:
        validate_clinic_entry("exercise", entry, exercise_slugs=_visible_slugs(clinic_id))
    except ContentError as error:
        raise _as_validation_error(error) from error
    if _visible(Exercise, clinic_id).filter(slug=entry["slug"]).exists():
        raise ValidationError({"slug": [_("This slug is taken; choose another.")]})
    try:
        with transaction.atomic():  # two requests racing for one slug: one wins, one 400s
            exercise = Exercise.objects.create(
                slug=entry["slug"], clinic_id=clinic_id, **exercise_values(entry)
            )
    except IntegrityError as error:
        raise ValidationError({"slug": [_("This slug is taken; choose another.")]}) from error
    _translations(ExerciseTranslation, {"exercise": exercise}, entry["translations"])
    exercise.precautions.set(Precaution.objects.filter(code__in=entry["precautions"]))
    links = {
        e.slug: e
        for e in _visible(Exercise, clinic_id).filter(
            slug__in=[entry.get("progression"), entry.get("regression")]
        )
    }
    exercise.progression = links.get(entry.get("progression") or "")
    exercise.regression = links.get(entry.get("regression") or "")
    exercise.save(update_fields=["progression", "regression"])
    return exercise


@transaction.atomic
def clinic_routine_create(*, actor: User, entry: Any) -> Routine:
    clinic_id = _clinic_of(actor)
    try:
        validate_clinic_entry("routine", entry, exercise_slugs=_visible_slugs(clinic_id))
    except ContentError as error:
        raise _as_validation_error(error) from error
    if _visible(Routine, clinic_id).filter(slug=entry["slug"]).exists():
        raise ValidationError({"slug": [_("This slug is taken; choose another.")]})
    try:
        with transaction.atomic():  # two requests racing for one slug: one wins, one 400s
            routine = Routine.objects.create(
                slug=entry["slug"],
                clinic_id=clinic_id,
                duration_minutes=entry["duration_minutes"],
                weeks=entry.get("weeks"),
            )
    except IntegrityError as error:
        raise ValidationError({"slug": [_("This slug is taken; choose another.")]}) from error
    _translations(RoutineTranslation, {"routine": routine}, entry["translations"])
    exercises = {
        e.slug: e
        for e in _visible(Exercise, clinic_id).filter(
            slug__in=[i["exercise"] for i in entry["items"]]
        )
    }
    _routine_items(routine, entry["items"], exercises)
    return routine


def clinic_entry_retire(entry: Exercise | Routine) -> None:
    """Take a clinic's entry out of its catalogue; programs using it keep working."""
    now = timezone.now()
    type(entry).objects.filter(pk=entry.pk).update(retired_at=now, updated_at=now)
