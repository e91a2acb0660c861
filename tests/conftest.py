"""Personas and clients shared by every test.

The cast: Pat (a patient) is treated by Phil (her physio) at Riverside clinic. Carla is
another physio at Riverside who does not treat Pat; Olive is another Riverside patient
(Carla's). Adam administers Riverside. At Hilltop clinic, Hugo is a physio treating
Hana, administered by Heidi. Object-level tests ask each of them for Pat's things.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from pytest_django.plugin import blocking_manager_key
from rest_framework.test import APIClient

from backend.accounts.models import User
from exercises import payloads as exercise_payloads
from exercises.models import Exercise
from exercises.services import library_load
from tests.factories import (
    CareLinkFactory,
    ClinicAdminFactory,
    ClinicFactory,
    PhysioFactory,
    UserFactory,
)

# The browser fixtures (Chromium against a live server), for the test_browser_*.py files
# of every app.
pytest_plugins = ["tests.support.browser"]


def pytest_configure(config: pytest.Config) -> None:
    # Hashing cost is not what the tests are about; argon2 at full cost would dominate.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Fixtures that give a test the database (pytest-django's and the live server, which stands
# on ``transactional_db``); the ``django_db`` marker is the other way in.
DB_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)
KINDS = ("unit", "api", "e2e", "faults")
# The tests live by app (tests/<app>/, tests/site/ for the project's own); a file's name
# says when every test in it is of one kind, whatever it uses: the browser tests, the fault
# tests and the fuzzing of the API (each case an HTTP request through the app).
FILE_KINDS = (("test_browser_", "e2e"), ("test_faults", "faults"), ("test_fuzz_", "api"))
# Run order: the quick kinds first, the browser last (its driver, once started, keeps an
# event loop in this thread until the session ends: tests/support/browser.py).
RUN_ORDER = {"unit": 0, "api": 1, "faults": 2, "e2e": 3}


def _file_kind(path: Path) -> str | None:
    return next((kind for prefix, kind in FILE_KINDS if path.name.startswith(prefix)), None)


def kind_of(item: pytest.Item) -> str:
    """The kind of a test, from its file's name and what it uses: a file of one kind
    (FILE_KINDS) decides; otherwise a test that touches neither the database nor a real
    service or worker is ``unit`` and the rest (HTTP through the API, services on the
    database) are ``api``."""
    by_file = _file_kind(Path(str(item.path)))
    if by_file is not None:
        return by_file
    fixtures = set(getattr(item, "fixturenames", ()))
    uses_db = bool(fixtures & DB_FIXTURES) or item.get_closest_marker("django_db") is not None
    real_parts = any(item.get_closest_marker(name) for name in ("services", "worker"))
    return "api" if uses_db or real_parts else "unit"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """``-m unit`` does not import the files that by kind hold no unit test: the browser
    tests start Chromium and the schema fuzzing builds a test per operation at collection,
    which alone would take longer than the unit tests."""
    if config.getoption("markexpr", "") != "unit":
        return None
    return True if _file_kind(collection_path) is not None else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each test gets exactly one kind marker, so ``pytest -m unit`` (``make unit``) selects
    the pure-logic tests and the four selections together are the whole suite. A test may
    declare its kind itself (a test without the database that runs a fresh interpreter is
    not pure logic). Then the kinds run in RUN_ORDER (a stable sort: within a kind, files
    and tests keep their order)."""
    kinds: dict[str, str] = {}
    seen: set[str] = set()
    for item in items:
        # pytest runs items sharing a node id; pytest-xdist (make test) keeps only one.
        if item.nodeid in seen:
            raise pytest.UsageError(f"two tests are named {item.nodeid}: give each an id")
        seen.add(item.nodeid)
        declared = [kind for kind in KINDS if item.get_closest_marker(kind)]
        if len(declared) > 1:
            raise pytest.UsageError(f"{item.nodeid} is marked {declared}: one kind only")
        kind = declared[0] if declared else kind_of(item)
        if not declared:
            item.add_marker(getattr(pytest.mark, kind))
        kinds[item.nodeid] = kind
    items.sort(key=lambda item: RUN_ORDER[kinds[item.nodeid]])


def pytest_sessionstart(session: pytest.Session) -> None:
    """With REQUIRE_SERVICES=1 (CI), missing PostgreSQL or Redis fails the run: the tests
    that depend on them must never quietly run against the embedded defaults."""
    if os.environ.get("REQUIRE_SERVICES") != "1":
        return
    engine = str(settings.DATABASES["default"]["ENGINE"])
    if "postgresql" not in engine:
        raise pytest.UsageError("REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL")
    if not settings.REDIS_URL:
        raise pytest.UsageError("REQUIRE_SERVICES=1 but REDIS_URL is not set")
    import redis

    redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping()
    if settings.CELERY_BROKER_URL.startswith("amqp"):  # BROKER_URL: the RabbitMQ pass
        from backend.celery import app

        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=0, timeout=2)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """The shipped library is loaded once per run: most features stand on it."""
    with django_db_blocker.unblock():
        library_load()


@pytest.fixture
def library(db: Any) -> None:
    """The library, reloaded if a transactional test flushed the database."""
    if not Exercise.objects.exists():
        library_load()


def _flushes_the_database(item: pytest.Item) -> bool:
    """A transactional test (or one on a live server) empties every table when it ends."""
    if set(getattr(item, "fixturenames", ())) & (DB_FIXTURES - {"db"}):
        return True
    marker = item.get_closest_marker("django_db")
    return marker is not None and bool(
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """After a test that flushed the database, the library is loaded again, as
    ``django_db_setup`` promises every test: which tests come after a flush depends on the
    order, and under pytest-xdist on which process took which file."""
    yield
    # After the last test the test database itself is gone.
    if nextitem is not None and _flushes_the_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            if not Exercise.objects.exists():
                library_load()


@pytest.fixture(autouse=True)
def _clean_cache() -> Iterator[None]:
    cache.clear()
    exercise_payloads.clear()  # per-process payloads: tests reuse primary keys
    yield
    cache.clear()


@dataclass
class Cast:
    pat: User
    phil: User
    carla: User
    olive: User
    adam: User
    hugo: User
    hana: User
    heidi: User


@pytest.fixture
def cast(db: Any) -> Cast:
    riverside = ClinicFactory(name="Riverside")
    hilltop = ClinicFactory(name="Hilltop")
    pat = UserFactory(email="pat@example.com", full_name="Pat Patient", clinic=riverside)
    phil = PhysioFactory(email="phil@example.com", full_name="Phil Physio", clinic=riverside)
    carla = PhysioFactory(email="carla@example.com", full_name="Carla Colleague", clinic=riverside)
    olive = UserFactory(email="olive@example.com", full_name="Olive Other", clinic=riverside)
    adam = ClinicAdminFactory(email="adam@example.com", full_name="Adam Admin", clinic=riverside)
    hugo = PhysioFactory(email="hugo@example.com", full_name="Hugo Hilltop", clinic=hilltop)
    hana = UserFactory(email="hana@example.com", full_name="Hana Hilltop", clinic=hilltop)
    heidi = ClinicAdminFactory(email="heidi@example.com", full_name="Heidi Admin", clinic=hilltop)
    CareLinkFactory(patient=pat, physio=phil)
    CareLinkFactory(patient=olive, physio=carla)
    CareLinkFactory(patient=hana, physio=hugo)
    return Cast(pat, phil, carla, olive, adam, hugo, hana, heidi)  # type: ignore[arg-type]


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def client_for(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def as_user() -> Any:
    return client_for
