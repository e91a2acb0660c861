"""A real HTTP server on 127.0.0.1 that serves iCalendar feeds for the tests (the outside
world's calendar provider, speaking HTTP). Paths map to (status, headers, body)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[str] = []
        # Paths that send part of their body and then hang (until the server stops).
        self.stalled: set[str] = set()
        self.stop_event = threading.Event()
        routes, requests, stalled, stop = self.routes, self.requests, self.stalled, self.stop_event

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                status, headers, body = routes.get(self.path, (404, {}, b"not found"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.path in stalled:
                    self.wfile.write(body[:10])
                    self.wfile.flush()
                    stop.wait(30)
                    return
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def serve(self, path: str, body: bytes, *, status: int = 200, **headers: str) -> str:
        self.routes[path] = (status, {"Content-Type": "text/calendar", **headers}, body)
        return self.base + path

    def start(self) -> FeedServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stop_event.set()
        self.server.shutdown()
        self.server.server_close()
