"""Response headers that the browser enforces: CSP, permissions, caching of the PWA shell."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

# The PWA is built into same-origin files with no inline scripts; the API docs page
# (drf-spectacular's "split" Swagger view) loads its script from /api/docs/ too.
# 'unsafe-inline' for styles only: Swagger UI and the SVG illustrations set style attributes.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Static files and the PWA shell (served by WhiteNoise, before Django's
        # clickjacking middleware) must not be framed either.
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.path.startswith("/api/"):
            # Personal data: never stored by shared caches; endpoints that are safe to
            # cache (the library) set their own Cache-Control.
            response.headers.setdefault("Cache-Control", "private, no-store")
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        # DRF views answer a database outage with 503 themselves (backend.api); this covers
        # plain Django views (the admin, JsonResponse views) the same way.
        return database_unavailable_response(request, exception)


RETRY_AFTER_SECONDS = 5


def database_unavailable_response(
    request: HttpRequest, exception: Exception
) -> HttpResponse | None:
    """503 + Retry-After when the database cannot be reached (restarting, failing over):
    a temporary condition to retry, not a bug. Any other exception is left alone."""
    if not isinstance(exception, OperationalError | InterfaceError):
        return None
    message = "The service is briefly unavailable. Please try again."
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": message}, status=503)
    else:
        response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


# The service worker and the HTML shell must always be revalidated, or a phone keeps
# running an old app forever; hashed assets under /assets/ may be cached for a year.
_UNCACHED_PWA_FILES = ("/sw.js", "/index.html", "/manifest.webmanifest", "/")


def pwa_cache_headers(headers: MutableMapping[str, str], path: str, url: str) -> None:
    if url in _UNCACHED_PWA_FILES or url.endswith("/index.html"):
        headers["Cache-Control"] = "no-cache"
    elif url.startswith("/assets/"):
        headers["Cache-Control"] = "public, max-age=31536000, immutable"
