"""What we hold about a person: export it (``GET /api/me/export/``) and erase it
(``DELETE /api/me/``).

``EXPORTED`` names every table that holds a person's data and how its rows reach them;
``NOT_EXPORTED`` names every other link to a user with the reason it is left out. A test
walks every foreign key to the user model and fails when a new one is in neither list, so
a feature that stores personal data cannot forget the export or the erasure.

Erasure deletes the user row: the database cascades to everything they own. What is left
is then cleaned by hand: messages to clinicians about the patient (they carry the
patient's name), invites used by or addressed to them, Django admin log entries naming
them. Access-log rows stay but point at nobody (``AuditEvent`` is SET_NULL) and hold only
ids. A clinician who still owns clinic records (programs, assignments they made) cannot
erase their own account: the clinic administrator hands those over first.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import ProtectedError, Q
from rest_framework.utils.encoders import JSONEncoder

from backend.accounts.models import Invite, Role, User


@dataclass(frozen=True)
class Section:
    """One table of personal data: rows whose ``lookup`` equals the person."""

    name: str
    model: str  # app_label.ModelName; a table that does not exist (yet) is skipped
    lookup: str
    exclude: frozenset[str] = frozenset()
    # Relation fields rendered by a display value instead of a bare id.
    labels: tuple[tuple[str, str], ...] = ()


# Secrets and bookkeeping are never exported: they are ours, not the person's data.
EXPORTED: tuple[Section, ...] = (
    Section("care_team", "accounts.CareLink", "patient", labels=(("physio", "full_name"),)),
    Section("invites_used", "accounts.Invite", "used_by", frozenset({"created_by", "note"})),
    Section(
        "access_log",
        "accounts.AuditEvent",
        "patient",
        labels=(("actor", "full_name"),),
    ),
    Section(
        "assignments",
        "programs.Assignment",
        "patient",
        frozenset({"calendar_token", "assigned_by"}),
        labels=(("program", "name"),),
    ),
    Section("assignment_pauses", "programs.AssignmentPause", "assignment__patient"),
    Section("sessions", "programs.Session", "patient", frozenset({"body_hash"})),
    Section("alerts", "programs.Alert", "patient", frozenset({"acknowledged_by", "resolved_by"})),
    Section("outcome_schedules", "outcomes.OutcomeSchedule", "patient", frozenset({"created_by"})),
    Section("outcome_responses", "outcomes.OutcomeResponse", "patient"),
    Section("safety_checks", "programs.RedFlagScreening", "patient", frozenset({"requested_by"})),
    Section(
        "precautions_marked", "programs.PatientPrecautions", "patient", frozenset({"updated_by"})
    ),
    Section(
        "nudge_plan",
        "nudges.NudgePlan",
        "user",
        frozenset(
            {
                "next_due_at",
                "content_cursor",
                "last_content",
                "content_day",
                "content_today",
                "held_until",
            }
        ),
    ),
    Section("nudges", "nudges.Nudge", "user"),
    Section("breaks", "nudges.Break", "user"),
    Section(
        "break_prescriptions",
        "nudges.BreakPrescription",
        "assignment__patient",
        frozenset({"updated_by"}),
    ),
    Section("busy_times", "nudges.BusyWindow", "user"),
    # The feed address is a credential to the person's calendar: only its host.
    Section("calendar_feed", "nudges.CalendarFeed", "user", frozenset({"url", "next_fetch_at"})),
    Section(
        "inbox",
        "inbox.InboxMessage",
        "user",
        frozenset(
            {
                "dedupe_key",
                "push_enqueued_at",
                "push_done_at",
                "push_expires_at",
                "push_lease_until",
                "push_lease_owner",
            }
        ),
    ),
    Section("push_subscriptions", "inbox.PushSubscription", "user", frozenset({"p256dh", "auth"})),
    Section("reminders_sent", "nudges.ReminderSent", "assignment__patient"),
    Section(
        "messages",
        "messaging.Message",
        "patient",
        frozenset({"body_hash", "no_reply_needed_by"}),
        labels=(("sender", "full_name"),),
    ),
    Section(
        "monitoring_consents",
        "messaging.Consent",
        "patient",
        labels=(("recorded_by", "full_name"), ("revoked_by", "full_name")),
    ),
    Section("monitoring_time", "messaging.TimeEntry", "patient", labels=(("physio", "full_name"),)),
    Section("notification_choices", "messaging.NotifyPrefs", "user", frozenset({"digest_sent_at"})),
)

# Nested under each exported session (``sessions[].items``).
SESSION_ITEMS = Section("items", "programs.SessionItem", "session__patient", frozenset({"session"}))

# (model label, field) → why it is not in the export. Erasure still handles each one:
# CASCADE or SET_NULL in the database, or a clean-up in ``account_delete``.
NOT_EXPORTED: dict[tuple[str, str], str] = {
    ("accounts.ApiToken", "user"): "a credential, not data about the person (deleted)",
    ("accounts.UserSession", "user"): "a sign-in session, not data about the person (deleted)",
    ("otp_totp.TOTPDevice", "user"): "a two-factor secret: a credential (deleted)",
    ("otp_static.StaticDevice", "user"): "two-factor recovery codes: a credential (deleted)",
    ("accounts.User_groups", "user"): "admin permission groups (the M2M rows are deleted)",
    ("accounts.User_user_permissions", "user"): "admin permissions (the M2M rows are deleted)",
    ("admin.LogEntry", "user"): "staff actions in the Django admin (deleted with them)",
    ("accounts.CareLink", "physio"): "a clinician's caseload: other people's data",
    ("accounts.Invite", "created_by"): "invites a clinician sent: other people's addresses",
    ("accounts.AuditEvent", "actor"): "a clinician's reads of other patients' records",
    ("programs.CaseloadSummary", "patient"): (
        "sort keys derived from the exported sessions and alerts (deleted with them)"
    ),
    ("programs.Program", "created_by"): "clinic records a clinician authored",
    ("programs.ProgramVersion", "created_by"): "clinic records a clinician authored",
    ("programs.Assignment", "assigned_by"): "clinic records a clinician authored",
    ("outcomes.OutcomeSchedule", "created_by"): "clinic records a clinician authored",
    ("programs.Alert", "acknowledged_by"): "a clinician's review of another person's alert",
    ("programs.Alert", "resolved_by"): "a clinician's review of another person's alert",
    ("messaging.Message", "sender"): "messages in patients' threads (each patient's export)",
    ("messaging.Message", "no_reply_needed_by"): "a clinician's triage mark",
    ("messaging.ThreadRead", "patient"): "read marks: bookkeeping (deleted with the thread)",
    ("messaging.ThreadRead", "user"): "read marks: bookkeeping (deleted with the person)",
    ("messaging.AlertNotice", "user"): "a clinician's notification ledger",
    ("messaging.Consent", "recorded_by"): "clinic records a clinician authored",
    ("messaging.Consent", "revoked_by"): "clinic records a clinician authored",
    ("messaging.TimeEntry", "physio"): "clinic records a clinician authored",
    ("messaging.TimeEntryRevision", "changed_by"): "clinic records a clinician authored",
    ("programs.RedFlagScreening", "requested_by"): "the clinician who re-issued a safety check",
    ("programs.PatientPrecautions", "updated_by"): "the clinician who marked the precautions",
    ("nudges.BreakPrescription", "updated_by"): "the clinician who last set the micro-breaks",
}


class AccountInUse(Exception):
    """The account still owns records other people depend on (a clinician's programs)."""


def _installed(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except LookupError:
        return None


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
    model = _installed(section.model)
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
# the history (a 3-year patient has thousands of sessions and inbox rows).
EXPORT_CHUNK = 100


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
    item_model = _installed(SESSION_ITEMS.model)
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


def _about_patient_messages(user: User) -> Q:
    """Messages to clinicians about this patient (alerts carry the patient's name)."""
    condition = Q(url__regex=rf"^/physio/patients/{user.pk}([/?#].*)?$")
    alert_model = _installed("programs.Alert")
    if alert_model is not None:
        alert_ids = alert_model._default_manager.filter(patient=user).values_list("pk", flat=True)
        condition |= Q(dedupe_key__in=[f"alert:{pk}" for pk in alert_ids])
    return condition


@transaction.atomic
def account_delete(user: User) -> None:
    """Erase ``user`` and every piece of personal data we hold about them."""
    inbox = _installed("inbox.InboxMessage")
    if inbox is not None:
        # Only messages linked to this patient by id (their alerts, links to their
        # record). Never by text: a patient named "Pain alert" must not erase every
        # physio's pain alerts.
        inbox._default_manager.exclude(user=user).filter(_about_patient_messages(user)).delete()
    Invite.objects.filter(Q(used_by=user) | Q(email__iexact=user.email)).exclude(
        created_by=user
    ).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).delete()
    try:
        with transaction.atomic():
            user.delete()
    except ProtectedError as exc:
        raise AccountInUse from exc


def user_links() -> Iterable[tuple[str, str]]:
    """Every (model label, field name) with a foreign key or one-to-one to the user model."""
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User:
                yield model._meta.label, field.name
