"""Logging a session: idempotent by the client's UUID, against the program version the
patient followed, with the pain rule applied and any alert raised in the same transaction
(``alerts``)."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.programs.models import (
    Assignment,
    ProgramItem,
    ProgramVersion,
    Session,
    SessionItem,
)
from backend.programs.safety import pain_rule_check
from backend.programs.services.alerts import hurt_skip_alert_if_due, pain_alert_raise
from backend.programs.summary import after_session, summary_refresh
from backend.rawsql import quoted_names

# How far a phone's clock may run ahead of ours before a "completed_at" is refused.
CLOCK_SKEW = timedelta(minutes=10)


class SessionConflict(Exception):
    """The client reused a session id with a different body."""


def canonical_hash(data: Mapping[str, Any]) -> str:
    """Hash of the validated body, so a replay with the same content (however the JSON was
    spaced or ordered, and whatever equivalent time-zone offset it used) matches."""

    def normal(value: Any) -> Any:
        if isinstance(value, datetime):
            return value.astimezone(UTC).isoformat()
        if isinstance(value, Assignment):
            return value.pk
        if isinstance(value, Mapping):
            return {k: normal(v) for k, v in sorted(value.items())}
        if isinstance(value, list | tuple):
            return [normal(v) for v in value]
        return value

    text = json.dumps(normal(data), sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _items_with_exercises() -> QuerySet[ProgramItem]:
    # A session needs of each item its key and its exercise's key and slug: not the
    # dosage, and not the exercise's thirty columns (the figure's poses JSON among them).
    # Columns are most of this read's cost: the ORM compiles and loads each one.
    return ProgramItem.objects.select_related("exercise").only(
        "id", "version_id", "exercise__id", "exercise__slug"
    )


def version_followed(assignment: Assignment, data: Mapping[str, Any]) -> ProgramVersion:
    """The program version the patient followed. A session logged offline may arrive after
    the physio changed the program: it belongs to the version current when it was done,
    or, if the phone still showed an older one, to the newest version holding its items.
    Refusing it would lose the session, and with it any pain alert."""
    posted = {item["exercise"] for item in data.get("items", [])}
    done_at = data["completed_at"]
    current = assignment.program.current_version
    if current is not None and current.created_at <= done_at:
        # The common case in one query: the current (newest) version existed when the
        # session was done, so it is the one followed if it holds the posted items.
        items = list(_items_with_exercises().filter(version=current))
        if posted <= {item.exercise.slug for item in items}:
            current._prefetched_objects_cache = {"items": items}  # type: ignore[attr-defined]
            return current
    versions = list(
        ProgramVersion.objects.filter(program_id=assignment.program_id)
        .prefetch_related(Prefetch("items", queryset=_items_with_exercises()))
        .order_by("-number")
    )
    at_the_time = [v for v in versions if v.created_at <= done_at] or versions[-1:]
    for version in [*at_the_time[:1], *versions]:
        if posted <= {item.exercise.slug for item in version.items.all()}:
            return version
    return at_the_time[0]  # none holds them all: _check names the strangers


def _check(patient: User, data: Mapping[str, Any], now: datetime, allowed: set[str]) -> None:
    assignment: Assignment = data["assignment"]
    started, completed = data["started_at"], data["completed_at"]
    errors: dict[str, list[str]] = {}
    if completed < started:
        errors["completed_at"] = [_("A session cannot end before it starts.")]
    if completed > now + CLOCK_SKEW:
        errors.setdefault("completed_at", []).append(
            _("This time is in the future. Check the phone's clock.")
        )
    if completed - started > timedelta(hours=6):
        errors["started_at"] = [_("A session longer than six hours looks like a mistake.")]
    local_start = timezone.localtime(started, zone(patient.timezone)).date()
    # One day of slack: a session done late the evening before the start date (the
    # physio assigned it that afternoon) is still the patient's first session.
    if local_start < assignment.start_date - timedelta(days=1):
        errors["started_at"] = [_("This is before the program started.")]
    unknown = sorted({i["exercise"] for i in data.get("items", [])} - allowed)
    if unknown:
        errors["items"] = [
            _("Not part of this program: %(slugs)s.") % {"slugs": ", ".join(unknown)}
        ]
    if errors:
        raise ValidationError(errors)


@cache
def _sessions_holding_sql() -> str:
    table, column = quoted_names(Session)
    return (
        f"SELECT {column['id']}, {column['patient']}, {column['client_id']}, "  # noqa: S608
        f"{column['body_hash']} FROM {table} "
        f"WHERE ({column['client_id']} = %s AND {column['patient']} = %s) OR {column['id']} = %s"
    )


def _sessions_holding(patient_id: int, client_id: uuid.UUID) -> list[Session]:
    """This patient's session sent with ``client_id``, and any row whose own key it is: the
    key, patient, client id and body hash of each (``Model.objects.raw``: the fields still
    convert the columns). Every POST asks, so the statement is written once: the ORM
    compiling this OR of two index probes afresh each time cost more than its round trip.
    The (patient, client_id) constraint's index and the primary key answer it."""
    key = Session._meta.pk.get_db_prep_value(client_id, connection)  # hex text on SQLite
    return list(Session.objects.raw(_sessions_holding_sql(), [key, patient_id, key]))


def session_log(
    *, patient: User, data: Mapping[str, Any], now: datetime | None = None
) -> tuple[Session, bool]:
    """Store a session. Returns (session, created). The same id from this patient with the
    same body returns the stored session; with another body it raises SessionConflict.
    Another patient's ids are not seen: they answer like fresh ones."""
    now = now or timezone.now()
    try:
        return _session_log_once(patient, data, now)
    except IntegrityError:
        # Two phones sent the same offline session at once: both read before either
        # wrote, and the (patient, client id) constraint let one insert in. The other's
        # whole transaction is rolled back (no savepoint around the insert: two round
        # trips a session otherwise) and run once more, when it reads the winner's row:
        # a replay or a conflict. Or another patient's row took this key in the meantime,
        # and the second run gives ours a fresh one. A second failure is a real error.
        return _session_log_once(patient, data, now)


@transaction.atomic
def _session_log_once(
    patient: User, data: Mapping[str, Any], now: datetime
) -> tuple[Session, bool]:
    body_hash = canonical_hash(data)
    # One read for both questions: did this patient send this id before, and does another
    # patient's row already hold it as its key (then ours takes a fresh one, below).
    seen = _sessions_holding(patient.pk, data["id"])
    existing = next(
        (s for s in seen if s.patient_id == patient.pk and s.client_id == data["id"]), None
    )
    if existing is not None:
        if existing.body_hash != body_hash:
            raise SessionConflict
        return existing, False
    assignment: Assignment = data["assignment"]
    version = version_followed(assignment, data)
    program_items = {item.exercise.slug: item for item in version.items.all()}
    _check(patient, data, now, set(program_items))
    flagged, reason = pain_rule_check(data["pain_before"], data["pain_after"])
    local_date = timezone.localtime(data["completed_at"], zone(patient.timezone)).date()
    fields = {
        "patient": patient,
        "client_id": data["id"],
        "assignment": assignment,
        "program_version": version,
        "started_at": data["started_at"],
        "completed_at": data["completed_at"],
        "local_date": local_date,
        "pain_before": data["pain_before"],
        "pain_after": data["pain_after"],
        "difficulty": data["difficulty"],
        "notes": data.get("notes", ""),
        "body_hash": body_hash,
        "alert_reason": reason or "",
    }
    # The row keeps the client's id as its key unless another patient's row has it; then
    # it gets a fresh key and the caller cannot tell the difference.
    session = Session.objects.create(id=uuid.uuid4() if seen else data["id"], **fields)
    items = SessionItem.objects.bulk_create(
        SessionItem(
            session=session,
            position=position,
            exercise=program_items[item["exercise"]].exercise,
            program_item=program_items[item["exercise"]],
            sets_done=item.get("sets_done", 0),
            reps_done=item.get("reps_done"),
            hold_seconds_done=item.get("hold_seconds_done"),
            skipped=item.get("skipped", False),
            skip_reason=item.get("skip_reason", ""),
        )
        for position, item in enumerate(data.get("items", []), start=1)
    )
    # The caller answers with the session and its items: hand them over as if prefetched
    # instead of reading back what was just written.
    session._prefetched_objects_cache = {"items": items}  # type: ignore[attr-defined]
    # The caseload's sort keys marked stale, the adherence scan's next look kept safe.
    after_session(assignment, patient, now)
    if flagged:
        pain_alert_raise(patient, session)
    if hurt_skip_alert_if_due(patient, session, items) or flagged:
        # An alert moves the patient up the caseload at once (by open alerts): the row is
        # written fresh here rather than at the physio's next read.
        summary_refresh([patient.pk], now)
    return session, True
