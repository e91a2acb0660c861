"""Alerts: raising them (pain and skipped-because-it-hurt after a session, a run of missed
sessions from the hourly scan), telling the patient's physios, and the physio's review
(acknowledge: seen, being handled; resolve: closed).

An acknowledged alert no longer counts on the caseload badge; a resolved one is closed.
Both stay in the patient's history with who reviewed it, when, and an optional note.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.i18n import speaking
from backend.inbox.models import InboxKind
from backend.inbox.services import inbox_post
from backend.programs import adherence
from backend.programs.models import (
    Alert,
    AlertKind,
    Assignment,
    Session,
    SessionItem,
    with_pauses,
)
from backend.programs.safety import HURT_SKIP_REASON, skipped_because_it_hurt
from backend.programs.summary import adherence_check_at, summary_refresh

HURT_SKIPS_IN_A_ROW_FOR_ALERT = 2


def physios_notify(
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


def pain_alert_raise(patient: User, session: Session) -> Alert:
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
    physios_notify(patient, alert, lambda: _("Pain alert: %(who)s") % {"who": who}, message)
    return alert


MISSED_IN_A_ROW_FOR_ALERT = adherence.MISSED_IN_A_ROW


def hurt_skip_alert_if_due(patient: User, session: Session, items: list[SessionItem]) -> bool:
    """An exercise skipped because it hurt in two sessions in a row: tell the physio.
    True when an alert was raised."""
    hurt = [item.exercise_id for item in skipped_because_it_hurt(items)]
    if not hurt:
        return False
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
        return False
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
    physios_notify(
        patient, alert, lambda: _("Exercise hurt twice: %(who)s") % {"who": who}, message
    )
    return True


def adherence_alert_if_due(assignment: Assignment, today: date, last_done: date | None) -> bool:
    """Raise one alert per run of three or more missed scheduled sessions. The run starts
    after the last day with a session (however long ago), so a long lapse stays one run
    with one alert instead of a new, ever larger one."""
    since = None if last_done is None else last_done + timedelta(days=1)
    scheduled = assignment.scheduled_days(today - timedelta(days=1), since=since)
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
    physios_notify(assignment.patient, alert, lambda: _("Missed sessions"), message)
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
        due = with_pauses(
            Assignment.objects.filter(status="active", adherence_check_at__lte=now)
            .select_related("patient")
            .annotate(last_done=Max("sessions__local_date"))
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


# -- the physio's review ---------------------------------------------------------------------

NOTE_MAX = 1000


def _with_note(alert: Alert, note: str) -> list[str]:
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(
            {"note": [_("Keep the note under %(count)d characters.") % {"count": NOTE_MAX}]}
        )
    if not note:
        return []
    alert.review_note = f"{alert.review_note}\n{note}".strip() if alert.review_note else note
    return ["review_note"]


@transaction.atomic
def alert_acknowledge(
    alert: Alert, *, actor: User | None, note: str = "", now: datetime | None = None
) -> Alert:
    """Mark the alert seen. Acknowledging twice keeps the first time; a resolved alert
    cannot be acknowledged again."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.resolved_at is not None:
        raise ValidationError({"detail": [_("This alert is already resolved.")]})
    fields = _with_note(alert, note)
    if alert.acknowledged_at is None:
        alert.acknowledged_at = now or timezone.now()
        alert.acknowledged_by = actor
        fields += ["acknowledged_at", "acknowledged_by"]
    if fields:
        alert.save(update_fields=fields)
        summary_refresh([alert.patient_id])
    return alert


@transaction.atomic
def alert_resolve(
    alert: Alert, *, actor: User | None = None, note: str = "", now: datetime | None = None
) -> Alert:
    """Close the alert (it counts as acknowledged too)."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.resolved_at is not None:
        raise ValidationError({"detail": [_("This alert is already resolved.")]})
    moment = now or timezone.now()
    fields = [*_with_note(alert, note), "resolved_at", "resolved_by"]
    alert.resolved_at, alert.resolved_by = moment, actor
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_by = moment, actor
        fields += ["acknowledged_at", "acknowledged_by"]
    alert.save(update_fields=fields)
    summary_refresh([alert.patient_id])
    return alert
