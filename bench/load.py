"""Load: 200 simulated patients for 60 s against gunicorn + PostgreSQL + Redis + a Celery
worker (and beat). Each patient loops: open today, log a session (1 in 20 with a pain
spike, which alerts the physio), open the inbox, answer the newest unanswered nudge
("moved"), with 1-3 s of thinking between taps. Targets: zero errors, p99 ≤ 150 ms.

``make load`` runs it alone; ``make bench`` includes it. Knobs: BENCH_LOAD_PATIENTS (200),
BENCH_LOAD_SECONDS (60), BENCH_LOAD_WORKERS (gunicorn sync workers, 3).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from bench import Result
from bench.api_support import Stats, fetch, gunicorn, own_database, process, seed, server_env

DATABASE = os.environ.get("BENCH_LOAD_DATABASE", "upright_bench_load")
PATIENTS = int(os.environ.get("BENCH_LOAD_PATIENTS", "200"))
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))
WORKERS = int(os.environ.get("BENCH_LOAD_WORKERS", "3"))
THINK = (1.0, 3.0)
P99_TARGET_MS = 150.0
STEPS = ("GET /api/today/", "POST /api/sessions/", "GET /api/inbox/", "POST /api/nudges/{id}/ack/")


def session_body(assignment: int, rng: random.Random) -> dict[str, Any]:
    done = datetime.now(UTC).replace(microsecond=0) - timedelta(seconds=rng.randrange(3600))
    spike = rng.random() < 0.05
    return {
        "id": str(uuid.uuid4()),
        "assignment": assignment,
        "started_at": (done - timedelta(minutes=20)).isoformat(),
        "completed_at": done.isoformat(),
        "pain_before": 3,
        "pain_after": 8 if spike else 2,
        "difficulty": "about_right",
        "items": [{"exercise": "glute-bridge", "sets_done": 2, "reps_done": 10}],
        "notes": "",
    }


async def patient(port: int, me: dict[str, Any], stats: dict[str, Stats], deadline: float,
                  rng: random.Random) -> None:  # fmt: skip
    token = me["token"]
    answered: set[int] = set()

    async def step(name: str, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        started = time.perf_counter()
        try:
            status, content = await fetch(port, method, path, body, token)
        except OSError:
            status, content = 0, b""
        stats[name].add(status, time.perf_counter() - started)
        await asyncio.sleep(rng.uniform(*THINK))
        return status, content

    await asyncio.sleep(rng.uniform(0, THINK[1]))  # patients arrive over the first seconds
    while time.monotonic() < deadline:
        await step(STEPS[0], "GET", "/api/today/")
        await step(STEPS[1], "POST", "/api/sessions/", session_body(me["assignment"], rng))
        status, content = await step(STEPS[2], "GET", "/api/inbox/?unread=true")
        if status != 200:
            continue
        nudges = [m["nudge"] for m in json.loads(content)["results"] if m.get("nudge")]
        fresh = [n for n in nudges if n not in answered]
        if fresh:
            answered.add(fresh[0])
            path = f"/api/nudges/{fresh[0]}/ack/"
            await step(STEPS[3], "POST", path, {"action": "moved"})


def simulate(port: int, patients: list[dict[str, Any]]) -> tuple[dict[str, Stats], float]:
    async def main() -> tuple[dict[str, Stats], float]:
        stats = {name: Stats() for name in STEPS}
        started = time.monotonic()
        deadline = started + SECONDS
        await asyncio.gather(
            *(patient(port, me, stats, deadline, random.Random(n)) for n, me in enumerate(patients))
        )
        return stats, time.monotonic() - started

    return asyncio.run(main())


def run() -> list[Result]:
    with own_database(DATABASE) as url:
        print(f"# load: seeding {PATIENTS} patients", file=sys.stderr, flush=True)
        patients = seed(url, patients=PATIENTS, nudges=8)
        env = server_env(url)
        celery = [sys.executable, "-m", "celery", "-A", "backend.celery"]
        beat_file = os.path.join(tempfile.mkdtemp(prefix="upright-beat-"), "schedule")
        worker = [*celery, "worker", "--concurrency", "1", "--loglevel", "WARNING",
                  "--without-gossip", "--without-mingle"]  # fmt: skip
        beat = [*celery, "beat", "--loglevel", "WARNING", "--schedule", beat_file]
        with (
            process(worker, env, ready=lambda: True),
            process(beat, env, ready=lambda: True),
            gunicorn(env, workers=WORKERS) as port,
        ):
            print(f"# load: {PATIENTS} patients for {SECONDS:g} s", file=sys.stderr, flush=True)
            stats, elapsed = simulate(port, patients)
    total = Stats(elapsed=elapsed)
    for name in STEPS:
        total.merge(stats[name])
    total.elapsed = elapsed
    setting = f"{PATIENTS} patients, {SECONDS:g} s"
    results = [
        Result(f"load ({setting}): errors", total.errors, 0, "0", "requests",
               higher_is_better=False, baseline_label="target", met=total.errors == 0),
        Result(f"load ({setting}): throughput", total.throughput, None, "-", "req/s"),
        Result(f"load ({setting}): p50, all requests", total.percentile(0.5), None, "-", "ms",
               higher_is_better=False),
        Result(f"load ({setting}): p99, all requests", total.percentile(0.99), P99_TARGET_MS,
               "≤ 150 ms", "ms", higher_is_better=False, baseline_label="target",
               met=total.percentile(0.99) <= P99_TARGET_MS),
    ]  # fmt: skip
    for name in STEPS:
        s = stats[name]
        results.append(
            Result(f"load: {name} p50 / p99", s.percentile(0.5), s.percentile(0.99),
                   f"{len(s.latencies)} ok, {s.errors} errors", "ms",
                   higher_is_better=False, baseline_label="p99", met=None)
        )  # fmt: skip
    if total.errors:
        print(f"# load: statuses {dict(total.statuses)}", file=sys.stderr)
    return results


if __name__ == "__main__":
    from bench.__main__ import RESULT_PREFIX

    for result in run():
        print(RESULT_PREFIX + result.to_json(), flush=True)
