"""Enqueueing push delivery by the task's name, so the services that post to the inbox
(and the sweep) need not import the tasks module, which imports them."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from backend.celery import app

# The name is the wire format of the queued task; it stayed the same when delivery moved
# from nudges to the inbox, so tasks queued before a deploy are still understood after it.
DELIVER_MESSAGES = "nudges.deliver_messages"


def enqueue_push(message_ids: list[int]) -> None:
    """Enqueue delivery tasks for these messages, in batches, once the transaction that
    wrote them commits (a worker must find the rows it is given)."""
    if not message_ids:
        return
    size = settings.NUDGE_DELIVERY_BATCH_SIZE
    batches = [message_ids[i : i + size] for i in range(0, len(message_ids), size)]

    def send() -> None:
        for batch in batches:
            # A signature, not send_task: the registered task if there is one (so
            # CELERY_TASK_ALWAYS_EAGER runs it), else just its name to the broker.
            app.signature(DELIVER_MESSAGES).delay(batch)

    # robust: a broker outage must not undo the tick; the rows stay pending and the
    # sweep (requeue_undelivered) enqueues them again later.
    transaction.on_commit(send, robust=True)
