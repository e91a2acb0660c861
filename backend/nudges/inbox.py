"""Posting to a person's inbox (used by nudges, reminders and clinical alerts)."""

from __future__ import annotations

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
