"""The library's content files: their names, the strict YAML parser (no duplicate keys) and
the error that lists every problem found in them (``content_schema`` validates what is read)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PRECAUTIONS_FILE = "precautions.yaml"
EXERCISES_DIR = "exercises"
ROUTINES_FILE = "routines.yaml"
TIPS_FILE = "tips.yaml"
SAFETY_FILE = "safety.yaml"  # checked by exercises/safety_content.py


@dataclass(frozen=True)
class ContentIssue:
    """One problem in one content file, located as precisely as possible."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.entry:
            parts.append(f"entry '{self.entry}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        parts.append(self.message)
        return ": ".join(parts)


class ContentError(Exception):
    """Raised with every problem found; ``issues`` holds them in file order."""

    def __init__(self, issues: Iterable[ContentIssue]) -> None:
        self.issues: list[ContentIssue] = list(issues)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.issues)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the exercise library content:"]
        lines.extend(f"  {issue}" for issue in self.issues)
        return "\n".join(lines)


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys instead of silently keeping the last."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        try:
            duplicate = key in seen
        except TypeError:  # unhashable key: let PyYAML report it
            break
        if duplicate:
            problem = f"found duplicate key {key!r}"
            raise yaml.constructor.ConstructorError(None, None, problem, key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_strict_yaml(text: str) -> Any:
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def load_documents(content_dir: Path) -> dict[str, Any]:
    """Parse every content file that exists; keys are paths relative to ``content_dir``."""
    paths = [content_dir / PRECAUTIONS_FILE]
    paths += sorted((content_dir / EXERCISES_DIR).glob("*.yaml"))
    paths += [content_dir / ROUTINES_FILE, content_dir / TIPS_FILE, content_dir / SAFETY_FILE]
    documents: dict[str, Any] = {}
    issues: list[ContentIssue] = []
    for path in paths:
        if not path.is_file():
            continue
        name = path.relative_to(content_dir).as_posix()
        try:
            documents[name] = parse_strict_yaml(path.read_text(encoding="utf-8"))
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            issues.append(ContentIssue(name, "", "", f"YAML syntax error{where}: {exc.problem}"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            issues.append(ContentIssue(name, "", "", f"cannot be read: {exc}"))
    if issues:
        raise ContentError(issues)
    return documents
