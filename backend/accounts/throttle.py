"""Login throttling with atomic counters in the cache (Redis in production).

Every attempt increments its counters *before* the password is checked. Two parallel
requests therefore can never both see "4 of 5 used": the cache's INCR is atomic, so
exactly the first ``limit`` attempts of a window reach the password check, however many
arrive at once.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    return f"login-throttle:{kind}:{digest}"


def _hit(key: str, window: int) -> int:
    for _ in range(3):
        cache.add(key, 0, timeout=window)  # starts the window; no-op when it exists
        try:
            return int(cache.incr(key))
        except ValueError:
            continue  # the key expired between add and incr: start a new window
    return int(cache.incr(key))


def register_attempt(email: str, ip: str) -> bool:
    """Count one login attempt; False when the account or the address is over its limit."""
    window = settings.LOGIN_THROTTLE_WINDOW_SECONDS
    account_hits = _hit(_key("account", email.strip().lower()), window)
    ip_hits = _hit(_key("ip", ip), window)
    return (
        account_hits <= settings.LOGIN_THROTTLE_ACCOUNT_LIMIT
        and ip_hits <= settings.LOGIN_THROTTLE_IP_LIMIT
    )


def reset_account(email: str) -> None:
    """A successful login clears the account's failures (the address counter stays)."""
    cache.delete(_key("account", email.strip().lower()))
