"""Logging a session (idempotent by the client's UUID) and the safety rules around it."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.module_loading import import_string

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.nudges.inbox import inbox_post
from backend.nudges.models import InboxKind
from backend.programs import adherence
from backend.programs.models import (
    Alert,
    AlertKind,
    Assignment,
    ProgramItem,
    ProgramVersion,
    Session,
    SessionItem,
)
from exercises.safety_content import safety_content

# The skip reason the PWA sends when an exercise hurt (SKIP_REASONS in Session.tsx).
HURT_SKIP_REASON = "It hurt"
HURT_SKIPS_IN_A_ROW_FOR_ALERT = 2

# How far a phone's clock may run ahead of ours before a "completed_at" is refused.
CLOCK_SKEW = timedelta(minutes=10)


def pain_rule_check(pain_before: int, pain_after: int) -> tuple[bool, str | None]:
    """The pain rule with the thresholds of the safety content file."""
    rule = safety_content().rule
    return adherence.pain_flags(
        pain_before, pain_after, rise_points=rule.rise_points, high_level=rule.high_level
    )


def pain_advice(reason: str) -> str | None:
    """The advice for the rule that fired (``None`` when none did)."""
    return safety_content().advice.get(reason) if reason else None


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


def version_followed(assignment: Assignment, data: Mapping[str, Any]) -> ProgramVersion:
    """The program version the patient followed. A session logged offline may arrive after
    the physio changed the program: it belongs to the version current when it was done,
    or, if the phone still showed an older one, to the newest version holding its items.
    Refusing it would lose the session, and with it any pain alert."""
    versions = list(
        ProgramVersion.objects.filter(program_id=assignment.program_id)
        .prefetch_related(
            Prefetch("items", queryset=ProgramItem.objects.select_related("exercise"))
        )
        .order_by("-number")
    )
    posted = {item["exercise"] for item in data.get("items", [])}
    done_at = data["completed_at"]
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
        errors["completed_at"] = ["A session cannot end before it starts."]
    if completed > now + CLOCK_SKEW:
        errors.setdefault("completed_at", []).append(
            "This time is in the future. Check the phone's clock."
        )
    if completed - started > timedelta(hours=6):
        errors["started_at"] = ["A session longer than six hours looks like a mistake."]
    local_start = timezone.localtime(started, zone(patient.timezone)).date()
    # One day of slack: a session done late the evening before the start date (the
    # physio assigned it that afternoon) is still the patient's first session.
    if local_start < assignment.start_date - timedelta(days=1):
        errors["started_at"] = ["This is before the program started."]
    unknown = sorted({i["exercise"] for i in data.get("items", [])} - allowed)
    if unknown:
        errors["items"] = [f"Not part of this program: {', '.join(unknown)}."]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_log(
    *, patient: User, data: Mapping[str, Any], now: datetime | None = None
) -> tuple[Session, bool]:
    """Store a session. Returns (session, created). The same id from this patient with the
    same body returns the stored session; with another body it raises SessionConflict.
    Another patient's ids are not seen: they answer like fresh ones."""
    now = now or timezone.now()
    body_hash = canonical_hash(data)
    mine = Session.objects.filter(patient=patient, client_id=data["id"])
    existing = mine.first()
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
    row_id = data["id"] if not Session.objects.filter(pk=data["id"]).exists() else uuid.uuid4()
    try:
        # A savepoint: two phones sending the same offline session at once both reach
        # this insert; the (patient, client id) constraint lets exactly one in.
        with transaction.atomic():
            session = Session.objects.create(id=row_id, **fields)
    except IntegrityError:
        existing = mine.first()
        if existing is None:
            # Another patient's row took this key in the meantime: take a fresh one.
            with transaction.atomic():
                session = Session.objects.create(id=uuid.uuid4(), **fields)
        elif existing.body_hash != body_hash:
            raise SessionConflict from None
        else:
            return existing, False
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
    if flagged:
        _raise_pain_alert(patient, session)
    _hurt_skip_alert_if_due(patient, session, items)
    return session, True


def safety_for(session: Session) -> dict[str, Any]:
    alert = bool(session.alert_reason)
    return {
        "alert": alert,
        "reason": session.alert_reason or None,
        "advice": pain_advice(session.alert_reason),
    }


def _notify_physios(patient: User, alert: Alert, title: str) -> None:
    # Only the patient's own clinic's physios: a care link made across clinics (by hand,
    # in the database) must never carry one clinic's patient's health data to another.
    if patient.clinic_id is None:
        return
    links = patient.physio_links.select_related("physio").filter(
        physio__clinic_id=patient.clinic_id
    )
    for link in links:
        inbox_post(
            link.physio,
            kind=InboxKind.ALERT,
            title=title,
            body=alert.message,
            url=f"/physio/patients/{patient.pk}",
            dedupe_key=f"alert:{alert.pk}",
        )
    # Push and e-mail to the physios (backend.messaging), named in settings so programs
    # does not import the apps above it.
    for hook in settings.ALERT_NOTIFY_HOOKS:
        import_string(hook)(alert.pk, alert.kind)


def _raise_pain_alert(patient: User, session: Session) -> Alert:
    if session.alert_reason == adherence.PAIN_INCREASE:
        message = f"Pain rose from {session.pain_before} to {session.pain_after} during a session."
    elif session.alert_reason == adherence.PAIN_HIGH_BEFORE:
        message = (
            f"High pain ({session.pain_before}/10) before a session; {session.pain_after}/10 after."
        )
    else:
        message = (
            f"Pain of {session.pain_after}/10 after a session (before: {session.pain_before})."
        )
    alert = Alert.objects.create(
        patient=patient,
        kind=AlertKind.PAIN,
        reason=session.alert_reason,
        message=message,
        session=session,
        assignment=session.assignment,
    )
    _notify_physios(patient, alert, f"Pain alert: {patient.full_name or patient.email}")
    return alert


MISSED_IN_A_ROW_FOR_ALERT = 3


def _hurt_skip_alert_if_due(patient: User, session: Session, items: list[SessionItem]) -> None:
    """An exercise skipped because it hurt in two sessions in a row: tell the physio."""
    hurt = [i.exercise_id for i in items if i.skipped and i.skip_reason == HURT_SKIP_REASON]
    if not hurt:
        return
    repeated = []
    for exercise_id in hurt:
        previous = (
            SessionItem.objects.filter(
                session__patient=patient,
                exercise_id=exercise_id,
                session__completed_at__lt=session.completed_at,
            )
            .order_by("-session__completed_at")
            .values_list("skipped", "skip_reason")[: HURT_SKIPS_IN_A_ROW_FOR_ALERT - 1]
        )
        if len(previous) == HURT_SKIPS_IN_A_ROW_FOR_ALERT - 1 and all(
            skipped and reason == HURT_SKIP_REASON for skipped, reason in previous
        ):
            repeated.append(exercise_id)
    if not repeated:
        return
    names = ", ".join(i.exercise.slug for i in items if i.exercise_id in repeated)
    alert = Alert.objects.create(
        patient=patient,
        kind=AlertKind.SKIPPED_HURT,
        reason="skipped_hurt",
        message=f"Skipped because it hurt, two sessions in a row: {names}."[:300],
        session=session,
        assignment=session.assignment,
    )
    _notify_physios(patient, alert, f"Exercise hurt twice: {patient.full_name or patient.email}")


def adherence_alert_if_due(assignment: Assignment, today: date, last_done: date | None) -> bool:
    """Raise one alert per run of three or more missed scheduled sessions. The run starts
    after the last day with a session (however long ago), so a long lapse stays one run
    with one alert instead of a new, ever larger one."""
    first = assignment.start_date
    if last_done is not None:
        first = max(first, last_done + timedelta(days=1))
    scheduled = adherence.scheduled_days(
        first,
        assignment.end_date,
        frozenset(assignment.days_of_week),
        today - timedelta(days=1),
        paused=[(p.paused_on, p.resumed_on) for p in assignment.pauses.all()],
    )
    missed = adherence.missed_in_a_row(scheduled, [], today)
    if missed < MISSED_IN_A_ROW_FOR_ALERT:
        return False
    run_start = scheduled[-missed]
    try:
        with transaction.atomic():
            alert = Alert.objects.create(
                patient=assignment.patient,
                kind=AlertKind.ADHERENCE,
                reason="missed_sessions",
                message=f"{missed} scheduled sessions in a row were missed.",
                assignment=assignment,
                run_started_on=run_start,
            )
    except IntegrityError:
        return False  # this run was already reported (the unique constraint decides)
    _notify_physios(assignment.patient, alert, "Missed sessions")
    return True


def adherence_scan(now: datetime | None = None) -> int:
    """Check every active assignment for a run of missed sessions. Runs hourly from beat;
    cost grows with active assignments (two queries, streamed in chunks), not with history:
    the last session day comes from the (assignment, local_date) index."""
    now = now or timezone.now()
    assignments = (
        Assignment.objects.filter(status="active")
        .select_related("patient")
        .annotate(last_done=Max("sessions__local_date"))
        .prefetch_related("pauses")
    )
    raised = 0
    for assignment in assignments.iterator(chunk_size=500):
        today = timezone.localtime(now, zone(assignment.patient.timezone)).date()
        raised += adherence_alert_if_due(assignment, today, assignment.last_done)
    return raised
