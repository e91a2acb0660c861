"""Celery tasks: thin wrappers that take ids and call a service.

Bound to the project's app (not ``shared_task``), so whoever imports a task to enqueue it
also configures the broker from settings."""

from __future__ import annotations

from typing import Any

from backend.celery import app
from backend.nudges import calendar_feed, delivery, dispatch, questionnaires, reminders
from backend.nudges.models import CalendarFeed
from backend.nudges.transport import worker_transport


@app.task(name="nudges.dispatch_tick", ignore_result=True)
def dispatch_tick() -> dict[str, int]:
    report = dispatch.dispatch_due_nudges()
    return {"sent": report.sent, "skipped": report.skipped, "requeued": report.requeued}


@app.task(name="nudges.reminders_tick", ignore_result=True)
def reminders_tick() -> int:
    return reminders.send_due_reminders()


@app.task(name="nudges.calendars_tick", ignore_result=True)
def calendars_tick() -> int:
    return calendar_feed.refresh_due_feeds()


@app.task(name="nudges.calendar_refresh", ignore_result=True)
def calendar_refresh(feed_id: int) -> bool:
    feed = CalendarFeed.objects.select_related("user").filter(pk=feed_id).first()
    return calendar_feed.feed_refresh(feed) if feed is not None else False


@app.task(name="nudges.questionnaires_tick", ignore_result=True)
def questionnaires_tick() -> int:
    return questionnaires.send_due_questionnaires()


@app.task(
    bind=True,
    name="nudges.deliver_messages",
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
