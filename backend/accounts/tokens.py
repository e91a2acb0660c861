"""API tokens: issue, authenticate (with idle expiry), list and revoke.

A token stops working after ``API_TOKEN_IDLE_DAYS`` without use and, whatever its use,
``API_TOKEN_MAX_DAYS`` after it was issued. Signing out with a token deletes it; a
password change deletes all of the user's tokens.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from backend.accounts.models import ApiToken, User

KEYWORD = "Token"
# last_used_at is written at most this often per token (not on every request).
_TOUCH_EVERY = timedelta(minutes=5)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def token_issue(user: User, *, name: str = "") -> tuple[ApiToken, str]:
    """A new token for ``user``; the key is returned once and never stored."""
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, key_digest=_digest(key), prefix=key[:8], name=name[:100]
    )
    return token, key


def expires_at(token: ApiToken) -> datetime:
    idle = token.last_used_at + timedelta(days=settings.API_TOKEN_IDLE_DAYS)
    absolute = token.created_at + timedelta(days=settings.API_TOKEN_MAX_DAYS)
    return min(idle, absolute)


def tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user_id=user.pk).order_by("-last_used_at", "-id")


def token_revoke(token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk).delete()


def tokens_revoke_all(user: User) -> int:
    deleted, _ = ApiToken.objects.filter(user=user).delete()
    return int(deleted)


class ExpiringTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Token <key>``; expired tokens are deleted and refused (401)."""

    def authenticate(self, request: Any) -> tuple[User, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header."))
        try:
            key = header[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from exc
        token = ApiToken.objects.select_related("user").filter(key_digest=_digest(key)).first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        now = timezone.now()
        if expires_at(token) <= now:
            token_revoke(token)
            raise exceptions.AuthenticationFailed(_("This token has expired. Sign in again."))
        from backend.accounts import two_factor
        from backend.i18n import activate_for

        activate_for(request, token.user)  # DRF signs in inside the view: speak their language
        two_factor.enforce_setup(request.path, token.user)
        if now - token.last_used_at >= _TOUCH_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token.user, token

    def authenticate_header(self, request: Any) -> str:
        return KEYWORD
