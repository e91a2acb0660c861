"""What a nudge says: the texts for a micro-break (with its dose), a tip, a stand or sit
prompt. Which one a slot gets is decided in ``decide.py`` (rules in ``breaks.py``).

The library (desk-friendly exercises, desk tips, their translations) is read once per
dispatcher tick; patients' pools once per batch (``prescriptions.pools_for``); every
nudge of the batch then picks and renders from memory.

Clinical rules (a review asked for them):
- at least 3 of every 4 nudges are movement prompts (``breaks.nudge_kind``);
- tips that are not about moving are titled as tips, never "time to move", and only tips
  that make sense at a desk are sent at all (no "tonight, try a pillow…" at 11 am);
- a micro-break whose precautions conflict with the ones a physio marked for the patient
  (e.g. a standing back extension for extension intolerance) is never sent to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import override

from backend.nudges import texts
from backend.nudges.breaks import BreakItem
from backend.nudges.prescriptions import DeskLibrary, pools_for
from exercises.models import ErgonomicTip, TipTranslation, pick_translation
from exercises.vocabulary import DESK_TIP_TOPICS, MOVEMENT_TIP_TOPICS

FALLBACK_KEY = "general"


@dataclass(frozen=True)
class NudgeText:
    key: str  # "exercise:<slug>", "tip:<slug>", "stand", "sit" or "general"
    title: str
    body: str


def dose_text(item: BreakItem) -> str:
    sets = item.sets or 1
    if item.reps is not None and item.hold_seconds is not None:
        return texts.DOSE_REPS_HOLD.format(sets=sets, reps=item.reps, hold=item.hold_seconds)
    if item.reps is not None:
        return texts.DOSE_REPS.format(sets=sets, reps=item.reps)
    return texts.DOSE_HOLD.format(sets=sets, hold=item.hold_seconds or 0)


@dataclass
class ContentPool:
    desk: DeskLibrary
    tips: list[str]  # keys of desk tips not about moving
    moving_tips: list[str]  # keys of tips about breaks and walking
    _tip_rows: dict[str, ErgonomicTip] = field(default_factory=dict)
    _texts: dict[tuple[Any, ...], NudgeText] = field(default_factory=dict)
    _pools: dict[Any, list[BreakItem]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> ContentPool:
        tips = list(
            ErgonomicTip.objects.filter(
                retired_at__isnull=True, clinic__isnull=True, topic__in=DESK_TIP_TOPICS
            )
            .prefetch_related(Prefetch("translations", queryset=TipTranslation.objects.all()))
            .order_by("slug")
        )
        rows = {f"tip:{t.slug}": t for t in tips}
        return cls(
            DeskLibrary.load(),
            tips=[f"tip:{t.slug}" for t in tips if t.topic not in MOVEMENT_TIP_TOPICS],
            moving_tips=[f"tip:{t.slug}" for t in tips if t.topic in MOVEMENT_TIP_TOPICS],
            _tip_rows=rows,
        )

    def pools(self, user_ids: Iterable[int]) -> dict[int, list[BreakItem]]:
        """Each patient's micro-break pool (three queries per call, shared memo)."""
        return pools_for(user_ids, self.desk, memo=self._pools)

    def text(
        self, key: str, language: str, *, item: BreakItem | None = None, stand_minutes: int = 30
    ) -> NudgeText:
        memo = (key, language, item, stand_minutes)
        cached = self._texts.get(memo)
        if cached is None:
            with override(language):
                cached = self._render(key, language, item, stand_minutes)
            self._texts[memo] = cached
        return cached

    def _render(
        self, key: str, language: str, item: BreakItem | None, stand_minutes: int
    ) -> NudgeText:
        if key.startswith("exercise:") and item is not None:
            slug = key.split(":", 1)[1]
            return NudgeText(
                key,
                texts.MOVE_TITLE.format(name=self.desk.name(slug, language)),
                texts.MOVE_BODY.format(
                    dose=dose_text(item), summary=self.desk.summary(slug, language)
                ).strip(),
            )
        if key == "stand":
            return NudgeText(
                key, str(texts.STAND_TITLE), texts.STAND_BODY.format(minutes=stand_minutes)
            )
        if key == "sit":
            return NudgeText(key, str(texts.SIT_TITLE), str(texts.SIT_BODY))
        tip = self._tip_rows.get(key)
        if tip is not None:
            translation = pick_translation(tip, language)
            if tip.topic in MOVEMENT_TIP_TOPICS:
                return NudgeText(key, str(texts.BREAK_TIP_TITLE), translation.nudge)
            return NudgeText(
                key, texts.TIP_TITLE.format(title=translation.title), translation.nudge
            )
        return NudgeText(FALLBACK_KEY, str(texts.GENERAL_TITLE), str(texts.GENERAL_BODY))
