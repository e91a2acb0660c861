"""Nudge benchmarks on PostgreSQL + Redis, in a database of their own (``upright_bench``,
created and dropped here).

* dispatch: 100,000 due plans in one tick (ours) vs the physical limit doing the same
  writes and publishes (``bench/dispatch_limit.py``: COPY of the nudge and inbox rows,
  one pipelined Redis publish per batch), in the same run; target >= 0.5x.
* idle tick: nothing due among 1,000,000 plans (ours: the indexed tick) vs the same
  due-plan query with index scans turned off (what every tick would cost without
  the ``next_due_at`` index).
* delivery: Web Push (VAPID + aes128gcm + ledger) to a loopback push service from one
  process vs a bare HTTP POST loop to the same service.

Settings: BENCH_DATABASE_URL (a PostgreSQL server; default from DATABASE_URL or
postgres://postgres@127.0.0.1:5432/postgres), BENCH_REDIS_URL (default
redis://127.0.0.1:6379/15), BENCH_NUDGES_DB (the name of the database created and dropped
here; default ``upright_bench``) and BENCH_NUDGES_ONLY (a comma-separated subset of
``dispatch,idle,delivery`` to run; default all three).
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import psycopg

BENCH_DB = os.environ.get("BENCH_NUDGES_DB", "upright_bench")
BENCH_PARTS = ("dispatch", "idle", "delivery")
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)  # a Wednesday, noon UTC
DISPATCH_PLANS = 100_000
IDLE_PLANS = int(os.environ.get("BENCH_IDLE_PLANS", "1000000"))
PUSHES = 3_000
ZONES = [
    "Europe/London",
    "Europe/Lisbon",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Helsinki",
    "Europe/Athens",
]


def _server_url() -> str:
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if not url.startswith("postgres"):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    return url


def _with_db(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def _admin(sql: str) -> None:
    with psycopg.connect(_with_db(_server_url(), "postgres"), autocommit=True) as conn:
        conn.execute(sql)


def _setup_environment() -> None:
    _admin(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    _admin(f"CREATE DATABASE {BENCH_DB}")
    os.environ["DATABASE_URL"] = _with_db(_server_url(), BENCH_DB)
    os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="upright-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "backend.settings"
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()
    from django.core.management import call_command

    from exercises.services import library_load

    call_command("migrate", verbosity=0)
    library_load()


def _copy(table: str, columns: str, rows: io.StringIO) -> None:
    from django.db import connection

    rows.seek(0)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            while chunk := rows.read(1 << 20):
                copy.write(chunk)


def _seed(count: int, due: datetime, tag: str, *, subscribe: bool) -> None:
    """``count`` patients with default-like plans due at ``due`` (bulk COPY)."""
    from django.db import connection

    users = io.StringIO()
    for i in range(count):
        zone = ZONES[i % len(ZONES)]
        users.write(
            f"!\tf\t{tag}{i}@bench.invalid\tBench {i}\tpatient\t{zone}\ten\tt\tf\t{NOW}\t{NOW}\n"
        )
    _copy(
        "accounts_user",
        "password, is_superuser, email, full_name, role, timezone, language, is_active, "
        "is_staff, date_joined, updated_at",
        users,
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM accounts_user WHERE email LIKE %s ORDER BY id", [f"{tag}%"])
        ids = [row[0] for row in cursor.fetchall()]
    plans = io.StringIO()
    for index, user_id in enumerate(ids):
        interval = (30, 45, 60)[index % 3]
        plans.write(
            f"{user_id}\tt\t{interval}\t[1, 2, 3, 4, 5]\t08:00\t20:00\tt\tt\t{due}\t0\t\t{NOW}\n"
        )
    _copy(
        "nudges_nudgeplan",
        "user_id, enabled, interval_minutes, work_days, work_start, work_end, "
        "reminders_enabled, reminder_follow_up, next_due_at, content_cursor, last_content, "
        "updated_at",
        plans,
    )
    if subscribe:
        subs = io.StringIO()
        key, auth = _device_keys()
        for user_id in ids:
            subs.write(f"{user_id}\thttps://push.invalid/{tag}/{user_id}\t{key}\t{auth}\t{NOW}\n")
        _copy("nudges_pushsubscription", "user_id, endpoint, p256dh, auth, created_at", subs)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _device_keys() -> tuple[str, str]:
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from backend.inbox.vapid import b64url

    point = ec.generate_private_key(ec.SECP256R1()).public_key()
    raw = point.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    return b64url(raw), b64url(os.urandom(16))


def _purge_queue() -> None:
    import redis

    redis.Redis.from_url(os.environ["REDIS_URL"]).delete("celery", "unacked", "unacked_index")


def bench_dispatch() -> list[object]:
    from backend.nudges.dispatch import dispatch_due_nudges
    from bench import Result

    _seed(DISPATCH_PLANS, NOW, "d", subscribe=True)
    started = time.perf_counter()
    report = dispatch_due_nudges(now=NOW)
    ours = time.perf_counter() - started
    if report.sent != DISPATCH_PLANS:
        raise SystemExit(f"dispatch sent {report.sent}, expected {DISPATCH_PLANS}")
    _purge_queue()

    # Baseline: the physical limit (bench/dispatch_limit.py), the same writes and
    # publishes for as many plans, due a minute later (ours moved its plans past that).
    from django.conf import settings

    from bench.dispatch_limit import dispatch_at_the_limit

    later = NOW + timedelta(minutes=1)
    _seed(DISPATCH_PLANS, later, "n", subscribe=True)
    started = time.perf_counter()
    written = dispatch_at_the_limit(
        later,
        batch=settings.NUDGE_CLAIM_BATCH_SIZE,
        delivery_batch=settings.NUDGE_DELIVERY_BATCH_SIZE,
        redis_url=os.environ["REDIS_URL"],
        grace_minutes=settings.NUDGE_GRACE_MINUTES,
        ttl_seconds=settings.NUDGE_PUSH_TTL_SECONDS,
    )
    limit = time.perf_counter() - started
    if written != DISPATCH_PLANS:
        raise SystemExit(f"baseline wrote {written}, expected {DISPATCH_PLANS}")
    print(f"# dispatch 100k: ours {ours:.2f} s, physical limit {limit:.2f} s", flush=True)
    return [
        Result(
            "dispatch 100k due plans",
            DISPATCH_PLANS / ours,
            DISPATCH_PLANS / limit,
            ">= 0.5x limit",
            "plans/s",
            baseline_label="COPY + pipelined publish",
            met=ours <= 2 * limit,
        )
    ]


def bench_idle_tick() -> list[object]:
    from django.db import connection, transaction

    from backend.inbox.models import InboxMessage
    from backend.nudges.dispatch import dispatch_due_nudges
    from bench import Result

    tomorrow = NOW + timedelta(days=1)
    _seed(IDLE_PLANS - 2 * DISPATCH_PLANS, tomorrow, "i", subscribe=False)
    InboxMessage.objects.update(push_done_at=NOW)  # every push delivered
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM nudges_nudgeplan")
        total = cursor.fetchone()[0]
        cursor.execute("ANALYZE")
    if total != IDLE_PLANS:
        raise SystemExit(f"{total} plans, expected {IDLE_PLANS}")
    idle_now = NOW + timedelta(minutes=10)

    def timed(fn: object) -> float:
        samples = []
        for _ in range(15):
            started = time.perf_counter()
            fn()  # type: ignore[operator]
            samples.append(time.perf_counter() - started)
        return statistics.median(samples) * 1000

    def tick() -> None:
        if dispatch_due_nudges(now=idle_now).claimed:
            raise SystemExit("the idle tick found due plans")

    def unindexed() -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute("SET LOCAL enable_indexonlyscan = off")
            cursor.execute(
                "SELECT id FROM nudges_nudgeplan WHERE next_due_at <= %s "
                "ORDER BY next_due_at LIMIT 1000",
                [idle_now],
            )
            cursor.fetchall()

    ours, baseline = timed(tick), timed(unindexed)
    return [
        Result(
            "idle tick, 1M plans",
            ours,
            baseline,
            "<= 50 ms",
            "ms",
            higher_is_better=False,
            baseline_label="no index",
            met=ours <= 50,
        )
    ]


def bench_delivery() -> list[object]:
    import requests
    from django.db import connection

    from backend.inbox.delivery import deliver_messages, payload_for
    from backend.inbox.models import InboxMessage
    from backend.inbox.transport import worker_transport
    from bench import Result

    if not InboxMessage.objects.filter(kind="nudge").exists():
        # Run on its own (BENCH_NUDGES_ONLY=delivery): just enough nudges to push.
        from backend.nudges.dispatch import dispatch_due_nudges

        _seed(PUSHES + 20, NOW, "p", subscribe=True)
        dispatch_due_nudges(now=NOW)
        _purge_queue()
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.nudges_pushserver"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        base = f"http://127.0.0.1:{port}/push/"
        ids = list(
            InboxMessage.objects.filter(kind="nudge")
            .order_by("pk")
            .values_list("pk", flat=True)[:PUSHES]
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE nudges_pushsubscription SET endpoint = %s || id "
                "WHERE user_id IN (SELECT user_id FROM nudges_inboxmessage WHERE id = ANY(%s))",
                [base, ids],
            )
        InboxMessage.objects.filter(pk__in=ids).update(
            push_done_at=None,
            push_enqueued_at=NOW,
            push_expires_at=datetime.now(UTC) + timedelta(hours=1),
            push_send_by=datetime.now(UTC) + timedelta(hours=1),  # still within the grace
            push_lease_until=None,
        )
        transport = worker_transport  # one HTTP session per thread, as in a worker
        # Warm up the connection and the VAPID header cache, as a running worker has.
        deliver_messages(ids[:20], transport=transport, owner="bench")
        # Baseline: a bare POST loop of same-sized bodies to the same service.
        size = len(payload_for(InboxMessage.objects.get(pk=ids[0]))) + 103  # aes128gcm overhead
        body = os.urandom(size)
        session = requests.Session()
        session.post(f"{base}0", data=body, timeout=10)
        # Ours and the bare loop alternate (two rounds each), so a busy shared machine
        # slows both alike.
        sent, ours_time, bare_time = 0, 0.0, 0.0
        rest = ids[20:]
        half = len(rest) // 2
        for part in (rest[:half], rest[half:]):
            started = time.perf_counter()
            done = 0
            for start in range(0, len(part), 200):
                done += deliver_messages(
                    part[start : start + 200], transport=transport, owner="bench"
                ).sent
            ours_time += time.perf_counter() - started
            if done != len(part):
                raise SystemExit(f"delivered {done} of {len(part)}")
            sent += done
            started = time.perf_counter()
            for i in range(done):
                response = session.post(f"{base}{i}", data=body, timeout=10)
                response.raise_for_status()
            bare_time += time.perf_counter() - started
        ours, bare = sent / ours_time, sent / bare_time
    finally:
        server.terminate()
        server.wait(10)
    return [
        Result(
            "push delivery, 1 process",
            ours,
            bare,
            ">= 0.9x bare",
            "pushes/s",
            baseline_label="bare POST",
            met=ours >= 0.9 * bare,
        )
    ]


def run() -> list[object]:
    _setup_environment()
    try:
        only = os.environ.get("BENCH_NUDGES_ONLY", "")
        parts = {p.strip() for p in only.split(",") if p.strip()} or set(BENCH_PARTS)
        unknown = parts - set(BENCH_PARTS)
        if unknown:
            raise SystemExit(f"BENCH_NUDGES_ONLY: unknown part(s) {sorted(unknown)}")
        results: list[object] = []
        if "dispatch" in parts:
            results += bench_dispatch()
        if "idle" in parts:
            results += bench_idle_tick()
        if "delivery" in parts:
            results += bench_delivery()
        return results
    finally:
        from django.db import connections

        connections.close_all()
        _admin(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")


if __name__ == "__main__":
    from bench.__main__ import RESULT_PREFIX

    for result in run():
        print(RESULT_PREFIX + result.to_json(), flush=True)  # type: ignore[attr-defined]
