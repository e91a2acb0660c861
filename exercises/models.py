"""The exercise library: language-neutral entries, each with one translation per language.

Library entries (``clinic`` is null) come from ``exercises/content/`` and are read-only
through the API; a clinic may add its own entries, visible only to that clinic. An entry
removed from the content files is *retired*, not deleted: programs and logged sessions
keep pointing at it.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from exercises.vocabulary import BODY_REGIONS, EXERCISE_CATEGORIES, POSITIONS, TIP_TOPICS


def labelled_choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(value, value.replace("-", " ").capitalize()) for value in values]


def slug_constraints(name: str) -> list[models.BaseConstraint]:
    """Library slugs are unique in the library; a clinic's own slugs are unique within that
    clinic, so a slug another clinic chose is free here (and never revealed)."""
    return [
        models.UniqueConstraint(
            fields=["slug"], condition=Q(clinic=None), name=f"{name}_library_slug"
        ),
        models.UniqueConstraint(
            fields=["clinic", "slug"],
            condition=Q(clinic__isnull=False),
            name=f"{name}_clinic_slug",
        ),
    ]


class LibraryEntry(models.Model):
    slug = models.SlugField(max_length=80)
    clinic = models.ForeignKey(
        "accounts.Clinic", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    retired_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.slug


class Precaution(models.Model):
    code = models.SlugField(max_length=60, unique=True)

    def __str__(self) -> str:
        return self.code


class PrecautionTranslation(models.Model):
    precaution = models.ForeignKey(
        Precaution, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(max_length=8)
    label = models.CharField(max_length=200)
    detail = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["precaution", "language"], name="precaution_lang"),
        ]

    def __str__(self) -> str:
        return f"{self.precaution_id}/{self.language}"


class Exercise(LibraryEntry):
    category = models.CharField(max_length=20, choices=labelled_choices(EXERCISE_CATEGORIES))
    body_region = models.CharField(max_length=20, choices=labelled_choices(BODY_REGIONS))
    position = models.CharField(max_length=20, choices=labelled_choices(POSITIONS))
    # ",mat,chair," — delimited so that "has equipment X" is a portable LIKE '%,X,%'
    # (SQLite cannot query inside JSON arrays).
    equipment_tags = models.CharField(max_length=200, blank=True, default=",")
    difficulty = models.PositiveSmallIntegerField()
    desk_friendly = models.BooleanField(default=False)
    sets = models.PositiveSmallIntegerField()
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    rest_seconds = models.PositiveSmallIntegerField(default=0)
    per_side = models.BooleanField(default=False)
    duration_minutes = models.PositiveSmallIntegerField()
    progression = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    regression = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    precautions = models.ManyToManyField(Precaution, blank=True, related_name="exercises")
    # Each pose as in the content file plus its computed "points" (see exercises/poses.py).
    poses = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.CheckConstraint(
                # Reps, a hold, or both: reps with a hold is a hold per rep.
                condition=Q(reps__isnull=False) | Q(hold_seconds__isnull=False),
                name="exercise_reps_or_hold",
            ),
            models.CheckConstraint(
                condition=Q(difficulty__gte=1, difficulty__lte=5), name="exercise_difficulty"
            ),
            *slug_constraints("exercise"),
        ]
        indexes = [models.Index(fields=["category", "retired_at"])]

    @property
    def equipment(self) -> list[str]:
        return [tag for tag in self.equipment_tags.split(",") if tag]


class ExerciseTranslation(models.Model):
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8)
    name = models.CharField(max_length=120)
    summary = models.TextField()
    steps = models.JSONField(default=list)
    cues = models.JSONField(default=list)
    mistakes = models.JSONField(default=list)
    safety_notes = models.JSONField(default=list)
    keywords = models.JSONField(default=list)
    pose_labels = models.JSONField(default=dict)
    # Lower-cased name, summary and keywords: what the library search matches against.
    search_text = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["exercise", "language"], name="exercise_lang"),
        ]

    def __str__(self) -> str:
        return self.name


class Routine(LibraryEntry):
    duration_minutes = models.PositiveSmallIntegerField()
    weeks = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = slug_constraints("routine")


class RoutineTranslation(models.Model):
    routine = models.ForeignKey(Routine, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8)
    name = models.CharField(max_length=120)
    goal = models.TextField()
    description = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["routine", "language"], name="routine_lang"),
        ]

    def __str__(self) -> str:
        return self.name


class RoutineItem(models.Model):
    routine = models.ForeignKey(Routine, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    sets = models.PositiveSmallIntegerField()
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    rest_seconds = models.PositiveSmallIntegerField(default=0)
    per_side = models.BooleanField(default=False)

    class Meta:
        ordering = ("position",)
        constraints = [
            models.UniqueConstraint(fields=["routine", "position"], name="routine_item_position"),
        ]

    def __str__(self) -> str:
        return f"{self.routine_id}#{self.position}"


class ErgonomicTip(LibraryEntry):
    topic = models.CharField(max_length=20, choices=labelled_choices(TIP_TOPICS))

    class Meta:
        constraints = slug_constraints("tip")


class TipTranslation(models.Model):
    tip = models.ForeignKey(ErgonomicTip, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=160)
    text = models.TextField()
    nudge = models.CharField(max_length=160)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tip", "language"], name="tip_lang")]

    def __str__(self) -> str:
        return self.title


FALLBACK_LANGUAGE = "en"


def content_language(language: str | None) -> str:
    """The library's language code for a request's language: "es-ES" -> "es"; none -> "en"."""
    code = (language or "").split("-")[0].split("_")[0].strip().lower()
    return code or FALLBACK_LANGUAGE


def pick_translation(entry: Any, language: str) -> Any:
    """The entry's translation in ``language``, else English (prefetched: no query). The
    row's ``language`` says which one was served: a fallback is visible to the caller."""
    by_language = {t.language: t for t in entry.translations.all()}
    return (
        by_language.get(content_language(language))
        or by_language.get(FALLBACK_LANGUAGE)
        or next(iter(by_language.values()))
    )
