"""Questionnaire reminders: when a scheduled questionnaire becomes due, one inbox item
(and a push to the patient's devices) says so.

"Due" is the rule of ``backend.outcomes.selectors.schedules_due`` on the patient's local day.
The item goes out from ``QUESTIONNAIRE_EARLIEST_HOUR`` local time (never at night) until
``REMINDER_LATEST_HOUR``; the inbox's unique ``dedupe_key`` (schedule and due date) makes
every run idempotent however often or concurrently it runs. Cost: one pass over active
schedules and one aggregate over their patients' answers.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.i18n import speaking
from backend.inbox.enqueue import enqueue_push
from backend.inbox.models import InboxKind, InboxMessage, PushSubscription
from backend.outcomes.models import OutcomeSchedule
from backend.outcomes.scoring import MEASURES
from backend.outcomes.selectors import schedules_due

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
    posted = 0
    for due in schedules_due(now):
        hour = due.local_now.hour
        if not settings.QUESTIONNAIRE_EARLIEST_HOUR <= hour < settings.REMINDER_LATEST_HOUR:
            continue
        posted += _post(due.schedule, due.due_date.isoformat(), now)
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
