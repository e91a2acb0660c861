"""The project's routes: only includes. Each app's API routes are in its ``urls.py``; the
project's own (health, docs) in ``site_urls.py``; the shell and the API's 404 in
``shell.py``."""

import re

from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path

from backend import site_urls
from backend.env import env_bool
from backend.shell import api_not_found, pwa_shell

api_urls: list[URLPattern | URLResolver] = [
    *site_urls.api_urlpatterns(),
    path("", include("backend.accounts.urls")),
    path("", include("exercises.urls")),
    path("", include("backend.programs.urls")),
    path("", include("backend.outcomes.urls")),
    path("", include("backend.nudges.urls")),
    path("", include("backend.inbox.urls")),
    path("", include("backend.interop.urls")),
    path("", include("backend.messaging.urls")),
    re_path(r"^.*$", api_not_found),
]

# ADMIN_URL_PATH moves the admin (e.g. "staff-7f3a/"); ADMIN_ENABLED=0 removes it.
_admin_prefix = re.escape(settings.ADMIN_URL_PATH) + "|" if settings.ADMIN_ENABLED else ""
urlpatterns = [
    path("api/", include(api_urls)),
    *([path(settings.ADMIN_URL_PATH, admin.site.urls)] if settings.ADMIN_ENABLED else []),
    re_path(rf"^(?!api/|{_admin_prefix}static/)(?P<route>.*)$", pwa_shell, name="pwa"),
]

# Benchmarks only (`make bench`): bare Django views to compare the API with. Never routed
# unless UPRIGHT_BENCH_VIEWS=1 is set for the server process.
if env_bool("UPRIGHT_BENCH_VIEWS", False):
    urlpatterns.insert(0, path("bench/", include("bench.bench_urls")))

# JSON error pages under /api/ in production (DEBUG=0); Django's defaults elsewhere.
handler400 = "backend.errors.bad_request"
handler403 = "backend.errors.permission_denied"
handler404 = "backend.errors.page_not_found"
handler500 = "backend.errors.server_error"
