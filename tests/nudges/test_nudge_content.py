"""What a sitting nudge suggests: mostly movement, desk-sensible tips titled as tips, and
never a micro-break that conflicts with the precautions a physio marked for the patient."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from backend.nudges.content import FALLBACK_KEY, ContentPool
from exercises.content_schema import DESK_TIP_TOPICS
from exercises.models import ErgonomicTip, Exercise

pytestmark = pytest.mark.django_db


def _day(pool: ContentPool, user_id: int, count: int = 16) -> list[str]:
    cursor, last, keys = 0, "", []
    for _ in range(count):
        cursor, last = pool.pick(cursor=cursor, offset=user_id, last=last)
        keys.append(last)
    return keys


def _is_move(pool: ContentPool, key: str) -> bool:
    return key in pool.moving or key == FALLBACK_KEY


@pytest.mark.parametrize("user_id", [1, 2, 3, 7, 40, 1001])
def test_at_least_three_of_every_four_nudges_are_movement_prompts(
    library: Any, user_id: int
) -> None:
    pool = ContentPool.load()
    keys = _day(pool, user_id, count=48)
    for start in range(len(keys) - 3):
        window = keys[start : start + 4]
        assert sum(_is_move(pool, k) for k in window) >= 3, window
    assert any(k.startswith("tip:") and not _is_move(pool, k) for k in keys)  # tips still go out
    assert all(a != b for a, b in itertools.pairwise(keys))


def test_only_desk_tips_are_sent_and_other_tips_never_say_time_to_move(library: Any) -> None:
    pool = ContentPool.load()
    tip_slugs = {key.split(":", 1)[1] for key, _ in pool.entries if key.startswith("tip:")}
    topics = set(ErgonomicTip.objects.filter(slug__in=tip_slugs).values_list("topic", flat=True))
    assert topics <= set(DESK_TIP_TOPICS)
    assert not ErgonomicTip.objects.filter(slug__in=tip_slugs, topic="lying-sleeping").exists()
    for key, _ in pool.entries:
        text = pool.text(key, "en")
        if key in pool.moving:
            continue
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
    before = _day(ContentPool.load(), cast.pat.pk, count=64)
    assert any(k == "exercise:standing-back-extension" for k in before)

    response = as_user(cast.phil).put(
        f"/api/patients/{cast.pat.pk}/precautions/",
        {"codes": ["extension-intolerance"]},
        format="json",
    )
    assert response.status_code == 200, response.content
    pool = ContentPool.load()
    after = _day(pool, cast.pat.pk, count=64)
    assert not {k.split(":", 1)[1] for k in after} & extension
    for start in range(len(after) - 3):
        assert sum(_is_move(pool, k) for k in after[start : start + 4]) >= 3
    # Other patients still get it.
    assert any(k == "exercise:standing-back-extension" for k in _day(pool, cast.olive.pk, 64))


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
