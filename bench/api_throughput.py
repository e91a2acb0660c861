"""``GET /api/today/`` and ``POST /api/sessions/`` under gunicorn on PostgreSQL, against
bare Django ``JsonResponse`` views doing the same kind of work on the same server
(``bench/bench_urls.py``): throughput and p50/p99 latency, ours vs the framework's own
limit, in one run. Target: ours >= 0.7x the bare endpoint's throughput.

Database ``upright_bench_api`` on BENCH_DATABASE_URL's server (default: DATABASE_URL's, or
postgres://postgres@127.0.0.1:5432), created and dropped here. Knobs: BENCH_API_WORKERS
(gunicorn sync workers, default 3: two cores shared with PostgreSQL and the client),
BENCH_API_CONCURRENCY (clients, default 2 per worker), BENCH_API_SECONDS (per round).
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from bench import Result
from bench.api_support import Stats, closed_loop, gunicorn, own_database, seed, server_env

DATABASE = os.environ.get("BENCH_API_DATABASE", "upright_bench_api")
PATIENTS = 50
WORKERS = int(os.environ.get("BENCH_API_WORKERS", "3"))
CONCURRENCY = int(os.environ.get("BENCH_API_CONCURRENCY", str(2 * WORKERS)))
SECONDS = float(os.environ.get("BENCH_API_SECONDS", "5"))
ROUNDS = 2  # ours and bare alternate, so drift on a shared machine hits both alike
ITEMS = ["glute-bridge", "bird-dog", "side-plank-knees", "dead-bug", "cat-cow", "pelvic-tilt"]


def session_body(assignment: int, n: int) -> dict[str, Any]:
    done = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=n % 600)
    return {
        "id": str(uuid.uuid4()),
        "assignment": assignment,
        "started_at": (done - timedelta(minutes=20)).isoformat(),
        "completed_at": done.isoformat(),
        "pain_before": 3,
        "pain_after": 2,
        "difficulty": "about_right",
        "items": [{"exercise": slug, "sets_done": 2, "reps_done": 8} for slug in ITEMS[:3]],
        "notes": "",
    }


def measure(port: int, patients: list[dict[str, Any]], path: str, method: str) -> Stats:
    def make(n: int) -> tuple[str, str, Any, str]:
        patient = patients[n % len(patients)]
        body = session_body(patient["assignment"], n) if method == "POST" else None
        return method, path, body, patient["token"]

    return closed_loop(port, make, concurrency=CONCURRENCY, seconds=SECONDS)


def compare(
    port: int, patients: list[dict[str, Any]], name: str, method: str, ours: str, bare: str
) -> list[Result]:
    totals = {"ours": Stats(), "bare": Stats()}
    for _ in range(ROUNDS):
        for label, path in (("ours", ours), ("bare", bare)):
            totals[label].merge(measure(port, patients, path, method))
    mine, base = totals["ours"], totals["bare"]
    errors = mine.errors + base.errors
    if errors:
        raise RuntimeError(f"{name}: {errors} failed requests {mine.statuses} {base.statuses}")
    label = "bare Django JsonResponse"
    return [
        Result(
            f"{name} throughput", mine.throughput, base.throughput, ">= 0.7x bare", "req/s",
            baseline_label=label, met=mine.throughput >= 0.7 * base.throughput,
        ),
        Result(
            f"{name} p50", mine.percentile(0.50), base.percentile(0.50), "-", "ms",
            higher_is_better=False, baseline_label=label,
        ),
        Result(
            f"{name} p99", mine.percentile(0.99), base.percentile(0.99), "-", "ms",
            higher_is_better=False, baseline_label=label,
        ),
    ]  # fmt: skip


def run() -> list[Result]:
    with own_database(DATABASE) as url:
        patients = seed(url, patients=PATIENTS)
        env = server_env(url, UPRIGHT_BENCH_VIEWS="1")
        with gunicorn(env, workers=WORKERS) as port:
            setting = f"gunicorn {WORKERS} sync workers, {CONCURRENCY} clients"
            print(f"# api_throughput: {setting}, {ROUNDS}x{SECONDS:g}s rounds each", flush=True)
            return [
                *compare(port, patients, "GET /api/today/", "GET", "/api/today/", "/bench/today/"),
                *compare(
                    port, patients, "POST /api/sessions/", "POST", "/api/sessions/",
                    "/bench/sessions/",
                ),
            ]  # fmt: skip


if __name__ == "__main__":
    from bench.__main__ import RESULT_PREFIX

    for result in run():
        print(RESULT_PREFIX + result.to_json(), flush=True)
