"""Unit tests for backend.outcomes.scoring (pure Python, no Django).

Expected values are worked out by hand from the published formulas; the
arithmetic is shown next to each case.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.outcomes.scoring import (
    MEASURES,
    Change,
    ScoringError,
    change_from_baseline,
    score,
    score_bounds,
)

# --------------------------------------------------------------------------- specs


def test_measure_registry() -> None:
    assert set(MEASURES) == {"nprs", "psfs", "odi", "rmdq", "adherence_self_report"}
    for code, spec in MEASURES.items():
        assert spec.code == code
    assert MEASURES["rmdq"].answer_range == "yes_no"
    assert MEASURES["odi"].item_count == (10, 10)
    assert MEASURES["psfs"].item_count == (3, 5)
    assert [c for c, s in MEASURES.items() if s.lower_is_better] == ["nprs", "odi", "rmdq"]
    assert MEASURES["nprs"].mic_points == 2
    assert MEASURES["rmdq"].mic_points == 5
    assert MEASURES["odi"].mic_points == 10
    assert MEASURES["psfs"].mic_points == 2
    assert MEASURES["adherence_self_report"].mic_points is None
    assert MEASURES["adherence_self_report"].mic_percent is None
    assert MEASURES["psfs"].mic_percent is None
    for code in ("nprs", "odi", "rmdq"):
        assert MEASURES[code].mic_percent == 30


def test_specs_are_frozen() -> None:
    with pytest.raises(AttributeError):
        MEASURES["nprs"].mic_points = 3.0  # type: ignore[misc]


def test_score_bounds() -> None:
    assert score_bounds("nprs") == (0, 10)
    assert score_bounds("psfs") == (0, 10)
    assert score_bounds("odi") == (0, 100)
    assert score_bounds("rmdq") == (0, 24)
    assert score_bounds("adherence_self_report") == (0, 100)


# --------------------------------------------------------------------------- formulas


@pytest.mark.parametrize(("answer", "expected"), [(0, 0.0), (7, 7.0), (10, 10.0)])
def test_nprs_is_the_answer(answer: int, expected: float) -> None:
    assert score("nprs", [answer]) == expected


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([4, 6, 8], 6.0),  # 18 / 3
        ([3, 4, 4], 3.7),  # 11 / 3 = 3.666...
        ([6, 6, 6, 7], 6.3),  # 25 / 4 = 6.25 -> half-up 6.3
        ([7, 7, 7, 8], 7.3),  # 29 / 4 = 7.25 -> half-up 7.3
        ([10, 9, 8, 7, 6], 8.0),  # 40 / 5
        ([1, 2, 2, 2, 2], 1.8),  # 9 / 5
        ([0, 0, 0], 0.0),
        ([10, 10, 10, 10, 10], 10.0),
    ],
)
def test_psfs_mean(answers: list[int], expected: float) -> None:
    assert score("psfs", answers) == expected


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([1, 2, 3, 0, 1, 2, 3, 4, 5, 0], 42.0),  # 21 / 50 * 100
        ([0] * 10, 0.0),
        ([5] * 10, 100.0),
        ([2, 2, 2, 2, 2, 2, 2, 2, 2, None], 40.0),  # 18 / 45 * 100
        ([3, None, 1, 0, 2, 4, 5, 1, 3, 2], 46.7),  # 21 / 45 * 100 = 46.66...
        ([1, 1, 1, 1, 1, 1, 1, None, None, 1], 20.0),  # 8 / 40 * 100
        ([5, 4, None, 3, 2, 1, 0, None, 5, 5], 62.5),  # 25 / 40 * 100
        ([None, None, 5, 5, 5, 5, 5, 5, 5, 5], 100.0),  # 40 / 40 * 100
    ],
)
def test_odi(answers: list[int | None], expected: float) -> None:
    assert score("odi", answers) == expected


def test_odi_three_unanswered_is_invalid() -> None:
    with pytest.raises(ScoringError, match="at least 8") as exc:
        score("odi", [1, None, 1, None, 1, None, 1, 1, 1, 1])
    assert exc.value.field == "answers"
    assert isinstance(exc.value, ValueError)


def test_odi_all_unanswered_is_invalid() -> None:
    with pytest.raises(ScoringError, match="got 0"):
        score("odi", [None] * 10)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([False] * 24, 0.0),
        ([True] * 24, 24.0),
        ([True] * 7 + [False] * 17, 7.0),
        ([False, True] * 12, 12.0),
    ],
)
def test_rmdq_counts_yes(answers: list[bool], expected: float) -> None:
    assert score("rmdq", answers) == expected


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([4, 4, 4], 100.0),
        ([0, 0, 0], 0.0),
        ([3, 2, 4], 75.0),  # mean 3 * 25
        ([1, 2, 2], 41.7),  # 5 / 3 * 25 = 41.66...
        ([4, 3, 3], 83.3),  # 10 / 3 * 25 = 83.33...
    ],
)
def test_adherence_self_report(answers: list[int], expected: float) -> None:
    assert score("adherence_self_report", answers) == expected


def test_score_returns_float() -> None:
    assert isinstance(score("nprs", [4]), float)
    assert isinstance(score("rmdq", [True] * 24), float)


def test_tuple_answers_accepted() -> None:
    assert score("psfs", (4, 6, 8)) == 6.0


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("measure", "answers", "field", "message"),
    [
        ("nprs", [], "answers", "needs 1 answers, got 0"),
        ("nprs", [1, 2], "answers", "got 2"),
        ("nprs", [11], "answers[0]", "between 0 and 10"),
        ("nprs", [-1], "answers[0]", "between 0 and 10"),
        ("nprs", [True], "answers[0]", "whole number"),
        ("nprs", [7.0], "answers[0]", "whole number"),
        ("nprs", ["7"], "answers[0]", "whole number"),
        ("nprs", [None], "answers[0]", "required"),
        ("psfs", [5, 5], "answers", "3 to 5"),
        ("psfs", [5] * 6, "answers", "3 to 5"),
        ("psfs", [5, 5, False], "answers[2]", "whole number"),
        ("odi", [1] * 9, "answers", "needs 10"),
        ("odi", [1] * 11, "answers", "needs 10"),
        ("odi", [1, 1, 1, 1, 6, 1, 1, 1, 1, 1], "answers[4]", "between 0 and 5"),
        ("odi", [1, 1, 1, 1, 1, 1, 1, 1, 1, True], "answers[9]", "whole number"),
        ("rmdq", [False] * 23, "answers", "needs 24"),
        ("rmdq", [False] * 3 + [1] + [False] * 20, "answers[3]", "yes/no"),
        ("rmdq", [False] * 5 + [0] + [False] * 18, "answers[5]", "yes/no"),
        ("rmdq", [None] + [False] * 23, "answers[0]", "required"),
        ("adherence_self_report", [4, 4, 5], "answers[2]", "between 0 and 4"),
        ("adherence_self_report", [4, 4], "answers", "needs 3"),
        ("nprs", "7", "answers", "list"),
        ("nprs", 7, "answers", "list"),
    ],
)
def test_validation_names_field(measure: str, answers: Any, field: str, message: str) -> None:
    with pytest.raises(ScoringError, match=message) as exc:
        score(measure, answers)
    assert exc.value.field == field
    assert str(exc.value).startswith(field + ": ")


def test_first_bad_answer_is_reported() -> None:
    with pytest.raises(ScoringError) as exc:
        score("psfs", [5, 11, -1])
    assert exc.value.field == "answers[1]"


def test_unknown_measure() -> None:
    with pytest.raises(ScoringError, match="unknown measure 'sf36'") as exc:
        score("sf36", [1])
    assert exc.value.field == "measure"
    with pytest.raises(ScoringError):
        change_from_baseline("sf36", 1, 2)


# --------------------------------------------------------------------------- change


def test_nprs_two_points_meaningful() -> None:
    # 7 -> 5: delta -2 (= MIC points), percent -2/7 = -28.57 % (< 30 %)
    c = change_from_baseline("nprs", 7, 5)
    assert c.delta == -2.0
    assert c.percent == pytest.approx(-200 / 7)
    assert (c.improved, c.worsened, c.meaningful, c.direction) == (True, False, True, "improved")


def test_nprs_percent_near_the_floor_also_needs_the_points() -> None:
    # 3 -> 2: delta -1 (< 2 points) though -33.3 % (>= 30 %): not a meaningful change
    c = change_from_baseline("nprs", 3, 2)
    assert c.delta == -1.0
    assert c.percent == pytest.approx(-100 / 3)
    assert c.improved and not c.meaningful
    assert change_from_baseline("nprs", 3, 1).meaningful  # two points


def test_nprs_small_change_not_meaningful() -> None:
    # 8 -> 7: delta -1, -12.5 %
    c = change_from_baseline("nprs", 8, 7)
    assert c == Change(-1.0, -12.5, True, False, False, "improved")


def test_nprs_from_zero_has_no_percent() -> None:
    c = change_from_baseline("nprs", 0, 3)
    assert c == Change(3.0, None, False, True, True, "worsened")
    c = change_from_baseline("nprs", 0, 1)
    assert c == Change(1.0, None, False, True, False, "worsened")


def test_unchanged() -> None:
    assert change_from_baseline("nprs", 5, 5) == Change(0.0, 0.0, False, False, False, "unchanged")
    assert change_from_baseline("psfs", 0, 0) == Change(0.0, None, False, False, False, "unchanged")


def test_odi_thresholds() -> None:
    # 40 -> 30: -10 points (= MIC) and -25 %
    assert change_from_baseline("odi", 40.0, 30.0).meaningful
    # 40 -> 32: -8 points, -20 %
    c = change_from_baseline("odi", 40.0, 32.0)
    assert c == Change(-8.0, -20.0, True, False, False, "improved")
    # 20 -> 14: exactly -30 % but only -6 points: not meaningful without the points
    c = change_from_baseline("odi", 20.0, 14.0)
    assert c.percent == -30.0
    assert not c.meaningful
    # 46.7 -> 56.7: worse by exactly 10 points
    c = change_from_baseline("odi", 46.7, 56.7)
    assert c.delta == 10.0
    assert c.worsened and c.meaningful and c.direction == "worsened"


def test_rmdq_thresholds() -> None:
    assert not change_from_baseline("rmdq", 10, 6).meaningful  # -4 points, -40 %
    assert not change_from_baseline("rmdq", 20, 16).meaningful  # -4 points, -20 %
    assert change_from_baseline("rmdq", 20, 15).meaningful  # -5 points


def test_psfs_higher_is_better_and_points_only() -> None:
    c = change_from_baseline("psfs", 3.0, 5.0)
    assert c.percent == pytest.approx(200 / 3)
    assert c == Change(2.0, c.percent, True, False, True, "improved")
    # +50 % but PSFS has no percent threshold and +1 < 2 points
    c = change_from_baseline("psfs", 2.0, 3.0)
    assert c.improved and not c.meaningful
    c = change_from_baseline("psfs", 6.0, 4.0)
    assert c.worsened and c.meaningful and c.direction == "worsened"


def test_decimal_scores_have_exact_delta() -> None:
    # 5.3 - 7.3 in binary floating point is -1.9999999999999996
    c = change_from_baseline("psfs", 7.3, 5.3)
    assert c.delta == -2.0
    assert c.meaningful
    c = change_from_baseline("odi", 33.3, 23.3)
    assert c.delta == -10.0
    assert c.meaningful


def test_adherence_self_report_never_meaningful() -> None:
    c = change_from_baseline("adherence_self_report", 0.0, 100.0)
    assert c.improved and not c.meaningful and c.percent is None
    c = change_from_baseline("adherence_self_report", 75.0, 25.0)
    assert c.worsened and not c.meaningful


@pytest.mark.parametrize(
    ("measure", "baseline", "current", "field"),
    [
        ("nprs", 11, 5, "baseline"),
        ("nprs", 5, -1, "current"),
        ("rmdq", 5, 25, "current"),
        ("odi", 101.0, 5, "baseline"),
        ("nprs", True, 5, "baseline"),
        ("nprs", 5, "4", "current"),
        ("nprs", float("nan"), 5, "baseline"),
        ("odi", 5, float("inf"), "current"),
    ],
)
def test_change_validation(measure: str, baseline: Any, current: Any, field: str) -> None:
    with pytest.raises(ScoringError) as exc:
        change_from_baseline(measure, baseline, current)
    assert exc.value.field == field


# --------------------------------------------------------------------------- properties


@st.composite
def odi_answers(draw: st.DrawFn) -> list[int | None]:
    values: list[int | None] = list(draw(st.lists(st.integers(0, 5), min_size=10, max_size=10)))
    blanks = draw(st.sets(st.integers(0, 9), max_size=2))
    for i in blanks:
        values[i] = None
    return values


@given(odi_answers())
def test_prop_odi_in_range(answers: list[int | None]) -> None:
    assert 0.0 <= score("odi", answers) <= 100.0


@given(odi_answers(), st.integers(0, 9))
def test_prop_odi_monotone_in_each_answer(answers: list[int | None], index: int) -> None:
    value = answers[index]
    if value is None or value == 5:
        return
    raised = list(answers)
    raised[index] = value + 1
    # each step adds 100 / (5 * answered) >= 2 points, so it survives rounding
    assert score("odi", raised) > score("odi", answers)


@given(st.lists(st.booleans(), min_size=24, max_size=24))
def test_prop_rmdq_counts_true(answers: list[bool]) -> None:
    assert score("rmdq", answers) == answers.count(True)


@given(st.lists(st.integers(0, 10), min_size=3, max_size=5))
def test_prop_psfs_between_min_and_max(answers: list[int]) -> None:
    assert min(answers) <= score("psfs", answers) <= max(answers)


@given(st.lists(st.integers(0, 4), min_size=3, max_size=3))
def test_prop_adherence_self_report_in_range(answers: list[int]) -> None:
    result = score("adherence_self_report", answers)
    assert 0.0 <= result <= 100.0
    assert abs(result - sum(answers) * 25 / 3) <= 0.05


@st.composite
def score_pair(draw: st.DrawFn) -> tuple[str, float, float]:
    measure = draw(st.sampled_from(sorted(MEASURES)))
    lo, hi = score_bounds(measure)
    tenths = st.integers(int(lo * 10), int(hi * 10)).map(lambda n: n / 10)
    return measure, draw(tenths), draw(tenths)


@given(score_pair())
def test_prop_change_direction_respects_lower_is_better(pair: tuple[str, float, float]) -> None:
    measure, baseline, current = pair
    c = change_from_baseline(measure, baseline, current)
    lower_is_better = MEASURES[measure].lower_is_better
    if current == baseline:
        assert c.direction == "unchanged"
        assert not (c.improved or c.worsened or c.meaningful)
    else:
        went_down = current < baseline
        assert c.improved == (went_down == lower_is_better)
        assert c.worsened == (not c.improved)
        assert c.direction == ("improved" if c.improved else "worsened")
    assert c.delta == pytest.approx(current - baseline)
    reverse = change_from_baseline(measure, current, baseline)
    assert reverse.improved == c.worsened
    assert reverse.worsened == c.improved


@given(score_pair())
def test_prop_meaningful_matches_definition(pair: tuple[str, float, float]) -> None:
    measure, baseline, current = pair
    spec = MEASURES[measure]
    c = change_from_baseline(measure, baseline, current)
    by_points = spec.mic_points is not None and abs(c.delta) >= spec.mic_points - 1e-9
    by_percent = (
        spec.mic_points is None  # the percent alone counts only without a points threshold
        and spec.mic_percent is not None
        and c.percent is not None
        and abs(c.percent) >= spec.mic_percent - 1e-9
    )
    assert c.meaningful == (by_points or by_percent)
