"""What a sitting nudge suggests: mostly movement, desk-sensible tips titled as tips, and
never a micro-break that conflicts with the precautions a physio marked for the patient.
Read through the preview, which runs the dispatcher's own ``decide``."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

import pytest

from backend.nudges.breaks import MOVEMENT_KINDS, movement_share_holds
from backend.nudges.content import ContentPool
from backend.nudges.selectors import plan_preview
from backend.nudges.services import plan_for
from exercises.models import ErgonomicTip, Exercise
from exercises.vocabulary import DESK_TIP_TOPICS

pytestmark = pytest.mark.django_db
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def _preview(user: Any, count: int = 64) -> list[Any]:
    return plan_preview(plan_for(user), user, start=MONDAY, count=count, now=MONDAY)


def test_at_least_three_of_every_four_nudges_are_movement_prompts(cast: Any, library: Any) -> None:
    slots = _preview(cast.pat)
    kinds = [slot.nudge_kind for slot in slots]
    assert movement_share_holds(kinds)
    assert "tip" in kinds  # tips still go out
    assert sum(kind in MOVEMENT_KINDS for kind in kinds) >= 3 * len(kinds) // 4


def test_no_micro_break_repeats_within_a_local_day_while_the_pool_allows(
    cast: Any, library: Any
) -> None:
    pool_size = len(ContentPool.load().pools([cast.pat.pk])[cast.pat.pk])
    per_day: dict[Any, list[str]] = defaultdict(list)
    for slot in _preview(cast.pat, count=80):
        if slot.suggestion is not None:
            per_day[slot.local.date()].append(slot.suggestion["exercise"])
    assert len(per_day) >= 2
    for day, slugs in per_day.items():
        # Every one of the pool before any comes again; then never twice in a row.
        assert len(set(slugs[:pool_size])) == min(len(slugs), pool_size), (day, slugs)
        assert all(a != b for a, b in itertools.pairwise(slugs)), (day, slugs)


def test_only_desk_tips_are_sent_and_other_tips_never_say_time_to_move(library: Any) -> None:
    pool = ContentPool.load()
    tip_slugs = {key.split(":", 1)[1] for key in [*pool.tips, *pool.moving_tips]}
    topics = set(ErgonomicTip.objects.filter(slug__in=tip_slugs).values_list("topic", flat=True))
    assert topics <= set(DESK_TIP_TOPICS)
    assert not ErgonomicTip.objects.filter(slug__in=tip_slugs, topic="lying-sleeping").exists()
    for key in pool.tips:
        text = pool.text(key, "en")
        assert "move" not in text.title.lower() and "break" not in text.title.lower(), text


def test_a_marked_precaution_keeps_its_micro_breaks_away(
    library: Any, cast: Any, as_user: Any
) -> None:
    extension = set(
        Exercise.objects.filter(
            category="micro-break", precautions__code="extension-intolerance"
        ).values_list("slug", flat=True)
    )
    assert "standing-back-extension" in extension
    before = {s.suggestion["exercise"] for s in _preview(cast.pat) if s.suggestion}
    assert "standing-back-extension" in before

    response = as_user(cast.phil).put(
        f"/api/patients/{cast.pat.pk}/precautions/",
        {"codes": ["extension-intolerance"]},
        format="json",
    )
    assert response.status_code == 200, response.content
    slots = _preview(cast.pat)
    after = {s.suggestion["exercise"] for s in slots if s.suggestion}
    assert after and not after & extension
    assert movement_share_holds([s.nudge_kind for s in slots])
    # Other patients still get it.
    others = {s.suggestion["exercise"] for s in _preview(cast.olive) if s.suggestion}
    assert "standing-back-extension" in others


@pytest.mark.parametrize(
    "body", [{"codes": ["moon"]}, {"codes": "extension-intolerance"}, {"codes": [1]}, {}]
)
def test_bad_precaution_marks_are_refused(cast: Any, as_user: Any, body: Any) -> None:
    response = as_user(cast.phil).put(
        f"/api/patients/{cast.pat.pk}/precautions/", body, format="json"
    )
    assert response.status_code == 400


def test_another_clinic_cannot_mark_precautions(cast: Any, as_user: Any) -> None:
    url = f"/api/patients/{cast.pat.pk}/precautions/"
    assert as_user(cast.hugo).put(url, {"codes": []}, format="json").status_code == 404
