"""`make lint`: the Spanish and German catalogues are complete.

Fails (exit 1) when

* ``makemessages`` would add a msgid that is not in a catalogue yet (a new or changed
  string in the code: run ``make messages`` and translate it), or
* a catalogue entry has an empty or fuzzy msgstr.

Every problem is printed as ``<source file:line>: <language>: <problem>: "<msgid>"`` so
whoever merges can find the string at once. makemessages runs on a copy of the sources in
a temporary directory: the committed catalogues are never touched by the check.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("es", "de")
SOURCES = ("backend", "exercises", "manage.py")


@dataclass
class Entry:
    msgid: str
    context: str = ""
    plural: str = ""
    strings: list[str] = field(default_factory=list)
    fuzzy: bool = False
    where: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.context, self.msgid)


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), body)


class _PoParser:
    """Reads a .po file line by line; ``target`` is where a continued string belongs."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.current = Entry("")
        self.target: tuple[str, int] | None = None
        self.started = False

    def finish(self) -> None:
        if self.started and self.current.msgid:
            self.entries.append(self.current)
        self.current, self.started = Entry(""), False

    def line(self, line: str) -> None:
        if not line:
            self.finish()
            self.target = None
        elif line.startswith("#~"):
            return
        elif line.startswith("#:"):
            if self.started and self.target and self.target[0] == "msgstr":
                self.finish()
            self.current.where += line[2:].split()
        elif line.startswith("#,"):
            self.current.fuzzy = "fuzzy" in line
        elif line.startswith("#"):
            return
        elif line.startswith('"'):
            self.continued(_unquote(line))
        else:
            self.keyword(line)

    def keyword(self, line: str) -> None:
        current = self.current
        if line.startswith("msgctxt "):
            current.context, self.target, self.started = _unquote(line[8:]), ("msgctxt", 0), True
        elif line.startswith("msgid_plural "):
            current.plural, self.target = _unquote(line[13:]), ("msgid_plural", 0)
        elif line.startswith("msgid "):
            current.msgid, self.target, self.started = _unquote(line[6:]), ("msgid", 0), True
        elif line.startswith("msgstr"):
            match = re.match(r"msgstr(?:\[(\d+)\])?\s+(\".*\")$", line)
            if match:
                index = int(match[1] or 0)
                while len(current.strings) <= index:
                    current.strings.append("")
                current.strings[index] = _unquote(match[2])
                self.target = ("msgstr", index)

    def continued(self, text: str) -> None:
        if self.target is None:
            return
        kind, index = self.target
        if kind == "msgid":
            self.current.msgid += text
        elif kind == "msgid_plural":
            self.current.plural += text
        elif kind == "msgctxt":
            self.current.context += text
        else:
            self.current.strings[index] += text


def parse_po(path: Path) -> list[Entry]:
    """The entries of a .po file (the header and obsolete ``#~`` entries left out)."""
    parser = _PoParser()
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parser.line(raw.strip())
    return parser.entries


def extracted(language: str, workdir: Path) -> list[Entry]:
    return parse_po(workdir / "locale" / language / "LC_MESSAGES" / "django.po")


def run_makemessages(workdir: Path) -> None:
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, workdir / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, workdir / name)
    (workdir / "locale").mkdir()
    env = {**os.environ, "VAR_DIR": str(workdir / "var"), "PYTHONPATH": str(workdir)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [sys.executable, "manage.py", "makemessages", "--no-wrap"]
    command += [arg for lang in LANGUAGES for arg in ("--locale", lang)]
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        command, cwd=workdir, env=env, check=True, capture_output=True, text=True
    )


def problems() -> list[str]:
    found: list[str] = []
    with tempfile.TemporaryDirectory(prefix="upright-messages-") as tmp:
        workdir = Path(tmp)
        run_makemessages(workdir)
        for language in LANGUAGES:
            catalogue = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
            if not catalogue.exists():
                found.append(f"{catalogue.relative_to(ROOT)}: missing catalogue")
                continue
            known = {entry.key: entry for entry in parse_po(catalogue)}
            for entry in extracted(language, workdir):
                if entry.key not in known:
                    where = entry.where[0] if entry.where else "?"
                    found.append(f"{where}: {language}: not in the catalogue: {entry.msgid!r}")
            for entry in known.values():
                where = entry.where[0] if entry.where else str(catalogue.relative_to(ROOT))
                if entry.fuzzy:
                    found.append(f"{where}: {language}: fuzzy translation: {entry.msgid!r}")
                elif not entry.strings or any(not text for text in entry.strings):
                    found.append(f"{where}: {language}: empty translation: {entry.msgid!r}")
    return found


def main() -> int:
    found = problems()
    for line in found:
        print(line)
    if found:
        print(
            f"{len(found)} translation problem(s). Run `make messages`, translate the new or "
            "empty entries in locale/es and locale/de (drop the fuzzy flag), then `make lint`."
        )
        return 1
    print("translations: es and de catalogues complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
