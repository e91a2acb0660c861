"""Servers of a test's own: a redis-server and a PostgreSQL cluster on spare loopback ports,
which a fault test may stop and start. The machine's own PostgreSQL (5432) and Redis
(6379) are never touched: other tests use them at the same time."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(condition: Callable[[], bool], *, timeout: float, message: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(message)


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def require_binary(path: str | None, what: str) -> str:
    """A missing server binary fails the test in CI (REQUIRE_SERVICES=1 or CI set) and
    skips it on a developer machine without it."""
    if path:
        return path
    message = f"{what} is not installed: this fault test needs a real one"
    if os.environ.get("REQUIRE_SERVICES") == "1" or os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class OwnRedis:
    def __init__(self) -> None:
        self.binary = require_binary(shutil.which("redis-server"), "redis-server")
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> OwnRedis:
        self.process = subprocess.Popen(
            [
                self.binary,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: port_open(self.port), timeout=10, message="own redis did not start")
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        wait_until(lambda: not port_open(self.port), timeout=10, message="redis did not stop")


def _postgres_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class OwnPostgres:
    """A throwaway cluster (initdb) in a temp directory, run as the ``postgres`` user when
    we are root (initdb refuses root), trusting local connections."""

    def __init__(self) -> None:
        self.initdb = require_binary(_postgres_bin("initdb"), "PostgreSQL's initdb")
        self.pg_ctl = require_binary(_postgres_bin("pg_ctl"), "PostgreSQL's pg_ctl")
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="upright-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_postgres, *args], check=True, capture_output=True, timeout=60)

    def init(self) -> OwnPostgres:
        if self.as_postgres:
            shutil.chown(self.root, "postgres")
        self._run(
            self.initdb, "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "--no-sync", "-E", "UTF8",
        )  # fmt: skip
        return self

    def start(self) -> OwnPostgres:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(self.pg_ctl, "-D", str(self.data), "-l", str(self.log), "-o", options, "-w",
                  "start")  # fmt: skip
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run(self.pg_ctl, "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        self.stop("fast")
        self.start()

    def destroy(self) -> None:
        with contextlib.suppress(Exception):
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
