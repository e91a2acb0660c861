"""What a nudge suggests: a 1-3 minute desk-friendly micro-break or an ergonomic tip.

The pool is read once per dispatcher batch (a few queries with prefetched translations),
then every nudge of the batch picks from memory. Rotation: each plan walks the pool from
its own offset, and never gets the same suggestion twice in a row.

Clinical rules (a review asked for them):
- at least 3 of every 4 nudges are movement prompts: the pool repeats "move, move, move,
  tip", where a move is a micro-break or a tip about moving (breaks, walking);
- tips that are not about moving are titled as tips, never "time to move", and only tips
  that make sense at a desk are sent at all (no "tonight, try a pillow…" at 11 am);
- a micro-break whose precautions conflict with the ones a physio marked for the patient
  (e.g. a standing back extension for extension intolerance) is never sent to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from backend.programs.models import PatientPrecautions
from exercises.content_schema import DESK_TIP_TOPICS, MOVEMENT_TIP_TOPICS
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
    # key -> precaution codes of that micro-break
    precautions: dict[str, frozenset[str]] = field(default_factory=dict)
    # patient id -> precaution codes their physio marked (only patients with marks)
    avoid: dict[int, frozenset[str]] = field(default_factory=dict)
    moving: frozenset[str] = frozenset()  # keys of movement prompts

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
            .prefetch_related(
                Prefetch("translations", queryset=ExerciseTranslation.objects.all()),
                "precautions",
            )
            .order_by("slug")
        )
        tips = list(
            ErgonomicTip.objects.filter(
                retired_at__isnull=True, clinic__isnull=True, topic__in=DESK_TIP_TOPICS
            )
            .prefetch_related(Prefetch("translations", queryset=TipTranslation.objects.all()))
            .order_by("slug")
        )
        moves: list[tuple[str, object]] = [(f"exercise:{e.slug}", e) for e in exercises]
        moving_tips = [t for t in tips if t.topic in MOVEMENT_TIP_TOPICS]
        other_tips = [t for t in tips if t.topic not in MOVEMENT_TIP_TOPICS]
        moves += [(f"tip:{t.slug}", t) for t in moving_tips]
        others: list[tuple[str, object]] = [(f"tip:{t.slug}", t) for t in other_tips]
        precautions = {
            f"exercise:{e.slug}": frozenset(p.code for p in e.precautions.all()) for e in exercises
        }
        avoid = {
            row.patient_id: frozenset(row.codes)
            for row in PatientPrecautions.objects.exclude(codes=[]).only("patient_id", "codes")
        }
        return cls(
            movement_cycle(moves, others),
            precautions=precautions,
            avoid=avoid,
            moving=frozenset(key for key, _ in moves),
        )

    def pick(self, *, cursor: int, offset: int, last: str) -> tuple[int, str]:
        """The next entry for a plan: ``(new_cursor, key)``. ``offset`` is the patient's
        id. When the entry at the cursor is the one sent last, or a micro-break carrying a
        precaution the physio marked for this patient, the next suitable entry of the same
        kind (move or tip) takes its place, so the move/tip pattern holds."""
        if not self.entries:
            return cursor, FALLBACK_KEY
        size = len(self.entries)
        avoid = self.avoid.get(offset, frozenset())
        start = (cursor + offset) % size
        first = self.entries[start][0]
        moving = first in self.moving
        for step in range(size):
            key = self.entries[(start + step) % size][0]
            if (key in self.moving) != moving:
                continue
            if avoid & self.precautions.get(key, frozenset()):
                continue
            if key == last and size > 1:
                continue
            return cursor + 1, key
        return cursor + 1, FALLBACK_KEY

    def text(self, key: str, language: str) -> NudgeText:
        cached = self._texts.get((key, language))
        if cached is None:
            cached = self._render(key, language)
            self._texts[(key, language)] = cached
        return cached

    def _render(self, key: str, language: str) -> NudgeText:
        with override(language):
            return self._words(key, language)

    def _words(self, key: str, language: str) -> NudgeText:
        entry = dict(self.entries).get(key)
        if isinstance(entry, Exercise):
            translation = pick_translation(entry, language)
            minutes = entry.duration_minutes
            lead = ngettext(
                "A %(count)d-minute break for your back.",
                "A %(count)d-minute break for your back.",
                minutes,
            ) % {"count": minutes}
            return NudgeText(
                key,
                _("Time to move: %(name)s") % {"name": translation.name},
                f"{lead} {translation.summary}",
            )
        if isinstance(entry, ErgonomicTip):
            translation = pick_translation(entry, language)
            if entry.topic in MOVEMENT_TIP_TOPICS:
                return NudgeText(key, _("Time for a short break"), translation.nudge)
            title = _("A tip for your back: %(title)s") % {"title": translation.title}
            return NudgeText(key, title, translation.nudge)
        return NudgeText(
            FALLBACK_KEY,
            _("Time to stand up and move"),
            _("You have been sitting for a while. Stand up, stretch and walk for a minute."),
        )


MOVES_PER_TIP = 3


def movement_cycle(
    moves: list[tuple[str, object]], others: list[tuple[str, object]]
) -> list[tuple[str, object]]:
    """Three moves, then one other tip, repeated until every entry appeared; the cycle
    length is a multiple of four, so any four nudges in a row (wrapping round) hold at
    least three moves. Without moves, no tips are sent as nudges at all."""
    if not moves:
        return []
    if not others:
        return list(moves)
    rounds = max(-(-len(moves) // MOVES_PER_TIP), len(others))
    cycle: list[tuple[str, object]] = []
    for index in range(rounds):
        for step in range(MOVES_PER_TIP):
            cycle.append(moves[(index * MOVES_PER_TIP + step) % len(moves)])
        cycle.append(others[index % len(others)])
    return cycle
