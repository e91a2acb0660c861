"""What we hold about a person, table by table: the catalogue that the export
(``accounts.selectors.export_stream``, ``GET /api/me/export/``) reads and the erasure
(``accounts.services.account_delete``, ``DELETE /api/me/``) answers to.

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

from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db import models

from backend.accounts.models import User


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


def installed(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def user_links() -> Iterable[tuple[str, str]]:
    """Every (model label, field name) with a foreign key or one-to-one to the user model."""
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User:
                yield model._meta.label, field.name
