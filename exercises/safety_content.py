"""The safety content file (``exercises/content/safety.yaml``): the pain rule's thresholds,
the advice for each rule, and the red flags the screening check asks about.

It is read from the file (never copied into the database or the front end): the API ships
it as one document, the PWA evaluates the same data offline, the handout prints it.
``safety_document`` checks it and raises ``ContentError`` naming file, entry and field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .content_files import SAFETY_FILE, ContentError, ContentIssue, parse_strict_yaml
from .content_schema import SLUG_RE

ADVICE_KEYS = (
    "pain_increase",
    "pain_high",
    "pain_high_before",
    "pre_session",
    "exercise_worse",
    "red_flag_reminder",
)
ACTIONS = ("urgent", "today")
FALLBACK_LANGUAGE = "en"
_LANGUAGE_RE = re.compile(r"^[a-z]{2}$")
# The warning signs a reviewer asked for; the file must cover every one of them.
REQUIRED_FLAGS = (
    "saddle-numbness",
    "bladder-bowel",
    "sexual-dysfunction",
    "both-legs",
    "progressive-weakness",
    "fever-unwell",
    "weight-loss",
    "cancer-history",
    "night-rest-pain",
    "trauma-fall",
    "lump-change",
)


@dataclass(frozen=True)
class PainRule:
    rise_points: int
    high_level: int


@dataclass(frozen=True)
class RedFlag:
    code: str
    action: str  # "urgent" | "today"
    label: str
    question: str


@dataclass(frozen=True)
class SafetyTexts:
    """One language's wording of the advice, the actions and every red flag."""

    advice: dict[str, str]
    actions: dict[str, str]
    red_flags: dict[str, tuple[str, str]]  # code -> (label, question)


@dataclass(frozen=True)
class SafetyContent:
    rule: PainRule
    advice: dict[str, str]
    actions: dict[str, str]
    red_flags: tuple[RedFlag, ...]
    language: str = FALLBACK_LANGUAGE
    # Other languages' wording; every one is complete (parse_safety refuses a gap).
    translations: dict[str, SafetyTexts] = field(default_factory=dict)

    def flag(self, code: str) -> RedFlag:
        return next(f for f in self.red_flags if f.code == code)

    def in_language(self, language: str | None) -> SafetyContent:
        """The same rule in ``language`` ("es", "de-AT", ...), else in English."""
        code = (language or "").split("-")[0].lower()
        texts = self.translations.get(code)
        if texts is None or code == self.language:
            return self
        flags = tuple(
            replace(f, label=texts.red_flags[f.code][0], question=texts.red_flags[f.code][1])
            for f in self.red_flags
        )
        return replace(
            self,
            advice=dict(texts.advice),
            actions=dict(texts.actions),
            red_flags=flags,
            language=code,
        )

    def as_document(self) -> dict[str, Any]:
        """The JSON the API ships and the PWA caches."""
        return {
            "language": self.language,
            "pain_rule": {
                "rise_points": self.rule.rise_points,
                "high_level": self.rule.high_level,
            },
            "advice": dict(self.advice),
            "actions": dict(self.actions),
            "red_flags": [
                {
                    "code": f.code,
                    "action": f.action,
                    "label": f.label,
                    "question": f.question,
                    "advice": self.actions[f.action],
                }
                for f in self.red_flags
            ],
        }


def _text(issues: list[ContentIssue], entry: str, field: str, value: Any, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        issues.append(ContentIssue(SAFETY_FILE, entry, field, "must be non-empty text"))
        return ""
    if len(value) > limit:
        issues.append(
            ContentIssue(SAFETY_FILE, entry, field, f"is {len(value)} characters; limit {limit}")
        )
    return value.strip()


def _add(issues: list[ContentIssue], entry: str, field: str, message: str) -> None:
    issues.append(ContentIssue(SAFETY_FILE, entry, field, message))


def _pain_rule(issues: list[ContentIssue], rule_doc: Any) -> PainRule:
    if not isinstance(rule_doc, dict):
        _add(issues, "pain_rule", "", "must be a mapping with rise_points and high_level")
        return PainRule(0, 0)
    valid = True
    for key, low, top in (("rise_points", 1, 10), ("high_level", 1, 10)):
        value = rule_doc.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= top:
            _add(issues, "pain_rule", key, f"must be a whole number {low}..{top}")
            valid = False
    # An invalid rule is never used: the issues are raised before the content is returned.
    return PainRule(rule_doc["rise_points"], rule_doc["high_level"]) if valid else PainRule(0, 0)


def _red_flag(issues: list[ContentIssue], name: str, entry: Any, seen: list[RedFlag]) -> RedFlag:
    code = entry.get("code")
    name = code if isinstance(code, str) and code else name
    if not isinstance(code, str) or not SLUG_RE.match(code):
        _add(issues, name, "code", "must be lowercase words joined by hyphens")
    elif any(f.code == code for f in seen):
        _add(issues, name, "code", "is used twice")
    if entry.get("action") not in ACTIONS:
        _add(issues, name, "action", f"must be one of {', '.join(ACTIONS)}")
    for key in entry:
        if key not in ("code", "action", "label", "question"):
            _add(issues, name, str(key), "unknown field (allowed: code, action, label, question)")
    return RedFlag(
        code=str(code),
        action=str(entry.get("action")),
        label=_text(issues, name, "label", entry.get("label"), 120),
        question=_text(issues, name, "question", entry.get("question"), 300),
    )


def _red_flags(issues: list[ContentIssue], flags_doc: Any) -> list[RedFlag]:
    flags: list[RedFlag] = []
    if not isinstance(flags_doc, list) or not flags_doc:
        _add(issues, "red_flags", "", "must be a non-empty list")
        flags_doc = []
    for index, entry in enumerate(flags_doc):
        if not isinstance(entry, dict):
            _add(issues, f"red_flags[{index}]", "", "must be a mapping")
            continue
        flags.append(_red_flag(issues, f"red_flags[{index}]", entry, flags))
    codes = {f.code for f in flags}
    for required in REQUIRED_FLAGS:
        if required not in codes:
            _add(issues, required, "code", "this red flag is missing from the file")
    return flags


def parse_safety(document: Any) -> SafetyContent:
    """Check a parsed safety file; raise ContentError listing every problem."""
    issues: list[ContentIssue] = []
    if not isinstance(document, dict):
        raise ContentError([ContentIssue(SAFETY_FILE, "", "", "must be a mapping")])
    allowed = ("pain_rule", "advice", "actions", "red_flags", "translations")
    for key in document:
        if key not in allowed:
            _add(issues, "", str(key), f"unknown field (allowed: {', '.join(allowed)})")
    rule = _pain_rule(issues, document.get("pain_rule"))
    advice_doc = _mapping(document.get("advice"))
    advice = {key: _text(issues, "advice", key, advice_doc.get(key), 600) for key in ADVICE_KEYS}
    for key in advice_doc:
        if key not in ADVICE_KEYS:
            _add(issues, "advice", str(key), f"unknown advice (allowed: {', '.join(ADVICE_KEYS)})")
    actions_doc = _mapping(document.get("actions"))
    actions = {key: _text(issues, "actions", key, actions_doc.get(key), 200) for key in ACTIONS}
    flags = _red_flags(issues, document.get("red_flags"))
    translations = _translations(issues, document.get("translations", {}), flags)
    if issues:
        raise ContentError(issues)
    return SafetyContent(rule, advice, actions, tuple(flags), translations=translations)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _flag_wording(
    issues: list[ContentIssue], at: str, flags_doc: dict[str, Any], flags: list[RedFlag]
) -> dict[str, tuple[str, str]]:
    """One language's label and question for every red flag of the English file."""
    wording: dict[str, tuple[str, str]] = {}
    for flag in flags:
        entry = flags_doc.get(flag.code)
        name = f"{at}.red_flags.{flag.code}"
        if not isinstance(entry, dict):
            _add(issues, name, "", "is missing: every red flag needs its label and question")
            continue
        for key in entry:
            if key not in ("label", "question"):
                _add(issues, name, str(key), "unknown field (allowed: label, question)")
        wording[flag.code] = (
            _text(issues, name, "label", entry.get("label"), 120),
            _text(issues, name, "question", entry.get("question"), 300),
        )
    for code in flags_doc:
        if code not in {f.code for f in flags}:
            _add(issues, f"{at}.red_flags.{code}", "", "is not a red flag of the English file")
    return wording


def _language_texts(
    issues: list[ContentIssue], at: str, texts: dict[str, Any], flags: list[RedFlag]
) -> SafetyTexts:
    for key in texts:
        if key not in ("advice", "actions", "red_flags"):
            _add(issues, at, str(key), "unknown field (allowed: advice, actions, red_flags)")
    advice_doc = _mapping(texts.get("advice"))
    actions_doc = _mapping(texts.get("actions"))
    flags_doc = _mapping(texts.get("red_flags"))
    advice = {
        key: _text(issues, f"{at}.advice", key, advice_doc.get(key), 600) for key in ADVICE_KEYS
    }
    actions = {
        key: _text(issues, f"{at}.actions", key, actions_doc.get(key), 200) for key in ACTIONS
    }
    for key in (*advice_doc, *actions_doc):
        if key not in (*ADVICE_KEYS, *ACTIONS):
            _add(issues, at, str(key), "unknown key")
    return SafetyTexts(advice, actions, _flag_wording(issues, at, flags_doc, flags))


def _translations(
    issues: list[ContentIssue], value: Any, flags: list[RedFlag]
) -> dict[str, SafetyTexts]:
    """Other languages: each must word every advice, both actions and every red flag the
    English file has (a red flag must never be missing in a patient's language)."""
    result: dict[str, SafetyTexts] = {}
    if not isinstance(value, dict):
        _add(issues, "translations", "", "must map language codes to wording")
        return result
    for language, texts in value.items():
        at = f"translations.{language}"
        if not isinstance(language, str) or not _LANGUAGE_RE.match(language):
            _add(issues, at, "", "language code must be two lowercase letters")
        elif language == FALLBACK_LANGUAGE:
            _add(issues, at, "", "English is the top of the file, not a translation")
        elif not isinstance(texts, dict):
            _add(issues, at, "", "must be a mapping with advice, actions and red_flags")
        else:
            result[language] = _language_texts(issues, at, texts, flags)
    return result


def load_safety(content_dir: Path) -> SafetyContent:
    path = content_dir / SAFETY_FILE
    try:
        document = parse_strict_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError([ContentIssue(SAFETY_FILE, "", "", "is missing")]) from None
    except yaml.YAMLError as exc:
        raise ContentError([ContentIssue(SAFETY_FILE, "", "", f"YAML error: {exc}")]) from None
    return parse_safety(document)


@cache
def safety_content() -> SafetyContent:
    """The shipped safety content (English), read once per process."""
    return load_safety(Path(__file__).resolve().parent / "content")


def safety_for(language: str | None) -> SafetyContent:
    """The shipped safety content in the caller's language, else in English."""
    return safety_content().in_language(language)
