"""The sweep that re-enqueues pushes the broker lost is the inbox's own beat job; the
dispatcher's tick no longer runs it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from backend.celery import app
from backend.inbox.models import InboxMessage
from backend.inbox.tasks import requeue_undelivered
from backend.nudges.tasks import dispatch_tick

pytestmark = pytest.mark.django_db


def test_the_requeue_sweep_is_its_own_beat_job_as_often_as_the_dispatcher(cast: Any) -> None:
    entry = settings.CELERY_BEAT_SCHEDULE["inbox-requeue"]
    assert entry["task"] == "inbox.requeue_undelivered" in app.tasks
    assert entry["schedule"] == settings.CELERY_BEAT_SCHEDULE["nudges-dispatch"]["schedule"]
    assert entry["options"]["expires"] < entry["schedule"]

    lost = timezone.now() - timedelta(minutes=settings.NUDGE_REQUEUE_AFTER_MINUTES + 1)
    message = InboxMessage.objects.create(
        user=cast.pat, kind="reminder", title="Your exercises", push_enqueued_at=lost
    )
    dispatch_tick()
    message.refresh_from_db()
    assert message.push_enqueued_at == lost  # the dispatcher leaves it to the sweep

    assert requeue_undelivered() == 1
    message.refresh_from_db()
    assert message.push_enqueued_at > lost and message.push_done_at is None
