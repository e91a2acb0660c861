"""The shipped exercise library content validates, and broken content is reported precisely.

Covers every file in exercises/content/ that exists: precautions, all exercise files,
routines and tips.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from exercises import pose_shapes, poses, vocabulary
from exercises.content_files import ContentError, ContentIssue, load_documents
from exercises.content_schema import validate_library

CONTENT_DIR = Path(__file__).resolve().parents[2] / "exercises" / "content"
Docs = dict[str, Any]

CORE = [
    "abdominal-bracing", "pelvic-tilt", "heel-slides", "supine-marching", "dead-bug",
    "bird-dog", "glute-bridge", "single-leg-bridge", "modified-curl-up", "front-plank-knees",
    "front-plank", "side-plank-knees", "side-plank", "clamshell",
]  # fmt: skip
POSTURE = [
    "chin-tuck", "wall-angel", "scapular-squeeze", "seated-posture-reset", "wall-posture-check",
    "prone-cobra", "doorway-chest-stretch", "band-pull-apart", "hip-hinge-practice",
    "sit-to-stand", "squat-lift-practice",
]  # fmt: skip

VALID_ROUTINE = {
    "slug": "test-routine",
    "duration_minutes": 10,
    "weeks": None,
    "items": [
        {
            "exercise": "bird-dog",
            "sets": 2,
            "reps": 8,
            "hold_seconds": 5,
            "rest_seconds": 30,
            "per_side": True,
        }
    ],
    "translations": {"en": {"name": "Test", "goal": "A goal.", "description": "Words."}},
}
VALID_TIP = {
    "slug": "test-tip",
    "topic": "breaks",
    "translations": {"en": {"title": "Move", "text": "Stand up.", "nudge": "Time to stand."}},
}


@pytest.fixture(scope="module")
def shipped() -> Docs:
    return load_documents(CONTENT_DIR)


@pytest.fixture
def docs(shipped: Docs) -> Docs:
    """A private deep copy with a known-good routine and tip, ready to be broken."""
    documents = copy.deepcopy(shipped)
    documents["routines.yaml"] = [copy.deepcopy(VALID_ROUTINE)]
    documents["tips.yaml"] = [copy.deepcopy(VALID_TIP)]
    return documents


def exercises_of(documents: Docs) -> list[dict[str, Any]]:
    return [e for name, doc in documents.items() if name.startswith("exercises/") for e in doc]


def entry(documents: Docs, file: str, slug: str) -> dict[str, Any]:
    return next(e for e in documents[file] if e.get("slug", e.get("code")) == slug)


def issues_of(documents: Docs) -> list[ContentIssue]:
    try:
        validate_library(documents)
    except ContentError as exc:
        return exc.issues
    return []


# -- the shipped library -------------------------------------------------------------------


def test_shipped_library_validates(shipped: Docs) -> None:
    validate_library(shipped)


def test_every_known_file_that_exists_is_loaded(shipped: Docs) -> None:
    on_disk = {
        p.relative_to(CONTENT_DIR).as_posix()
        for p in CONTENT_DIR.rglob("*.yaml")
        # Questionnaire wording is loaded by the programs app, not the library loader.
        if not p.is_relative_to(CONTENT_DIR / "measures")
    }
    assert set(shipped) == on_disk
    assert "precautions.yaml" in shipped
    assert {"exercises/core.yaml", "exercises/posture.yaml"} <= set(shipped)


def test_core_and_posture_files_hold_the_agreed_exercises(shipped: Docs) -> None:
    assert sorted(e["slug"] for e in shipped["exercises/core.yaml"]) == sorted(CORE)
    assert sorted(e["slug"] for e in shipped["exercises/posture.yaml"]) == sorted(POSTURE)
    assert {e["category"] for e in shipped["exercises/core.yaml"]} == {"core"}
    assert {e["category"] for e in shipped["exercises/posture.yaml"]} == {"posture"}


@pytest.mark.parametrize(
    ("category", "minimum"), [("core", 12), ("posture", 10), ("mobility", 8), ("micro-break", 10)]
)
def test_library_has_enough_exercises(shipped: Docs, category: str, minimum: int) -> None:
    count = sum(1 for e in exercises_of(shipped) if e["category"] == category)
    assert count >= minimum


def test_library_has_enough_routines_and_tips(shipped: Docs) -> None:
    assert len(shipped.get("routines.yaml") or []) >= 8
    assert len(shipped.get("tips.yaml") or []) >= 30


def test_precautions_are_exactly_the_agreed_codes(shipped: Docs) -> None:
    codes = [p["code"] for p in shipped["precautions.yaml"]]
    assert sorted(codes) == sorted(vocabulary.PRECAUTION_CODES)


def test_every_exercise_has_drawable_poses(shipped: Docs) -> None:
    for exercise in exercises_of(shipped):
        labels = exercise["translations"]["en"]["pose_labels"]
        assert 2 <= len(exercise["poses"]) <= 4, exercise["slug"]
        for pose in exercise["poses"]:
            svg = pose_shapes.render_pose_svg(pose, title=labels[pose["key"]])
            assert len(svg.encode()) < 4000, exercise["slug"]


def test_poses_of_one_exercise_share_a_view_so_they_can_be_animated(shipped: Docs) -> None:
    for exercise in exercises_of(shipped):
        assert len({p["view"] for p in exercise["poses"]}) == 1, exercise["slug"]


def test_every_exercise_says_when_to_stop_and_contact_the_clinician(shipped: Docs) -> None:
    for exercise in exercises_of(shipped):
        notes = " ".join(exercise["translations"]["en"]["safety_notes"]).lower()
        assert "stop" in notes, exercise["slug"]
        assert "clinician" in notes, exercise["slug"]


def test_every_dosage_is_plausible_for_its_estimated_duration(shipped: Docs) -> None:
    for exercise in exercises_of(shipped):
        dose, slug = exercise["dosage"], exercise["slug"]
        sides = 2 if dose["per_side"] else 1
        rests = (dose["sets"] * sides - 1) * dose["rest_seconds"]
        if dose["reps"] is not None:
            fastest = dose["sets"] * sides * dose["reps"] * 1  # one second a repetition
            slowest = dose["sets"] * sides * dose["reps"] * 6 + rests + 30
        else:
            fastest = dose["sets"] * sides * dose["hold_seconds"]
            slowest = fastest + rests + 30
        budget = exercise["duration_minutes"] * 60
        assert fastest <= budget * 2, f"{slug}: the dosage cannot fit {budget} s"
        assert slowest >= budget / 5, f"{slug}: {budget} s is far longer than the dosage"


def test_progressions_get_harder_and_regressions_easier(shipped: Docs) -> None:
    by_slug = {e["slug"]: e for e in exercises_of(shipped)}
    for exercise in by_slug.values():
        if exercise["progression"]:
            assert by_slug[exercise["progression"]]["difficulty"] >= exercise["difficulty"]
        if exercise["regression"]:
            assert by_slug[exercise["regression"]]["difficulty"] <= exercise["difficulty"]


def test_shared_lists_match_the_contract() -> None:
    assert vocabulary.LANGUAGES == ("en", "es", "de")
    assert vocabulary.EXERCISE_CATEGORIES == ("core", "posture", "mobility", "micro-break")
    assert "broomstick" in vocabulary.EQUIPMENT
    assert "heat-cold" in vocabulary.TIP_TOPICS
    assert vocabulary.POSITIONS == ("standing", "seated", "floor", "desk")
    assert len(vocabulary.BODY_REGIONS) == 8


# -- broken documents are reported precisely --------------------------------------------------


def test_unbroken_copy_is_valid(docs: Docs) -> None:
    assert issues_of(docs) == []


def test_issue_reads_as_file_entry_field_and_message(docs: Docs) -> None:
    entry(docs, "exercises/core.yaml", "bird-dog")["dosage"]["reps"] = 40
    issues = issues_of(docs)
    assert [str(i) for i in issues] == [
        "exercises/core.yaml: entry 'bird-dog': field 'dosage.reps': must be 1..30"
    ]
    with pytest.raises(ContentError) as caught:
        validate_library(docs)
    assert "exercises/core.yaml: entry 'bird-dog': field 'dosage.reps'" in str(caught.value)


_DELETE = object()
C, P, R, T = "exercises/core.yaml", "exercises/posture.yaml", "routines.yaml", "tips.yaml"
SAME_POSE = {
    "key": "a",
    "view": "side",
    "props": ["mat"],
    "angles": dict.fromkeys(poses.REQUIRED_ANGLES, 0),
}
SAME_POSES = [SAME_POSE, {**SAME_POSE, "key": "b"}]

# (file, entry, dotted path to break, new value, field expected in the issue, message part)
BROKEN: list[tuple[str, str, str, Any, str, str]] = [
    (C, "clamshell", "dosage.reps", None, "dosage", "set reps, hold_seconds, or both"),
    # The clinical content rules (load_library refuses a file that breaks them):
    (C, "dead-bug", "precautions", ["stop-if-leg-symptoms"], "precautions", "no-direct-pressure"),
    (P, "wall-angel", "precautions", [], "precautions", "rests on the floor or a wall"),
    (P, "hip-hinge-practice", "precautions", [], "precautions", "a stick lies along it"),
    (C, "front-plank", "regression", None, "regression", "or a regression_note saying why"),
    (C, "pelvic-tilt", "regression_note", _DELETE, "regression", "regression_note saying why"),
    (C, "bird-dog", "regression_note", "Easy.", "regression_note", "only for an exercise without"),
    (C, "glute-bridge", "dosage.hold_seconds", None, "translations.en.steps[5]", "names a hold"),
    (R, "test-routine", "items.0.hold_seconds", None, "items[0].hold_seconds", "name a hold"),
    (C, "front-plank", "dosage.hold_seconds", 2, "dosage.hold_seconds", "must be 5..120"),
    (C, "clamshell", "dosage.sets", 7, "dosage.sets", "must be 1..6"),
    (C, "dead-bug", "difficulty", _DELETE, "difficulty", "is required"),
    (C, "dead-bug", "colour", "red", "colour", "unknown field"),
    (P, "chin-tuck", "position", "couch", "position", "'couch' is not one of"),
    (P, "band-pull-apart", "equipment", ["band", "kettle"], "equipment[1]", "'kettle' is not"),
    (P, "wall-angel", "slug", "Wall_Angel", "slug", "must be lowercase words joined by hyphens"),
    (C, "bird-dog", "precautions", ["wrist-load", "be-careful"], "precautions[1]", "not a known"),
    (C, "heel-slides", "progression", "moon-walk", "progression", "'moon-walk' is not an exercise"),
    (P, "chin-tuck", "slug", "bird-dog", "slug", "'bird-dog' is already used in exercises/core"),
    (C, "bird-dog", "poses.1.angles.knee_near", 170, "poses[1].angles.knee_near", "170 is outside"),
    (C, "bird-dog", "poses", SAME_POSES, "poses", "at least two poses must differ"),
    (C, "bird-dog", "poses", [SAME_POSE], "poses", "must be a list of 2..4 poses"),
    # The pose audit: the drawing must show what the text says.
    (C, "bird-dog", "poses.1.moves.arm", "far", "poses[1].moves.arm", "says the far arm moves"),
    (C, "bird-dog", "poses.0.angles.knee_near", 60, "poses[0].contacts.mat", "knees is"),
    (C, "side-plank", "translations", {}, "translations.en", "is required"),
    (C, "side-plank", "translations.english", {}, "translations.english", "two lowercase"),
    (C, "side-plank", "translations.en.steps", ["Lie down."], "translations.en.steps", "3..8"),
    (C, "side-plank", "translations.en.steps.0", "1. Lie down.", "translations.en.steps[0]", "num"),
    (C, "side-plank", "translations.en.pose_labels", {}, "translations.en.pose_labels", "label"),
    (P, "squat-lift-practice", "category", "micro-break", "duration_minutes", "must be 1..3"),
    (R, "test-routine", "items.0.exercise", "moon-walk", "items[0].exercise", "'moon-walk' is not"),
    (R, "test-routine", "items.0.rest_seconds", 200, "items[0].rest_seconds", "must be 0..180"),
    (R, "test-routine", "weeks", 13, "weeks", "must be 1..12"),
    (R, "test-routine", "items", [], "items", "must be a list of 1..15 items"),
    (T, "test-tip", "topic", "diet", "topic", "'diet' is not one of"),
    (T, "test-tip", "translations.en.nudge", "x" * 121, "translations.en.nudge", "is 121 char"),
    (T, "test-tip", "translations.en.text", "y" * 601, "translations.en.text", "limit is 600"),
    ("precautions.yaml", "wrist-load", "code", "wrist-pain", "code", "'wrist-pain' is not one of"),
]


def break_field(documents: Docs, file: str, slug: str, path: str, value: Any) -> None:
    target: Any = entry(documents, file, slug)
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    if value is _DELETE:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value


@pytest.mark.parametrize(
    ("file", "slug", "path", "value", "field", "message"),
    BROKEN,
    ids=[f"{case[1]}:{case[2]}" for case in BROKEN],
)
def test_broken_field_is_reported_precisely(
    docs: Docs, file: str, slug: str, path: str, value: Any, field: str, message: str
) -> None:
    break_field(docs, file, slug, path, value if value is _DELETE else copy.deepcopy(value))
    # Renaming the entry's own identifier renames the entry in the report too.
    entry_name = value if path in ("slug", "code") else slug
    issues = issues_of(docs)
    located = [i for i in issues if (i.file, i.entry, i.field) == (file, entry_name, field)]
    assert located, f"no issue at {(file, entry_name, field)}; got {[str(i) for i in issues]}"
    assert any(message in i.message for i in located), [str(i) for i in located]


def test_micro_break_must_be_desk_friendly(docs: Docs) -> None:
    chin_tuck = entry(docs, P, "chin-tuck")
    chin_tuck.update(category="micro-break", desk_friendly=False, duration_minutes=2)
    issues = issues_of(docs)
    assert [(i.entry, i.field) for i in issues] == [("chin-tuck", "desk_friendly")]


def test_second_language_needs_the_same_fields(docs: Docs) -> None:
    translations = entry(docs, C, "bird-dog")["translations"]
    translations["es"] = copy.deepcopy(translations["en"])
    assert issues_of(docs) == []
    del translations["es"]["cues"]
    assert [i.field for i in issues_of(docs)] == ["translations.es.cues"]


def test_progression_loop_is_reported(docs: Docs) -> None:
    entry(docs, C, "single-leg-bridge")["progression"] = "glute-bridge"
    issues = issues_of(docs)
    assert any(
        i.field == "progression" and "loops back" in i.message and i.entry == "glute-bridge"
        for i in issues
    ), [str(i) for i in issues]


def test_missing_precaution_code_is_reported(docs: Docs) -> None:
    docs["precautions.yaml"] = [p for p in docs["precautions.yaml"] if p["code"] != "knee-load"]
    fields = {(i.file, i.entry, i.field) for i in issues_of(docs)}
    assert ("precautions.yaml", "knee-load", "code") in fields
    assert ("exercises/core.yaml", "bird-dog", "precautions[2]") in fields


def test_a_file_that_is_not_a_list_is_reported(docs: Docs) -> None:
    docs["tips.yaml"] = {"slug": "oops"}
    assert [(i.file, i.entry, i.field) for i in issues_of(docs)] == [("tips.yaml", "", "")]


def test_all_issues_are_collected_into_one_error(docs: Docs) -> None:
    entry(docs, C, "bird-dog")["difficulty"] = 9
    entry(docs, P, "chin-tuck")["desk_friendly"] = "yes"
    docs["tips.yaml"][0]["topic"] = "diet"
    with pytest.raises(ContentError) as caught:
        validate_library(docs)
    assert len(caught.value.issues) == 3
    text = str(caught.value)
    assert text.startswith("3 problems")
    for issue in caught.value.issues:
        assert str(issue) in text


def _write_library(root: Path, tips_text: str) -> None:
    (root / "exercises").mkdir()
    # Every exercise file: exercises point at easier ones in other files.
    names = ["precautions.yaml"]
    names += [
        p.relative_to(CONTENT_DIR).as_posix() for p in (CONTENT_DIR / "exercises").glob("*.yaml")
    ]
    for name in names:
        (root / name).write_text((CONTENT_DIR / name).read_text(encoding="utf-8"))
    (root / "tips.yaml").write_text(tips_text, encoding="utf-8")


def test_yaml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    _write_library(tmp_path, "- slug: a\n  topic: breaks\n  translations: {en: [\n")
    with pytest.raises(ContentError) as caught:
        load_documents(tmp_path)
    [issue] = caught.value.issues
    assert issue.file == "tips.yaml"
    assert "line 4" in issue.message


def test_duplicate_yaml_keys_are_refused(tmp_path: Path) -> None:
    _write_library(tmp_path, "- slug: a\n  topic: breaks\n  topic: lifting\n")
    with pytest.raises(ContentError) as caught:
        load_documents(tmp_path)
    [issue] = caught.value.issues
    assert issue.file == "tips.yaml"
    assert "duplicate key 'topic'" in issue.message
    assert "line 3" in issue.message


def test_partial_library_loads_what_exists(tmp_path: Path) -> None:
    _write_library(tmp_path, "[]\n")
    documents = load_documents(tmp_path)
    exercise_files = {f"exercises/{p.name}" for p in (CONTENT_DIR / "exercises").glob("*.yaml")}
    assert set(documents) == {"precautions.yaml", "tips.yaml", *exercise_files}
    validate_library(documents)
