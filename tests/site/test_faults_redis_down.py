"""Redis goes away: the API keeps serving (health says degraded) and sessions still log.

Uses a redis-server of this test only (the machine's Redis is shared with other tests),
pointed at as both the cache and the Celery broker, stopped in the middle of the test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.inbox.models import InboxMessage
from backend.programs.models import Session
from tests.broker import use_broker
from tests.factories import TEST_PASSWORD, assign_program, session_payload
from tests.support.servers import OwnRedis

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server(settings: Any) -> Iterator[OwnRedis]:
    server = OwnRedis().start()
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    with use_broker(server.url):
        yield server
    server.stop()


@pytest.fixture
def assignment(cast: Any, library: Any) -> Any:
    return assign_program(cast.phil, cast.pat)


def health() -> dict[str, Any]:
    response = APIClient().get("/api/health/")
    assert response.status_code == 200
    return dict(response.json())


def test_without_redis_the_api_serves_and_sessions_log(
    redis_server: OwnRedis, cast: Any, assignment: Any, as_user: Any
) -> None:
    patient = as_user(cast.pat)
    assert health() == {"status": "ok", "database": "ok", "broker": "ok"}
    logged = patient.post("/api/sessions/", session_payload(assignment, pain_after=2))
    assert logged.status_code == 201

    redis_server.stop()

    assert health() == {"status": "degraded", "database": "ok", "broker": "error"}
    assert patient.get("/api/today/").status_code == 200
    calm = patient.post("/api/sessions/", session_payload(assignment, pain_after=2))
    assert calm.status_code == 201, calm.content
    spike = patient.post("/api/sessions/", session_payload(assignment, pain_after=9))
    assert spike.status_code == 201, spike.content
    assert spike.json()["safety"]["alert"] is True
    assert Session.objects.filter(patient=cast.pat).count() == 3
    # The physio's alert is in the inbox (the record); a push catches up later.
    assert InboxMessage.objects.filter(user=cast.phil, kind="alert").count() == 1
    assert as_user(cast.phil).get("/api/inbox/").status_code == 200
    assert patient.get("/api/inbox/").status_code == 200
    assert patient.get("/api/sessions/").json()["count"] == 3

    redis_server.start()

    assert health() == {"status": "ok", "database": "ok", "broker": "ok"}
    logged = patient.post("/api/sessions/", session_payload(assignment, pain_after=1))
    assert logged.status_code == 201


# The throttles count in Redis; while it is down they count per process instead, so
# signing in and asking for a password reset keep working.
@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/auth/token/", {"email": "pat@example.com", "password": TEST_PASSWORD}),
        ("/api/auth/password-reset/", {"email": "pat@example.com"}),
    ],
)
def test_without_redis_people_can_still_sign_in(
    redis_server: OwnRedis, cast: Any, path: str, body: dict[str, Any]
) -> None:
    redis_server.stop()
    response = APIClient().post(path, body)
    assert response.status_code < 500, response.content
