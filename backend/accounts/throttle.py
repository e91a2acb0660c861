"""Throttles with atomic counters in the cache (Redis in production): sign-in (API, admin,
account deletion), anonymous endpoints, password-reset e-mails.

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
from django.http import HttpRequest
from django.utils.translation import gettext_lazy
from rest_framework.throttling import SimpleRateThrottle

log = logging.getLogger(__name__)

TOO_MANY_ATTEMPTS = gettext_lazy(
    "Too many sign-in attempts. Please wait a few minutes and try again."
)

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


def client_ip(request: HttpRequest | Any) -> str:
    """The caller's address, the one function every throttle keys on.

    ``X-Forwarded-For`` is read only with ``USE_X_FORWARDED_FOR=1`` (behind our own proxy),
    and then only its last hop, the one that proxy appended; anything before it is
    whatever the client chose to send.
    """
    meta = request.META
    if settings.USE_X_FORWARDED_FOR:
        forwarded = str(meta.get("HTTP_X_FORWARDED_FOR", ""))
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return str(meta.get("REMOTE_ADDR", ""))


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


def reset_mail_allowed(email: str) -> bool:
    """At most one password-reset e-mail per account per cooldown, however many requests
    ask (``cache.add`` is atomic: exactly one caller starts the cooldown)."""
    key = _key("reset-mail", email.strip().lower())
    timeout = settings.PASSWORD_RESET_COOLDOWN_SECONDS
    try:
        return bool(cache.add(key, 1, timeout=timeout))
    except Exception:
        log.warning("reset-mail cooldown: shared cache unavailable, counting per process")
        return bool(_fallback.add(key, 1, timeout=timeout))


class AnonThrottle(SimpleRateThrottle):
    """Anonymous rate limit per client address, counted atomically with the cache's INCR
    (DRF's own throttle reads a list, appends and writes it back: parallel requests race
    past the limit). Falls back to a per-process count when the shared cache is down."""

    scope = "anon"

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        if request.user and request.user.is_authenticated:
            return None  # only anonymous requests are limited here
        return _key(f"anon-{self.scope}", client_ip(request))

    def allow_request(self, request: Any, view: Any) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        limit, window = self.parse_rate(self.rate)
        assert limit is not None and window is not None
        self.window = int(window)
        return _hit(key, self.window) <= limit

    def wait(self) -> float | None:
        return float(getattr(self, "window", 60))
