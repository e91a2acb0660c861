"""Questionnaire reminders: when a scheduled questionnaire becomes due, one inbox item
(and a push to the patient's devices) says so.

"Due" is the rule of ``backend.programs.outcomes.next_due`` on the patient's local day.
The item goes out from ``QUESTIONNAIRE_EARLIEST_HOUR`` local time (never at night) until
``REMINDER_LATEST_HOUR``; the inbox's unique ``dedupe_key`` (schedule and due date) makes
every run idempotent however often or concurrently it runs. Cost: one pass over active
schedules and one aggregate over their patients' answers.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.accounts.timezones import zone
from backend.i18n import speaking
from backend.inbox.enqueue import enqueue_push
from backend.inbox.models import InboxKind, InboxMessage, PushSubscription
from backend.programs.models import OutcomeResponse, OutcomeSchedule
from backend.programs.outcomes import next_due
from backend.programs.scoring import MEASURES

TITLE = gettext_lazy("A short questionnaire is ready")


def _body(measure: str) -> str:
    spec = MEASURES.get(measure)
    if spec is None:
        return _(
            "Your physiotherapist asked you to fill in a questionnaire. It takes a few "
            "minutes and helps them see how you are doing."
        )
    return _(
        "Your physiotherapist asked you to fill in the %(name)s. It takes a few minutes "
        "and helps them see how you are doing."
    ) % {"name": spec.name}


def send_due_questionnaires(*, now: datetime | None = None) -> int:
    """Post an inbox item (and a push) for each questionnaire that has become due and
    was not announced yet. Returns how many were posted."""
    now = now or timezone.now()
    schedules = list(
        OutcomeSchedule.objects.filter(active=True, patient__is_active=True).select_related(
            "patient"
        )
    )
    if not schedules:
        return 0
    latest = {
        (patient_id, measure): last
        for patient_id, measure, last in OutcomeResponse.objects.filter(
            patient_id__in={s.patient_id for s in schedules}
        )
        .values("patient_id", "measure")
        .annotate(last=Max("local_date"))
        .values_list("patient_id", "measure", "last")
    }
    posted = 0
    for schedule in schedules:
        local = timezone.localtime(now, zone(schedule.patient.timezone))
        if not settings.QUESTIONNAIRE_EARLIEST_HOUR <= local.hour < settings.REMINDER_LATEST_HOUR:
            continue
        due = next_due(schedule, latest.get((schedule.patient_id, schedule.measure)))
        if due is None or due > local.date():
            continue
        posted += _post(schedule, due.isoformat(), now)
    return posted


def _post(schedule: OutcomeSchedule, due: str, now: datetime) -> int:
    key = f"questionnaire:{schedule.pk}:{due}"
    if InboxMessage.objects.filter(user_id=schedule.patient_id, dedupe_key=key).exists():
        return 0
    pushed = PushSubscription.objects.filter(user_id=schedule.patient_id).exists()
    with speaking(schedule.patient):
        title, body = str(TITLE), _body(schedule.measure)
    try:
        with transaction.atomic():
            message = InboxMessage.objects.create(
                user_id=schedule.patient_id,
                kind=InboxKind.REMINDER,
                title=title,
                body=body,
                url="/outcomes",
                dedupe_key=key,
                created_at=now,
                push_enqueued_at=now if pushed else None,
                push_expires_at=(
                    now + timedelta(seconds=settings.REMINDER_PUSH_TTL_SECONDS) if pushed else None
                ),
            )
            if pushed:
                enqueue_push([message.pk])
    except IntegrityError:
        return 0  # another run posted it first
    return 1
