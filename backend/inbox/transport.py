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
from time import monotonic
from time import time as wall_time
from urllib.parse import urlsplit

import urllib3
from django.conf import settings
from pywebpush import WebPusher

from backend.inbox import endpoint_policy
from backend.inbox.vapid import VapidSigner

GONE_STATUSES = {404, 410}
# How long a push service's checked address is reused before resolving again.
RESOLVE_SECONDS = 60.0
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
        self.proxied = isinstance(pool, urllib3.ProxyManager)
        # endpoint origin → (checked address, when to resolve again)
        self._resolved: dict[tuple[str, str, int], tuple[str, float]] = {}

    def _address(self, endpoint: str) -> tuple[str, str, int, str]:
        """(scheme, host, port, checked IP): resolved and checked at most every
        RESOLVE_SECONDS per origin; the connection goes to exactly that IP."""
        parts = urlsplit(endpoint)
        scheme, host = parts.scheme, (parts.hostname or "").lower()
        key = (scheme, host, parts.port or 0)
        cached = self._resolved.get(key)
        if cached is not None and cached[1] > monotonic():
            # The URL itself (scheme, allow-list) is checked on every send.
            message = endpoint_policy.endpoint_error(endpoint)
            if message:
                raise endpoint_policy.EndpointRefused(message)
            return scheme, host, parts.port or (443 if scheme == "https" else 80), cached[0]
        checked = endpoint_policy.checked_address(endpoint)
        self._resolved[key] = (checked[3], monotonic() + RESOLVE_SECONDS)
        return checked

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
            scheme, host, port, address = self._address(device.endpoint)
        except endpoint_policy.EndpointRefused as exc:
            raise TransportError(f"push endpoint refused: {exc}", permanent=True) from exc
        try:
            if self.proxied:
                # The proxy resolves and connects (and is the network's egress control).
                response = self.pool.request(
                    "POST",
                    device.endpoint,
                    body=body,
                    headers=headers,
                    timeout=self.timeout,
                    retries=False,
                    redirect=False,
                )
            else:
                # Connect to the address that was checked, never to a fresh DNS answer;
                # TLS still verifies the certificate for the host name.
                tls = {"server_hostname": host, "assert_hostname": host}
                connection = self.pool.connection_from_host(
                    address, port, scheme, pool_kwargs=tls if scheme == "https" else None
                )
                default_port = port == (443 if scheme == "https" else 80)
                headers["Host"] = host if default_port else f"{host}:{port}"
                parts = urlsplit(device.endpoint)
                path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
                response = connection.urlopen(
                    "POST",
                    path,
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
