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
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
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


def pytest_configure(config: pytest.Config) -> None:
    # Hashing cost is not what the tests are about; argon2 at full cost would dominate.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
