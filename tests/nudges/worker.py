"""A real Celery worker in a subprocess, pointed at the test database and broker."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    """The test database (not the development one) as a DATABASE_URL for the worker."""
    db: dict[str, Any] = connection.settings_dict
    if connection.vendor == "sqlite":
        # A file (settings' TEST NAME), so the worker process opens the same database.
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}{port}/{db['NAME']}"


def purge_broker() -> None:
    """Drop messages left in the test broker by an earlier test."""
    from backend.celery import app
    from tests.broker import broker_kind

    kind = broker_kind()
    if kind == "redis":
        import redis

        redis.Redis.from_url(app.conf.broker_url).delete("celery", "unacked", "unacked_index")
        return
    if kind == "amqp":
        # Messages still held by a killed worker come back once RabbitMQ notices the
        # closed connection; purging the queue drops those already back.
        with app.connection_for_write() as conn:
            channel: Any = conn.default_channel
            channel.queue_declare("celery", durable=True, auto_delete=False)
            channel.queue_purge("celery")
        return
    folder = Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"])  # type: ignore[arg-type]
    for path in folder.glob("*"):
        path.unlink(missing_ok=True)


def _die_with_parent() -> None:
    """Linux: the worker gets SIGTERM when the test process dies (a killed pytest must
    not leave a worker behind to take the next run's tasks)."""
    import ctypes

    pr_set_pdeathsig = 1
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


class CeleryWorker:
    def __init__(self, *, as_deployed: bool = False, **env: str) -> None:
        """``as_deployed``: the Procfile's worker (prefork pool, gossip, mingle and
        heartbeats on) instead of the quick solo-pool worker most tests use."""
        self.env = env
        self.as_deployed = as_deployed
        # A command the worker runs through (e.g. into a network namespace).
        self.prefix: list[str] = []
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = Path(tempfile.mkstemp(prefix="nudges-worker-", suffix=".log")[1])

    def start(self, timeout: float = 90.0) -> CeleryWorker:  # a busy CI machine is slow
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "CELERY_VISIBILITY_TIMEOUT": "5",
            "PUSH_RETRY_BASE_SECONDS": "0.2",
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        env.pop("CELERY_TASK_ALWAYS_EAGER", None)
        celery = shutil.which("celery", path=str(Path(sys.executable).parent))
        command = [
            *self.prefix,
            celery or "celery",
            "-A",
            "backend.celery",
            "worker",
            "--loglevel",
            "info",
        ]
        if self.as_deployed:
            command += ["--concurrency", "2"]
        else:
            command += ["--pool", "solo", "--without-gossip", "--without-mingle"]
            command += ["--without-heartbeat"]
        command += ["-n", f"nudges-test-{uuid.uuid4().hex[:8]}@%h"]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=log, preexec_fn=_die_with_parent
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if " ready." in self.log.read_text(errors="replace"):
                self._check_broker(env)
                return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(f"the Celery worker did not start:\n{self.output()}")

    def _check_broker(self, env: dict[str, str]) -> None:
        """The worker is on the broker this test run is about (RabbitMQ in its pass)."""
        url = env.get("BROKER_URL") or env.get("REDIS_URL") or "filesystem://"
        scheme = url.split("://", 1)[0]
        connected = [line for line in self.output().splitlines() if "Connected to " in line]
        assert any(f"Connected to {scheme}://" in line for line in connected), (
            f"the worker is not on {scheme}: {connected}"
        )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, no acknowledgement of the running task."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.unlink(missing_ok=True)


def wait_until(condition: Any, timeout: float = 20.0, message: str = "") -> None:
    """Poll a condition with a deadline (waiting on another process, not timing it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(message or "condition not met in time")
