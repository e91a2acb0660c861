"""Request and response shapes of the micro-break API (prescriptions, the patient's pool,
the busy pause, the calendar feed and break statistics). See docs/API.md."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from backend.api import StrictSerializer
from backend.nudges import texts
from backend.nudges.break_stats import MAX_WEEKS, MIN_WEEKS
from backend.nudges.services import BUSY_MINUTES


class BreakItemSerializer(StrictSerializer):
    exercise = serializers.SlugField(max_length=80)
    sets = serializers.IntegerField(min_value=1, max_value=10, required=False, default=1)
    reps = serializers.IntegerField(min_value=1, max_value=100, required=False, allow_null=True)
    hold_seconds = serializers.IntegerField(
        min_value=1, max_value=300, required=False, allow_null=True
    )
    every_nth = serializers.IntegerField(min_value=1, max_value=10, required=False, default=1)


class CandidateSerializer(serializers.Serializer[Any]):
    slug = serializers.CharField()
    name = serializers.CharField()
    source = serializers.ChoiceField(choices=["library", "program"])  # type: ignore[assignment]
    conflict = serializers.BooleanField()
    conflict_reason = serializers.CharField(allow_null=True)


class EffectiveItemSerializer(serializers.Serializer[Any]):
    exercise = serializers.CharField()
    name = serializers.CharField()
    sets = serializers.IntegerField(allow_null=True)
    reps = serializers.IntegerField(allow_null=True)
    hold_seconds = serializers.IntegerField(allow_null=True)


class PrescriptionSerializer(serializers.Serializer[Any]):
    items = BreakItemSerializer(many=True)
    excluded = serializers.ListField(child=serializers.CharField())
    candidates = CandidateSerializer(many=True, read_only=True)
    effective = EffectiveItemSerializer(many=True, read_only=True)


class PrescriptionInSerializer(StrictSerializer):
    """The physio's choice; ``candidates`` and ``effective`` (read-only) may be sent back."""

    echoes = PrescriptionSerializer

    items = BreakItemSerializer(many=True, max_length=30)  # type: ignore[call-arg]
    excluded = serializers.ListField(
        child=serializers.SlugField(max_length=80), max_length=100, required=False, default=list
    )


class BreakPoolSerializer(serializers.Serializer[Any]):
    items = EffectiveItemSerializer(many=True)


class BusyInSerializer(StrictSerializer):
    minutes = serializers.ChoiceField(
        choices=list(BUSY_MINUTES),
        required=False,
        error_messages={"invalid_choice": texts.BUSY_CHOICE},
    )
    until = serializers.ChoiceField(
        choices=["end_of_day"],
        required=False,
        error_messages={"invalid_choice": texts.BUSY_CHOICE},
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("minutes" in attrs) == ("until" in attrs):
            raise serializers.ValidationError({"minutes": [texts.BUSY_CHOICE]})
        return attrs


class BusyOutSerializer(serializers.Serializer[Any]):
    busy_until = serializers.DateTimeField(allow_null=True)


class BusyWindowSerializer(serializers.Serializer[Any]):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


class CalendarSerializer(serializers.Serializer[Any]):
    configured = serializers.BooleanField()
    host = serializers.CharField(allow_null=True)
    last_fetched_at = serializers.DateTimeField(allow_null=True)
    last_error = serializers.CharField(allow_null=True)
    busy = BusyWindowSerializer(many=True)


class CalendarInSerializer(StrictSerializer):
    """``url``: the private iCalendar address (https). Left out: nothing changes (so the
    GET body may be sent back)."""

    echoes = CalendarSerializer

    url = serializers.CharField(max_length=2000, required=False)


class StatsQuerySerializer(StrictSerializer):
    weeks = serializers.IntegerField(
        min_value=MIN_WEEKS, max_value=MAX_WEEKS, required=False, default=4
    )


class StatsDaySerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    offered = serializers.IntegerField()
    taken = serializers.IntegerField()


class StatsWeekSerializer(serializers.Serializer[Any]):
    week_start = serializers.DateField()
    offered = serializers.IntegerField()
    taken = serializers.IntegerField()


class StatsSittingSerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    minutes = serializers.IntegerField()


class StatsExerciseSerializer(serializers.Serializer[Any]):
    slug = serializers.CharField()
    name = serializers.CharField()
    count = serializers.IntegerField()


class BreakStatsSerializer(serializers.Serializer[Any]):
    days = StatsDaySerializer(many=True)
    weeks = StatsWeekSerializer(many=True)
    longest_sitting_minutes = StatsSittingSerializer(many=True)
    exercises = StatsExerciseSerializer(many=True)
