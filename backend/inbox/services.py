"""Operations on the inbox and on devices: posting an item (nudges, reminders, clinical
alerts and messages all post here), marking it read, and push subscriptions."""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.inbox import endpoint_policy
from backend.inbox.models import InboxMessage, PushSubscription

logger = logging.getLogger(__name__)


def inbox_post(  # noqa: PLR0913 (keyword-only: the columns of the one row it writes)
    user: User,
    *,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    dedupe_key: str | None = None,
    extra: dict[str, Any] | None = None,
) -> InboxMessage:
    """Write one inbox row. With a ``dedupe_key``, posting the same event twice returns the
    first row instead of writing a second (the unique constraint decides under races)."""
    fields = {"kind": kind, "title": title, "body": body, "url": url, "extra": extra or {}}
    if dedupe_key is not None:
        existing = InboxMessage.objects.filter(user=user, dedupe_key=dedupe_key).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                return InboxMessage.objects.create(user=user, dedupe_key=dedupe_key, **fields)
        except IntegrityError:
            return InboxMessage.objects.get(user=user, dedupe_key=dedupe_key)
    return InboxMessage.objects.create(user=user, **fields)


def inbox_mark_read(user: User, message_id: int, *, now: datetime | None = None) -> InboxMessage:
    message = InboxMessage.objects.filter(pk=message_id, user=user).first()
    if message is None:
        raise InboxMessage.DoesNotExist
    if message.read_at is None:
        message.read_at = now or timezone.now()
        message.save(update_fields=["read_at"])
    return message


def inbox_mark_read_ids(message_ids: Iterable[int], *, now: datetime | None = None) -> int:
    """Mark these messages read (those not read yet); for a poster whose own event
    settles its message (a nudge acknowledged)."""
    return InboxMessage.objects.filter(pk__in=list(message_ids), read_at__isnull=True).update(
        read_at=now or timezone.now()
    )


def _b64url_decode(value: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        return None


@transaction.atomic
def push_subscribe(user: User, *, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    """Store a device. The same endpoint again (the browser re-subscribing, or the device
    changing hands) updates its keys and owner: an endpoint belongs to one browser."""
    errors: dict[str, list[str]] = {}
    endpoint_error = endpoint_policy.endpoint_error(endpoint)
    if endpoint_error:
        errors["endpoint"] = [endpoint_error]
    point = _b64url_decode(p256dh)
    if point is None or len(point) != 65 or point[0] != 4:
        errors["p256dh"] = [_("Expected a base64url P-256 public key (65 bytes, uncompressed).")]
    secret = _b64url_decode(auth)
    if secret is None or len(secret) != 16:
        errors["auth"] = [_("Expected a base64url authentication secret of 16 bytes.")]
    if errors:
        raise ValidationError(errors)
    existing = PushSubscription.objects.select_for_update().filter(endpoint=endpoint).first()
    if existing is not None and existing.user_id != user.pk:
        # The same browser changing hands re-subscribes with the same keys; someone who
        # merely learned the endpoint cannot take another person's device over.
        if (existing.p256dh, existing.auth) != (p256dh, auth):
            raise ValidationError(
                {"endpoint": [_("This device is registered to another account.")]}
            )
        logger.info("push subscription %s moves to user %s", existing.pk, user.pk)
    subscription, _created = PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults={"user": user, "p256dh": p256dh, "auth": auth}
    )
    return subscription


def push_unsubscribe(user: User, *, endpoint: str) -> bool:
    """Forget one of the caller's devices. False if it is not theirs, or unknown (the API
    answers the same either way: whether a push service said "gone" stays unobservable)."""
    deleted, _ = PushSubscription.objects.filter(user=user, endpoint=endpoint).delete()
    return deleted > 0
