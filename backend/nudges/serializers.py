from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.api import BoundedDateField, BoundedDateTimeField, StrictSerializer, WallClockField
from backend.nudges import services
from backend.nudges.inbox import nudge_fields
from backend.nudges.models import AckAction, InboxMessage, NudgePlan
from backend.nudges.vapid import b64url_decode


class PlanSerializer(serializers.ModelSerializer[NudgePlan]):
    timezone = serializers.CharField(source="user.timezone", read_only=True)
    work_start = serializers.TimeField(format="%H:%M")
    work_end = serializers.TimeField(format="%H:%M")
    quiet_start = serializers.TimeField(format="%H:%M", allow_null=True)
    quiet_end = serializers.TimeField(format="%H:%M", allow_null=True)

    class Meta:
        model = NudgePlan
        fields = (*services.PLAN_FIELDS, "timezone", "next_due_at", "busy_until")
        read_only_fields = ("timezone", "next_due_at", "busy_until")


class PlanUpdateSerializer(StrictSerializer):
    """Fields of the plan to set; the ones left out keep their value. ``timezone`` (an
    IANA name) updates the patient's profile, which the plan's hours are read in."""

    echoes = PlanSerializer

    enabled = serializers.BooleanField(required=False)
    interval_minutes = serializers.IntegerField(
        required=False,
        min_value=services.MIN_INTERVAL_MINUTES,
        max_value=services.MAX_INTERVAL_MINUTES,
        error_messages={
            "min_value": "Choose an interval between 15 and 120 minutes.",
            "max_value": "Choose an interval between 15 and 120 minutes.",
        },
    )
    work_days = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=7),
        required=False,
        allow_empty=False,
        max_length=7,
    )
    work_start = WallClockField(required=False)
    work_end = WallClockField(required=False)
    quiet_start = WallClockField(required=False, allow_null=True)
    quiet_end = WallClockField(required=False, allow_null=True)
    paused_until = BoundedDateTimeField(required=False, allow_null=True)
    reminders_enabled = serializers.BooleanField(required=False)
    reminder_follow_up = serializers.BooleanField(required=False)
    sit_stand_enabled = serializers.BooleanField(required=False)
    stand_minutes = serializers.IntegerField(
        required=False,
        min_value=services.MIN_STAND_MINUTES,
        max_value=services.MAX_STAND_MINUTES,
    )
    timezone = serializers.CharField(required=False, max_length=64)


class PreviewQuerySerializer(StrictSerializer):
    # "from" is a Python keyword: the view maps it to "start".
    start = BoundedDateTimeField(required=False)
    count = serializers.IntegerField(required=False, min_value=1, max_value=100, default=10)


class SuggestionSerializer(serializers.Serializer[Any]):
    exercise = serializers.CharField()
    name = serializers.CharField()
    sets = serializers.IntegerField(allow_null=True)
    reps = serializers.IntegerField(allow_null=True)
    hold_seconds = serializers.IntegerField(allow_null=True)


class HeldSerializer(serializers.Serializer[Any]):
    reason = serializers.ChoiceField(choices=["calendar", "busy", "session", "walk"])
    until = serializers.DateTimeField()


class PreviewSlotSerializer(serializers.Serializer[Any]):
    at = serializers.SerializerMethodField()
    local = serializers.SerializerMethodField()
    nudge_kind = serializers.CharField(allow_null=True)
    suggestion = SuggestionSerializer(allow_null=True)
    held = HeldSerializer(allow_null=True)

    def get_at(self, slot: Any) -> str:
        return str(slot.at.isoformat().replace("+00:00", "Z"))

    def get_local(self, slot: Any) -> str:
        return str(slot.local.isoformat())


class PreviewSerializer(serializers.Serializer[Any]):
    timezone = serializers.CharField()
    nudges = PreviewSlotSerializer(many=True)


class AckSerializer(StrictSerializer):
    action = serializers.ChoiceField(choices=AckAction.choices)
    minutes = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=services.MIN_SNOOZE_MINUTES,
        max_value=services.MAX_SNOOZE_MINUTES,
    )
    # With "moved": the micro-break done (default: the one the nudge suggested).
    exercise = serializers.SlugField(max_length=80, required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["action"] == AckAction.SNOOZE and attrs.get("minutes") is None:
            raise serializers.ValidationError({"minutes": [_("How many minutes? 5 to 60.")]})
        if attrs["action"] != AckAction.SNOOZE and attrs.get("minutes") is not None:
            raise serializers.ValidationError({"minutes": [_("Minutes only go with snooze.")]})
        return attrs


class AckResultSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    acknowledged_at = serializers.DateTimeField()
    action = serializers.CharField()


class SummaryQuerySerializer(StrictSerializer):
    date = BoundedDateField(required=False)


class SummarySerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    sent = serializers.IntegerField()
    acknowledged = serializers.IntegerField()
    breaks = serializers.IntegerField()
    longest_stretch_minutes = serializers.IntegerField()


class InboxQuerySerializer(StrictSerializer):
    unread = serializers.BooleanField(required=False, default=False)
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1)


class DoseSerializer(serializers.Serializer[Any]):
    sets = serializers.IntegerField(allow_null=True)
    reps = serializers.IntegerField(allow_null=True)
    hold_seconds = serializers.IntegerField(allow_null=True)


class InboxMessageSerializer(serializers.ModelSerializer[InboxMessage]):
    nudge = serializers.IntegerField(source="nudge_id", read_only=True, allow_null=True)
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
        return nudge_fields(message)["nudge_kind"]

    def get_exercise(self, message: InboxMessage) -> str | None:
        return nudge_fields(message)["exercise"]

    @extend_schema_field(DoseSerializer(allow_null=True))
    def get_dose(self, message: InboxMessage) -> dict[str, Any] | None:
        return nudge_fields(message)["dose"]


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
