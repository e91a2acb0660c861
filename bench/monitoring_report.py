"""The clinic's monthly monitoring CSV on PostgreSQL, in a database of its own
(``upright_bench_messaging``, created and dropped here).

2,000 patients of one clinic, each with consent, about 20 session days and a few breaks,
questionnaires, messages and time entries in the month. Ours: ``GET /api/reports/clinic.csv``
streamed to the end through Django (batches of 500 patients, a fixed number of queries per
batch, day counting in Python with zoneinfo). Baseline: one PostgreSQL ``COPY (SELECT …) TO
STDOUT`` producing the same columns, measured in the same run. Target: ours within 5 s.

Settings: BENCH_DATABASE_URL (a PostgreSQL server; default from DATABASE_URL or
postgres://postgres@127.0.0.1:5432/postgres).
"""

from __future__ import annotations

import io
import os
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta

import psycopg

from bench import Result
from bench.nudges import _admin, _server_url, _with_db

BENCH_DB = "upright_bench_messaging"
PATIENTS = 2_000
MONTH = (2026, 11)
ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "Asia/Tokyo"]


def _setup() -> None:
    _admin(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    _admin(f"CREATE DATABASE {BENCH_DB}")
    os.environ["DATABASE_URL"] = _with_db(_server_url(), BENCH_DB)
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="upright-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "backend.settings"
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()
    from django.core.management import call_command

    from exercises.services import library_load

    call_command("migrate", verbosity=0)
    library_load()


def _copy(table: str, columns: str, rows: list[str]) -> None:
    from django.db import connection

    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        copy.write("".join(rows))


def _seed() -> tuple[int, int]:
    from django.db import connection

    from backend.accounts.models import Clinic, Role, User
    from backend.programs.services import program_create

    clinic = Clinic.objects.create(name="Bench clinic")
    physio = User.objects.create_user(
        "physio@bench.invalid", role=Role.PHYSIO, clinic=clinic, full_name="Bench Physio"
    )
    admin = User.objects.create_user("admin@bench.invalid", role=Role.CLINIC_ADMIN, clinic=clinic)
    program = program_create(
        actor=physio, name="Core", items=[{"exercise": "glute-bridge", "sets": 2, "reps": 10}]
    )
    version_id = program.current_version_id
    now = datetime(2026, 12, 1, tzinfo=UTC).isoformat()
    _copy(
        "accounts_user",
        "password, is_superuser, email, full_name, role, clinic_id, timezone, language, "
        "is_active, is_staff, date_joined, updated_at",
        [
            f"!\tf\tp{i}@bench.invalid\tPatient {i}\tpatient\t{clinic.pk}\t"
            f"{ZONES[i % len(ZONES)]}\ten\tt\tf\t{now}\t{now}\n"
            for i in range(PATIENTS)
        ],
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, timezone FROM accounts_user WHERE role='patient' ORDER BY id")
        patients = cursor.fetchall()
    _copy(
        "accounts_carelink",
        "patient_id, physio_id, created_at",
        [f"{pid}\t{physio.pk}\t{now}\n" for pid, _ in patients],
    )
    _copy(
        "messaging_consent",
        "patient_id, given_on, method, note, recorded_by_id, created_at",
        [
            f"{pid}\t2026-10-{1 + i % 28:02d}\twritten\t\t{physio.pk}\t{now}\n"
            for i, (pid, _) in enumerate(patients)
        ],
    )
    _copy(
        "programs_assignment",
        "program_id, patient_id, assigned_by_id, start_date, days_of_week, notes, status, "
        "created_at, updated_at",
        [
            f"{program.pk}\t{pid}\t{physio.pk}\t2026-09-01\t[1, 2, 3, 4, 5, 6, 7]\t\t"
            f"active\t{now}\t{now}\n"
            for pid, _ in patients
        ],
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT patient_id, id FROM programs_assignment")
        assignment = dict(cursor.fetchall())
    sessions, breaks, messages, entries = [], [], [], []
    for i, (pid, _) in enumerate(patients):
        for day in range(1, 31):
            if (day + i) % 3 == 0:
                continue  # about 20 session days in the month
            done = datetime(2026, 11, day, 12, 0, tzinfo=UTC)
            sessions.append(
                f"{uuid.uuid4()}\t{pid}\t{assignment[pid]}\t{version_id}\t"
                f"{done - timedelta(minutes=20)}\t{done}\t"
                f"2026-11-{day:02d}\t2\t2\tabout_right\t\tx\t\t{now}\t{uuid.uuid4()}\n"
            )
        for k in range(3):
            breaks.append(f"{pid}\t{datetime(2026, 11, 3 + 9 * k, 23, 30, tzinfo=UTC)}\n")
        for k, from_patient in enumerate((True, False)):
            sender = pid if from_patient else physio.pk
            at = datetime(2026, 11, 10 + k, 9, 0, tzinfo=UTC)
            messages.append(
                f"{uuid.uuid4()}\t{pid}\t{sender}\t{'t' if from_patient else 'f'}\thello\tx\t{at}\n"
            )
        entries.append(
            f"{physio.pk}\t{pid}\treview\t{10 + i % 20}\t2026-11-{1 + i % 28:02d}\t\t{now}\n"
        )
        entries.append(f"{physio.pk}\t{pid}\tcall\t5\t2026-11-{1 + i % 28:02d}\t\t{now}\n")
    _copy(
        "programs_session",
        "id, patient_id, assignment_id, program_version_id, started_at, completed_at, "
        "local_date, pain_before, pain_after, difficulty, notes, body_hash, alert_reason, "
        "created_at, client_id",
        sessions,
    )
    _copy("nudges_break", "user_id, taken_at", breaks)
    _copy(
        "messaging_message",
        "id, patient_id, sender_id, sender_is_patient, body, body_hash, created_at",
        messages,
    )
    _copy(
        "messaging_timeentry",
        "physio_id, patient_id, category, minutes, on_date, note, created_at",
        entries,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return clinic.pk, admin.pk


BASELINE_SQL = """
COPY (
WITH p AS (
  SELECT id, full_name, timezone FROM accounts_user
  WHERE clinic_id = {clinic} AND role = 'patient' AND is_active
), s AS (
  SELECT patient_id, min(given_on) AS start FROM messaging_consent GROUP BY patient_id
), c AS (
  SELECT DISTINCT ON (k.patient_id) k.patient_id, k.given_on, k.method,
    r.full_name AS by_name, k.revoked_on
  FROM messaging_consent k LEFT JOIN accounts_user r ON r.id = k.recorded_by_id
  ORDER BY k.patient_id, k.given_on DESC
), d AS (
  SELECT patient_id, local_date AS day FROM programs_session
  WHERE local_date BETWEEN '{span_first}' AND '{span_last}'
  UNION SELECT patient_id, local_date FROM outcomes_outcomeresponse
  WHERE local_date BETWEEN '{span_first}' AND '{span_last}'
  UNION SELECT b.user_id, (b.taken_at AT TIME ZONE u.timezone)::date FROM nudges_break b
  JOIN accounts_user u ON u.id = b.user_id
  WHERE b.taken_at BETWEEN '{span_first}'::date - 1 AND '{span_last}'::date + 2
), dc AS (
  SELECT DISTINCT d.patient_id, d.day FROM d JOIN messaging_consent k ON k.patient_id = d.patient_id
  AND d.day >= k.given_on AND (k.revoked_on IS NULL OR d.day < k.revoked_on)
), per AS (
  SELECT s.patient_id, n + 1 AS number, s.start + n * 30 AS pstart, s.start + n * 30 + 29 AS pend
  FROM s, generate_series(greatest(0, ('{first}'::date - s.start) / 30),
                          ('{last}'::date - s.start) / 30) n
  WHERE s.start <= '{last}'
), pc AS (
  SELECT per.patient_id, per.number, per.pstart, per.pend, count(dc.day) AS days
  FROM per LEFT JOIN dc ON dc.patient_id = per.patient_id AND dc.day BETWEEN per.pstart AND per.pend
  GROUP BY 1, 2, 3, 4
), mo AS (
  SELECT patient_id, count(*) AS days FROM dc WHERE day BETWEEN '{first}' AND '{last}' GROUP BY 1
), mi AS (
  SELECT patient_id, sum(minutes) AS minutes, bool_or(category = 'call') AS call
  FROM messaging_timeentry WHERE on_date BETWEEN '{first}' AND '{last}' GROUP BY 1
), ex AS (
  SELECT patient_id, bool_or(sender_is_patient) AND bool_or(NOT sender_is_patient) AS both
  FROM messaging_message
  WHERE created_at BETWEEN '{first}'::date - 1 AND '{last}'::date + 2 GROUP BY 1
)
SELECT p.id, p.full_name, '{month}', s.start, c.given_on, c.method, c.by_name, c.revoked_on,
  pc.number, pc.pstart, pc.pend, pc.days,
  CASE WHEN pc.days >= 16 THEN 'full' WHEN pc.days >= 2 THEN 'partial' ELSE 'below' END,
  coalesce(mo.days, 0), coalesce(mi.minutes, 0),
  CASE WHEN coalesce(ex.both, false) OR coalesce(mi.call, false) THEN 'yes' ELSE 'no' END
FROM p LEFT JOIN s ON s.patient_id = p.id LEFT JOIN c ON c.patient_id = p.id
LEFT JOIN pc ON pc.patient_id = p.id LEFT JOIN mo ON mo.patient_id = p.id
LEFT JOIN mi ON mi.patient_id = p.id LEFT JOIN ex ON ex.patient_id = p.id
ORDER BY p.id, pc.number
) TO STDOUT WITH (FORMAT csv, HEADER)
"""


def _baseline(clinic_id: int) -> tuple[float, int]:
    first, last = date(*MONTH, 1), date(2026, 11, 30)
    sql = BASELINE_SQL.format(
        clinic=clinic_id,
        first=first,
        last=last,
        span_first=first - timedelta(days=29),
        span_last=last + timedelta(days=29),
        month=f"{MONTH[0]}-{MONTH[1]:02d}",
    )
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn, conn.cursor() as cursor:
        start = time.perf_counter()
        out = io.BytesIO()
        with cursor.copy(sql) as copy:
            for chunk in copy:
                out.write(chunk)
        elapsed = time.perf_counter() - start
    return elapsed, out.getvalue().count(b"\n") - 1


def _ours(admin_id: int) -> tuple[float, int]:
    from django.test import Client

    from backend.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(pk=admin_id))
    start = time.perf_counter()
    response = client.get("/api/reports/clinic.csv", {"month": f"{MONTH[0]}-{MONTH[1]:02d}"})
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - start
    assert response.status_code == 200
    return elapsed, body.count(b"\n") - 1


def run() -> list[Result]:
    _setup()
    try:
        clinic_id, admin_id = _seed()
        _ours(admin_id)  # warm the URLconf and the caches once
        ours, our_rows = min(_ours(admin_id) for _ in range(3))
        baseline, base_rows = min(_baseline(clinic_id) for _ in range(3))
        if our_rows != base_rows:
            print(f"row counts differ: ours {our_rows}, baseline {base_rows}")
    finally:
        from django.db import connections

        connections.close_all()
        _admin(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    return [
        Result(
            f"clinic CSV, {PATIENTS:,} patients x 1 month",
            ours,
            baseline,
            "<= 5 s",
            "s",
            higher_is_better=False,
            baseline_label="COPY (SELECT) TO STDOUT",
            met=ours <= 5 and our_rows == base_rows,
        )
    ]


if __name__ == "__main__":
    from bench.__main__ import RESULT_PREFIX

    for result in run():
        print(RESULT_PREFIX + result.to_json(), flush=True)
