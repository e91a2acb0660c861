"""Inbox app: what a person sees in the app's inbox, their devices and the push ledger.

Every app posts here (nudges, reminders, clinical alerts, messages); the inbox imports
none of them. The tables kept their names from when this lived in ``nudges``
(``db_table``): the move changed no schema, so no table is rewritten or locked, and the
raw SQL of the benchmarks and the lease keeps working.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

# The optional fields of an inbox item, in the API and in the push payload alike: null
# unless the poster set them in ``extra`` (a nudge: its id, kind, exercise and dose).
EXTRA_FIELDS = ("nudge", "nudge_kind", "exercise", "dose")


class InboxKind(models.TextChoices):
    NUDGE = "nudge", "Nudge"
    REMINDER = "reminder", "Reminder"
    TIP = "tip", "Tip"
    ALERT = "alert", "Alert"
    MESSAGE = "message", "Message"


class InboxMessage(models.Model):
    """What a person sees in the app's inbox. Written first, before any push is tried,
    so a nudge or alert exists even when every device is unreachable."""

    # No index of its own: (user, dedupe_key) and (user, -created_at) both lead with it,
    # and each index is one more insert for every nudge the dispatcher writes.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbox", db_index=False
    )
    kind = models.CharField(max_length=10, choices=InboxKind.choices)
    title = models.CharField(max_length=160)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=200, blank=True)
    # Idempotency: the same event (e.g. "alert 42 for physio 7") is posted once.
    dedupe_key = models.CharField(max_length=120, null=True, blank=True)  # noqa: DJ001
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # What the posting app adds to the item and its push payload (EXTRA_FIELDS); the
    # inbox passes it through without reading it.
    extra = models.JSONField(
        default=dict, blank=True, db_default=models.Value({}, output_field=models.JSONField())
    )
    # Push bookkeeping. A message to push has push_enqueued_at set; push_done_at is set
    # when every device got it (or gave up). The broker may lose the task: the dispatcher
    # re-enqueues messages enqueued long ago and still not done.
    push_enqueued_at = models.DateTimeField(null=True, blank=True)
    push_done_at = models.DateTimeField(null=True, blank=True)
    push_expires_at = models.DateTimeField(null=True, blank=True)
    # Which delivery task works on it now (see delivery.py): a duplicate task backs off.
    push_lease_until = models.DateTimeField(null=True, blank=True)
    push_lease_owner = models.CharField(max_length=64, blank=True)
    # The last moment a push may still be *sent* (a nudge: its slot plus the grace period,
    # and never past the end of the patient's hours); later it is dropped, not sent late.
    # Null: push_expires_at is the limit.
    push_send_by = models.DateTimeField(null=True, blank=True)
    # Transient failures so far (429/5xx): kept across retries and re-enqueues.
    push_attempts = models.PositiveIntegerField(default=0, db_default=0)
    # Why pushing stopped without every device getting it: "late" (past push_send_by or
    # push_expires_at), "gave_up" (out of retries). Empty while pending or when sent.
    push_dropped = models.CharField(max_length=10, blank=True, default="", db_default="")

    class Meta:
        db_table = "nudges_inboxmessage"
        constraints = [
            models.UniqueConstraint(fields=["user", "dedupe_key"], name="inbox_dedupe"),
        ]
        indexes = [
            # The inbox list: newest first per user.
            models.Index(fields=["user", "-created_at"]),
            # The re-enqueue sweep reads only pushes still pending (a handful), never the
            # whole inbox history: a partial index over exactly those rows.
            models.Index(
                fields=["push_enqueued_at"],
                name="inbox_push_pending",
                condition=Q(push_enqueued_at__isnull=False, push_done_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id}: {self.title}"


class PushSubscription(models.Model):
    """One browser/device of a user (the PWA's PushManager subscription)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=120)
    auth = models.CharField(max_length=60)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "nudges_pushsubscription"

    def __str__(self) -> str:
        return f"push subscription {self.pk} of {self.user_id}"


class PushDelivery(models.Model):
    """Ledger: this message reached this device's push service (201). A retried or
    redelivered task skips every (message, subscription) already here, so a device never
    gets the same message twice (a nudge has exactly one message)."""

    message = models.ForeignKey(InboxMessage, on_delete=models.CASCADE, related_name="+")
    subscription = models.ForeignKey(PushSubscription, on_delete=models.CASCADE, related_name="+")
    delivered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "nudges_pushdelivery"
        constraints = [
            models.UniqueConstraint(fields=["message", "subscription"], name="push_delivery_once"),
        ]

    def __str__(self) -> str:
        return f"message {self.message_id} to subscription {self.subscription_id}"
