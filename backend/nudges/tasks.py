"""Celery tasks: thin wrappers that take ids and call a service.

Bound to the project's app (not ``shared_task``), so whoever imports a task to enqueue it
also configures the broker from settings."""

from __future__ import annotations

import random
from typing import Any

from celery.exceptions import MaxRetriesExceededError
from django.conf import settings

from backend.celery import app
from backend.nudges import delivery, dispatch, questionnaires, reminders
from backend.nudges.transport import worker_transport


@app.task(name="nudges.dispatch_tick", ignore_result=True)
def dispatch_tick() -> dict[str, int]:
    report = dispatch.dispatch_due_nudges()
    return {"sent": report.sent, "skipped": report.skipped, "requeued": report.requeued}


@app.task(name="nudges.reminders_tick", ignore_result=True)
def reminders_tick() -> int:
    return reminders.send_due_reminders()


@app.task(name="nudges.questionnaires_tick", ignore_result=True)
def questionnaires_tick() -> int:
    return questionnaires.send_due_questionnaires()


def backoff_seconds(retries: int, retry_after: float | None) -> float:
    """Exponential backoff with jitter (base 5 s: 5, 10, 20 ... capped at 10 minutes);
    a push service's Retry-After is a floor."""
    ceiling = min(600.0, settings.PUSH_RETRY_BASE_SECONDS * 2**retries)
    delay = random.uniform(ceiling / 2, ceiling)
    return max(delay, retry_after or 0.0)


@app.task(
    bind=True,
    name="nudges.deliver_messages",
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    max_retries=None,
)
def deliver_messages(self: Any, message_ids: list[int]) -> int:
    outcome = delivery.deliver_messages(
        message_ids, transport=worker_transport, owner=str(self.request.id or "")
    )
    if outcome.retry:
        try:
            raise self.retry(
                args=[outcome.retry],
                countdown=backoff_seconds(self.request.retries, outcome.retry_after),
                max_retries=settings.PUSH_MAX_RETRIES,
            )
        except MaxRetriesExceededError:
            delivery.push_mark_done(outcome.retry)  # gave up; the inbox still has them
    return outcome.sent
