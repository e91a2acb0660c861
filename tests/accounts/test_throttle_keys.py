"""One client-address function for every throttle, atomic anonymous counters, and a
per-account cooldown on password-reset e-mails."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import Client, RequestFactory

from backend.accounts import throttle

pytestmark = pytest.mark.django_db


def _invite_lookup(client: Client, forwarded: str | None = None) -> int:
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return int(client.get("/api/invites/NOSUCHCODE/", **headers).status_code)  # type: ignore[arg-type]


def test_forwarded_for_is_ignored_unless_configured(db: Any, settings: Any) -> None:
    settings.USE_X_FORWARDED_FOR = False
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK}
    client = Client()
    statuses = [_invite_lookup(client, f"198.51.100.{n}") for n in range(130)]
    # Rotating a client-chosen header does not buy a fresh allowance.
    assert 429 in statuses
    assert statuses.count(404) == 120


def test_forwarded_for_last_hop_is_used_behind_our_proxy(settings: Any) -> None:
    settings.USE_X_FORWARDED_FOR = True
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert throttle.client_ip(request) == "203.0.113.7"
    settings.USE_X_FORWARDED_FOR = False
    assert throttle.client_ip(request) == "127.0.0.1"


def test_the_anonymous_counter_is_atomic_under_concurrency(db: Any) -> None:
    limit, threads_n, per_thread = 120, 10, 20
    allowed: list[bool] = []
    lock = threading.Lock()
    barrier = threading.Barrier(threads_n)
    anon = throttle.AnonThrottle()
    request = RequestFactory().get("/api/invites/X/")
    request.user = AnonymousUser()

    def hammer() -> None:
        barrier.wait()
        for _ in range(per_thread):
            ok = anon.allow_request(request, None)
            with lock:
                allowed.append(ok)

    workers = [threading.Thread(target=hammer) for _ in range(threads_n)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert allowed.count(True) == limit
    assert len(allowed) == threads_n * per_thread


def test_reset_emails_to_one_account_have_a_cooldown(cast: Any) -> None:
    client = Client()
    statuses = [
        client.post(
            "/api/auth/password-reset/",
            {"email": "pat@example.com"},
            content_type="application/json",
        ).status_code
        for _ in range(20)
    ]
    # The caller is told the same thing every time; the victim gets one e-mail.
    assert set(statuses) == {202}
    assert len(mail.outbox) == 1
