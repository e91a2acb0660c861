"""Login throttling with atomic counters in the cache (Redis in production).

Every attempt increments its counters *before* the password is checked. Two parallel
requests therefore can never both see "4 of 5 used": the cache's INCR is atomic, so
exactly the first ``limit`` attempts of a window reach the password check, however many
arrive at once.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from rest_framework.throttling import AnonRateThrottle

log = logging.getLogger(__name__)

# Used only while the shared cache (Redis) is unreachable: counting per process is weaker
# than counting across all workers, but it still bounds guessing, and sign-in keeps working
# instead of failing with a 500 during a Redis outage.
_fallback = LocMemCache("upright-throttle-fallback", {"OPTIONS": {"MAX_ENTRIES": 100_000}})


def _counter(key: str, window: int, store: Any) -> int:
    for _ in range(3):
        store.add(key, 0, timeout=window)  # starts the window; no-op when it exists
        try:
            return int(store.incr(key))
        except ValueError:
            continue  # the key expired between add and incr: start a new window
    return int(store.incr(key))


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    return f"login-throttle:{kind}:{digest}"


def _hit(key: str, window: int) -> int:
    try:
        return _counter(key, window, cache)
    except Exception:  # the cache server is down or timing out
        log.warning("login throttle: shared cache unavailable, counting per process")
        return _counter(key, window, _fallback)


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
    key = _key("account", email.strip().lower())
    _fallback.delete(key)
    try:
        cache.delete(key)
    except Exception:
        log.warning("login throttle: shared cache unavailable while resetting a counter")


class AnonThrottle(AnonRateThrottle):
    """DRF's anonymous rate limit, falling back to a per-process count when the shared
    cache is down (an outage must not turn public endpoints into 500s)."""

    def allow_request(self, request: Any, view: Any) -> bool:
        try:
            return bool(super().allow_request(request, view))
        except Exception:
            log.warning("anon throttle: shared cache unavailable, counting per process")
            self.cache = _fallback
            return bool(super().allow_request(request, view))
