"""Celery tasks: thin wrappers that take ids and call a service.

Bound to the project's app (not ``shared_task``), so a worker that imports them also
configures the broker from settings. Services enqueue by name (``enqueue.py``) and never
import this module."""

from __future__ import annotations

from typing import Any

from backend.celery import app
from backend.inbox import delivery
from backend.inbox.enqueue import DELIVER_MESSAGES
from backend.inbox.transport import worker_transport


@app.task(
    bind=True,
    name=DELIVER_MESSAGES,
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    max_retries=None,
)
def deliver_messages(self: Any, message_ids: list[int]) -> int:
    owner = str(self.request.id or "")
    outcome = delivery.deliver_messages(message_ids, transport=worker_transport, owner=owner)
    if outcome.retry:
        # The count and the deadline live in the database (delivery.push_schedule_retry);
        # Celery's own retry limit is off.
        retry, delay = delivery.push_schedule_retry(
            outcome.retry, owner=owner, retry_after=outcome.retry_after
        )
        if retry:
            raise self.retry(args=[retry], countdown=delay, max_retries=None)
    return outcome.sent


@app.task(name="inbox.requeue_undelivered", ignore_result=True)
def requeue_undelivered() -> int:
    return delivery.requeue_undelivered()
