"""Translations say everything the English entry says: the loader refuses one that lacks a
field, or has a different number of steps, safety notes or pose labels, naming file,
entry, language and field. The same for safety.yaml and the measures we word ourselves."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from backend.outcomes.wording import WordingError, read_library_wording, read_wording
from exercises.content_files import ContentError, ContentIssue, load_documents
from exercises.content_schema import validate_library
from exercises.safety_content import parse_safety

CONTENT_DIR = Path(__file__).resolve().parents[2] / "exercises" / "content"
MICRO = "exercises/micro-breaks.yaml"
Docs = dict[str, Any]


@pytest.fixture(scope="module")
def shipped() -> Docs:
    return load_documents(CONTENT_DIR)


@pytest.fixture
def docs(shipped: Docs) -> Docs:
    return copy.deepcopy(shipped)


def _issues(documents: Docs) -> list[ContentIssue]:
    try:
        validate_library(documents)
    except ContentError as exc:
        return exc.issues
    return []


def _entry(documents: Docs, file: str, slug: str) -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in documents[file] if e.get("slug", e.get("code")) == slug)
    return found


def _only(issues: list[ContentIssue]) -> ContentIssue:
    assert len(issues) == 1, [str(i) for i in issues]
    return issues[0]


def test_the_shipped_translations_validate(shipped: Docs) -> None:
    assert _issues(copy.deepcopy(shipped)) == []


@pytest.mark.parametrize("field", ["name", "steps", "cues", "safety_notes", "pose_labels"])
def test_a_translation_missing_a_field_is_refused(docs: Docs, field: str) -> None:
    del _entry(docs, MICRO, "seated-twist")["translations"]["de"][field]
    issue = _only(_issues(docs))
    assert (issue.file, issue.entry, issue.field) == (
        MICRO,
        "seated-twist",
        f"translations.de.{field}",
    )
    assert "'de' translation" in issue.message and "English entry has it" in issue.message
    assert str(issue).startswith(
        f"{MICRO}: entry 'seated-twist': field 'translations.de.{field}': is missing"
    )


def test_a_translation_with_fewer_steps_is_refused(docs: Docs) -> None:
    steps = _entry(docs, MICRO, "seated-twist")["translations"]["es"]["steps"]
    steps.pop()
    issue = _only(_issues(docs))
    assert (issue.entry, issue.field) == ("seated-twist", "translations.es.steps")
    assert f"has {len(steps)} steps; the English entry has {len(steps) + 1}" in issue.message


def test_a_translation_with_an_extra_step_is_refused(docs: Docs) -> None:
    _entry(docs, MICRO, "stand-and-reach")["translations"]["es"]["steps"].append("Otra vez.")
    assert _only(_issues(docs)).field == "translations.es.steps"


def test_a_translation_dropping_a_safety_note_is_refused(docs: Docs) -> None:
    _entry(docs, MICRO, "seated-twist")["translations"]["de"]["safety_notes"].pop()
    issue = _only(_issues(docs))
    assert (issue.field, "safety notes") == ("translations.de.safety_notes", "safety notes")
    assert "the English entry has 3" in issue.message


def test_a_translation_with_other_pose_labels_is_refused(docs: Docs) -> None:
    labels = _entry(docs, MICRO, "seated-twist")["translations"]["es"]["pose_labels"]
    labels["turn"] = labels.pop("twist")
    issue = _only(_issues(docs))
    assert (issue.entry, issue.field) == ("seated-twist", "translations.es.pose_labels")
    assert "start, twist" in issue.message


@pytest.mark.parametrize(
    ("file", "slug", "field"),
    [
        ("routines.yaml", "core-foundation-two-weeks", "goal"),
        ("tips.yaml", "sit-back-in-your-chair", "nudge"),
        ("precautions.yaml", "no-direct-pressure", "detail"),
    ],
)
def test_routine_tip_and_precaution_translations_need_every_field(
    docs: Docs, file: str, slug: str, field: str
) -> None:
    translations = _entry(docs, file, slug)["translations"]
    translations["es"] = copy.deepcopy(translations["en"])
    del translations["es"][field]
    issue = _only(_issues(docs))
    assert (issue.file, issue.entry, issue.field) == (file, slug, f"translations.es.{field}")
    assert "is missing from the 'es' translation" in issue.message


def _safety() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((CONTENT_DIR / "safety.yaml").read_text())
    return loaded


def _safety_issues(document: dict[str, Any]) -> list[str]:
    with pytest.raises(ContentError) as caught:
        parse_safety(document)
    return [str(issue) for issue in caught.value.issues]


def test_the_safety_file_has_every_language_complete() -> None:
    content = parse_safety(_safety())
    assert set(content.translations) == {"es", "de"}
    for language in ("es", "de"):
        translated = content.in_language(language)
        assert translated.language == language
        assert [f.code for f in translated.red_flags] == [f.code for f in content.red_flags]
        assert [f.action for f in translated.red_flags] == [f.action for f in content.red_flags]
        assert all(f.label and f.question for f in translated.red_flags)
        assert translated.rule == content.rule


def test_a_translation_missing_a_red_flag_is_refused() -> None:
    document = _safety()
    del document["translations"]["es"]["red_flags"]["both-legs"]
    assert _safety_issues(document) == [
        "safety.yaml: entry 'translations.es.red_flags.both-legs': "
        "is missing: every red flag needs its label and question"
    ]


def test_a_translation_missing_a_question_or_an_advice_is_refused() -> None:
    document = _safety()
    del document["translations"]["de"]["red_flags"]["weight-loss"]["question"]
    del document["translations"]["de"]["advice"]["pain_increase"]
    del document["translations"]["es"]["actions"]["urgent"]
    assert sorted(_safety_issues(document)) == sorted(
        [
            "safety.yaml: entry 'translations.de.red_flags.weight-loss': field 'question': "
            "must be non-empty text",
            "safety.yaml: entry 'translations.de.advice': field 'pain_increase': "
            "must be non-empty text",
            "safety.yaml: entry 'translations.es.actions': field 'urgent': must be non-empty text",
        ]
    )


def test_a_red_flag_the_english_file_does_not_have_is_refused() -> None:
    document = _safety()
    document["translations"]["es"]["red_flags"]["headache"] = {"label": "x", "question": "y"}
    assert _safety_issues(document) == [
        "safety.yaml: entry 'translations.es.red_flags.headache': "
        "is not a red flag of the English file"
    ]


def test_an_unknown_language_falls_back_to_english_as_a_whole() -> None:
    content = parse_safety(_safety())
    assert content.in_language("fr") is content
    assert content.in_language("de-AT").language == "de"


def _wording_file(tmp_path: Path, measure: str, change: Any) -> Path:
    document = yaml.safe_load((CONTENT_DIR / "measures" / f"{measure}.yaml").read_text())
    change(document[0]["translations"])
    path = tmp_path / f"{measure}.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def test_a_measure_translation_missing_a_scale_label_is_refused(tmp_path: Path) -> None:
    def drop_label(translations: dict[str, Any]) -> None:
        translations["es"] = copy.deepcopy(translations["en"])
        del translations["es"]["items"][0]["high_label"]

    path = _wording_file(tmp_path, "nprs", drop_label)
    with pytest.raises(WordingError) as caught:
        read_wording(path, library=True, shown_as="measures/nprs.yaml")
    assert [str(i) for i in caught.value.issues] == [
        "measures/nprs.yaml: entry 'nprs': field 'translations.es.items[0].high_label': "
        "is missing from the 'es' translation; the English wording has it"
    ]


def test_a_measure_translation_with_fewer_items_is_refused(tmp_path: Path) -> None:
    def drop_item(translations: dict[str, Any]) -> None:
        translations["de"] = copy.deepcopy(translations["en"])
        translations["de"]["items"].pop()

    path = _wording_file(tmp_path, "psfs", drop_item)
    with pytest.raises(WordingError) as caught:
        read_wording(path, library=True, shown_as="measures/psfs.yaml")
    assert [(i.entry, i.field) for i in caught.value.issues] == [("psfs", "translations.de.items")]


def test_the_shipped_measure_wording_validates() -> None:
    assert read_library_wording()
