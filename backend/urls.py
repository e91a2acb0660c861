import re
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.http import FileResponse, Http404, HttpRequest, JsonResponse
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.utils.translation import gettext as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny, IsAdminUser
from rest_framework.routers import DefaultRouter

from backend.accounts import api as accounts_api
from backend.accounts import two_factor_api
from backend.env import env_bool
from backend.health import HealthView
from backend.programs import api as programs_api
from exercises import api as exercises_api


def api_not_found(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"detail": _("Not found.")}, status=404)


# API_DOCS=public (default), staff (signed-in staff only) or off (not routed: 404).
DOCS_PERMISSIONS: list[Any] = [AllowAny] if settings.API_DOCS == "public" else [IsAdminUser]
_docs_urls: list[URLPattern | URLResolver] = (
    []
    if settings.API_DOCS == "off"
    else [
        path(
            "schema/",
            SpectacularAPIView.as_view(permission_classes=DOCS_PERMISSIONS),
            name="schema",
        ),
        path(
            "docs/",
            SpectacularSwaggerSplitView.as_view(
                url_name="schema", permission_classes=DOCS_PERMISSIONS
            ),
            name="docs",
        ),
    ]
)

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("invites", accounts_api.InviteViewSet, basename="invite")
router.register("patients", programs_api.CaseloadViewSet, basename="patient")
router.register("exercises", exercises_api.ExerciseViewSet, basename="exercise")
router.register("routines", exercises_api.RoutineViewSet, basename="routine")
router.register("tips", exercises_api.TipViewSet, basename="tip")
router.register("me/tokens", accounts_api.MeTokensViewSet, basename="me-token")

api_urls: list[URLPattern | URLResolver] = [
    path("health/", HealthView.as_view(), name="health"),
    *_docs_urls,
    path("auth/csrf/", accounts_api.CsrfView.as_view(), name="csrf"),
    path("auth/login/", accounts_api.LoginView.as_view(), name="login"),
    path("auth/logout/", accounts_api.LogoutView.as_view(), name="logout"),
    path("auth/token/", accounts_api.TokenView.as_view(), name="token"),
    path("auth/password-reset/", accounts_api.PasswordResetView.as_view(), name="password-reset"),
    path(
        "auth/password-reset/confirm/",
        accounts_api.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("me/", accounts_api.MeView.as_view(), name="me"),
    path("me/export/", accounts_api.MeExportView.as_view(), name="me-export"),
    path("me/two-factor/", two_factor_api.TwoFactorView.as_view(), name="two-factor"),
    path("me/two-factor/setup/", two_factor_api.TwoFactorSetupView.as_view(), name="2fa-setup"),
    path(
        "me/two-factor/confirm/", two_factor_api.TwoFactorConfirmView.as_view(), name="2fa-confirm"
    ),
    path(
        "me/two-factor/recovery-codes/",
        two_factor_api.RecoveryCodesView.as_view(),
        name="2fa-recovery-codes",
    ),
    path("clinic/", accounts_api.ClinicView.as_view(), name="clinic"),
    path(
        "exercises/<slug:slug>/poses/<slug:key>.svg",
        exercises_api.PoseSvgView.as_view({"get": "retrieve"}),
        name="exercise-pose-svg",
    ),
    path(
        "invites/<str:code>/qr.svg",
        accounts_api.InviteViewSet.as_view({"get": "qr"}),
        name="invite-qr",
    ),
    path("", include(router.urls)),
    path("", include("backend.programs.urls")),
    path("", include("backend.outcomes.urls")),
    path("", include("backend.nudges.urls")),
    path("", include("backend.inbox.urls")),
    path("", include("backend.interop.urls")),
    path("", include("backend.messaging.urls")),
    re_path(r"^.*$", api_not_found),
]


def pwa_shell(request: HttpRequest, route: str = "") -> FileResponse:
    """Any non-API path is a route of the single-page app: answer with its shell."""
    index = settings.PWA_DIST_DIR / "index.html"
    if not index.exists():
        raise Http404("The PWA is not built yet: run `make pwa`.")
    response = FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


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
