"""Gzip for the API's JSON reads, and nothing else.

Compressing a response that holds a secret next to text an attacker can choose lets the
attacker guess the secret from the compressed length (BREACH). So this compresses only
/api/ JSON responses, never the /api/auth/ endpoints (the CSRF token, login, API tokens and
password reset carry secrets in their bodies), and never a response to a request that is not a
plain read (GET/HEAD). The CSRF token and the session id travel in cookies (headers), which
gzip does not touch. The PWA's static files are pre-compressed and served by WhiteNoise.
"""

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

SECRET_PREFIXES = ("/api/auth/",)


def should_compress(request: HttpRequest, response: HttpResponseBase) -> bool:
    path = request.path
    if not path.startswith("/api/") or path.startswith(SECRET_PREFIXES):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    return str(response.get("Content-Type", "")).startswith("application/json")


class ApiJsonGZipMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not should_compress(request, response):
            return response
        return super().process_response(request, response)
