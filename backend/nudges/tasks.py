"""Celery tasks: thin wrappers that take ids and call a service.

Bound to the project's app (not ``shared_task``), so whoever imports a task to enqueue it
also configures the broker from settings."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings

from backend.celery import app
from backend.nudges import calendar_feed, dispatch, questionnaires, reminders
from backend.nudges.models import CalendarFeed


@app.task(name="nudges.dispatch_tick", ignore_result=True)
def dispatch_tick() -> dict[str, int]:
    report = dispatch.dispatch_due_nudges(on_backlog=_ask_for_help)
    return {"sent": report.sent, "skipped": report.skipped}


@app.task(name="nudges.dispatch_help", ignore_result=True)
def dispatch_help(now: str) -> dict[str, int]:
    """Another worker process dispatching alongside a tick with a backlog, up to the same
    moment (a helper asks for no further help)."""
    report = dispatch.dispatch_due_nudges(now=datetime.fromisoformat(now))
    return {"sent": report.sent, "skipped": report.skipped}


def _ask_for_help(now: datetime) -> None:
    # Outside any transaction (between the tick's batches): nothing to wait for. A helper
    # that starts after the backlog is gone finds nothing due and stops at the probe.
    for _ in range(settings.NUDGE_DISPATCH_HELPERS):
        dispatch_help.delay(now.isoformat())


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
