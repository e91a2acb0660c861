"""VAPID (RFC 8292): our application server key and the Authorization header it signs.

The header is a JWT for one push-service origin. Signing costs an ECDSA operation, so a
worker process reuses it per origin for most of its lifetime and signs a new one shortly
before it expires.
"""

from __future__ import annotations

import base64
import threading
import time
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from py_vapid import Vapid02

# Sign a fresh token when the cached one has less than this left.
REFRESH_MARGIN_SECONDS = 15 * 60


class PushNotConfiguredError(RuntimeError):
    """No VAPID key: set VAPID_PRIVATE_KEY (and VAPID_PUBLIC_KEY) to turn Web Push on."""


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def private_key() -> ec.EllipticCurvePrivateKey:
    raw = settings.VAPID_PRIVATE_KEY
    if not raw:
        raise PushNotConfiguredError(PushNotConfiguredError.__doc__)
    return ec.derive_private_key(int.from_bytes(b64url_decode(raw), "big"), ec.SECP256R1())


def public_key() -> str:
    """The application server key the PWA passes to ``pushManager.subscribe``."""
    if settings.VAPID_PUBLIC_KEY:
        return str(settings.VAPID_PUBLIC_KEY)
    point = private_key().public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    return b64url(point)


def origin_of(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}"


class VapidSigner:
    """Authorization headers per push-service origin, cached until shortly before expiry."""

    def __init__(self, *, subject: str | None = None, lifetime: int | None = None) -> None:
        self._vapid = Vapid02(private_key())
        self._subject = subject or settings.VAPID_SUBJECT
        self._lifetime = lifetime or settings.VAPID_TOKEN_LIFETIME_SECONDS
        self._cache: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def authorization(self, endpoint: str, *, now: float | None = None) -> str:
        now = time.time() if now is None else now
        origin = origin_of(endpoint)
        with self._lock:
            cached = self._cache.get(origin)
            if cached is not None and cached[1] - now > REFRESH_MARGIN_SECONDS:
                return cached[0]
            expires = int(now) + self._lifetime
            claims = {"aud": origin, "exp": expires, "sub": self._subject}
            header = str(self._vapid.sign(claims)["Authorization"])
            self._cache[origin] = (header, float(expires))
            return header
