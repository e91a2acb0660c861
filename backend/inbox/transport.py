"""How a message reaches a device: a small ``Transport`` base, one subclass per kind.

Web Push now (VAPID via py_vapid, aes128gcm via http_ece: the libraries of pywebpush);
e-mail or SMS would be further subclasses. ``send`` returns on success and raises
``TransportError`` otherwise: ``permanent`` errors are not retried (``gone`` ones mean the
device unsubscribed and its subscription is deleted); transient ones (429, 5xx, timeouts)
are retried with backoff.
"""

from __future__ import annotations

import binascii
import http.client
import os
import select
import socket
import ssl
import threading
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from time import monotonic
from time import time as wall_time
from urllib.parse import urlsplit

import http_ece
import urllib3
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings

from backend.inbox import endpoint_policy
from backend.inbox.vapid import VapidSigner, b64url_decode

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


class _Pinned(http.client.HTTPConnection):
    """HTTP to the checked address, whatever the host name resolves to now."""

    def __init__(self, host: str, port: int, address: str, *, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def _open(self) -> socket.socket:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def connect(self) -> None:
        self.sock = self._open()


class _PinnedTLS(_Pinned):
    """HTTPS to the checked address; the certificate is verified for the host name."""

    def __init__(
        self, host: str, port: int, address: str, *, timeout: float, tls: ssl.SSLContext
    ) -> None:
        super().__init__(host, port, address, timeout=timeout)
        self.tls = tls

    def connect(self) -> None:
        self.sock = self.tls.wrap_socket(self._open(), server_hostname=self.host)


@dataclass(frozen=True)
class _Target:
    """What a send needs of an endpoint URL, parsed once per endpoint."""

    scheme: str
    host: str
    port: int
    path: str
    host_header: str


def _target(endpoint: str) -> _Target:
    parts = urlsplit(endpoint)
    scheme, host = parts.scheme, (parts.hostname or "").lower()
    port = parts.port or (443 if scheme == "https" else 80)
    default_port = port == (443 if scheme == "https" else 80)
    return _Target(
        scheme=scheme,
        host=host,
        port=port,
        path=(parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
        host_header=host if default_port else f"{host}:{port}",
    )


def _readable(sock: socket.socket | None) -> bool:
    """An idle kept-alive connection that is readable was closed (or spoken on) by the
    server: not to be reused."""
    if sock is None:
        return False
    try:
        return bool(select.select([sock], [], [], 0)[0])
    except (OSError, ValueError):
        return True


_tls_context: list[ssl.SSLContext] = []


def _tls() -> ssl.SSLContext:
    """One TLS context (system CAs, host names verified) for the process: loading the CA
    certificates takes milliseconds, and a context is safe to share between threads."""
    if not _tls_context:
        _tls_context.append(ssl.create_default_context())
    return _tls_context[0]


class WebPushTransport(Transport):
    """Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm (RFC 8188/8291).

    ``http_ece`` (the library pywebpush encrypts with) encrypts each payload with a fresh
    ephemeral ECDH key and salt; the device's key is decoded once and kept. The POST goes
    over a kept-alive ``http.client`` connection per worker thread and push-service
    address (headers and body in one write); urllib3 or a ``requests.Session`` cost more
    per request than the encryption. Through a proxy (``PUSH_HTTP_PROXY``) the POST goes
    through urllib3's ``ProxyManager`` instead. The VAPID header is signed once per
    push-service origin and reused until shortly before it expires.
    """

    # Decoded device keys and parsed endpoints kept, at most (then forgotten at once).
    CACHE_LIMIT = 4096
    # Connections kept open per thread, at most (one per push-service address).
    CONNECTION_LIMIT = 16

    def __init__(self, *, signer: VapidSigner | None = None) -> None:
        proxy = settings.PUSH_HTTP_PROXY
        # Only a proxy is reached through urllib3; direct sends use their own connections.
        self.pool = urllib3.ProxyManager(proxy) if proxy else None
        self.signer = signer or VapidSigner()
        self.timeout_seconds = float(settings.PUSH_TIMEOUT_SECONDS)
        self.timeout = urllib3.Timeout(total=self.timeout_seconds)
        # endpoint origin → (checked address, when to resolve again)
        self._resolved: dict[tuple[str, str, int], tuple[str, float]] = {}
        self._targets: dict[str, _Target] = {}
        self._keys: dict[tuple[str, str], tuple[ec.EllipticCurvePublicKey, bytes]] = {}
        self._threads = threading.local()  # each thread's connections

    def _address(self, endpoint: str, target: _Target) -> str:
        """The checked IP to connect to: resolved and checked at most every
        RESOLVE_SECONDS per origin; the connection goes to exactly that IP. The URL
        itself (scheme, allow-list) is checked on every send."""
        key = (target.scheme, target.host, target.port)
        cached = self._resolved.get(key)
        if cached is not None and cached[1] > monotonic():
            message = endpoint_policy.endpoint_error(endpoint)
            if message:
                raise endpoint_policy.EndpointRefused(message)
            return cached[0]
        checked = endpoint_policy.checked_address(endpoint)
        self._resolved[key] = (checked[3], monotonic() + RESOLVE_SECONDS)
        return checked[3]

    def _recipient(self, device: Device) -> tuple[ec.EllipticCurvePublicKey, bytes]:
        """The device's public key and auth secret, decoded (and the point checked) once."""
        key = (device.p256dh, device.auth)
        cached = self._keys.get(key)
        if cached is None:
            try:
                point = ec.EllipticCurvePublicKey.from_encoded_point(
                    ec.SECP256R1(), b64url_decode(device.p256dh)
                )
                secret = b64url_decode(device.auth)
            except (ValueError, TypeError, binascii.Error) as exc:
                raise TransportError(f"invalid subscription keys: {exc}", permanent=True) from exc
            if len(self._keys) >= self.CACHE_LIMIT:
                self._keys.clear()
            cached = self._keys[key] = (point, secret)
        return cached

    def encrypt(self, device: Device, payload: bytes) -> bytes:
        """aes128gcm (RFC 8291): a fresh ephemeral key pair and salt for every message."""
        receiver, auth_secret = self._recipient(device)
        body: bytes = http_ece.encrypt(
            payload,
            private_key=ec.generate_private_key(ec.SECP256R1()),
            dh=receiver,
            auth_secret=auth_secret,
            version="aes128gcm",
        )
        return body

    def _connection(self, target: _Target, address: str) -> _Pinned:
        connections: dict[tuple[str, str, int, str], _Pinned] | None = getattr(
            self._threads, "connections", None
        )
        if connections is None:
            connections = self._threads.connections = {}
        key = (target.scheme, target.host, target.port, address)
        connection = connections.get(key)
        if connection is None:
            if len(connections) >= self.CONNECTION_LIMIT:
                for old in connections.values():
                    old.close()
                connections.clear()
            if target.scheme == "https":
                connection = _PinnedTLS(
                    target.host, target.port, address, timeout=self.timeout_seconds, tls=_tls()
                )
            else:
                connection = _Pinned(
                    target.host, target.port, address, timeout=self.timeout_seconds
                )
            connections[key] = connection
        elif _readable(connection.sock):
            connection.close()  # opened again by the next request
        return connection

    def send(self, device: Device, payload: bytes, *, ttl: int, urgency: str, topic: str) -> None:
        endpoint = device.endpoint
        target = self._targets.get(endpoint)
        if target is None:
            if len(self._targets) >= self.CACHE_LIMIT:
                self._targets.clear()
            try:
                target = _target(endpoint)
            except ValueError as exc:  # a bad port
                raise TransportError(f"push endpoint refused: {exc}", permanent=True) from exc
            self._targets[endpoint] = target
        try:
            address = self._address(endpoint, target)
        except endpoint_policy.EndpointRefused as exc:
            raise TransportError(f"push endpoint refused: {exc}", permanent=True) from exc
        body = self.encrypt(device, payload)
        headers = {
            "Host": target.host_header,
            "Authorization": self.signer.authorization(endpoint),
            "Content-Encoding": "aes128gcm",
            "Content-Type": "application/octet-stream",
            "TTL": str(ttl),
            "Urgency": urgency,
            # Same topic on the same subscription: the push service keeps only the newest
            # undelivered message, so an offline phone shows one nudge, not a pile.
            "Topic": topic,
        }
        if self.pool is not None:
            status, retry_after_header = self._send_proxied(endpoint, body, headers)
        else:
            # Connect to the address that was checked, never to a fresh DNS answer; TLS
            # still verifies the certificate for the host name.
            connection = self._connection(target, address)
            try:
                connection.request("POST", target.path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()  # the connection is reused for the next push
            except (OSError, http.client.HTTPException) as exc:
                connection.close()
                raise TransportError(f"push service unreachable: {exc}", permanent=False) from exc
            status, retry_after_header = response.status, response.getheader("Retry-After")
        if 200 <= status < 300:
            return
        retry_after = parse_retry_after(retry_after_header)
        if status in GONE_STATUSES:
            raise TransportError(f"subscription gone ({status})", permanent=True, gone=True)
        if status in RETRY_STATUSES or status >= 500:
            raise TransportError(
                f"push service busy ({status})", permanent=False, retry_after=retry_after
            )
        # 400/401/403/413: our request is wrong; retrying the same bytes will not help.
        raise TransportError(f"push service refused the message ({status})", permanent=True)

    def _send_proxied(
        self, endpoint: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, str | None]:
        """Through the proxy, which resolves and connects (and is the network's egress
        control)."""
        assert self.pool is not None
        del headers["Host"]  # the proxy request carries the URL's own
        try:
            response = self.pool.request(
                "POST",
                endpoint,
                body=body,
                headers=headers,
                timeout=self.timeout,
                retries=False,
                redirect=False,
            )
        except urllib3.exceptions.HTTPError as exc:
            raise TransportError(f"push service unreachable: {exc}", permanent=False) from exc
        return response.status, response.headers.get("Retry-After")


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
