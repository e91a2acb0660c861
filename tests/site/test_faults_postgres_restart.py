"""PostgreSQL restarts under load: clients get 503 + Retry-After (never a 500), retry
with the same session id, and every session the server acknowledged is stored once.

Runs gunicorn against a PostgreSQL cluster of this test only (initdb on a spare port): the
machine's PostgreSQL is shared with other tests and is never stopped."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.factories import session_payload
from tests.support.servers import OwnPostgres, free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 4

SETUP = """
import json, django
django.setup()
from datetime import date
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
from exercises.services import library_load
library_load()
from backend.accounts.tokens import token_issue
from backend.accounts.models import CareLink, Clinic, User
from backend.programs import services
clinic = Clinic.objects.create(name="Fault clinic")
physio = User.objects.create_user("physio@fault.test", "x" * 12, role="physio", clinic=clinic)
patient = User.objects.create_user("patient@fault.test", "x" * 12, role="patient", clinic=clinic)
CareLink.objects.create(patient=patient, physio=physio)
program = services.program_create(actor=physio, name="Core", items=[
    {"exercise": "glute-bridge", "sets": 2, "reps": 10, "rest_seconds": 30}])
assignment = services.assignment_create(actor=physio, program=program, patient_id=patient.pk,
    start_date=date(2020, 1, 6), end_date=None, days_of_week=[1, 2, 3, 4, 5, 6, 7],
    preferred_time=None)
print(json.dumps({"token": token_issue(patient)[1],
                  "assignment": assignment.pk, "patient": patient.pk}))
"""


@pytest.fixture(scope="module")
def postgres() -> Iterator[OwnPostgres]:
    server = OwnPostgres().init().start()
    subprocess.run(
        ["psql", server.url(), "-qc", "CREATE DATABASE upright_fault"],
        check=True,
        capture_output=True,
    )
    yield server
    server.destroy()


@pytest.fixture(scope="module")
def app(postgres: OwnPostgres) -> Iterator[dict[str, Any]]:
    var = tempfile.mkdtemp(prefix="upright-fault-var-")
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "BROKER_URL", "DEBUG"}}
    env.update(
        DATABASE_URL=postgres.url("upright_fault"),
        VAR_DIR=var,
        DJANGO_SETTINGS_MODULE="backend.settings",
        LOG_LEVEL="WARNING",
    )
    setup = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert setup.returncode == 0, setup.stderr
    data = json.loads(setup.stdout.strip().splitlines()[-1])
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "backend.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--timeout", "30", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip

    def up() -> bool:
        try:
            return request(port, "GET", "/api/health/")[0] == 200
        except OSError:
            return False

    try:
        wait_until(up, timeout=30, message="gunicorn did not come up")
        yield {**data, "port": port}
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
        # Any traceback gunicorn logged would be a 500 we did not see: show it.
        assert "Traceback" not in errors.decode(errors="replace"), errors.decode()


def request(
    port: int, method: str, path: str, body: Any = None, token: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    try:
        payload = json.dumps(body).encode() if body is not None else None
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class Patients:
    """Clients that log sessions in a loop; a 503 is retried with the same id and body."""

    def __init__(self, app: dict[str, Any]) -> None:
        self.app = app
        self.statuses: Counter[int] = Counter()
        self.unavailable_without_retry_after = 0
        self.acknowledged: dict[str, int] = {}  # session id → pain_after the server stored
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(CLIENTS)]

    def body(self, n: int) -> dict[str, Any]:
        done = datetime.now(UTC).replace(microsecond=0)
        # pain_after below every pain alert threshold
        return session_payload(self.app["assignment"], completed_at=done, pain_after=n % 6)

    def run(self, client: int) -> None:
        n = client
        while not self.stop.is_set():
            body = self.body(n)
            n += CLIENTS
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                status, headers, _ = request(
                    self.app["port"], "POST", "/api/sessions/", body, self.app["token"]
                )
                with self.lock:
                    self.statuses[status] += 1
                    if status == 503 and "Retry-After" not in headers:
                        self.unavailable_without_retry_after += 1
                if status != 503:
                    break
                time.sleep(0.05)  # a real client waits Retry-After; the test polls
            if status in (200, 201):
                with self.lock:
                    self.acknowledged[body["id"]] = body["pain_after"]
            else:
                self.stop.set()  # anything else fails the test below

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def join(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def test_a_postgres_restart_under_load_is_a_503_and_loses_nothing(
    postgres: OwnPostgres, app: dict[str, Any]
) -> None:
    patients = Patients(app)
    patients.start()
    try:
        wait_until(lambda: len(patients.acknowledged) >= 20, timeout=20, message="no traffic")
        postgres.stop("fast")
        wait_until(lambda: patients.statuses[503] >= CLIENTS, timeout=10, message="no 503 seen")
        postgres.start()
        logged = len(patients.acknowledged)
        wait_until(
            lambda: len(patients.acknowledged) >= logged + 20,
            timeout=20,
            message="sessions did not resume after the restart",
        )
    finally:
        patients.join()

    assert set(patients.statuses) <= {200, 201, 503}, patients.statuses
    assert patients.unavailable_without_retry_after == 0
    with psycopg.connect(postgres.url("upright_fault")) as db:
        stored: dict[str, int] = dict(
            db.execute(
                "SELECT id::text, pain_after FROM programs_session WHERE patient_id = %s",
                [app["patient"]],
            ).fetchall()
        )
    assert stored == patients.acknowledged  # every acknowledged session, once, as sent
