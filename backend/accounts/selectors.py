"""Reads scoped by the caller. Every API queryset of people starts here."""

from __future__ import annotations

from django.db.models import QuerySet

from backend.accounts.models import Invite, Role, User


def patients_visible_to(user: User) -> QuerySet[User]:
    """Patients the caller may see: self, assigned patients, or the clinic's patients."""
    patients = User.objects.filter(role=Role.PATIENT, is_active=True)
    if user.role == Role.PATIENT:
        return patients.filter(pk=user.pk)
    if user.role == Role.PHYSIO and user.clinic_id is not None:
        return patients.filter(physio_links__physio=user, clinic_id=user.clinic_id)
    if user.role == Role.CLINIC_ADMIN and user.clinic_id is not None:
        return patients.filter(clinic_id=user.clinic_id)
    return patients.none()


def physios_of_clinic(user: User) -> QuerySet[User]:
    if user.clinic_id is None or user.role == Role.PATIENT:
        return User.objects.none()
    return User.objects.filter(role=Role.PHYSIO, clinic_id=user.clinic_id, is_active=True)


def invites_visible_to(user: User) -> QuerySet[Invite]:
    if user.role == Role.CLINIC_ADMIN and user.clinic_id is not None:
        return Invite.objects.filter(clinic_id=user.clinic_id)
    if user.role == Role.PHYSIO:
        return Invite.objects.filter(created_by=user)
    return Invite.objects.none()
