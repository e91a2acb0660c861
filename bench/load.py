"""Load: how many simulated patients the API carries before its p99 crosses 150 ms, ours
against the bare Django views of the same mix (``bench/bench_urls.py``), on one gunicorn
+ PostgreSQL + Redis with a Celery worker and beat running. Each patient loops: open
today, log a session (1 in 20 with a pain spike, which alerts the physio), open the
inbox, answer the newest unanswered nudge ("moved"), with 1-3 s of thinking between taps.

The load rises in steps (x1.3 each); at every step ours and the bare views take the same
number of patients for BENCH_LOAD_SECONDS each, one after the other, so a busy shared
machine slows both alike. A side's capacity is the last step whose p99 stayed within
150 ms. Target: ours >= 0.5x the bare views' capacity, and no errors.

``make load`` runs it alone; ``make bench`` includes it. Knobs: BENCH_LOAD_SECONDS (per
step and side, 8), BENCH_LOAD_START_PATIENTS (20), BENCH_LOAD_MAX_PATIENTS (2,000),
BENCH_LOAD_WORKERS (gunicorn sync workers, 3).
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
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bench import Result
from bench.api_support import Stats, fetch, gunicorn, own_database, process, seed, server_env

DATABASE = os.environ.get("BENCH_LOAD_DATABASE", "upright_bench_load")
# Simulated patients beyond this many accounts per side share them (same queries, rows).
ACCOUNTS = int(os.environ.get("BENCH_LOAD_ACCOUNTS", "150"))
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "8"))
MAX_PATIENTS = int(os.environ.get("BENCH_LOAD_MAX_PATIENTS", "2000"))
START_PATIENTS = int(os.environ.get("BENCH_LOAD_START_PATIENTS", "20"))
WORKERS = int(os.environ.get("BENCH_LOAD_WORKERS", "3"))
THINK = (1.0, 3.0)
P99_TARGET_MS = 150.0
STEPS = ("GET today", "POST session", "GET inbox", "POST nudge ack")
PREFIX = {"ours": "/api", "bare": "/bench"}
SPIKE_SHARE = 0.05  # sessions with a pain spike (an alert to the physio)


def levels() -> list[int]:
    out, level = [], float(START_PATIENTS)
    while level <= MAX_PATIENTS:
        out.append(int(level))
        level *= 1.3
    return out


def session_body(
    assignment: int, rng: random.Random, spike_share: float = SPIKE_SHARE
) -> dict[str, Any]:
    done = datetime.now(UTC).replace(microsecond=0) - timedelta(seconds=rng.randrange(3600))
    spike = rng.random() < spike_share
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


@dataclass(frozen=True)
class Step:
    """One measured step of the ramp: where to send, until when, how many sessions spike."""

    port: int
    prefix: str
    deadline: float
    spike_share: float


async def patient(run: Step, me: dict[str, Any], stats: dict[str, Stats],
                  rng: random.Random) -> None:  # fmt: skip
    token = me["token"]
    answered: set[int] = me.setdefault("answered", set())

    async def step(name: str, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        started = time.perf_counter()
        try:
            status, content = await fetch(run.port, method, run.prefix + path, body, token)
        except OSError:
            status, content = 0, b""
        stats[name].add(status, time.perf_counter() - started)
        await asyncio.sleep(rng.uniform(*THINK))
        return status, content

    await asyncio.sleep(rng.uniform(0, THINK[0]))  # patients arrive over the first second
    while time.monotonic() < run.deadline:
        await step(STEPS[0], "GET", "/today/")
        await step(
            STEPS[1], "POST", "/sessions/", session_body(me["assignment"], rng, run.spike_share)
        )
        status, content = await step(STEPS[2], "GET", "/inbox/?unread=true")
        if status != 200:
            continue
        nudges = [m["nudge"] for m in json.loads(content)["results"] if m.get("nudge")]
        fresh = [n for n in nudges if n not in answered]
        if fresh:
            answered.add(fresh[0])
            await step(STEPS[3], "POST", f"/nudges/{fresh[0]}/ack/", {"action": "moved"})


def simulate(
    port: int,
    prefix: str,
    accounts: list[dict[str, Any]],
    count: int,
    spike_share: float = SPIKE_SHARE,
) -> tuple[Stats, dict[str, Stats]]:
    """All requests of ``count`` patients for SECONDS, and each step's alone."""

    async def main() -> dict[str, Stats]:
        stats = {name: Stats() for name in STEPS}
        run = Step(port, prefix, time.monotonic() + SECONDS, spike_share)
        await asyncio.gather(
            *(patient(run, accounts[n % len(accounts)], stats, random.Random(n))
              for n in range(count))
        )  # fmt: skip
        return stats

    started = time.monotonic()
    stats = asyncio.run(main())
    total = Stats()
    for name in STEPS:
        total.merge(stats[name])
    total.elapsed = time.monotonic() - started
    return total, stats


def ramp(port: int, accounts: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    # Warm up both sides: gunicorn workers import and connect on their first requests, and
    # a worker's first pain alert loads what only alerts use (the physio's language, the
    # broker connection). Half the warm-up sessions spike, so every worker has been down
    # every path before anything is measured (at 5% a worker might meet its first
    # spike inside a measured step, and at 20 patients that one request is the p99).
    for side in ("ours", "bare"):
        simulate(port, PREFIX[side], accounts[side], 3 * WORKERS, spike_share=0.5)
    capacity = {"ours": 0, "bare": 0}
    crossed = {"ours": False, "bare": False}
    errors = {"ours": 0, "bare": 0}
    for level in levels():
        for side in ("ours", "bare"):
            if crossed[side]:
                continue
            total, steps = simulate(port, PREFIX[side], accounts[side], level)
            p99 = total.percentile(0.99)
            errors[side] += total.errors
            print(f"# load: {side} {level} patients: {total.throughput:.0f} req/s, "
                  f"p50 {total.percentile(0.5):.0f} ms, p99 {p99:.0f} ms, "
                  f"{total.errors} errors {dict(total.statuses)}; p99 by step: "
                  + ", ".join(f"{name} {steps[name].percentile(0.99):.0f}" for name in STEPS),
                  file=sys.stderr, flush=True)  # fmt: skip
            if p99 <= P99_TARGET_MS and not total.errors:
                capacity[side] = level
            else:
                crossed[side] = True
        if all(crossed.values()):
            break
    return {"capacity": capacity, "errors": errors, "crossed": crossed}


def run() -> list[Result]:
    with own_database(DATABASE) as url:
        print(f"# load: seeding {ACCOUNTS} patients", file=sys.stderr, flush=True)
        everyone = seed(url, patients=2 * ACCOUNTS, nudges=12)
        # Separate accounts per side, so each answers its own nudges.
        accounts = {"ours": everyone[:ACCOUNTS], "bare": everyone[ACCOUNTS:]}
        env = server_env(url, UPRIGHT_BENCH_VIEWS="1")
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
            print(f"# load: steps {levels()}, {SECONDS:g} s each side", file=sys.stderr)
            found = ramp(port, accounts)
    ours, bare = found["capacity"]["ours"], found["capacity"]["bare"]
    note = "" if found["crossed"]["bare"] else f" (bare never crossed up to {MAX_PATIENTS})"
    return [
        Result(f"load: patients within p99 150 ms{note}", ours, bare, ">= 0.5x bare",
               "patients", baseline_label="bare views, same mix",
               met=(ours >= 0.5 * bare) if bare else None),
        Result("load: errors (ours)", found["errors"]["ours"], 0, "0", "requests",
               higher_is_better=False, baseline_label="target",
               met=found["errors"]["ours"] == 0),
    ]  # fmt: skip


if __name__ == "__main__":
    from bench.__main__ import RESULT_PREFIX

    for result in run():
        print(RESULT_PREFIX + result.to_json(), flush=True)
