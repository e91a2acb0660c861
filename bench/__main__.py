"""``python -m bench [module ...]``: run the benchmark modules, print one table.

A benchmark module is ``bench/<name>.py`` with ``run() -> list[bench.Result]``. Each
runs in its own process (``python -m bench.<name>``), so it can pick its own settings
(its own database, for one) before Django starts; it prints its results as JSON lines.
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

from bench import Result

RESULT_PREFIX = "BENCH-RESULT "


def _modules() -> list[str]:
    here = Path(__file__).parent
    names = []
    for info in pkgutil.iter_modules([str(here)]):
        if info.name.startswith("_"):
            continue
        text = (here / f"{info.name}.py").read_text(encoding="utf-8")
        if "\ndef run(" in text:
            names.append(info.name)
    return sorted(names)


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def main(argv: list[str]) -> int:
    names = argv or _modules()
    results: list[Result] = []
    failed = []
    for name in names:
        print(f"running bench.{name} ...", file=sys.stderr, flush=True)
        proc = subprocess.run(
            [sys.executable, "-m", f"bench.{name}"],
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
            check=False,
        )
        for line in proc.stdout.splitlines():
            if line.startswith(RESULT_PREFIX):
                results.append(Result.from_json(line[len(RESULT_PREFIX) :]))
            else:
                print(line, file=sys.stderr)
        if proc.returncode != 0:
            failed.append(name)
    rows = [("benchmark", "ours", "baseline", "ratio", "target", "met")]
    for r in results:
        ratio = r.ratio
        rows.append(
            (
                f"{r.benchmark} [{r.unit}]",
                _fmt(r.ours),
                _fmt(r.baseline) + (f" ({r.baseline_label})" if r.baseline_label else ""),
                "-" if ratio is None else f"{ratio:.2f}x",
                r.target,
                {None: "-", True: "yes", False: "NO"}[r.met],
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print(" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            print("-+-".join("-" * w for w in widths))
    if failed:
        print(f"benchmark modules failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
