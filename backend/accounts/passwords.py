"""What happens after any password change, whichever path made it (the admin, the
``changepassword`` command, the API's reset): Django calls ``password_changed`` of every
entry in ``AUTH_PASSWORD_VALIDATORS`` once the new password is saved."""

from __future__ import annotations

from typing import Any

from backend.accounts.models import User


class PasswordChangeConsequences:
    """Not a rule about passwords: the hook that revokes the user's API tokens and
    sessions and tells them by e-mail (services.password_changed)."""

    def validate(self, password: str, user: Any = None) -> None:
        return None

    def get_help_text(self) -> str:
        return ""

    def password_changed(self, password: str, user: Any = None) -> None:
        if isinstance(user, User) and getattr(user, "password_replaced", False):
            user.password_replaced = False
            from backend.accounts.services import password_changed

            password_changed(user)
