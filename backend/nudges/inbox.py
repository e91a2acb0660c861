"""Posting to a person's inbox (used by nudges, reminders and clinical alerts)."""

from __future__ import annotations

from typing import TypedDict

from django.db import IntegrityError, transaction

from backend.accounts.models import User
from backend.nudges.models import InboxMessage


def inbox_post(
    user: User,
    *,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    dedupe_key: str | None = None,
) -> InboxMessage:
    """Write one inbox row. With a ``dedupe_key``, posting the same event twice returns the
    first row instead of writing a second (the unique constraint decides under races)."""
    if dedupe_key is not None:
        existing = InboxMessage.objects.filter(user=user, dedupe_key=dedupe_key).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                return InboxMessage.objects.create(
                    user=user, kind=kind, title=title, body=body, url=url, dedupe_key=dedupe_key
                )
        except IntegrityError:
            return InboxMessage.objects.get(user=user, dedupe_key=dedupe_key)
    return InboxMessage.objects.create(user=user, kind=kind, title=title, body=body, url=url)


class NudgeFields(TypedDict):
    nudge_kind: str | None
    exercise: str | None
    dose: dict[str, int | None] | None


def nudge_fields(message: InboxMessage) -> NudgeFields:
    """What a nudge suggests, for the inbox item and the push payload alike:
    ``nudge_kind`` (move/tip/stand/sit), ``exercise`` (slug or None), ``dose``."""
    nudge = message.nudge if message.nudge_id is not None else None
    if nudge is None:
        return {"nudge_kind": None, "exercise": None, "dose": None}
    exercise = nudge.exercise
    dose = (
        {"sets": nudge.sets, "reps": nudge.reps, "hold_seconds": nudge.hold_seconds}
        if exercise is not None
        else None
    )
    return {"nudge_kind": nudge.kind, "exercise": exercise, "dose": dose}
