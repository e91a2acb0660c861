"""Shared pieces of the API benchmarks: a PostgreSQL database of their own, seed data, a
gunicorn server on a loopback port, and a small asyncio HTTP load generator.

Why not locust: it runs under gevent's monkey-patching, brings gevent/flask/zmq into the
dev environment, and reports percentiles rounded into buckets; what these benchmarks need
(a closed loop at fixed concurrency, and a per-user scenario for the load test) is a few
dozen lines of asyncio with exact latencies, and the same client measures ours and the
baseline. The client runs in its own process, pinned to nothing, sharing the 2 cores with
gunicorn and PostgreSQL as a real co-located load generator would.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent


def server_url() -> str:
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if not url.startswith("postgres"):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    return url


def redis_url() -> str:
    return os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")


def with_db(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


@contextmanager
def own_database(name: str) -> Iterator[str]:
    """CREATE DATABASE ``name`` (dropped first if a crashed run left it), DROP at the end."""
    admin = server_url()
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_db(admin, name)
    finally:
        with psycopg.connect(admin, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    """Production settings (DEBUG=0) on loopback plain HTTP."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url(),
        VAR_DIR=tempfile.mkdtemp(prefix="upright-bench-var-"),
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="backend.settings",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


def run_python(code: str, env: dict[str, str]) -> Any:
    """Run ``code`` in a fresh interpreter with ``env``; it prints one JSON line last."""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-4000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


SEED = """
import json, django
django.setup()
from datetime import date, datetime, timedelta, timezone as tz
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
from exercises.services import library_load
library_load()
from backend.accounts.tokens import token_issue
from backend.accounts.models import CareLink, Clinic, User
from backend.nudges.models import Nudge, NudgePlan
from backend.inbox.models import InboxMessage
from backend.programs import services
from backend.programs.models import ProgramVersion
PATIENTS, NUDGES = {patients}, {nudges}
clinic = Clinic.objects.create(name="Bench clinic")
physio = User.objects.create_user("physio@bench.test", None, role="physio", clinic=clinic,
                                  full_name="Bench Physio")
program = services.program_create(actor=physio, name="Core basics", items=[
    {{"exercise": "glute-bridge", "sets": 2, "reps": 10, "rest_seconds": 30}},
    {{"exercise": "bird-dog", "sets": 2, "reps": 8, "per_side": True}},
    {{"exercise": "side-plank-knees", "sets": 3, "hold_seconds": 20, "per_side": True}},
    {{"exercise": "dead-bug", "sets": 2, "reps": 8}},
    {{"exercise": "cat-cow", "sets": 1, "reps": 10}},
    {{"exercise": "pelvic-tilt", "sets": 2, "reps": 12}},
])
# The program existed when the assignments below started (2020), as it would have: a
# session is then of the current version (one query), not one done before the version
# was written (the offline-across-a-change case, which reads every version).
ProgramVersion.objects.filter(program=program).update(
    created_at=datetime(2020, 1, 6, tzinfo=tz.utc))
users = []
now = datetime.now(tz.utc).replace(microsecond=0)
for n in range(PATIENTS):
    patient = User.objects.create_user(f"patient{{n}}@bench.test", None, role="patient",
        clinic=clinic, full_name=f"Patient {{n}}", timezone="Europe/London")
    CareLink.objects.create(patient=patient, physio=physio)
    assignment = services.assignment_create(actor=physio, program=program,
        patient_id=patient.pk, start_date=date(2020, 1, 6), end_date=None,
        days_of_week=[1, 2, 3, 4, 5, 6, 7], preferred_time=None)
    plan = NudgePlan.objects.create(user=patient)
    for k in range(NUDGES):
        nudge = Nudge.objects.create(plan=plan, user=patient, content="tip:stand-up",
            slot=now - timedelta(minutes=30 * (k + 1)))
        nudge.message = InboxMessage.objects.create(user=patient, kind="nudge",
            title="Time to move", created_at=nudge.slot, extra=nudge.inbox_extra())
        nudge.save(update_fields=["message"])
    users.append({{"token": token_issue(patient)[1],
                  "assignment": assignment.pk}})
print(json.dumps({{"patients": users}}))
"""


def seed(database_url: str, *, patients: int, nudges: int = 0) -> list[dict[str, Any]]:
    code = SEED.format(patients=patients, nudges=nudges)
    env = server_env(database_url)
    return list(run_python(code, env)["patients"])


@contextmanager
def process(args: list[str], env: dict[str, str], *, ready: Callable[[], bool]) -> Iterator[None]:
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not ready():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{args[:4]} did not start")
            time.sleep(0.1)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _answers(port: int) -> bool:
    try:
        return asyncio.run(fetch(port, "GET", "/api/health/"))[0] in (200, 503)
    except OSError:
        return False


@contextmanager
def gunicorn(env: dict[str, str], *, workers: int) -> Iterator[int]:
    port = free_port()
    args = [sys.executable, "-m", "gunicorn", "backend.wsgi", "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--log-level", "warning", "--backlog", "2048"]  # fmt: skip
    with process(args, env, ready=lambda: _answers(port)):
        yield port


# --- The load generator -------------------------------------------------------------------


async def fetch(
    port: int, method: str, path: str, body: Any = None, token: str | None = None
) -> tuple[int, bytes]:
    """One HTTP/1.1 request on its own connection (gunicorn's sync workers close it)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        payload = json.dumps(body).encode() if body is not None else b""
        head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
        if token:
            head.append(f"Authorization: Token {token}")
        if body is not None:
            head += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
        await writer.drain()
        raw = await reader.read()
    finally:
        writer.close()
    status = int(raw.split(b" ", 2)[1]) if raw.startswith(b"HTTP/") else 0
    return status, raw.partition(b"\r\n\r\n")[2]


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests
    statuses: Counter[int] = field(default_factory=Counter)
    errors: int = 0  # non-2xx answers and failed connections
    elapsed: float = 0.0

    def add(self, status: int, seconds: float) -> None:
        self.statuses[status] += 1
        if 200 <= status < 300:
            self.latencies.append(seconds)
        else:
            self.errors += 1

    def merge(self, other: Stats) -> None:
        self.latencies += other.latencies
        self.statuses.update(other.statuses)
        self.errors += other.errors
        self.elapsed += other.elapsed

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def percentile(self, q: float) -> float:
        """Latency at quantile ``q`` in milliseconds (nearest rank)."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        rank = max(0, min(len(ordered) - 1, round(q * len(ordered) + 0.5) - 1))
        return ordered[rank] * 1000


async def timed(stats: Stats, call: Awaitable[tuple[int, bytes]]) -> tuple[int, bytes]:
    started = time.perf_counter()
    try:
        status, body = await call
    except OSError:
        status, body = 0, b""
    stats.add(status, time.perf_counter() - started)
    return status, body


def closed_loop(
    port: int,
    make_request: Callable[[int], tuple[str, str, Any, str]],
    *,
    concurrency: int,
    seconds: float,
    warmup: float = 1.0,
) -> Stats:
    """``concurrency`` clients, each sending its next request as soon as the last one is
    answered, for ``warmup`` + ``seconds``; only the last ``seconds`` are counted."""

    async def main() -> Stats:
        stats = Stats()
        counting = asyncio.Event()
        stop = asyncio.Event()
        counter = iter(range(10**9))

        async def client() -> None:
            while not stop.is_set():
                method, path, body, token = make_request(next(counter))
                if counting.is_set():
                    await timed(stats, fetch(port, method, path, body, token))
                else:
                    await fetch(port, method, path, body, token)

        tasks = [asyncio.create_task(client()) for _ in range(concurrency)]
        await asyncio.sleep(warmup)
        counting.set()
        started = time.perf_counter()
        await asyncio.sleep(seconds)
        stop.set()
        stats.elapsed = time.perf_counter() - started
        await asyncio.gather(*tasks)
        return stats

    return asyncio.run(main())
