"""Validate the exercise library's content (standard library and PyYAML only).

The content lives in ``exercises/content/``: ``precautions.yaml``, ``exercises/*.yaml``,
``routines.yaml`` and ``tips.yaml``. ``content_files.load_documents`` parses them;
``validate_library`` checks every entry and every cross-reference and raises one
``ContentError`` listing all problems, so a reviewer sees everything at once. The words
allowed in each field are in ``vocabulary.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from . import clinical_rules, poses
from .content_files import (
    EXERCISES_DIR,
    PRECAUTIONS_FILE,
    ROUTINES_FILE,
    SAFETY_FILE,
    TIPS_FILE,
    ContentError,
    ContentIssue,
)
from .pose_audit import audit_exercise
from .vocabulary import (
    BODY_REGIONS,
    EQUIPMENT,
    EXERCISE_CATEGORIES,
    POSITIONS,
    PRECAUTION_CODES,
    REQUIRED_LANGUAGE,
    TIP_TOPICS,
    words,
)

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE_RE = re.compile(r"^[a-z]{2}$")
_NUMBERED_RE = re.compile(r"^\s*\d+\s*[.)]")

_EXERCISE_FIELDS = words(
    "slug category body_region position equipment difficulty desk_friendly dosage "
    "duration_minutes progression regression precautions poses translations"
)
_EXERCISE_OPTIONAL = ("regression_note",)
_DOSAGE_FIELDS = words("sets reps hold_seconds rest_seconds per_side")
# Per language: field -> (kind, min count or length, max count or length).
_TextSpec = dict[str, tuple[str, int, int]]
_EXERCISE_TEXT: _TextSpec = {
    "name": ("text", 1, 80),
    "summary": ("text", 1, 400),
    "steps": ("steps", 3, 8),
    "cues": ("list", 2, 5),
    "mistakes": ("list", 1, 4),
    "safety_notes": ("list", 1, 4),
    "keywords": ("keywords", 1, 20),
    "pose_labels": ("pose_labels", 0, 0),
}
_ROUTINE_TEXT: _TextSpec = {
    "name": ("text", 1, 80),
    "goal": ("text", 1, 300),
    "description": ("text", 1, 1000),
}
_TIP_TEXT: _TextSpec = {
    "title": ("text", 1, 100),
    "text": ("text", 1, 600),
    "nudge": ("text", 1, 120),
}
_PRECAUTION_TEXT: _TextSpec = {"label": ("text", 1, 80), "detail": ("text", 1, 600)}
# A translation has exactly as many of these as the English entry.
_SAME_COUNT_AS_ENGLISH = ("steps", "safety_notes")
_ITEM_MAX_LEN = 300
_KEYWORD_MAX_LEN = 40


def validate_library(documents: Mapping[str, Any]) -> None:
    """Check every file, entry, field and cross-reference; raise one ContentError or None."""
    checker = _Checker()
    checker.run(documents)
    if checker.issues:
        raise ContentError(checker.issues)


def validate_clinic_entry(
    kind: str, entry: Any, *, exercise_slugs: Iterable[str], source: str = "request"
) -> None:
    """Check one exercise or routine a clinic adds through the API, with the same rules
    as the library files (the body has the shape of a library entry)."""
    checker = _Checker()
    checker.file = source
    checker.entry = str(entry.get("slug") or "") if isinstance(entry, Mapping) else ""
    checker.precaution_codes = set(PRECAUTION_CODES)
    checker.exercise_slugs = dict.fromkeys(exercise_slugs, "library")
    if not isinstance(entry, Mapping):
        checker.add("", "must be a mapping")
    elif kind == "exercise":
        checker.check_exercise(entry)
    else:
        checker.check_routine(entry)
    if checker.issues:
        raise ContentError(checker.issues)


_Check = Callable[[Mapping[str, Any]], None]


class _Checker:
    def __init__(self) -> None:
        self.issues: list[ContentIssue] = []
        self.file = ""
        self.entry = ""
        self.precaution_codes: set[str] = set()
        self.exercise_slugs: dict[str, str] = {}  # slug -> file
        self.progressions: dict[str, str] = {}
        self.regressions: dict[str, str] = {}
        self.timed_hold_exercises: set[str] = set()  # steps name a timed hold

    def add(self, field: str, message: str) -> None:
        self.issues.append(ContentIssue(self.file, self.entry, field, message))

    # -- the library -----------------------------------------------------------------------

    def run(self, documents: Mapping[str, Any]) -> None:
        names = sorted(documents, key=str)
        exercise_files = [n for n in names if re.fullmatch(r"exercises/[^/]+\.yaml", str(n))]
        self.check_file_names(names, exercise_files)
        self.collect_exercise_slugs(documents, exercise_files)
        self.check_file(PRECAUTIONS_FILE, documents, self.check_precaution, "code")
        for code in PRECAUTION_CODES if PRECAUTIONS_FILE in documents else ():
            if code not in self.precaution_codes:
                self.file, self.entry = PRECAUTIONS_FILE, code
                self.add("code", "this precaution is missing from the file")
        for name in exercise_files:
            self.check_file(name, documents, self.check_exercise, "slug")
        self.check_chains()
        self.check_file(ROUTINES_FILE, documents, self.check_routine, "slug")
        self.check_file(TIPS_FILE, documents, self.check_tip, "slug")
        if SAFETY_FILE in documents:
            from .safety_content import parse_safety  # it builds on this module

            try:
                parse_safety(documents[SAFETY_FILE])
            except ContentError as error:
                self.issues.extend(error.issues)

    def check_file_names(self, names: list[str], exercise_files: list[str]) -> None:
        known = {PRECAUTIONS_FILE, ROUTINES_FILE, TIPS_FILE, SAFETY_FILE, *exercise_files}
        for name in names:
            if name not in known:
                self.file, self.entry = str(name), ""
                self.add("", "is not a known content file")
        self.file, self.entry = PRECAUTIONS_FILE, ""
        if PRECAUTIONS_FILE not in names:
            self.add("", "is missing")
        if not exercise_files:
            self.file = f"{EXERCISES_DIR}/*.yaml"
            self.add("", "no exercise files found")

    def collect_exercise_slugs(
        self, documents: Mapping[str, Any], exercise_files: list[str]
    ) -> None:
        """The first pass: which slugs exist, and in which file."""
        for name in exercise_files:
            for entry in documents[name] if isinstance(documents[name], list) else []:
                slug = entry.get("slug") if isinstance(entry, Mapping) else None
                if isinstance(slug, str) and slug not in self.exercise_slugs:
                    self.exercise_slugs[slug] = name

    def check_file(self, name: str, docs: Mapping[str, Any], check: _Check, id_key: str) -> None:
        if name not in docs:
            return
        self.file, self.entry = name, ""
        document = docs[name]
        if not isinstance(document, list):
            self.add("", "must be a list of entries")
            return
        seen: set[str] = set()
        for index, entry in enumerate(document):
            ident = entry.get(id_key) if isinstance(entry, Mapping) else None
            self.entry = ident if isinstance(ident, str) and ident else f"#{index + 1}"
            if not isinstance(entry, Mapping):
                self.add("", "must be a mapping")
                continue
            if isinstance(ident, str) and ident in seen:
                self.add(id_key, f"'{ident}' is used twice in this file")
            elif (
                name.startswith(EXERCISES_DIR) and self.exercise_slugs.get(str(ident), name) != name
            ):
                self.add(id_key, f"'{ident}' is already used in {self.exercise_slugs[str(ident)]}")
            seen.add(str(ident))
            check(entry)

    def check_chains(self) -> None:
        for field, links in (("progression", self.progressions), ("regression", self.regressions)):
            for start in sorted(links):
                path, current = [start], links.get(start)
                while current is not None and current not in path:
                    path.append(current)
                    current = links.get(current)
                if current == start and start == min(path):  # report each loop once
                    self.file, self.entry = self.exercise_slugs[start], start
                    self.add(field, f"the {field} chain loops back to '{start}'")

    # -- entries -----------------------------------------------------------------------------

    def check_precaution(self, entry: Mapping[str, Any]) -> None:
        if self.keys(entry, ("code", "translations")):
            code = self.slug(entry, "code")
            if code is not None and code not in PRECAUTION_CODES:
                self.add("code", f"'{code}' is not one of {', '.join(PRECAUTION_CODES)}")
            elif code is not None:
                self.precaution_codes.add(code)
        self.translations(entry.get("translations"), _PRECAUTION_TEXT, ())

    def check_exercise(self, entry: Mapping[str, Any]) -> None:
        self.keys(entry, _EXERCISE_FIELDS, optional=_EXERCISE_OPTIONAL)
        slug = self.slug(entry, "slug")
        category = self.choice(entry, "category", EXERCISE_CATEGORIES)
        self.choice(entry, "body_region", BODY_REGIONS)
        self.choice(entry, "position", POSITIONS)
        self.string_set(entry, "equipment", EQUIPMENT, "equipment")
        self.integer(entry, "difficulty", 1, 5)
        desk_friendly = self.boolean(entry, "desk_friendly")
        self.dosage(entry.get("dosage"), "dosage.")
        if category == "micro-break":
            self.integer(entry, "duration_minutes", 1, 3)
            if desk_friendly is False:
                self.add("desk_friendly", "must be true for a micro-break")
        else:
            self.integer(entry, "duration_minutes", 1, 30)
        for field, links in (("progression", self.progressions), ("regression", self.regressions)):
            target = entry.get(field)
            if target is None:
                continue
            if not isinstance(target, str) or target not in self.exercise_slugs:
                self.add(field, f"{target!r} is not an exercise in the library")
            elif target == slug:
                self.add(field, "cannot point to the exercise itself")
            elif slug is not None:
                links[slug] = target
        self.string_set(entry, "precautions", self.precaution_codes, "precaution")
        pose_keys = self.poses(entry.get("poses"))
        self.translations(entry.get("translations"), _EXERCISE_TEXT, pose_keys)
        self.clinical_rules(entry, slug)

    def clinical_rules(self, entry: Mapping[str, Any], slug: str | None) -> None:
        if "regression_note" in entry:
            self.text(entry.get("regression_note"), "regression_note", _ITEM_MAX_LEN)
        found = clinical_rules.check(entry)
        for field, message in found.problems:
            self.add(field, message)
        if found.names_timed_hold and slug is not None:
            self.timed_hold_exercises.add(slug)

    def check_routine(self, entry: Mapping[str, Any]) -> None:
        self.keys(entry, ("slug", "duration_minutes", "weeks", "items", "translations"))
        self.slug(entry, "slug")
        self.integer(entry, "duration_minutes", 1, 60)
        if entry.get("weeks") is not None:
            self.integer(entry, "weeks", 1, 12)
        items = entry.get("items")
        if not isinstance(items, list) or not 1 <= len(items) <= 15:
            self.add("items", "must be a list of 1..15 items")
            items = items if isinstance(items, list) else []
        for index, item in enumerate(items):
            prefix = f"items[{index}]."
            if not self.keys(item, ("exercise", *_DOSAGE_FIELDS), prefix=prefix):
                continue
            if item.get("exercise") not in self.exercise_slugs:
                self.add(f"{prefix}exercise", f"{item.get('exercise')!r} is not an exercise")
            elif (
                item.get("exercise") in self.timed_hold_exercises
                and item.get("hold_seconds") is None
            ):
                self.add(
                    f"{prefix}hold_seconds",
                    f"the steps of '{item.get('exercise')}' name a hold: set hold_seconds",
                )
            self.dosage({k: v for k, v in item.items() if k != "exercise"}, prefix)
        self.translations(entry.get("translations"), _ROUTINE_TEXT, ())

    def check_tip(self, entry: Mapping[str, Any]) -> None:
        self.keys(entry, ("slug", "topic", "translations"))
        self.slug(entry, "slug")
        self.choice(entry, "topic", TIP_TOPICS)
        self.translations(entry.get("translations"), _TIP_TEXT, ())

    # -- fields ----------------------------------------------------------------------------

    def keys(
        self, obj: Any, allowed: Iterable[str], prefix: str = "", optional: Iterable[str] = ()
    ) -> bool:
        """Every allowed key is required (except ``optional``); others are unknown. False
        if obj is no mapping."""
        if not isinstance(obj, Mapping):
            self.add(prefix.rstrip(".") or "", "must be a mapping")
            return False
        required = tuple(allowed)
        allowed = (*required, *optional)
        for key in required:
            if key not in obj:
                self.add(f"{prefix}{key}", "is required")
        for key in obj:
            if key not in allowed:
                self.add(f"{prefix}{key}", f"unknown field (allowed: {', '.join(allowed)})")
        return True

    def slug(self, entry: Mapping[str, Any], field: str) -> str | None:
        value = entry.get(field)
        if field in entry and (not isinstance(value, str) or not SLUG_RE.match(value)):
            self.add(field, f"{value!r} must be lowercase words joined by hyphens")
            return None
        return value if isinstance(value, str) else None

    def choice(self, entry: Mapping[str, Any], field: str, options: Iterable[str]) -> str | None:
        value = entry.get(field)
        options = tuple(options)
        if field in entry and value not in options:
            self.add(field, f"{value!r} is not one of {', '.join(options)}")
            return None
        return value if isinstance(value, str) else None

    def integer(
        self, obj: Mapping[str, Any], key: str, low: int, high: int, name: str = ""
    ) -> None:
        value = obj.get(key)
        ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        if key in obj and not ok:
            self.add(name or key, f"must be {low}..{high}")

    def boolean(self, obj: Mapping[str, Any], field: str, name: str = "") -> bool | None:
        value = obj.get(field)
        if field in obj and not isinstance(value, bool):
            self.add(name or field, "must be true or false")
            return None
        return value if isinstance(value, bool) else None

    def string_set(self, entry: Mapping[str, Any], field: str, options: Any, noun: str) -> None:
        value = entry.get(field)
        if field not in entry:
            return
        if not isinstance(value, list):
            self.add(field, "must be a list ([] for none)")
            return
        for index, item in enumerate(value):
            if item not in options:
                self.add(f"{field}[{index}]", f"{item!r} is not a known {noun}")
            elif value.index(item) != index:
                self.add(f"{field}[{index}]", f"'{item}' is listed twice")

    def dosage(self, dosage: Any, prefix: str) -> None:
        if prefix == "dosage." and not self.keys(dosage, _DOSAGE_FIELDS, prefix=prefix):
            return
        self.integer(dosage, "sets", 1, 6, f"{prefix}sets")
        for field, low, high in (("reps", 1, 30), ("hold_seconds", 5, 120)):
            if dosage.get(field) is not None:
                self.integer(dosage, field, low, high, f"{prefix}{field}")
        self.integer(dosage, "rest_seconds", 0, 180, f"{prefix}rest_seconds")
        self.boolean(dosage, "per_side", f"{prefix}per_side")
        # Both together mean a hold per rep, which the timer paces.
        if dosage.get("reps") is None and dosage.get("hold_seconds") is None:
            self.add(prefix.rstrip("."), "set reps, hold_seconds, or both (a hold per rep)")

    def poses(self, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not 2 <= len(value) <= 4:
            self.add("poses", "must be a list of 2..4 poses")
            return ()
        keys: list[str] = []
        valid: list[Mapping[str, Any]] = []
        for index, pose in enumerate(value):
            errors = poses.validate_pose(pose)
            for error in errors:
                path, _, message = error.partition(": ")
                field = f"poses[{index}]" + ("" if path == "pose" else f".{path}")
                self.add(field, message)
            if not isinstance(pose, Mapping):
                continue
            key = pose.get("key")
            if isinstance(key, str):
                if key in keys:
                    self.add(f"poses[{index}].key", f"'{key}' is used twice")
                keys.append(key)
            if not errors:
                valid.append(pose)
        if len(valid) == len(value) and not any(
            poses.poses_differ(a, b) for i, a in enumerate(valid) for b in valid[i + 1 :]
        ):
            self.add("poses", "at least two poses must differ by 10 degrees in some angle")
        elif len(valid) == len(value):
            # The drawing must show what the text says: contacts, sides, visible change.
            for field, message in audit_exercise(valid):
                self.add(field, message)
        return tuple(keys)

    def translations(self, value: Any, spec: _TextSpec, pose_keys: tuple[str, ...]) -> None:
        if not isinstance(value, Mapping):
            self.add("translations", "must be a mapping of language codes")
            return
        if REQUIRED_LANGUAGE not in value:
            self.add(f"translations.{REQUIRED_LANGUAGE}", "is required")
        english = value.get(REQUIRED_LANGUAGE)
        for language, texts in value.items():
            prefix = f"translations.{language}."
            if not isinstance(language, str) or not LANGUAGE_RE.match(language):
                self.add(f"translations.{language}", "language code must be two lowercase letters")
                continue
            if language != REQUIRED_LANGUAGE and isinstance(english, Mapping):
                if not self.keys(texts, (), prefix=prefix, optional=spec):
                    continue
                self.matches_english(language, texts, english, spec)
            elif not self.keys(texts, spec, prefix=prefix):
                continue
            for field, (kind, low, high) in spec.items():
                if field in texts:
                    self.text_field(texts[field], f"{prefix}{field}", kind, low, high, pose_keys)

    def matches_english(
        self, language: str, texts: Mapping[str, Any], english: Mapping[str, Any], spec: _TextSpec
    ) -> None:
        """A translation says everything the English entry says: every field, and as many
        steps (the player shows them one by one) and safety notes. Pose labels are checked
        against the poses, like the English ones."""
        prefix = f"translations.{language}."
        for field in spec:
            if field in english and field not in texts:
                self.add(
                    f"{prefix}{field}",
                    f"is missing from the '{language}' translation; the English entry has it",
                )
        for field in _SAME_COUNT_AS_ENGLISH:
            ours, theirs = texts.get(field), english.get(field)
            if isinstance(ours, list) and isinstance(theirs, list) and len(ours) != len(theirs):
                self.add(
                    f"{prefix}{field}",
                    f"the '{language}' translation has {len(ours)} {field.replace('_', ' ')}; "
                    f"the English entry has {len(theirs)}: translate each one",
                )

    def text_field(
        self, value: Any, field: str, kind: str, low: int, high: int, pose_keys: tuple[str, ...]
    ) -> None:
        if kind == "text":
            self.text(value, field, high)
        elif kind == "pose_labels":
            if not isinstance(value, Mapping) or set(value) != set(pose_keys):
                self.add(field, f"must label exactly the poses: {', '.join(pose_keys)}")
                return
            for key in pose_keys:
                self.text(value[key], f"{field}.{key}", 80)
        elif not isinstance(value, list) or not low <= len(value) <= high:
            self.add(field, f"must be a list of {low}..{high} items")
        else:
            limit = _KEYWORD_MAX_LEN if kind == "keywords" else _ITEM_MAX_LEN
            for index, item in enumerate(value):
                numbered = kind == "steps" and isinstance(item, str) and _NUMBERED_RE.match(item)
                if self.text(item, f"{field}[{index}]", limit) and numbered:
                    self.add(f"{field}[{index}]", "must not be numbered; the app numbers steps")

    def text(self, value: Any, field: str, max_len: int) -> bool:
        if not isinstance(value, str) or not value.strip():
            self.add(field, "must be non-empty text")
            return False
        if value != value.strip():
            self.add(field, "must not start or end with spaces")
        if len(value) > max_len:
            self.add(field, f"is {len(value)} characters; the limit is {max_len}")
        return True
