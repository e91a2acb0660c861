"""Celery tasks: thin wrappers that take ids and call a service.

Bound to the project's app (not ``shared_task``), so whoever imports a task to enqueue it
also configures the broker from settings."""

from __future__ import annotations

from backend.celery import app
from backend.nudges import calendar_feed, dispatch, questionnaires, reminders
from backend.nudges.models import CalendarFeed


@app.task(name="nudges.dispatch_tick", ignore_result=True)
def dispatch_tick() -> dict[str, int]:
    report = dispatch.dispatch_due_nudges()
    return {"sent": report.sent, "skipped": report.skipped}


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
