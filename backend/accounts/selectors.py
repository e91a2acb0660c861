"""Reads scoped by the caller (every API queryset of people starts here), and the export
of everything we hold about a person (the tables are listed in ``accounts/privacy.py``)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import QuerySet
from rest_framework.utils.encoders import JSONEncoder

from backend.accounts.models import Invite, Role, User
from backend.accounts.privacy import EXPORTED, SESSION_ITEMS, Section, installed


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


# --- The personal-data export ----------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    return value


def _row(obj: models.Model, section: Section) -> dict[str, Any]:
    labels = dict(section.labels)
    out: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in section.exclude:
            continue
        if field.is_relation and field.name in labels:
            related = getattr(obj, field.name)
            out[field.name] = getattr(related, labels[field.name]) if related else None
        else:
            out[field.attname if field.is_relation else field.name] = _plain(
                getattr(obj, field.attname)
            )
    return out


def _queryset(section: Section, user: User) -> models.QuerySet[Any] | None:
    model = installed(section.model)
    if model is None:
        return None
    related = [name for name, _ in section.labels]
    queryset = model._default_manager.filter(**{section.lookup: user}).select_related(*related)
    if section.name == "inbox" and user.role != Role.PATIENT:
        # A clinician's alerts are about their patients: the patients' health data, not
        # the clinician's own.
        queryset = queryset.exclude(kind="alert")
    return queryset.order_by("pk")


# Rows read from the database at a time: the export's memory is one chunk, however long
# the history (a 3-year patient has thousands of sessions and inbox rows). 25, not 100:
# sessions and their items stream side by side, and at 100 their two chunks were most of
# the peak (1.4 MB for a 1,000-session history, 0.56 MB at 25, about what 30 sessions
# take); the extra fetches cost about 8 % of the export's time.
EXPORT_CHUNK = 25


def _rows(section: Section, user: User) -> Iterator[dict[str, Any]]:
    queryset = _queryset(section, user)
    if queryset is None:
        return
    if section.model == "programs.Session":
        yield from _sessions_with_items(queryset, user, section)
        return
    for obj in queryset.iterator(chunk_size=EXPORT_CHUNK):
        yield _row(obj, section)


def _sessions_with_items(
    sessions: models.QuerySet[Any], user: User, section: Section
) -> Iterator[dict[str, Any]]:
    """Each session with its items (``sessions[].items``), read as two streams in the same
    order (session id, then item id) and merged: two queries, one chunk of each in memory."""
    item_model = installed(SESSION_ITEMS.model)
    items: Iterator[Any] = iter(())
    if item_model is not None:
        items = (
            item_model._default_manager.filter(**{SESSION_ITEMS.lookup: user})
            .order_by("session_id", "pk")
            .iterator(chunk_size=EXPORT_CHUNK)
        )
    pending = next(items, None)
    for obj in sessions.iterator(chunk_size=EXPORT_CHUNK):
        row = _row(obj, section)
        while pending is not None and pending.session_id < obj.pk:
            pending = next(items, None)  # not this patient's session: cannot happen
        own = []
        while pending is not None and pending.session_id == obj.pk:
            own.append(_row(pending, SESSION_ITEMS))
            pending = next(items, None)
        row["items"] = own
        yield row


def _profile(user: User) -> dict[str, Any]:
    return {
        "id": user.pk,
        "email": user.email,
        "full_name": user.full_name,
        "role": user.role,
        "clinic": user.clinic.name if user.clinic_id and user.clinic else None,
        "timezone": user.timezone,
        "language": user.language,
        "date_joined": _plain(user.date_joined),
        "last_login": _plain(user.last_login),
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":"))


def export_stream(user: User) -> Iterator[str]:
    """Everything we hold about ``user`` as one JSON document, written piece by piece:
    ``{"profile": {...}, "care_team": [...], ...}`` with every section's rows read from
    the database in chunks (``.iterator``), so memory stays flat for any history. The
    document is the same as ``export_for`` returns (a test compares them)."""
    yield '{"profile":' + _dumps(_profile(user))
    for section in EXPORTED:
        yield f",{_dumps(section.name)}:["
        first = True
        for row in _rows(section, user):
            yield ("" if first else ",") + _dumps(row)
            first = False
        yield "]"
    yield "}"


def export_for(user: User) -> dict[str, Any]:
    """Everything we hold about ``user``, as plain JSON-ready data (in memory: for small
    callers; the API streams ``export_stream``)."""
    data: dict[str, Any] = {"profile": _profile(user)}
    for section in EXPORTED:
        data[section.name] = list(_rows(section, user))
    return data
