"""One measurement run for ``bench/breaks.py``: dispatch of 100,000 due plans and an idle
tick among 1,000,000, on the code tree this file is run in (ours or main's).

Standalone on purpose (``python bench/breaks_run.py LABEL``, run with the tree as the
working directory): ``bench/breaks.py`` copies it into an export of main's tree and runs
it there too, so both figures come from the same seeding, the same machine and run.
Prints ``BREAKS-RESULT {json}``. Where the tree has prescribed breaks and busy windows
(ours), 20 % of the plans get a prescription and a calendar busy window later that day.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import psycopg

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)  # a Wednesday, noon UTC
# Smaller sizes only for a smoke run of this script (the bench uses the defaults).
DUE = int(os.environ.get("BREAKS_BENCH_DUE", "100000"))
TOTAL = int(os.environ.get("BREAKS_BENCH_TOTAL", "1000000"))
SHARE = 5  # every fifth plan: prescribed breaks and a busy window
ZONES = ["Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Athens"]
VARIANTS = [
    [{"exercise": "chin-tuck", "sets": 1, "reps": 10, "hold_seconds": None, "every_nth": 1}],
    [
        {"exercise": "neck-side-stretch", "sets": 1, "reps": None, "hold_seconds": 20},
        {"exercise": "scapular-squeeze", "sets": 2, "reps": 8, "hold_seconds": None},
    ],
    [
        {"exercise": "seated-posture-reset", "sets": 1, "reps": 5, "every_nth": 2},
        {"exercise": "march-in-place", "sets": 1, "reps": 30},
    ],
]


def _with_db(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def _setup(db: str) -> None:
    server = os.environ.get("BENCH_DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(_with_db(server, "postgres"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {db}")
    os.environ["DATABASE_URL"] = _with_db(server, db)
    os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4")
    os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="upright-breaks-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "backend.settings"
    os.environ["LOG_LEVEL"] = "WARNING"
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    from django.core.management import call_command

    from exercises.services import library_load

    call_command("migrate", verbosity=0)
    library_load()


def _copy(table: str, columns: str, rows: io.StringIO) -> None:
    from django.db import connection

    rows.seek(0)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        while chunk := rows.read(1 << 20):
            copy.write(chunk)


def _seed(count: int, due: datetime, tag: str) -> list[int]:
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
    return ids


def _has_breaks() -> bool:
    from django.apps import apps

    try:
        apps.get_model("nudges", "BreakPrescription")
    except LookupError:
        return False
    return True


def _prescribe(ids: list[int]) -> int:
    """Every SHARE-th patient: an assignment with prescribed breaks and a busy window."""
    from django.db import connection

    from backend.accounts.models import Clinic, User
    from backend.programs.services import program_create

    clinic = Clinic.objects.create(name="Bench clinic")
    physio = User.objects.create(
        email="physio@bench.invalid", role="physio", clinic=clinic, full_name="Bench physio"
    )
    program = program_create(
        actor=physio,
        name="Desk",
        items=[{"exercise": "chin-tuck", "sets": 1, "reps": 10, "rest_seconds": 0}],
    )
    chosen = ids[::SHARE]
    rows = io.StringIO()
    for user_id in chosen:
        rows.write(
            f"{program.pk}\t{user_id}\t{physio.pk}\t{date(2026, 11, 2)}\t[1, 2, 3, 4, 5]\t\t"
            f"active\t{NOW}\t{NOW}\t{NOW + timedelta(days=1)}\n"
        )
    _copy(
        "programs_assignment",
        "program_id, patient_id, assigned_by_id, start_date, days_of_week, notes, status, "
        "created_at, updated_at, next_reminder_at",
        rows,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, patient_id FROM programs_assignment WHERE patient_id = ANY(%s)", [chosen]
        )
        assignments = cursor.fetchall()
    prescriptions = io.StringIO()
    windows = io.StringIO()
    for index, (assignment_id, user_id) in enumerate(assignments):
        items = json.dumps(VARIANTS[index % len(VARIANTS)])
        prescriptions.write(f"{assignment_id}\t{items}\t[]\t{NOW}\n")
        start = NOW + timedelta(hours=1 + index % 3)
        windows.write(f"{user_id}\t{start}\t{start + timedelta(minutes=45)}\tcalendar\n")
    _copy("nudges_breakprescription", "assignment_id, items, excluded, updated_at", prescriptions)
    _copy("nudges_busywindow", 'user_id, start, "end", source', windows)
    return len(assignments)


def _dispatch_with_one_helper() -> float | None:
    """The same 100k again (the first pass undone), dispatched as a deployed tick with a
    backlog is: the tick asks for one helper, here a forked process where the worker
    would run ``nudges.dispatch_help``. None on a tree without helpers (main's)."""
    import inspect
    import multiprocessing

    from django.db import connection, connections

    from backend.nudges.dispatch import dispatch_due_nudges

    if "on_backlog" not in inspect.signature(dispatch_due_nudges).parameters:
        return None
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM nudges_nudge")
        cursor.execute("DELETE FROM nudges_inboxmessage")
        cursor.execute(
            "UPDATE nudges_nudgeplan SET next_due_at = %s, content_cursor = 0,"
            " last_content = '', content_day = NULL, content_today = '[]', anchor_at = NULL,"
            " held_until = NULL, standing_until = NULL",
            [NOW],
        )
    connection.close()
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    forks = multiprocessing.get_context("fork")
    helpers: list[multiprocessing.process.BaseProcess] = []

    def helper(now: datetime) -> None:
        connections.close_all()  # the child opens its own; the parent reconnects
        process = forks.Process(target=dispatch_due_nudges, kwargs={"now": now})
        process.start()
        helpers.append(process)

    started = time.perf_counter()
    report = dispatch_due_nudges(now=NOW, on_backlog=helper)
    for process in helpers:
        process.join()
    took = time.perf_counter() - started
    sent = _nudge_count()
    if sent != DUE or not helpers:
        raise SystemExit(f"with a helper: {sent} nudges ({report.sent} by the tick)")
    return took


def _nudge_count() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM nudges_nudge")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def measure(label: str) -> dict[str, object]:
    _setup(f"upright_breaks_api_bench_{label}")
    from django.apps import apps
    from django.db import connection

    # The inbox has its own app now; the baseline tree (before it) has it in nudges.
    label = "inbox" if apps.is_installed("backend.inbox") else "nudges"
    InboxMessage = apps.get_model(label, "InboxMessage")
    from backend.nudges.dispatch import dispatch_due_nudges

    ids = _seed(DUE, NOW, "d")
    prescribed = _prescribe(ids) if _has_breaks() else 0
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    started = time.perf_counter()
    report = dispatch_due_nudges(now=NOW)
    dispatch = time.perf_counter() - started
    if report.sent != DUE:
        raise SystemExit(f"{label}: dispatch sent {report.sent}, expected {DUE}")
    with_helper = _dispatch_with_one_helper()

    _seed(TOTAL - DUE, NOW + timedelta(days=1), "i")
    InboxMessage.objects.update(push_done_at=NOW)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    idle_now = NOW + timedelta(minutes=10)
    samples = []
    for _ in range(15):
        started = time.perf_counter()
        if dispatch_due_nudges(now=idle_now).claimed:
            raise SystemExit("the idle tick found due plans")
        samples.append(time.perf_counter() - started)
    connection.close()
    return {
        "label": label,
        "dispatch_s": dispatch,
        "dispatch_helped_s": with_helper,
        "idle_ms": statistics.median(samples) * 1000,
        "prescribed": prescribed,
        "due": DUE,
    }


if __name__ == "__main__":
    print("BREAKS-RESULT " + json.dumps(measure(sys.argv[1])), flush=True)
