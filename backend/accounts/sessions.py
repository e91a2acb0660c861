"""Database sessions that know whose they are (Django's documented way to extend the
session model), so a password change or an account deletion can end every session of
that person: ``UserSession.user`` is set when a signed-in session is saved and cascades
on the user's deletion. Use as ``SESSION_ENGINE = "backend.accounts.sessions"``."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DBStore

from backend.accounts.models import User, UserSession


class SessionStore(DBStore):
    @classmethod
    def get_model_class(cls) -> type[UserSession]:
        return UserSession

    def create_model_instance(self, data: dict[str, Any]) -> Any:
        obj: Any = super().create_model_instance(data)
        try:
            obj.user_id = int(data[SESSION_KEY])
        except (KeyError, TypeError, ValueError):
            obj.user_id = None
        return obj


def sessions_end_all(user: User) -> int:
    deleted, _ = UserSession.objects.filter(user=user).delete()
    return int(deleted)
