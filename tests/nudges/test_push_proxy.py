"""PUSH_HTTP_PROXY: on a network whose egress goes through a proxy, pushes leave through it
(urllib3's ProxyManager) rather than straight to the push service.

The proxy is the outside world's stand-in, a small forward proxy of the test's own that
speaks the real protocol: HTTP/1.1 requests in absolute form (``POST http://host/path``),
forwarded to the origin and answered with the origin's status and headers."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from backend.inbox.delivery import deliver_messages
from backend.inbox.models import InboxKind, InboxMessage, PushSubscription
from backend.inbox.services import inbox_post
from backend.inbox.transport import WebPushTransport
from tests.nudges.pushservice import FakeDevice, FakePushService
from tests.support.servers import free_port

pytestmark = pytest.mark.django_db

HOP_BY_HOP = {"connection", "proxy-connection", "keep-alive", "transfer-encoding", "host"}


class ForwardProxy:
    def __init__(self) -> None:
        self.targets: list[str] = []  # the request target of each request, as received
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> None:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                proxy.targets.append(self.path)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                origin = urlsplit(self.path)
                if not origin.scheme:  # origin form: a client that thinks we are the server
                    self.send_response(400)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                upstream = http.client.HTTPConnection(origin.netloc, timeout=10)
                upstream.request("POST", origin.path, body=body, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                upstream.close()
                self.send_response(answer.status)
                for key, value in answer.getheaders():
                    if key.lower() not in HOP_BY_HOP | {"content-length"}:
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


@pytest.fixture
def proxy() -> Iterator[ForwardProxy]:
    server = ForwardProxy()
    server.start()
    yield server
    server.stop()


def _push_one(cast: Any, device: FakeDevice) -> tuple[int, Any]:
    PushSubscription.objects.create(
        user=cast.pat, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth
    )
    message = inbox_post(cast.pat, kind=InboxKind.NUDGE, title="Time to move")
    InboxMessage.objects.filter(pk=message.pk).update(push_enqueued_at=timezone.now())
    outcome = deliver_messages([message.pk], transport=WebPushTransport(), owner="test")
    return message.pk, outcome


def test_pushes_go_through_the_configured_proxy(
    cast: Any, push_service: FakePushService, proxy: ForwardProxy, settings: Any
) -> None:
    settings.PUSH_HTTP_PROXY = proxy.url
    device = push_service.new_device("phone")
    message_id, outcome = _push_one(cast, device)
    assert outcome.sent == 1 and outcome.done == [message_id]
    # The proxy was asked for the push service's own URL (absolute form): the request went
    # through it, not around it.
    assert proxy.targets == [device.endpoint]
    # And it arrived intact: VAPID checked, payload decrypted, naming its message.
    assert [p["message"] for p in push_service.payloads(device)] == [message_id]
    assert push_service.rejected == []


def test_an_unreachable_proxy_leaves_the_push_for_a_retry(
    cast: Any, push_service: FakePushService, settings: Any
) -> None:
    settings.PUSH_HTTP_PROXY = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    device = push_service.new_device("phone")
    message_id, outcome = _push_one(cast, device)
    assert outcome.sent == 0 and outcome.retry == [message_id]
    assert push_service.requests == 0  # nothing went around the proxy either
