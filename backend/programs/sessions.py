"""Logging a session (idempotent by the client's UUID) and the safety rules around it."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.i18n import speaking
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
from backend.programs.summary import adherence_check_at, after_change, summary_refresh
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


def pain_advice(reason: str, language: str | None = None) -> str | None:
    """The advice for the rule that fired (``None`` when none did), in ``language``."""
    return safety_content().in_language(language).advice.get(reason) if reason else None


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
    posted = {item["exercise"] for item in data.get("items", [])}
    done_at = data["completed_at"]
    current = assignment.program.current_version
    if current is not None and current.created_at <= done_at:
        # The common case in one query: the current (newest) version existed when the
        # session was done, so it is the one followed if it holds the posted items.
        items = list(ProgramItem.objects.filter(version=current).select_related("exercise"))
        if posted <= {item.exercise.slug for item in items}:
            current._prefetched_objects_cache = {"items": items}  # type: ignore[attr-defined]
            return current
    versions = list(
        ProgramVersion.objects.filter(program_id=assignment.program_id)
        .prefetch_related(
            Prefetch("items", queryset=ProgramItem.objects.select_related("exercise"))
        )
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
    # The caseload's sort keys and the adherence scan's next look, in this transaction.
    after_change([assignment])
    return session, True


def safety_for(session: Session, language: str | None = None) -> dict[str, Any]:
    alert = bool(session.alert_reason)
    return {
        "alert": alert,
        "reason": session.alert_reason or None,
        "advice": pain_advice(session.alert_reason, language),
    }


def _notify_physios(
    patient: User,
    alert: Alert,
    title: str | Callable[[], str],
    body: Callable[[], str] | None = None,
) -> None:
    """``title`` and ``body`` (callables) are rendered for each physio, in their language;
    without a body, the alert's stored message is shown."""
    # Only the patient's own clinic's physios: a care link made across clinics (by hand,
    # in the database) must never carry one clinic's patient's health data to another.
    if patient.clinic_id is None:
        return
    links = patient.physio_links.select_related("physio").filter(
        physio__clinic_id=patient.clinic_id
    )
    for link in links:
        with speaking(link.physio):
            inbox_post(
                link.physio,
                kind=InboxKind.ALERT,
                title=title if isinstance(title, str) else title(),
                body=alert.message if body is None else body(),
                url=f"/physio/patients/{patient.pk}",
                dedupe_key=f"alert:{alert.pk}",
            )
    # Push and e-mail to the physios: messaging calls ``alerts_notify`` once this returns
    # (its session view, its adherence scan), so programs imports nothing above it.


def pain_alert_message(reason: str, before: int | None, after: int | None) -> str:
    """What the physio reads about a pain alert, in the active language."""
    numbers = {"before": before, "after": after}
    if reason == adherence.PAIN_INCREASE:
        return _("Pain rose from %(before)s to %(after)s during a session.") % numbers
    if reason == adherence.PAIN_HIGH_BEFORE:
        return _("High pain (%(before)s/10) before a session; %(after)s/10 after.") % numbers
    return _("Pain of %(after)s/10 after a session (before: %(before)s).") % numbers


def _raise_pain_alert(patient: User, session: Session) -> Alert:
    def message() -> str:
        return pain_alert_message(session.alert_reason, session.pain_before, session.pain_after)

    who = patient.full_name or patient.email
    with translation.override(settings.LANGUAGE_CODE):  # the stored record: the default
        stored = message()
    alert = Alert.objects.create(
        patient=patient,
        kind=AlertKind.PAIN,
        reason=session.alert_reason,
        message=stored,
        session=session,
        assignment=session.assignment,
    )
    _notify_physios(patient, alert, lambda: _("Pain alert: %(who)s") % {"who": who}, message)
    return alert


MISSED_IN_A_ROW_FOR_ALERT = adherence.MISSED_IN_A_ROW


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

    def message() -> str:
        return _("Skipped because it hurt, two sessions in a row: %(names)s.") % {"names": names}

    with translation.override(settings.LANGUAGE_CODE):
        stored = message()[:300]
    alert = Alert.objects.create(
        patient=patient,
        kind=AlertKind.SKIPPED_HURT,
        reason="skipped_hurt",
        message=stored,
        session=session,
        assignment=session.assignment,
    )
    who = patient.full_name or patient.email
    _notify_physios(
        patient, alert, lambda: _("Exercise hurt twice: %(who)s") % {"who": who}, message
    )


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

    def message() -> str:
        return ngettext(
            "%(count)d scheduled session in a row was missed.",
            "%(count)d scheduled sessions in a row were missed.",
            missed,
        ) % {"count": missed}

    with translation.override(settings.LANGUAGE_CODE):
        stored = message()
    try:
        with transaction.atomic():
            alert = Alert.objects.create(
                patient=assignment.patient,
                kind=AlertKind.ADHERENCE,
                reason="missed_sessions",
                message=stored,
                assignment=assignment,
                run_started_on=run_start,
            )
    except IntegrityError:
        return False  # this run was already reported (the unique constraint decides)
    summary_refresh([assignment.patient_id])
    _notify_physios(assignment.patient, alert, lambda: _("Missed sessions"), message)
    return True


def adherence_scan(now: datetime | None = None, batch: int = 500) -> int:
    """Check the assignments whose ``adherence_check_at`` has come for a run of missed
    sessions. Runs hourly from beat; incremental: it reads only the due rows of a partial
    index (O(due), not O(assignments)), and every row it reads gets its next check (or
    none: an alert was raised, or nothing can be missed until a session or a change, which
    sets it again). The last session day comes from the (assignment, local_date) index."""
    now = now or timezone.now()
    raised = 0
    while True:
        due = list(
            Assignment.objects.filter(status="active", adherence_check_at__lte=now)
            .select_related("patient")
            .annotate(last_done=Max("sessions__local_date"))
            .prefetch_related("pauses")
            .order_by("adherence_check_at", "pk")[:batch]
        )
        if not due:
            return raised
        for assignment in due:
            today = timezone.localtime(now, zone(assignment.patient.timezone)).date()
            alerted = adherence_alert_if_due(assignment, today, assignment.last_done)
            raised += alerted
            following = adherence_check_at(assignment, assignment.last_done)
            if alerted or (following is not None and following <= now):
                following = None  # this run is reported; the next starts with a session
            Assignment.objects.filter(pk=assignment.pk).update(adherence_check_at=following)
