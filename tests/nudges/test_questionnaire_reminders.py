"""A questionnaire that becomes due is announced once in the inbox (and pushed), in the
patient's daytime, and not again once answered until it is next due."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from backend.inbox.models import InboxMessage
from backend.inbox.services import push_subscribe
from backend.nudges.questionnaires import send_due_questionnaires
from backend.outcomes.services import response_submit, schedule_create

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 23)


def utc(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


@pytest.fixture
def pat(cast: Any) -> Any:
    cast.pat.timezone = "Asia/Tokyo"  # UTC+9: local 09:00 is 00:00 UTC
    cast.pat.save()
    return cast.pat


def test_a_due_questionnaire_is_announced_once_in_the_patients_daytime(pat: Any, cast: Any) -> None:
    schedule_create(
        actor=cast.phil, patient_id=pat.pk, measure="nprs", every_weeks=2, start_date=MONDAY
    )
    # Sunday 23:00 in Tokyo: not due yet. Monday 08:30 in Tokyo: due, but too early.
    assert send_due_questionnaires(now=utc(MONDAY - timedelta(days=1), 14)) == 0
    assert send_due_questionnaires(now=utc(MONDAY - timedelta(days=1), 23, 30)) == 0
    assert send_due_questionnaires(now=utc(MONDAY, 1)) == 1  # 10:00 in Tokyo
    assert send_due_questionnaires(now=utc(MONDAY, 2)) == 0  # already announced
    [message] = InboxMessage.objects.filter(user=pat)
    assert (message.kind, message.url, message.title) == (
        "reminder",
        "/outcomes",
        "A short questionnaire is ready",
    )
    assert "Numeric Pain Rating Scale" in message.body
    assert message.push_enqueued_at is None  # no device
    assert not InboxMessage.objects.exclude(user=pat).exists()

    # Answered that day: nothing more until two weeks later, then one new item.
    response_submit(patient=pat, measure="nprs", answers=[3], now=utc(MONDAY, 3))
    assert send_due_questionnaires(now=utc(MONDAY + timedelta(days=7), 3)) == 0
    assert send_due_questionnaires(now=utc(MONDAY + timedelta(days=14), 3)) == 1
    assert InboxMessage.objects.filter(user=pat).count() == 2


def test_the_announcement_is_pushed_to_the_patients_devices(
    pat: Any, cast: Any, device_factory: Any
) -> None:
    device = device_factory()
    push_subscribe(pat, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth)
    schedule_create(
        actor=cast.phil, patient_id=pat.pk, measure="nprs", every_weeks=None, start_date=MONDAY
    )
    assert send_due_questionnaires(now=utc(MONDAY, 3)) == 1
    message = InboxMessage.objects.get(user=pat)
    assert message.push_enqueued_at is not None


def test_an_inactive_schedule_is_not_announced(pat: Any, cast: Any) -> None:
    schedule = schedule_create(
        actor=cast.phil, patient_id=pat.pk, measure="nprs", every_weeks=None, start_date=MONDAY
    )
    schedule.active = False
    schedule.save()
    assert send_due_questionnaires(now=utc(MONDAY, 3)) == 0
