"""The two views of the project itself: the PWA's shell for any path that is not the API,
the admin or a static file, and the API's JSON 404 for an unknown path under ``/api/``."""

from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _


def api_not_found(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"detail": _("Not found.")}, status=404)


def pwa_shell(request: HttpRequest, route: str = "") -> FileResponse:
    """Any non-API path is a route of the single-page app: answer with its shell."""
    index = settings.PWA_DIST_DIR / "index.html"
    if not index.exists():
        raise Http404("The PWA is not built yet: run `make pwa`.")
    response = FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
