"""What a nudge suggests: a 1-3 minute desk-friendly micro-break or an ergonomic tip.

The pool is read once per dispatcher batch (two queries with prefetched translations),
then every nudge of the batch picks from memory. Rotation: each plan walks the pool from
its own offset, and never gets the same suggestion twice in a row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from exercises.models import (
    ErgonomicTip,
    Exercise,
    ExerciseTranslation,
    TipTranslation,
    pick_translation,
)

MICRO_BREAK = "micro-break"
MIN_MINUTES, MAX_MINUTES = 1, 3
FALLBACK_KEY = "general"


@dataclass(frozen=True)
class NudgeText:
    key: str  # "exercise:<slug>", "tip:<slug>" or "general"
    title: str
    body: str


@dataclass
class ContentPool:
    """The library entries a nudge may suggest, in a stable interleaved order."""

    entries: list[tuple[str, object]]
    _texts: dict[tuple[str, str], NudgeText] = field(default_factory=dict)

    @classmethod
    def load(cls) -> ContentPool:
        exercises = list(
            Exercise.objects.filter(
                category=MICRO_BREAK,
                retired_at__isnull=True,
                clinic__isnull=True,
                desk_friendly=True,
                duration_minutes__gte=MIN_MINUTES,
                duration_minutes__lte=MAX_MINUTES,
            )
            .prefetch_related(Prefetch("translations", queryset=ExerciseTranslation.objects.all()))
            .order_by("slug")
        )
        tips = list(
            ErgonomicTip.objects.filter(retired_at__isnull=True, clinic__isnull=True)
            .prefetch_related(Prefetch("translations", queryset=TipTranslation.objects.all()))
            .order_by("slug")
        )
        # Interleave: a move, a tip, a move, ... (whichever list is longer fills the tail).
        entries: list[tuple[str, object]] = []
        for index in range(max(len(exercises), len(tips))):
            if index < len(exercises):
                entries.append((f"exercise:{exercises[index].slug}", exercises[index]))
            if index < len(tips):
                entries.append((f"tip:{tips[index].slug}", tips[index]))
        return cls(entries)

    def pick(self, *, cursor: int, offset: int, last: str) -> tuple[int, str]:
        """The next entry for a plan: ``(new_cursor, key)``. Skips the one sent last."""
        if not self.entries:
            return cursor, FALLBACK_KEY
        size = len(self.entries)
        key = self.entries[(cursor + offset) % size][0]
        if key == last and size > 1:
            cursor += 1
            key = self.entries[(cursor + offset) % size][0]
        return cursor + 1, key

    def text(self, key: str, language: str) -> NudgeText:
        cached = self._texts.get((key, language))
        if cached is None:
            cached = self._render(key, language)
            self._texts[(key, language)] = cached
        return cached

    def _render(self, key: str, language: str) -> NudgeText:
        entry = dict(self.entries).get(key)
        if isinstance(entry, Exercise):
            translation = pick_translation(entry, language)
            minutes = entry.duration_minutes
            unit = "minute" if minutes == 1 else "minutes"
            return NudgeText(
                key,
                f"Time to move: {translation.name}",
                f"A {minutes}-{unit} break for your back. {translation.summary}",
            )
        if isinstance(entry, ErgonomicTip):
            translation = pick_translation(entry, language)
            return NudgeText(key, "Time for a short break", translation.nudge)
        return NudgeText(
            FALLBACK_KEY,
            "Time to stand up and move",
            "You have been sitting for a while. Stand up, stretch and walk for a minute.",
        )
