"""Library reads: what a user may see, in their language, filtered and searched."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from exercises.models import (
    ErgonomicTip,
    Exercise,
    ExerciseTranslation,
    PrecautionTranslation,
    Routine,
    RoutineItem,
    RoutineTranslation,
    TipTranslation,
    content_language,
    pick_translation,
)

FALLBACK_LANGUAGE = "en"

# The library rows a clinic may add to the shared ones (a ``clinic`` and a ``retired_at``).
_Content = TypeVar("_Content", Exercise, Routine, ErgonomicTip)


def _languages(language: str) -> list[str]:
    return sorted({content_language(language), FALLBACK_LANGUAGE})


def _visible(
    model: type[_Content], clinic_id: int | None, include_retired: bool
) -> QuerySet[_Content]:
    scope = Q(clinic=None) if clinic_id is None else Q(clinic=None) | Q(clinic_id=clinic_id)
    queryset = model.objects.filter(scope)
    return queryset if include_retired else queryset.filter(retired_at=None)


def exercise_translations(language: str) -> Prefetch[str, QuerySet[ExerciseTranslation], str]:
    return Prefetch(
        "translations",
        queryset=ExerciseTranslation.objects.filter(language__in=_languages(language)),
    )


def precaution_translations(
    language: str,
) -> Prefetch[str, QuerySet[PrecautionTranslation], str]:
    return Prefetch(
        "precautions__translations",
        queryset=PrecautionTranslation.objects.filter(language__in=_languages(language)),
    )


def exercises_for(
    clinic_id: int | None, language: str, *, include_retired: bool = False, detail: bool = False
) -> QuerySet[Exercise]:
    """Library plus the clinic's own exercises, with translations prefetched: a page of
    any size costs the same few queries."""
    queryset = _visible(Exercise, clinic_id, include_retired).prefetch_related(
        exercise_translations(language)
    )
    if detail:
        queryset = queryset.select_related("progression", "regression").prefetch_related(
            precaution_translations(language)
        )
    return queryset.order_by("category", "difficulty", "slug")


def exercise_filter(
    queryset: QuerySet[Exercise], language: str, filters: dict[str, Any]
) -> QuerySet[Exercise]:
    for name in ("category", "position", "difficulty", "desk_friendly", "body_region"):
        if filters.get(name) is not None:
            queryset = queryset.filter(**{name: filters[name]})
    if filters.get("equipment"):
        queryset = queryset.filter(equipment_tags__contains=f",{filters['equipment']},")
    for token in str(filters.get("search") or "").lower().split():
        queryset = queryset.filter(
            Exists(
                ExerciseTranslation.objects.filter(
                    exercise=OuterRef("pk"),
                    language__in=_languages(language),
                    search_text__contains=token,
                )
            )
        )
    return queryset


def routines_for(clinic_id: int | None, language: str) -> QuerySet[Routine]:
    return (
        _visible(Routine, clinic_id, include_retired=False)
        .prefetch_related(
            Prefetch(
                "translations",
                queryset=RoutineTranslation.objects.filter(language__in=_languages(language)),
            ),
            Prefetch(
                "items",
                queryset=RoutineItem.objects.select_related("exercise").prefetch_related(
                    exercise_translations_for_items(language)
                ),
            ),
        )
        .order_by("slug")
    )


def exercise_translations_for_items(
    language: str,
) -> Prefetch[str, QuerySet[ExerciseTranslation], str]:
    return Prefetch(
        "exercise__translations",
        queryset=ExerciseTranslation.objects.filter(language__in=_languages(language)),
    )


def tips_for(clinic_id: int | None, language: str, topic: str | None) -> QuerySet[ErgonomicTip]:
    queryset = _visible(ErgonomicTip, clinic_id, include_retired=False).prefetch_related(
        Prefetch(
            "translations",
            queryset=TipTranslation.objects.filter(language__in=_languages(language)),
        )
    )
    if topic:
        queryset = queryset.filter(topic=topic)
    return queryset.order_by("topic", "slug")


def clinic_exercises_for_review() -> list[dict[str, Any]]:
    """Every clinic's own exercises (not retired), as contact-sheet entries."""
    rows = (
        Exercise.objects.exclude(clinic=None)
        .filter(retired_at=None)
        .select_related("clinic")
        .prefetch_related(exercise_translations("en"))
        .order_by("clinic_id", "slug")
    )
    entries = []
    for row in rows:
        text = pick_translation(row, "en")
        entries.append(
            {
                "slug": row.slug,
                "name": f"{text.name} - {row.clinic.name if row.clinic else ''}",
                "poses": row.poses,
                "labels": text.pose_labels,
            }
        )
    return entries
