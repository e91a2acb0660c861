"""A Web Push service on loopback that speaks the real protocol (RFC 8030/8291/8292).

Each fake device has a real P-256 key pair and a 16-byte auth secret. For every POST the
service checks the VAPID ``Authorization: vapid t=<JWT>, k=<key>`` header (ES256 signature
against ``k``, ``aud`` = this origin, ``exp`` in the future), checks TTL/Urgency/Topic,
decrypts the aes128gcm body with the device's private key and records the JSON payload.
Answers can be scripted per device (404, 410, 429 with Retry-After, 500, ...), and a
request can be held until the test releases it (to kill a worker mid-batch).
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class FakeDevice:
    name: str
    token: str
    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth_secret: bytes

    @property
    def p256dh(self) -> str:
        point = self.private_key.public_key().public_bytes(
            Encoding.X962, PublicFormat.UncompressedPoint
        )
        return b64url(point)

    @property
    def auth(self) -> str:
        return b64url(self.auth_secret)

    def subscription_json(self) -> dict[str, Any]:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


@dataclass
class Received:
    device: str
    payload: dict[str, Any]
    headers: dict[str, str]


@dataclass
class _Script:
    answers: deque[tuple[int, dict[str, str]]] = field(default_factory=deque)


class FakePushService:
    def __init__(self, *, verify: bool = True) -> None:
        self.verify = verify
        self.devices: dict[str, FakeDevice] = {}
        self.received: list[Received] = []
        self.rejected: list[tuple[str, int, str]] = []
        self.scripts: dict[str, _Script] = {}
        self.hold_at: int | None = None  # hold the push arriving after this many others
        # Valid pushes that reached the accept step, counted under the lock as they arrive:
        # concurrent senders may all arrive before any is recorded as received.
        self._arrived = 0
        self.holding = threading.Event()  # set while a push is held
        self.release = threading.Event()
        # After release: accept the held push (its sender is still alive) instead of
        # dropping the connection (its sender was killed).
        self.accept_held = False
        # How long a held push waits for the release at most (a test that forgets to
        # release does not hang for ever).
        self.hold_seconds = 30.0
        # Record the held push as accepted first, then hang before answering: the push
        # service took it but its sender (killed meanwhile) never sees the 201.
        self.hold_after_accept = False
        self.requests = 0
        # (monotonic time, device name, status) of every answer given.
        self.answers: list[tuple[float, str, int]] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # --- set-up -------------------------------------------------------------------
    @property
    def origin(self) -> str:
        assert self._server is not None
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}"

    def start(self) -> None:
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, like a real push service

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                status, extra = service.handle(self.path, dict(self.headers.items()), body)
                if status is None:  # held and dropped: the client went away
                    self.close_connection = True
                    return
                self.send_response(status)
                for key, value in extra.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def new_device(self, name: str) -> FakeDevice:
        token = secrets.token_urlsafe(12)
        device = FakeDevice(
            name=name,
            token=token,
            endpoint=f"{self.origin}/push/{token}",
            private_key=ec.generate_private_key(ec.SECP256R1()),
            auth_secret=secrets.token_bytes(16),
        )
        self.devices[token] = device
        return device

    def answer(self, device: FakeDevice, status: int, times: int = 1, **headers: str) -> None:
        """Script the next ``times`` answers for a device (then 201 again)."""
        script = self.scripts.setdefault(device.token, _Script())
        for _ in range(times):
            script.answers.append((status, dict(headers)))

    # --- what arrived -------------------------------------------------------------
    def payloads(self, device: FakeDevice | None = None) -> list[dict[str, Any]]:
        with self._lock:
            return [r.payload for r in self.received if device is None or r.device == device.name]

    def wait_for(self, count: int, timeout: float = 20.0) -> list[dict[str, Any]]:
        """Poll until ``count`` pushes arrived (or the deadline passes)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.payloads()) >= count:
                break
            time.sleep(0.02)
        return self.payloads()

    # --- protocol -----------------------------------------------------------------
    def handle(
        self, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int | None, dict[str, str]]:
        with self._lock:
            self.requests += 1
        token = path.rsplit("/", 1)[-1]
        device = self.devices.get(token)
        if device is None:
            return 404, {}
        script = self.scripts.get(token)
        with self._lock:
            scripted = script.answers.popleft() if script and script.answers else None
        if scripted is not None and scripted[0] >= 300:
            with self._lock:
                self.answers.append((time.monotonic(), device.name, scripted[0]))
            return scripted[0], scripted[1]
        if self.verify:
            problem = self._check(device, {k.lower(): v for k, v in headers.items()}, body)
            if problem is not None:
                with self._lock:
                    self.rejected.append((device.name, 400, problem))
                return 400, {}
        with self._lock:
            hold = self.hold_at is not None and self._arrived >= self.hold_at
            self._arrived += 1
            if hold:
                self.hold_at = None
        if hold and self.hold_after_accept:
            payload = self._decrypt(device, body) if self.verify else {}
            with self._lock:
                self.received.append(Received(device.name, payload, headers))
                self.answers.append((time.monotonic(), device.name, 201))
            self.holding.set()
            self.release.wait(self.hold_seconds)
            return None, {}
        if hold:
            self.holding.set()
            self.release.wait(self.hold_seconds)
            if not self.accept_held:
                # The sender was killed while we held its request: not accepted.
                return None, {}
        payload = self._decrypt(device, body) if self.verify else {}
        with self._lock:
            self.received.append(Received(device.name, payload, headers))
            self.answers.append((time.monotonic(), device.name, 201))
        return 201, {"Location": f"{self.origin}/message/{secrets.token_hex(6)}"}

    def _check(self, device: FakeDevice, headers: dict[str, str], body: bytes) -> str | None:
        if headers.get("content-encoding") != "aes128gcm":
            return "content-encoding must be aes128gcm"
        if not headers.get("ttl", "").isdigit():
            return "TTL header missing"
        if headers.get("urgency") not in {"very-low", "low", "normal", "high"}:
            return "Urgency header missing"
        if not headers.get("topic"):
            return "Topic header missing"
        return self._check_vapid(headers.get("authorization", ""))

    def _check_vapid(self, authorization: str) -> str | None:
        scheme, _, params = authorization.partition(" ")
        if scheme != "vapid":
            return "Authorization scheme must be vapid"
        fields = dict(part.strip().split("=", 1) for part in params.split(",") if "=" in part)
        token, key = fields.get("t", ""), fields.get("k", "")
        try:
            header_b64, claims_b64, signature_b64 = token.split(".")
            public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
            signature = unb64url(signature_b64)
            der = encode_dss_signature(
                int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
            )
            public.verify(der, f"{header_b64}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))
            header = json.loads(unb64url(header_b64))
            claims = json.loads(unb64url(claims_b64))
        except (ValueError, InvalidSignature) as exc:
            return f"bad VAPID token: {exc!r}"
        if header.get("alg") != "ES256":
            return "VAPID alg must be ES256"
        if claims.get("aud") != self.origin:
            return f"VAPID aud {claims.get('aud')!r} is not {self.origin}"
        if not isinstance(claims.get("exp"), int) or claims["exp"] <= time.time():
            return "VAPID token expired"
        if claims["exp"] > time.time() + 24 * 3600:
            return "VAPID exp more than 24 h ahead"
        if not str(claims.get("sub", "")).startswith(("mailto:", "https:")):
            return "VAPID sub must be mailto: or https:"
        return None

    def _decrypt(self, device: FakeDevice, body: bytes) -> dict[str, Any]:
        plain = http_ece.decrypt(
            body,
            private_key=device.private_key,
            auth_secret=device.auth_secret,
            version="aes128gcm",
        )
        return dict(json.loads(plain))
