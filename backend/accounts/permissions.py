from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from backend.accounts.models import Role


class _RolePermission(BasePermission):
    roles: frozenset[str] = frozenset()

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and getattr(user, "role", None) in self.roles)


class IsPatient(_RolePermission):
    roles = frozenset({Role.PATIENT})


class IsPhysio(_RolePermission):
    roles = frozenset({Role.PHYSIO})


class IsClinicAdmin(_RolePermission):
    roles = frozenset({Role.CLINIC_ADMIN})


class IsClinicStaff(_RolePermission):
    """Physiotherapists and clinic administrators."""

    roles = frozenset({Role.PHYSIO, Role.CLINIC_ADMIN})
