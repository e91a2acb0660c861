"""Inbox and push serializers: strict for what comes in, plain for what goes out."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.api import StrictSerializer
from backend.inbox.models import InboxMessage
from backend.inbox.vapid import b64url_decode


class InboxQuerySerializer(StrictSerializer):
    unread = serializers.BooleanField(required=False, default=False)
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1)


class DoseSerializer(serializers.Serializer[Any]):
    sets = serializers.IntegerField(allow_null=True)
    reps = serializers.IntegerField(allow_null=True)
    hold_seconds = serializers.IntegerField(allow_null=True)


class InboxMessageSerializer(serializers.ModelSerializer[InboxMessage]):
    # The optional fields (models.EXTRA_FIELDS) are whatever the poster set in ``extra``.
    nudge = serializers.IntegerField(source="extra.nudge", read_only=True, allow_null=True)
    nudge_kind = serializers.SerializerMethodField()
    exercise = serializers.SerializerMethodField()
    dose = serializers.SerializerMethodField()

    class Meta:
        model = InboxMessage
        fields = (
            "id",
            "kind",
            "title",
            "body",
            "created_at",
            "read_at",
            "nudge",
            "url",
            "nudge_kind",
            "exercise",
            "dose",
        )
        read_only_fields = fields

    def get_nudge_kind(self, message: InboxMessage) -> str | None:
        value = message.extra.get("nudge_kind")
        return None if value is None else str(value)

    def get_exercise(self, message: InboxMessage) -> str | None:
        value = message.extra.get("exercise")
        return None if value is None else str(value)

    @extend_schema_field(DoseSerializer(allow_null=True))
    def get_dose(self, message: InboxMessage) -> dict[str, Any] | None:
        dose = message.extra.get("dose")
        return dict(dose) if isinstance(dose, dict) else None


class PushKeySerializer(serializers.Serializer[Any]):
    public_key = serializers.CharField()


def _check_b64url(value: str, length: int, what: str) -> str:
    try:
        raw = b64url_decode(value)
    except ValueError as exc:
        raise serializers.ValidationError(
            _("%(what)s must be base64url text.") % {"what": what}
        ) from exc
    if len(raw) != length or (length == 65 and raw[0] != 4):
        raise serializers.ValidationError(
            _("%(what)s must decode to %(count)d bytes.") % {"what": what, "count": length}
        )
    return value


class PushKeysSerializer(StrictSerializer):
    p256dh = serializers.CharField(max_length=120)
    auth = serializers.CharField(max_length=60)

    def validate_p256dh(self, value: str) -> str:
        return _check_b64url(value, 65, "The key (an uncompressed P-256 point)")

    def validate_auth(self, value: str) -> str:
        return _check_b64url(value, 16, "The authentication secret")


class PushSubscribeSerializer(StrictSerializer):
    endpoint = serializers.URLField(max_length=1000)
    keys = PushKeysSerializer()
    # Browsers send it in PushSubscription.toJSON(); we have no use for it.
    expirationTime = serializers.IntegerField(required=False, allow_null=True)


class PushUnsubscribeSerializer(StrictSerializer):
    endpoint = serializers.CharField(max_length=1000)
