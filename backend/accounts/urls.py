"""Accounts API routes: sign-in, the caller's account, invites, tokens, two-factor."""

from django.urls import URLPattern, URLResolver, include, path
from rest_framework.routers import DefaultRouter

from backend.accounts import api, two_factor_api

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("me/tokens", api.MeTokensViewSet, basename="me-token")

urlpatterns: list[URLPattern | URLResolver] = [
    path("auth/csrf/", api.CsrfView.as_view(), name="csrf"),
    path("auth/login/", api.LoginView.as_view(), name="login"),
    path("auth/logout/", api.LogoutView.as_view(), name="logout"),
    path("auth/token/", api.TokenView.as_view(), name="token"),
    path("auth/password-reset/", api.PasswordResetView.as_view(), name="password-reset"),
    path(
        "auth/password-reset/confirm/",
        api.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    # me/ and invites/ are routed by nudges (its views give a new patient a plan and move
    # it with the time zone: accounts.viewsets).
    # me/export/ is routed by interop (its view adds the FHIR format to accounts' export).
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
    path("clinic/", api.ClinicView.as_view(), name="clinic"),
    path("", include(router.urls)),
]
