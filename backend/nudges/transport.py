"""How a message reaches a device: a small ``Transport`` base, one subclass per kind.

Web Push now (VAPID + aes128gcm via pywebpush); e-mail or SMS would be further
subclasses. ``send`` returns on success and raises ``TransportError`` otherwise:
``permanent`` errors are not retried (``gone`` ones mean the device unsubscribed and its
subscription is deleted); transient ones (429, 5xx, timeouts) are retried with backoff.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from time import time as wall_time

import urllib3
from django.conf import settings
from pywebpush import WebPusher

from backend.nudges.vapid import VapidSigner

GONE_STATUSES = {404, 410}
RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}


class TransportError(Exception):
    def __init__(
        self,
        message: str,
        *,
        permanent: bool,
        gone: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.gone = gone
        self.retry_after = retry_after


@dataclass(frozen=True)
class Device:
    endpoint: str
    p256dh: str
    auth: str


class Transport:
    """Send one encrypted payload to one device."""

    def send(self, device: Device, payload: bytes, *, ttl: int, urgency: str, topic: str) -> None:
        raise NotImplementedError


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - wall_time())
    except (TypeError, ValueError):
        return None


class WebPushTransport(Transport):
    """Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm (RFC 8188/8291).

    pywebpush encrypts; the POST goes through one urllib3 connection pool per worker
    thread, which keeps the connection to each push service open. (A ``requests.Session``
    does the same with urllib3 underneath, but its per-request bookkeeping cost more
    than the encryption and the network together.) The VAPID header is signed once per
    push-service origin and reused until shortly before it expires.
    """

    def __init__(
        self, *, pool: urllib3.PoolManager | None = None, signer: VapidSigner | None = None
    ) -> None:
        if pool is None:
            proxy = settings.PUSH_HTTP_PROXY
            pool = urllib3.ProxyManager(proxy) if proxy else urllib3.PoolManager()
        self.pool = pool
        self.signer = signer or VapidSigner()
        self.timeout = urllib3.Timeout(total=float(settings.PUSH_TIMEOUT_SECONDS))

    def send(self, device: Device, payload: bytes, *, ttl: int, urgency: str, topic: str) -> None:
        pusher = WebPusher(
            {"endpoint": device.endpoint, "keys": {"p256dh": device.p256dh, "auth": device.auth}}
        )
        body = pusher.encode(payload, content_encoding="aes128gcm")["body"]
        headers = {
            "Authorization": self.signer.authorization(device.endpoint),
            "Content-Encoding": "aes128gcm",
            "Content-Type": "application/octet-stream",
            "TTL": str(ttl),
            "Urgency": urgency,
            # Same topic on the same subscription: the push service keeps only the newest
            # undelivered message, so an offline phone shows one nudge, not a pile.
            "Topic": topic,
        }
        try:
            response = self.pool.request(
                "POST",
                device.endpoint,
                body=body,
                headers=headers,
                timeout=self.timeout,
                retries=False,
                redirect=False,
            )
        except urllib3.exceptions.HTTPError as exc:
            raise TransportError(f"push service unreachable: {exc}", permanent=False) from exc
        status = response.status
        if 200 <= status < 300:
            return
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if status in GONE_STATUSES:
            raise TransportError(f"subscription gone ({status})", permanent=True, gone=True)
        if status in RETRY_STATUSES or status >= 500:
            raise TransportError(
                f"push service busy ({status})", permanent=False, retry_after=retry_after
            )
        # 400/401/403/413: our request is wrong; retrying the same bytes will not help.
        raise TransportError(f"push service refused the message ({status})", permanent=True)


_local = threading.local()


def worker_transport() -> Transport:
    """One transport (connection pool + VAPID cache) per worker process and thread.

    Keyed by pid as well: a prefork child must not share the parent's sockets.
    """
    transport = getattr(_local, "transport", None)
    if transport is None or getattr(_local, "pid", None) != os.getpid():
        transport = WebPushTransport()
        _local.transport = transport
        _local.pid = os.getpid()
    return transport
