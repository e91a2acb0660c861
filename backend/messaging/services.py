"""Operations that change messaging state: post, read, notify, consent, time log."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from backend.accounts.models import CareLink, Role, User
from backend.accounts.selectors import patients_visible_to
from backend.accounts.timezones import zone
from backend.celery import app
from backend.i18n import speaking
from backend.inbox.enqueue import enqueue_push
from backend.inbox.models import InboxKind, InboxMessage, PushSubscription
from backend.inbox.services import inbox_post
from backend.messaging import selectors
from backend.messaging.models import (
    AlertNotice,
    ClinicMessagingSettings,
    Consent,
    ConsentMethod,
    Message,
    NotifyPrefs,
    ThreadRead,
    TimeEntry,
    TimeEntryRevision,
)
from backend.messaging.rules import message_max_chars, time_entry_edit_days
from backend.programs.models import Alert, AlertKind
from backend.programs.services import adherence_scan as programs_adherence_scan
from backend.programs.services import pain_alert_message


class MessageConflict(Exception):
    """The client reused a message id with a different body."""


def _hash(patient_id: int, sender_id: int, body: str) -> str:
    return hashlib.sha256(f"{patient_id}\x00{sender_id}\x00{body}".encode()).hexdigest()


def clean_body(body: str) -> str:
    """Text only: trimmed, no control characters but newlines and tabs, within the limit."""
    text = body.replace("\r\n", "\n").strip()
    if any((ord(ch) < 32 and ch not in "\n\t") or ord(ch) == 127 for ch in text):
        raise ValidationError({"body": [_("Control characters are not allowed.")]})
    if not text:
        raise ValidationError({"body": [_("Write a message.")]})
    if len(text) > message_max_chars():
        raise ValidationError(
            {"body": [_("At most %(count)d characters.") % {"count": message_max_chars()}]}
        )
    return text


# --- delivery ---------------------------------------------------------------------------
def push_once(message: InboxMessage, *, now: datetime | None = None) -> bool:
    """Mark an inbox row for push and enqueue it, once: a second call for the same row
    (a replayed post, a rerun notifier) finds it marked and enqueues nothing."""
    if not PushSubscription.objects.filter(user_id=message.user_id).exists():
        return False
    now = now or timezone.now()
    marked = InboxMessage.objects.filter(
        pk=message.pk, push_enqueued_at__isnull=True, push_done_at__isnull=True
    ).update(
        push_enqueued_at=now,
        push_expires_at=now + timedelta(seconds=settings.MESSAGE_PUSH_TTL_SECONDS),
    )
    if marked:
        enqueue_push([message.pk])
    return bool(marked)


def notify(
    user: User, *, kind: str, title: str, body: str, url: str, dedupe_key: str
) -> InboxMessage:
    message = inbox_post(user, kind=kind, title=title, body=body, url=url, dedupe_key=dedupe_key)
    push_once(message)
    return message


# --- messages ---------------------------------------------------------------------------
def message_post(
    *, sender: User, patient: User, message_id: uuid.UUID, body: str, now: datetime | None = None
) -> tuple[Message, bool]:
    """Post to ``patient``'s thread. The same id and body again returns the first message
    (``created`` False); the same id with another body raises ``MessageConflict``."""
    text = clean_body(body)
    digest = _hash(patient.pk, sender.pk, text)
    existing = Message.objects.filter(pk=message_id).first()
    if existing is not None:
        if existing.body_hash != digest:
            raise MessageConflict
        return existing, False
    now = now or timezone.now()
    try:
        with transaction.atomic():
            message = Message.objects.create(
                id=message_id,
                patient=patient,
                sender=sender,
                sender_is_patient=sender.pk == patient.pk,
                body=text,
                body_hash=digest,
                created_at=now,
            )
            _read_until(patient, sender, now)
            _notify_new_message(message)
    except IntegrityError:
        existing = Message.objects.get(pk=message_id)
        if existing.body_hash != digest:
            raise MessageConflict from None
        return existing, False
    return message, True


def _notify_new_message(message: Message) -> None:
    sender = message.sender
    preview = message.body if len(message.body) <= 140 else message.body[:139] + "…"
    for user in selectors.thread_recipients(message):
        url = "/messages" if user.role == Role.PATIENT else f"/physio/patients/{message.patient_id}"
        with speaking(user):
            name = (sender.full_name or sender.email) if sender else _("Your care team")
            notify(
                user,
                kind=InboxKind.MESSAGE,
                title=_("New message from %(name)s") % {"name": name},
                body=preview,
                url=url,
                dedupe_key=f"message:{message.pk}",
            )


def _read_until(patient: User, user: User, when: datetime) -> None:
    mark, created = ThreadRead.objects.get_or_create(
        patient=patient, user=user, defaults={"read_until": when}
    )
    if not created and mark.read_until < when:
        ThreadRead.objects.filter(pk=mark.pk, read_until__lt=when).update(read_until=when)


def thread_mark_read(patient: User, user: User, *, now: datetime | None = None) -> None:
    _read_until(patient, user, now or timezone.now())


def message_mark_no_reply(
    message: Message, physio: User, *, now: datetime | None = None
) -> Message:
    if message.no_reply_needed_at is None:
        message.no_reply_needed_at = now or timezone.now()
        message.no_reply_needed_by = physio
        message.save(update_fields=["no_reply_needed_at", "no_reply_needed_by"])
    return message


# --- alerts -----------------------------------------------------------------------------
ALERT_TITLES = {
    "pain": gettext_lazy("Pain alert"),
    "adherence": gettext_lazy("Missed sessions"),
    "red_flag": gettext_lazy("Red-flag answer"),
}


def alert_title(kind: str) -> str:
    return str(ALERT_TITLES.get(kind, gettext_lazy("Alert")))


def alert_text(alert: Alert) -> str:
    """The alert's message in the active language: a pain alert is worded again from its
    session's ratings; other kinds keep their stored text."""
    session = alert.session if alert.kind == "pain" and alert.session_id else None
    if session is not None:
        return pain_alert_message(alert.reason, session.pain_before, session.pain_after)
    return alert.message


def alerts_notify(alerts: Iterable[Alert]) -> int:
    """Bring each clinical alert to every physio assigned to its patient: an inbox item, a
    push and (if they chose it) an e-mail, each once however often this runs (the
    ``AlertNotice`` ledger). Called by the layer above programs once the programs service
    that raised them has returned (a logged session, the adherence scan, screening, the
    demo history). A fixed number of queries per alert. Returns the physios newly told."""
    if isinstance(alerts, QuerySet):
        alerts = alerts.select_related("patient", "session")
    return sum(_alert_notify(alert) for alert in alerts)


def _alert_notify(alert: Alert) -> int:
    patient = alert.patient
    if patient.clinic_id is None:
        return 0
    who = patient.full_name or patient.email
    # Only active physios of the patient's own clinic: a care link made across clinics by
    # hand must never carry one clinic's patient's health data to another.
    physios = [
        link.physio
        for link in CareLink.objects.filter(
            patient=patient, physio__clinic_id=patient.clinic_id, physio__is_active=True
        ).select_related("physio")
    ]
    for physio in physios:
        with speaking(physio):
            notify(
                physio,
                kind=InboxKind.ALERT,
                title=_("%(alert)s: %(who)s") % {"alert": alert_title(alert.kind), "who": who},
                body=alert_text(alert),
                url=f"/physio/patients/{patient.pk}",
                dedupe_key=f"alert:{alert.pk}",
            )
    told = set(AlertNotice.objects.filter(alert=alert).values_list("user_id", flat=True))
    fresh = [physio.pk for physio in physios if physio.pk not in told]
    if not fresh:
        return 0
    # A notifier running at the same time may have written some of these a moment ago:
    # the insert skips them, and the e-mail task claims its notice before sending.
    AlertNotice.objects.bulk_create(
        [AlertNotice(alert=alert, user_id=user_id) for user_id in fresh], ignore_conflicts=True
    )
    emailing = NotifyPrefs.objects.filter(user_id__in=fresh, email_alerts=True).values("user_id")
    email = app.signature("messaging.email_alert")  # by name: the tasks module imports this one
    for notice_id in AlertNotice.objects.filter(
        alert=alert, user_id__in=emailing, emailed_at__isnull=True
    ).values_list("pk", flat=True):
        transaction.on_commit(partial(email.delay, notice_id), robust=True)
    return len(fresh)


def adherence_scan(now: datetime | None = None) -> int:
    """The hourly scan for runs of missed sessions (``programs``), then each missed-sessions
    alert it raised reaches the physios. Returns the number of alerts raised."""
    before = Alert.objects.aggregate(last=Max("pk"))["last"] or 0
    raised = programs_adherence_scan(now)
    if raised:
        # A scan running at the same time may raise some too: telling twice tells once.
        alerts_notify(Alert.objects.filter(kind=AlertKind.ADHERENCE, pk__gt=before))
    return raised


def alert_email_send(notice_id: int) -> bool:
    """Send the alert e-mail of one notice, once (the ledger column decides)."""
    from django.core.mail import send_mail

    notice = (
        AlertNotice.objects.select_related("alert__patient", "alert__session", "user")
        .filter(pk=notice_id)
        .first()
    )
    if notice is None or notice.emailed_at is not None:
        return False
    claimed = AlertNotice.objects.filter(pk=notice_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    patient = notice.alert.patient
    link = f"{settings.SITE_URL}/physio/patients/{patient.pk}"
    with speaking(notice.user):
        subject = _("Upright: %(alert)s for %(who)s") % {
            "alert": alert_title(notice.alert.kind),
            "who": patient.full_name or _("a patient"),
        }
        body = alert_text(notice.alert) + "\n\n" + _("Open the patient: %(link)s") % {"link": link}
        send_mail(
            subject=subject,
            message=body + "\n",
            from_email=None,
            recipient_list=[notice.user.email],
        )
    return True


def digest_send(*, now: datetime | None = None) -> int:
    """One e-mail per physio who chose the digest and has messages unread since the last
    one, at most once per ``MESSAGE_DIGEST_INTERVAL_SECONDS``."""
    from django.core.mail import send_mail

    now = now or timezone.now()
    due_before = now - timedelta(seconds=settings.MESSAGE_DIGEST_INTERVAL_SECONDS)
    sent = 0
    for prefs in NotifyPrefs.objects.filter(email_digest=True, user__is_active=True).select_related(
        "user"
    ):
        if prefs.digest_sent_at is not None and prefs.digest_sent_at > due_before:
            continue
        physio = prefs.user
        ids = list(patients_visible_to(physio).values_list("pk", flat=True))
        since = prefs.digest_sent_at or (now - timedelta(days=1))
        fresh = Message.objects.filter(
            patient_id__in=ids, sender_is_patient=True, created_at__gt=since
        ).count()
        unread = sum(selectors.unread_counts(physio, ids).values())
        if not fresh or not unread:
            continue
        claimed = NotifyPrefs.objects.filter(
            pk=prefs.pk, digest_sent_at=prefs.digest_sent_at
        ).update(digest_sent_at=now)
        if not claimed:
            continue
        with speaking(physio):
            words = {"count": unread, "link": f"{settings.SITE_URL}/physio"}
            send_mail(
                subject=ngettext(
                    "Upright: %(count)d unread message from patients",
                    "Upright: %(count)d unread messages from patients",
                    unread,
                )
                % words,
                message=ngettext(
                    "You have %(count)d unread message. Open Upright: %(link)s",
                    "You have %(count)d unread messages. Open Upright: %(link)s",
                    unread,
                )
                % words,
                from_email=None,
                recipient_list=[physio.email],
            )
        sent += 1
    return sent


def prefs_update(user: User, **changes: Any) -> NotifyPrefs:
    prefs = selectors.prefs_for(user)
    for key, value in changes.items():
        setattr(prefs, key, value)
    prefs.save()
    return prefs


def clinic_settings_update(clinic_id: int, *, admins_read_threads: bool) -> ClinicMessagingSettings:
    row, _ = ClinicMessagingSettings.objects.update_or_create(
        clinic_id=clinic_id, defaults={"admins_read_threads": admins_read_threads}
    )
    return row


# --- consent ----------------------------------------------------------------------------
def consent_record(
    patient: User, *, actor: User, given_on: date, method: str, note: str = ""
) -> Consent:
    if Consent.objects.filter(patient=patient, revoked_on__isnull=True).exists():
        raise ValidationError({"patient": [_("Consent is already recorded for this patient.")]})
    today = timezone.localtime(timezone.now(), zone(patient.timezone)).date()
    if given_on > today:
        raise ValidationError({"given_on": [_("Consent cannot be dated in the future.")]})
    last = Consent.objects.filter(patient=patient).order_by("-revoked_on").first()
    if last is not None and last.revoked_on and given_on < last.revoked_on:
        raise ValidationError({"given_on": [_("Must not be before the last revocation.")]})
    try:
        with transaction.atomic():
            return Consent.objects.create(
                patient=patient, given_on=given_on, method=method, note=note, recorded_by=actor
            )
    except IntegrityError:
        raise ValidationError(
            {"patient": [_("Consent is already recorded for this patient.")]}
        ) from None


def consent_give_in_app(patient: User) -> Consent:
    today = timezone.localtime(timezone.now(), zone(patient.timezone)).date()
    return consent_record(patient, actor=patient, given_on=today, method=ConsentMethod.IN_APP)


def consent_revoke(consent: Consent, *, actor: User) -> Consent:
    if consent.revoked_on is None:
        patient = consent.patient
        consent.revoked_on = timezone.localtime(timezone.now(), zone(patient.timezone)).date()
        consent.revoked_by = actor
        consent.save(update_fields=["revoked_on", "revoked_by"])
    return consent


# --- time log ---------------------------------------------------------------------------
def _snapshot(entry: TimeEntry) -> dict[str, Any]:
    return {
        "category": entry.category,
        "minutes": entry.minutes,
        "on_date": entry.on_date.isoformat(),
        "note": entry.note,
    }


def _revision(entry: TimeEntry, actor: User, action: str) -> None:
    TimeEntryRevision.objects.create(
        entry=entry, changed_by=actor, action=action, values=_snapshot(entry)
    )


def _physio_today(physio: User) -> date:
    return timezone.localtime(timezone.now(), zone(physio.timezone)).date()


def _check_date(physio: User, on_date: date) -> None:
    today = _physio_today(physio)
    if on_date > today:
        raise ValidationError({"on_date": [_("Cannot be in the future.")]})
    days = time_entry_edit_days()
    if on_date < today - timedelta(days=days):
        raise ValidationError(
            {
                "on_date": [
                    ngettext("At most %(count)d day back.", "At most %(count)d days back.", days)
                    % {"count": days}
                ]
            }
        )


@transaction.atomic
def time_entry_create(
    *,
    physio: User,
    patient: User,
    category: str,
    minutes: int,
    on_date: date | None = None,
    note: str = "",
) -> TimeEntry:
    on_date = on_date or _physio_today(physio)
    _check_date(physio, on_date)
    entry = TimeEntry.objects.create(
        physio=physio,
        patient=patient,
        category=category,
        minutes=minutes,
        on_date=on_date,
        note=note,
    )
    _revision(entry, physio, "create")
    return entry


@transaction.atomic
def timer_start(*, physio: User, patient: User, category: str) -> TimeEntry:
    if TimeEntry.objects.filter(
        physio=physio, timer_started_at__isnull=False, timer_stopped_at__isnull=True
    ).exists():
        raise ValidationError({"detail": [_("A timer is already running: stop it first.")]})
    entry = TimeEntry.objects.create(
        physio=physio,
        patient=patient,
        category=category,
        minutes=None,
        on_date=_physio_today(physio),
        timer_started_at=timezone.now(),
    )
    _revision(entry, physio, "start")
    return entry


@transaction.atomic
def timer_stop(entry: TimeEntry, *, physio: User) -> TimeEntry:
    if entry.timer_started_at is None or entry.timer_stopped_at is not None:
        raise ValidationError({"detail": [_("This timer is not running.")]})
    now = timezone.now()
    entry.timer_stopped_at = now
    seconds = (now - entry.timer_started_at).total_seconds()
    entry.minutes = max(1, round(seconds / 60))
    entry.save(update_fields=["timer_stopped_at", "minutes"])
    _revision(entry, physio, "stop")
    return entry


def editable(entry: TimeEntry, user: User) -> bool:
    cutoff = timezone.now() - timedelta(days=time_entry_edit_days())
    return entry.physio_id == user.pk and entry.created_at >= cutoff


@transaction.atomic
def time_entry_update(entry: TimeEntry, *, actor: User, **changes: Any) -> TimeEntry:
    if not editable(entry, actor):
        raise ValidationError(
            {
                "detail": [
                    ngettext(
                        "Entries can be edited by their author for %(count)d day.",
                        "Entries can be edited by their author for %(count)d days.",
                        time_entry_edit_days(),
                    )
                    % {"count": time_entry_edit_days()}
                ]
            }
        )
    if "on_date" in changes:
        _check_date(actor, changes["on_date"])
    if "minutes" in changes and entry.minutes is None:
        raise ValidationError({"minutes": [_("Stop the timer first.")]})
    for key, value in changes.items():
        setattr(entry, key, value)
    entry.save()
    _revision(entry, actor, "edit")
    return entry
