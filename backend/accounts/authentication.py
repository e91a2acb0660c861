"""The API's session authentication, plus the clinic's two-factor requirement."""

from __future__ import annotations

from typing import Any

from rest_framework.authentication import SessionAuthentication

from backend.accounts import two_factor
from backend.accounts.models import User
from backend.i18n import activate_for


class ClinicSessionAuthentication(SessionAuthentication):
    def authenticate(self, request: Any) -> tuple[Any, None] | None:
        result = super().authenticate(request)
        if result is not None and isinstance(result[0], User):
            activate_for(request, result[0])
            two_factor.enforce_setup(request.path, result[0])
        return result
