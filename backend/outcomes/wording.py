"""Questionnaire wording files: reading and checking them (no database).

Wording files are YAML, read with the library's strict loader (duplicate keys refused)::

    - measure: odi
      translations:
        en:
          name: Oswestry Disability Index
          items:
            - text: ...                 # every item: its text
              choices: [..., ...]       # "choice" measures: one label per answer value
              low_label: ...            # "scale" measures, optional: labels of both ends
              high_label: ...
          yes_label: ...                # "yes_no" measures: the two answer labels
          no_label: ...

A file is checked completely before anything is written; every problem is reported with
file, entry (the measure) and field, and a refused file changes nothing. Storing it is
``services.wording_load``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from backend.outcomes.scoring import MEASURES, MeasureSpec
from exercises.content_files import ContentError, ContentIssue, parse_strict_yaml
from exercises.services import CONTENT_DIR

MEASURE_CONTENT_DIR = CONTENT_DIR / "measures"
ITEM_KINDS: dict[str, str] = {
    "nprs": "scale",
    "psfs": "scale",
    "odi": "choice",
    "rmdq": "yes_no",
    "adherence_self_report": "choice",
}
FALLBACK_LANGUAGE = "en"
_LANGUAGE_RE = re.compile(r"^[a-z]{2}$")


class WordingError(ContentError):
    """A wording file was refused; ``issues`` names file, entry and field of each problem."""

    def __str__(self) -> str:
        count = len(self.issues)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the measure wording:"]
        lines.extend(f"  {issue}" for issue in self.issues)
        return "\n".join(lines)


@dataclass(frozen=True)
class Wording:
    measure: str
    language: str
    name: str
    items: list[dict[str, Any]]


def _answer_bounds(spec: MeasureSpec) -> tuple[int | None, int | None]:
    if spec.answer_range == "yes_no":
        return None, None
    return spec.answer_range


class _WordingChecker:
    def __init__(self, file: str, *, require_english: bool) -> None:
        self.file, self.entry = file, ""
        self.require_english = require_english
        self.issues: list[ContentIssue] = []
        self.found: list[Wording] = []

    def add(self, field: str, message: str) -> None:
        self.issues.append(ContentIssue(self.file, self.entry, field, message))

    def keys(self, obj: Any, required: Sequence[str], optional: Sequence[str], at: str) -> bool:
        if not isinstance(obj, Mapping):
            self.add(at, "must be a mapping")
            return False
        for key in required:
            if key not in obj:
                self.add(f"{at}.{key}".lstrip("."), "is required")
        allowed = (*required, *optional)
        for key in obj:
            if key not in allowed:
                self.add(
                    f"{at}.{key}".lstrip("."), f"unknown field (allowed: {', '.join(allowed)})"
                )
        return True

    def text(self, value: Any, field: str, max_len: int) -> str:
        if isinstance(value, bool):
            self.add(
                field, "must be text: put it in quotes (YAML reads Yes/No/On/Off as true/false)"
            )
            return ""
        if not isinstance(value, str) or not value.strip():
            self.add(field, "must be non-empty text")
            return ""
        if len(value) > max_len:
            self.add(field, f"is {len(value)} characters; the limit is {max_len}")
        return value.strip()

    def check(self, document: Any) -> None:
        if not isinstance(document, list) or not document:
            self.add("", "must be a non-empty list of measures")
            return
        seen: set[str] = set()
        for index, entry in enumerate(document):
            code = entry.get("measure") if isinstance(entry, Mapping) else None
            self.entry = code if isinstance(code, str) and code else f"#{index + 1}"
            if not self.keys(entry, ("measure", "translations"), (), ""):
                continue
            spec = MEASURES.get(code) if isinstance(code, str) else None
            if spec is None:
                self.add("measure", f"{code!r} is not one of {', '.join(MEASURES)}")
            elif spec.code in seen:
                self.add("measure", "this measure is given twice in the file")
            else:
                seen.add(spec.code)
                self.translations(spec, entry.get("translations"))

    def translations(self, spec: MeasureSpec, value: Any) -> None:
        if not isinstance(value, Mapping) or not value:
            self.add("translations", "must map language codes to wording")
            return
        if self.require_english and FALLBACK_LANGUAGE not in value:
            self.add(f"translations.{FALLBACK_LANGUAGE}", "is required")
        kind = ITEM_KINDS[spec.code]
        labels = ("yes_label", "no_label") if kind == "yes_no" else ()
        for language, texts in value.items():
            at = f"translations.{language}"
            if not isinstance(language, str) or not _LANGUAGE_RE.match(language):
                self.add(at, "language code must be two lowercase letters")
                continue
            if not self.keys(texts, ("name", "items", *labels), (), at):
                continue
            before = len(self.issues)
            name = self.text(texts["name"], f"{at}.name", 120) if "name" in texts else ""
            label_text = {
                key: self.text(texts[key], f"{at}.{key}", 40) for key in labels if key in texts
            }
            items = self.items(spec, kind, texts.get("items"), f"{at}.items", label_text)
            if language != FALLBACK_LANGUAGE:
                self.matches_english(language, texts, value.get(FALLBACK_LANGUAGE))
            if len(self.issues) == before:
                self.found.append(Wording(spec.code, language, name, items))

    def matches_english(self, language: str, texts: Mapping[str, Any], english: Any) -> None:
        """A translation words every label the English wording has (the item count and the
        choices are fixed by the measure already)."""
        if not isinstance(english, Mapping) or not isinstance(english.get("items"), list):
            return
        raw = texts.get("items")
        ours: list[Any] = raw if isinstance(raw, list) else []
        for index, (item, theirs) in enumerate(zip(ours, english["items"], strict=False)):
            if not isinstance(item, Mapping) or not isinstance(theirs, Mapping):
                continue
            for key in ("low_label", "high_label"):
                if key in theirs and key not in item:
                    self.add(
                        f"translations.{language}.items[{index}].{key}",
                        f"is missing from the '{language}' translation; the English wording has it",
                    )

    def items(
        self, spec: MeasureSpec, kind: str, value: Any, at: str, labels: Mapping[str, str]
    ) -> list[dict[str, Any]]:
        wanted = spec.item_count[1]
        if not isinstance(value, list) or len(value) != wanted:
            got = f"{len(value)}" if isinstance(value, list) else "no list"
            self.add(at, f"{spec.code} has exactly {wanted} items; got {got}")
            return []
        low, high = _answer_bounds(spec)
        required = ("text", "choices") if kind == "choice" else ("text",)
        optional = ("low_label", "high_label") if kind == "scale" else ()
        result = []
        for index, item in enumerate(value):
            where = f"{at}[{index}]"
            if not self.keys(item, required, optional, where):
                continue
            choices: list[dict[str, Any]] = []
            if kind == "yes_no":
                choices = [
                    {"value": True, "label": labels.get("yes_label", "")},
                    {"value": False, "label": labels.get("no_label", "")},
                ]
            elif kind == "choice" and low is not None and high is not None:
                if "choices" in item:
                    choices = self.choices(item["choices"], f"{where}.choices", low, high)
            else:
                for end, key in ((low, "low_label"), (high, "high_label")):
                    if key in item:
                        label = self.text(item[key], f"{where}.{key}", 120)
                        choices.append({"value": end, "label": label})
            text = self.text(item["text"], f"{where}.text", 600) if "text" in item else ""
            result.append(
                {"index": index, "text": text, "kind": kind, "min": low, "max": high}
                | {"choices": choices}
            )
        return result

    def choices(self, value: Any, at: str, low: int, high: int) -> list[dict[str, Any]]:
        count = high - low + 1
        if not isinstance(value, list) or len(value) != count:
            self.add(at, f"needs {count} labels, one for each answer {low} to {high}")
            return []
        return [
            {"value": low + offset, "label": self.text(label, f"{at}[{offset}]", 300)}
            for offset, label in enumerate(value)
        ]


def read_wording(path: Path, *, library: bool = False, shown_as: str = "") -> list[Wording]:
    """Parse and check one wording file; raise ``WordingError`` listing every problem."""
    shown = shown_as or str(path)
    try:
        document = parse_strict_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise WordingError(
            [ContentIssue(shown, "", "", f"cannot be read: {exc.strerror}")]
        ) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        issue = ContentIssue(shown, "", "", f"YAML syntax error{where}: {exc.problem}")
        raise WordingError([issue]) from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise WordingError([ContentIssue(shown, "", "", f"cannot be read: {exc}")]) from exc
    checker = _WordingChecker(shown, require_english=library)
    checker.check(document)
    if checker.issues:
        raise WordingError(checker.issues)
    return checker.found


def read_library_wording(content_dir: Path = MEASURE_CONTENT_DIR) -> list[Wording]:
    """Our shipped wording: every file must be valid and every measure present."""
    wordings: list[Wording] = []
    issues: list[ContentIssue] = []
    for path in sorted(content_dir.glob("*.yaml")):
        try:
            wordings += read_wording(path, library=True, shown_as=f"measures/{path.name}")
        except WordingError as exc:
            issues += exc.issues
    found = {(w.measure, w.language) for w in wordings}
    for code in MEASURES:
        if not issues and (code, FALLBACK_LANGUAGE) not in found:
            issues.append(ContentIssue("measures/", code, "", "no wording for this measure"))
    if issues:
        raise WordingError(issues)
    return wordings


@lru_cache(maxsize=1)
def shipped_wording() -> tuple[Wording, ...]:
    """Our wording as shipped, read once per process."""
    return tuple(read_library_wording())
