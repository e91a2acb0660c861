"""Content rules a clinical review asked for, on one exercise entry (pure; ``content_schema``
reports what they find with the file and entry):

- the back rests on the floor or a wall, or a stick lies along it: the lump precaution;
- every exercise has a regression, or a regression_note saying why it has none;
- a hold named in the steps ("hold for five seconds") is in the dosage, so the timer
  paces it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LUMP_PRECAUTION = "no-direct-pressure"
BACK_CONTACT_TRUNK = -45  # poses.py: trunk -90 is lying on the back
BACK_CONTACT_PROPS = frozenset({"wall"})
BACK_CONTACT_EQUIPMENT = frozenset({"wall", "broomstick"})
_TIMED_HOLD_RE = re.compile(
    r"\b(?:hold|pause)\b[^.]*?(?:\bcount of\b|\b(?:\d+|one|two|three|four|five|six|ten|a few)"
    r"(?:\s*(?:to|or|-|\u2013)\s*(?:\d+|two|three|four|five|six|ten))?\s*"
    r"(?:s|secs?|seconds?|slow breaths?|breaths?)\b)",
    re.IGNORECASE,
)


def names_a_timed_hold(step: str) -> bool:
    return bool(_TIMED_HOLD_RE.search(step))


@dataclass
class RuleFindings:
    problems: list[tuple[str, str]] = field(default_factory=list)  # (field, message)
    names_timed_hold: bool = False  # some step names a hold (the timer must pace it)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _back_rests_on_something(entry: Mapping[str, Any]) -> bool:
    def lies_back(pose: Any) -> bool:
        if not isinstance(pose, Mapping):
            return False
        angles = pose.get("angles")
        trunk = angles.get("trunk") if isinstance(angles, Mapping) else None
        return pose.get("prop") in BACK_CONTACT_PROPS or (
            isinstance(trunk, int | float) and trunk <= BACK_CONTACT_TRUNK
        )

    equipment = set(map(str, _list(entry.get("equipment"))))
    return any(map(lies_back, _list(entry.get("poses")))) or bool(
        BACK_CONTACT_EQUIPMENT & equipment
    )


def check(entry: Mapping[str, Any]) -> RuleFindings:
    """The clinical rules' findings on one exercise entry (as in a library file)."""
    found = RuleFindings()
    if _back_rests_on_something(entry) and LUMP_PRECAUTION not in _list(entry.get("precautions")):
        found.problems.append(
            (
                "precautions",
                "the back rests on the floor or a wall (or a stick lies along it): "
                f"add '{LUMP_PRECAUTION}'",
            )
        )
    note = entry.get("regression_note")
    if entry.get("regression") is None and not (isinstance(note, str) and note.strip()):
        found.problems.append(
            ("regression", "give an easier exercise, or a regression_note saying why not")
        )
    if entry.get("regression") is not None and "regression_note" in entry:
        found.problems.append(("regression_note", "only for an exercise without a regression"))
    _check_holds(entry, found)
    return found


def _check_holds(entry: Mapping[str, Any], found: RuleFindings) -> None:
    translations = entry.get("translations")
    raw_dosage = entry.get("dosage")
    dosage: Mapping[str, Any] = raw_dosage if isinstance(raw_dosage, Mapping) else {}
    if not isinstance(translations, Mapping):
        return
    for language, texts in translations.items():
        steps = texts.get("steps") if isinstance(texts, Mapping) else None
        for index, step in enumerate(_list(steps)):
            if not (isinstance(step, str) and names_a_timed_hold(step)):
                continue
            found.names_timed_hold = True
            if dosage.get("hold_seconds") is None:
                found.problems.append(
                    (
                        f"translations.{language}.steps[{index}]",
                        "names a hold, but dosage.hold_seconds is null: "
                        "set it (with reps it is a hold per rep)",
                    )
                )
