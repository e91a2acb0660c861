"""Micro-breaks (issue 16): the dispatcher with prescribed breaks and busy windows on 20 %
of the plans, ours vs main's code, in the same run on the same machine.

* dispatch: 100,000 due plans in one tick (target <= 10 s), alone and as the deployed
  worker runs a tick with a backlog: with one helper dispatching alongside (main has no
  helpers: its figure is the tick alone);
* idle tick: nothing due among 1,000,000 plans (target <= 50 ms).

Main's tree is exported from git (``git archive main``) into a temporary directory and
``bench/breaks_run.py`` runs in each tree with the same seed; each run has a database of
its own (``upright_breaks_api_bench_<label>``, dropped afterwards). Main's run has the
same plans; it has no prescriptions or busy windows to read (it has no such feature).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from bench import Result

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PREFIX = "BREAKS-RESULT "


def _export_main(into: Path) -> Path:
    archive = into / "main.tar"
    with archive.open("wb") as out:
        # Once this code is on main, point the baseline at the commit before it, e.g.
        # BREAKS_BENCH_BASELINE=b6e23c3.
        ref = os.environ.get("BREAKS_BENCH_BASELINE", "main")
        subprocess.run(["git", "-C", str(ROOT), "archive", ref], stdout=out, check=True)
    tree = into / "main"
    tree.mkdir()
    with tarfile.open(archive) as tar:
        tar.extractall(tree, filter="data")
    shutil.copy(HERE / "breaks_run.py", tree / "bench" / "breaks_run.py")
    return tree


def _measure(tree: Path, label: str) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, str(tree / "bench" / "breaks_run.py"), label],
        cwd=tree,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tree)},
        check=True,
    )
    line = next(x for x in proc.stdout.splitlines() if x.startswith(PREFIX))
    return dict(json.loads(line[len(PREFIX) :]))


def _drop(label: str) -> None:
    server = os.environ.get("BENCH_DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
    parts = urlsplit(server)
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, ""))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS upright_breaks_api_bench_{label} WITH (FORCE)")


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="upright-breaks-main-") as tmp:
        main_tree = _export_main(Path(tmp))
        try:
            main = _measure(main_tree, "main")
            ours = _measure(ROOT, "ours")
        finally:
            _drop("main")
            _drop("ours")
    print(
        f"breaks: {ours['prescribed']:.0f} of {ours.get('due', 100000):.0f} due plans "
        "with prescribed breaks and a busy window (ours)",
        file=sys.stderr,
    )
    return [
        Result(
            "dispatch 100k due plans, 20% with breaks + busy",
            ours["dispatch_s"],
            main["dispatch_s"],
            "<= 10 s",
            "s",
            higher_is_better=False,
            baseline_label="main",
            met=ours["dispatch_s"] <= 10,
        ),
        Result(
            "dispatch 100k, the tick + 1 helper (deployed worker)",
            ours["dispatch_helped_s"],
            main["dispatch_s"],
            "<= 10 s",
            "s",
            higher_is_better=False,
            baseline_label="main, one tick alone",
            met=ours["dispatch_helped_s"] <= 10,
        ),
        Result(
            "idle tick, 1M plans (breaks lane)",
            ours["idle_ms"],
            main["idle_ms"],
            "<= 50 ms",
            "ms",
            higher_is_better=False,
            baseline_label="main",
            met=ours["idle_ms"] <= 50,
        ),
    ]


if __name__ == "__main__":
    from bench.__main__ import RESULT_PREFIX

    for result in run():
        print(RESULT_PREFIX + result.to_json(), flush=True)
