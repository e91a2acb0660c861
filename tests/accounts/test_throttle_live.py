"""Sign-in throttling holds against real concurrent HTTP requests on a live server."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from typing import Any

import pytest

from tests.factories import UserFactory

CONCURRENT = 20


def post_json(url: str, body: dict[str, Any]) -> int:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@pytest.mark.django_db(transaction=True)
def test_concurrent_guesses_over_http_cannot_slip_past_the_limit(
    live_server: Any, settings: Any
) -> None:
    UserFactory(email="victim@example.com")
    barrier = threading.Barrier(CONCURRENT)
    statuses: list[int] = []
    lock = threading.Lock()

    def guess(n: int) -> None:
        barrier.wait()
        status = post_json(
            f"{live_server.url}/api/auth/token/",
            {"email": "victim@example.com", "password": f"guess {n}"},
        )
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(CONCURRENT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(statuses) == CONCURRENT
    limit = settings.LOGIN_THROTTLE_ACCOUNT_LIMIT
    assert statuses.count(400) == limit  # exactly the first five reached the password check
    assert statuses.count(429) == CONCURRENT - limit
