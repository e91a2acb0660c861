"""The one pain safety rule: the shared case table, the content file, the advice by rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from backend.programs.adherence import pain_flags
from exercises.content_files import ContentError
from exercises.safety_content import REQUIRED_FLAGS, parse_safety, safety_content

CASES = json.loads((Path(__file__).parents[1] / "shared" / "safety_cases.json").read_text())


def test_the_shared_table_uses_the_shipped_thresholds() -> None:
    rule = safety_content().rule
    assert CASES["rule"] == {"rise_points": rule.rise_points, "high_level": rule.high_level}


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: f"{c['before']}->{c['after']}")
def test_shared_case(case: dict[str, Any]) -> None:
    rule = safety_content().rule
    flagged, reason = pain_flags(
        case["before"], case["after"], rise_points=rule.rise_points, high_level=rule.high_level
    )
    assert reason == case["reason"]
    assert flagged is (case["reason"] is not None)


@pytest.mark.parametrize("case", CASES["pre_session"], ids=lambda c: str(c["before"]))
def test_pre_session_warning_uses_the_alert_threshold(case: dict[str, Any]) -> None:
    assert (case["before"] >= safety_content().rule.high_level) is case["warn"]


def test_each_rule_has_its_own_advice() -> None:
    advice = safety_content().advice
    texts = {advice["pain_increase"], advice["pain_high"], advice["pain_high_before"]}
    assert len(texts) == 3
    assert "went up" not in advice["pain_high_before"]


def test_every_required_red_flag_is_in_the_file_with_an_action() -> None:
    content = safety_content()
    assert {f.code for f in content.red_flags} >= set(REQUIRED_FLAGS)
    document = content.as_document()
    for flag in document["red_flags"]:
        assert flag["advice"] in (
            "Get urgent medical care now (emergency department or your emergency number).",
            "Contact your clinician today.",
        )


def _shipped() -> dict[str, Any]:
    import yaml

    path = Path(__file__).parents[2] / "exercises" / "content" / "safety.yaml"
    loaded: dict[str, Any] = yaml.safe_load(path.read_text())
    return loaded


def test_a_broken_safety_file_is_refused_naming_entry_and_field() -> None:
    document = _shipped()
    document["red_flags"][0]["action"] = "later"
    document["pain_rule"]["high_level"] = 11
    document["red_flags"] = [f for f in document["red_flags"] if f["code"] != "weight-loss"]
    with pytest.raises(ContentError) as caught:
        parse_safety(document)
    text = str(caught.value)
    assert "safety.yaml: entry 'saddle-numbness': field 'action'" in text
    assert "entry 'pain_rule': field 'high_level'" in text
    assert "entry 'weight-loss': field 'code': this red flag is missing" in text
