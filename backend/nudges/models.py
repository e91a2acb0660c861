"""Nudges app: the in-app inbox (nudge plans, nudges and push subscriptions join it)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class InboxKind(models.TextChoices):
    NUDGE = "nudge", "Nudge"
    REMINDER = "reminder", "Reminder"
    TIP = "tip", "Tip"
    ALERT = "alert", "Alert"


class InboxMessage(models.Model):
    """What a person sees in the app's inbox. Written first, before any push is tried,
    so a nudge or alert exists even when every device is unreachable."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbox"
    )
    kind = models.CharField(max_length=10, choices=InboxKind.choices)
    title = models.CharField(max_length=160)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=200, blank=True)
    # Idempotency: the same event (e.g. "alert 42 for physio 7") is posted once.
    dedupe_key = models.CharField(max_length=120, null=True, blank=True)  # noqa: DJ001 (NULL = no key)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "dedupe_key"], name="inbox_dedupe"),
        ]
        # The inbox list: newest first per user.
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id}: {self.title}"
