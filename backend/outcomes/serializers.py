"""Outcome-measure request and response shapes."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.api import BoundedDateField, StrictSerializer
from backend.outcomes import selectors
from backend.outcomes.models import OutcomeResponse, OutcomeSchedule
from backend.outcomes.scoring import MEASURES
from backend.outcomes.services import MAX_EVERY_WEEKS

MEASURE_CODES = list(MEASURES)


class ChoiceOutSerializer(serializers.Serializer[Any]):
    value = serializers.JSONField(help_text="A whole number, or true/false for yes/no items.")
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label


class MeasureItemSerializer(serializers.Serializer[Any]):
    index = serializers.IntegerField(help_text="Position in `answers`, from 0.")
    text = serializers.CharField()
    kind = serializers.ChoiceField(choices=["scale", "yes_no", "choice"])
    min = serializers.IntegerField(allow_null=True)
    max = serializers.IntegerField(allow_null=True)
    choices = ChoiceOutSerializer(many=True)


class MeasureSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="One of: " + ", ".join(MEASURE_CODES))
    name = serializers.CharField()
    min_items = serializers.IntegerField(help_text="Fewest answers accepted.")
    max_items = serializers.IntegerField()
    lower_is_better = serializers.BooleanField()
    items = MeasureItemSerializer(many=True)


class ScheduleInSerializer(StrictSerializer):
    patient = serializers.IntegerField()
    measure = serializers.ChoiceField(choices=MEASURE_CODES)
    every_weeks = serializers.IntegerField(min_value=1, max_value=MAX_EVERY_WEEKS, allow_null=True)
    start_date = BoundedDateField(required=False)


class ScheduleSerializer(serializers.ModelSerializer[OutcomeSchedule]):
    class Meta:
        model = OutcomeSchedule
        fields = ("id", "patient", "measure", "every_weeks", "start_date", "active", "created_at")


class DueSerializer(serializers.Serializer[Any]):
    schedule = serializers.IntegerField()
    measure = serializers.ChoiceField(choices=MEASURE_CODES)
    due_date = serializers.DateField()
    activities = serializers.ListField(child=serializers.CharField(), required=False)


class ResponseInSerializer(StrictSerializer):
    measure = serializers.ChoiceField(choices=MEASURE_CODES)
    answers = serializers.ListField(child=serializers.JSONField(allow_null=True), max_length=50)
    schedule = serializers.IntegerField(required=False, allow_null=True)
    # PSFS: the activities rated (named at baseline; later the stored ones are used)
    activities = serializers.ListField(
        child=serializers.CharField(max_length=80, allow_blank=True), max_length=5, required=False
    )


class ChangeSerializer(serializers.Serializer[Any]):
    delta = serializers.FloatField()
    percent = serializers.FloatField(allow_null=True)
    direction = serializers.ChoiceField(choices=["improved", "worsened", "unchanged"])
    meaningful = serializers.BooleanField()


class ResponseSerializer(serializers.ModelSerializer[OutcomeResponse]):
    change = serializers.SerializerMethodField()
    answered_items = serializers.SerializerMethodField()
    total_items = serializers.SerializerMethodField()

    class Meta:
        model = OutcomeResponse
        fields = (
            "id",
            "patient",
            "measure",
            "schedule",
            "answers",
            "score",
            "answered_at",
            "local_date",
            "change",
            "answered_items",
            "total_items",
            "activities",
        )
        read_only_fields = ("activities",)

    @extend_schema_field(serializers.IntegerField())
    def get_answered_items(self, response: OutcomeResponse) -> int:
        """How many items were answered (ODI: "8 of 10 sections answered")."""
        answers = response.answers if isinstance(response.answers, list) else []
        return sum(answer is not None for answer in answers)

    @extend_schema_field(serializers.IntegerField())
    def get_total_items(self, response: OutcomeResponse) -> int:
        answers = response.answers if isinstance(response.answers, list) else []
        return len(answers)

    @extend_schema_field(ChangeSerializer(allow_null=True))
    def get_change(self, response: OutcomeResponse) -> dict[str, Any] | None:
        return selectors.change_of(response)


class PsfsActivitiesSerializer(StrictSerializer):
    activities = serializers.ListField(
        child=serializers.CharField(max_length=80, allow_blank=True), max_length=5
    )
