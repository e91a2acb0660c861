"""Serialized exercise details, kept per process.

Today's screen shows every exercise in full (steps, cues, safety notes, precautions, poses
with points): the same few dozen library entries for every patient. Building that payload
from rows (JSON columns, translations, precautions) dominated ``GET /api/today/``, so each
payload is built once per (exercise, last change, language) and reused. The key includes
``updated_at``, which the library loader bumps on every change to the entry, its texts or
its precautions, so a reload can never serve a stale payload; entries that are no longer
current simply age out of the bounded cache.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from datetime import datetime
from threading import Lock
from typing import Any

from exercises.models import content_language
from exercises.selectors import exercises_for
from exercises.serializers import ExerciseSerializer

_MAX_ENTRIES = 2048
_cache: OrderedDict[tuple[int, datetime, str], dict[str, Any]] = OrderedDict()
_lock = Lock()


def exercise_details(
    wanted: Iterable[tuple[int, datetime]], language: str, clinic_id: int | None
) -> dict[int, dict[str, Any]]:
    """Full exercise payloads for (exercise id, updated_at) pairs: cached ones from memory,
    the rest in one batch of queries (three, however many are missing)."""
    language = content_language(language)  # "es-ES" and "es" share payloads
    result: dict[int, dict[str, Any]] = {}
    missing: dict[int, datetime] = {}
    with _lock:
        for pk, updated_at in wanted:
            payload = _cache.get((pk, updated_at, language))
            if payload is None:
                missing[pk] = updated_at
            else:
                _cache.move_to_end((pk, updated_at, language))
                result[pk] = payload
    if missing:
        rows = list(
            exercises_for(clinic_id, language, include_retired=True, detail=True).filter(
                pk__in=missing
            )
        )
        fresh = {
            exercise.pk: (exercise.updated_at, dict(data))
            for exercise, data in zip(
                rows,
                ExerciseSerializer(rows, many=True, context={"language": language}).data,
                strict=True,
            )
        }
        with _lock:
            for pk, (updated_at, data) in fresh.items():
                _cache[(pk, updated_at, language)] = data
                result[pk] = data
            while len(_cache) > _MAX_ENTRIES:
                _cache.popitem(last=False)
    return result


def clear() -> None:
    with _lock:
        _cache.clear()
