"""Reads of the inbox."""

from __future__ import annotations

from django.db.models import QuerySet

from backend.accounts.models import User
from backend.inbox.models import InboxMessage


def inbox_for(user: User, *, unread_only: bool = False) -> QuerySet[InboxMessage]:
    """The caller's own inbox, newest first (served by the (user, -created_at) index)."""
    messages = InboxMessage.objects.filter(user=user)
    if unread_only:
        messages = messages.filter(read_at__isnull=True)
    return messages.order_by("-created_at", "-id")
