"""Scoring of patient-reported outcome measures used in Upright.

Pure Python (stdlib only) so it can be unit-tested without Django.

Measures and formulas
---------------------
* ``nprs`` - Numeric Pain Rating Scale: one answer 0..10, score = the answer.
* ``psfs`` - Patient-Specific Functional Scale: 3..5 activities rated 0..10
  (10 = able to do it as before), score = mean.
* ``odi`` - Oswestry Disability Index: 10 sections rated 0..5, a section may be
  unanswered (``None``); score = sum / (5 x answered) x 100. At least 8 sections
  must be answered.
* ``rmdq`` - Roland-Morris Disability Questionnaire: 24 yes/no statements,
  score = number of "yes" (``True``).
* ``adherence_self_report`` - 3 Likert items 0..4, score = mean x 25 (0..100).

Rounding to one decimal is *half-up* on the exact rational value (so a PSFS
mean of 6.25 is reported as 6.3, not 6.2 as ``round()`` would give).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Literal

__all__ = [
    "MEASURES",
    "ODI_MIN_ANSWERED",
    "Change",
    "MeasureSpec",
    "ScoringError",
    "change_from_baseline",
    "score",
    "score_bounds",
]

YesNo = Literal["yes_no"]
Direction = Literal["improved", "worsened", "unchanged"]

ODI_MIN_ANSWERED = 8
"""Minimum number of answered ODI sections for a valid score."""


@dataclass(frozen=True)
class MeasureSpec:
    code: str
    name: str
    item_count: tuple[int, int]
    answer_range: tuple[int, int] | YesNo
    lower_is_better: bool
    mic_points: float | None
    mic_percent: float | None


@dataclass(frozen=True)
class Change:
    delta: float
    percent: float | None
    improved: bool
    worsened: bool
    meaningful: bool
    direction: Direction


class ScoringError(ValueError):
    """Invalid input; ``field`` names the offending input, e.g. ``"answers[3]"``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


MEASURES: dict[str, MeasureSpec] = {
    spec.code: spec
    for spec in (
        MeasureSpec("nprs", "Numeric Pain Rating Scale", (1, 1), (0, 10), True, 2.0, 30.0),
        MeasureSpec("psfs", "Patient-Specific Functional Scale", (3, 5), (0, 10), False, 2.0, None),
        MeasureSpec("odi", "Oswestry Disability Index", (10, 10), (0, 5), True, 10.0, 30.0),
        MeasureSpec(
            "rmdq", "Roland-Morris Disability Questionnaire", (24, 24), "yes_no", True, 5.0, 30.0
        ),
        MeasureSpec(
            "adherence_self_report", "Adherence self-report", (3, 3), (0, 4), False, None, None
        ),
    )
}

_ONE_DECIMAL = Decimal("0.1")


def _round1(value: Fraction) -> float:
    """Round an exact rational to one decimal, half away from zero."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP))


def _spec(measure: str) -> MeasureSpec:
    try:
        return MEASURES[measure]
    except (KeyError, TypeError):
        known = ", ".join(sorted(MEASURES))
        raise ScoringError("measure", f"unknown measure {measure!r} (known: {known})") from None


def score_bounds(measure: str) -> tuple[float, float]:
    """Lowest and highest possible score of ``measure``."""
    spec = _spec(measure)
    if spec.answer_range == "yes_no":
        return 0.0, float(spec.item_count[1])
    if spec.code in ("odi", "adherence_self_report"):
        return 0.0, 100.0
    lo, hi = spec.answer_range
    return float(lo), float(hi)


def _validate(spec: MeasureSpec, answers: Sequence[int | bool | None]) -> None:
    if isinstance(answers, (str, bytes)) or not isinstance(answers, Sequence):
        raise ScoringError("answers", "must be a list of answers")
    lo_n, hi_n = spec.item_count
    n = len(answers)
    if not lo_n <= n <= hi_n:
        wanted = str(lo_n) if lo_n == hi_n else f"{lo_n} to {hi_n}"
        raise ScoringError("answers", f"{spec.code} needs {wanted} answers, got {n}")
    for i, answer in enumerate(answers):
        field = f"answers[{i}]"
        if answer is None:
            if spec.code == "odi":
                continue
            raise ScoringError(field, "an answer is required")
        if spec.answer_range == "yes_no":
            if not isinstance(answer, bool):
                raise ScoringError(field, f"must be yes/no (true/false), got {answer!r}")
            continue
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise ScoringError(field, f"must be a whole number, got {answer!r}")
        lo, hi = spec.answer_range
        if not lo <= answer <= hi:
            raise ScoringError(field, f"must be between {lo} and {hi}, got {answer}")
    if spec.code == "odi":
        answered = sum(1 for a in answers if a is not None)
        if answered < ODI_MIN_ANSWERED:
            raise ScoringError(
                "answers",
                f"ODI needs at least {ODI_MIN_ANSWERED} of 10 sections answered, "
                f"got {answered}; the score is invalid",
            )


def score(measure: str, answers: Sequence[int | bool | None]) -> float:
    """Validate ``answers`` for ``measure`` and return the score.

    Raises :class:`ScoringError` (a ``ValueError``) naming the offending field.
    """
    spec = _spec(measure)
    _validate(spec, answers)
    if spec.answer_range == "yes_no":
        return float(sum(1 for a in answers if a is True))
    values = [int(a) for a in answers if a is not None]
    total = sum(values)
    if spec.code == "nprs":
        return float(total)
    if spec.code == "odi":
        return _round1(Fraction(total * 100, 5 * len(values)))
    if spec.code == "adherence_self_report":
        return _round1(Fraction(total * 25, len(values)))
    return _round1(Fraction(total, len(values)))  # psfs: plain mean


def _as_decimal(field: str, value: float, bounds: tuple[float, float]) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScoringError(field, f"must be a number, got {value!r}")
    exact = Decimal(repr(float(value)))  # shortest repr: 7.3 -> Decimal("7.3")
    if not exact.is_finite():
        raise ScoringError(field, f"must be a finite number, got {value!r}")
    lo, hi = bounds
    if not lo <= value <= hi:
        raise ScoringError(field, f"must be between {lo:g} and {hi:g}, got {value!r}")
    return exact


def change_from_baseline(measure: str, baseline: float, current: float) -> Change:
    """Compare a follow-up score with the baseline score of the same measure.

    ``improved``/``worsened`` reflect any change in the good/bad direction;
    ``meaningful`` says whether the size of the change (either direction)
    reaches the minimal important change: the absolute threshold (points) where the
    measure has one, otherwise the percent of baseline.
    Arithmetic is done on the decimal values so ``7.3 - 5.3`` is exactly 2.
    """
    spec = _spec(measure)
    bounds = score_bounds(measure)
    base = _as_decimal("baseline", baseline, bounds)
    cur = _as_decimal("current", current, bounds)
    delta = cur - base
    percent = None if base == 0 else delta * 100 / base
    # The absolute threshold decides where a measure has one: a percent change alone
    # overstates small changes near the floor (NPRS 3 -> 2 is -33 % but one point).
    # The percent threshold counts on its own only for a measure without points.
    meaningful = False
    if delta != 0:
        if spec.mic_points is not None:
            meaningful = abs(delta) >= Decimal(repr(spec.mic_points))
        elif percent is not None and spec.mic_percent is not None:
            meaningful = abs(percent) >= Decimal(repr(spec.mic_percent))
    better = delta < 0 if spec.lower_is_better else delta > 0
    worse = delta != 0 and not better
    direction: Direction = "improved" if better else "worsened" if worse else "unchanged"
    return Change(
        delta=float(delta),
        percent=None if percent is None else float(percent),
        improved=better,
        worsened=worse,
        meaningful=meaningful,
        direction=direction,
    )
