from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from backend.api import BoundedDateField, BoundedDateTimeField, StrictSerializer, WallClockField
from backend.nudges import services
from backend.nudges.models import AckAction, NudgePlan


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
