"""Programs HTTP shapes. Input serializers only validate; services do the writing."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.api import BoundedDateField, BoundedDateTimeField, StrictSerializer, WallClockField
from backend.programs.models import (
    Alert,
    Assignment,
    Difficulty,
    Program,
    ProgramItem,
    Session,
)
from backend.programs.safety import safety_for
from exercises.serializers import ExerciseSummarySerializer


def _reps_or_hold(attrs: dict[str, Any]) -> dict[str, Any]:
    # Both together mean a hold per rep (the timer paces each one).
    if attrs.get("reps") is None and attrs.get("hold_seconds") is None:
        raise serializers.ValidationError({"reps": [_("Give reps, hold_seconds, or both.")]})
    return attrs


class PhaseSerializer(StrictSerializer):
    number = serializers.IntegerField(min_value=1, max_value=10)
    label = serializers.CharField(max_length=60, allow_blank=True, default="")  # type: ignore[assignment]
    starts_week = serializers.IntegerField(min_value=1, max_value=52)


class ExerciseRefField(serializers.SlugField):
    """An exercise by slug; the object GET renders (``{"slug": …, …}``) is taken too, so a
    program read back from the API can be sent back as it came."""

    def to_internal_value(self, data: Any) -> str:
        if isinstance(data, dict) and "slug" in data:
            data = data["slug"]
        return str(super().to_internal_value(data))


class ProgramItemInSerializer(StrictSerializer):
    exercise = ExerciseRefField(max_length=80)
    sets = serializers.IntegerField(min_value=1, max_value=10)
    reps = serializers.IntegerField(min_value=1, max_value=100, allow_null=True, default=None)
    hold_seconds = serializers.IntegerField(
        min_value=1, max_value=600, allow_null=True, default=None
    )
    rest_seconds = serializers.IntegerField(min_value=0, max_value=600, default=30)
    per_side = serializers.BooleanField(default=False)
    tempo = serializers.CharField(max_length=40, allow_blank=True, default="")
    notes = serializers.CharField(max_length=500, allow_blank=True, default="")
    phase = serializers.IntegerField(min_value=1, max_value=10, default=1)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return _reps_or_hold(attrs)


class ProgramInSerializer(StrictSerializer):
    name = serializers.CharField(max_length=120)
    notes = serializers.CharField(max_length=2000, allow_blank=True, required=False)
    routine = serializers.SlugField(max_length=80, required=False)
    items = ProgramItemInSerializer(many=True, required=False, max_length=40)  # type: ignore[call-arg]
    phases = PhaseSerializer(many=True, required=False, max_length=10)  # type: ignore[call-arg]


class ProgramItemSerializer(serializers.ModelSerializer[ProgramItem]):
    exercise = ExerciseSummarySerializer(read_only=True)

    class Meta:
        model = ProgramItem
        fields = (
            "id",
            "position",
            "phase",
            "exercise",
            "sets",
            "reps",
            "hold_seconds",
            "rest_seconds",
            "per_side",
            "tempo",
            "notes",
        )
        read_only_fields = fields


class ProgramSerializer(serializers.ModelSerializer[Program]):
    version = serializers.IntegerField(source="current_version.number", read_only=True)
    notes = serializers.CharField(source="current_version.notes", read_only=True)
    phases = serializers.ListField(
        source="current_version.phases", child=PhaseSerializer(), read_only=True
    )
    items = ProgramItemSerializer(source="current_version.items", many=True, read_only=True)

    class Meta:
        model = Program
        fields = ("id", "name", "notes", "version", "phases", "items", "created_at")
        read_only_fields = fields


# What GET renders may be PUT back: its read-only keys are ignored (backend.api).
ProgramItemInSerializer.echoes = ProgramItemSerializer
ProgramInSerializer.echoes = ProgramSerializer


class ProgramRefSerializer(serializers.ModelSerializer[Program]):
    version = serializers.IntegerField(source="current_version.number", read_only=True)

    class Meta:
        model = Program
        fields = ("id", "name", "version")
        read_only_fields = fields


class PersonRefSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    full_name = serializers.CharField()


class AssignmentInSerializer(StrictSerializer):
    program = serializers.IntegerField(min_value=1)
    patient = serializers.IntegerField(min_value=1)
    start_date = BoundedDateField()
    end_date = BoundedDateField(allow_null=True, default=None)
    days_of_week = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=7), min_length=1, max_length=7
    )
    preferred_time = WallClockField(allow_null=True, default=None)
    notes = serializers.CharField(max_length=2000, allow_blank=True, default="")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["end_date"] is not None and attrs["end_date"] < attrs["start_date"]:
            raise serializers.ValidationError(
                {"end_date": [_("The end date must not be before the start date.")]}
            )
        return attrs


class AssignmentSerializer(serializers.ModelSerializer[Assignment]):
    program = ProgramRefSerializer(read_only=True)
    patient = PersonRefSerializer(read_only=True)
    preferred_time = serializers.TimeField(format="%H:%M", read_only=True, allow_null=True)

    class Meta:
        model = Assignment
        fields = (
            "id",
            "program",
            "patient",
            "start_date",
            "end_date",
            "days_of_week",
            "preferred_time",
            "notes",
            "status",
        )
        read_only_fields = fields


class SessionItemInSerializer(StrictSerializer):
    exercise = serializers.SlugField(max_length=80)
    sets_done = serializers.IntegerField(min_value=0, max_value=20, default=0)
    reps_done = serializers.IntegerField(min_value=0, max_value=300, allow_null=True, default=None)
    hold_seconds_done = serializers.IntegerField(
        min_value=0, max_value=1200, allow_null=True, default=None
    )
    skipped = serializers.BooleanField(default=False)
    skip_reason = serializers.CharField(max_length=200, allow_blank=True, default="")


# What logging a session reads of its assignment (``session_log``): each column more is
# compiled and loaded on every session a patient sends.
_READ_TO_LOG = (
    "id", "patient", "program", "start_date", "status", "adherence_check_at",
    "program__current_version", "program__current_version__number",
    "program__current_version__created_at",
)  # fmt: skip


class SessionInSerializer(StrictSerializer):
    id = serializers.UUIDField()
    assignment = serializers.PrimaryKeyRelatedField(queryset=Assignment.objects.none())
    started_at = BoundedDateTimeField()
    completed_at = BoundedDateTimeField()
    pain_before = serializers.IntegerField(min_value=0, max_value=10)
    pain_after = serializers.IntegerField(min_value=0, max_value=10)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices)
    items = SessionItemInSerializer(many=True, max_length=60, default=list)  # type: ignore[call-arg]
    notes = serializers.CharField(max_length=2000, allow_blank=True, default="")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        patient = self.context.get("patient")
        field = self.fields["assignment"]
        # Only the caller's own assignments exist here: another patient's id is simply
        # "not found", never a hint that it exists.
        field.queryset = (
            Assignment.objects.filter(patient=patient)
            .select_related("program__current_version")
            .only(*_READ_TO_LOG)
            if patient is not None
            else Assignment.objects.none()
        )


# The session serializers declare their read-only fields instead of deriving them from the
# models (ModelSerializer): they answer every session a patient logs, and deriving the
# fields again per response was a tenth of that request's time. The schema is the same.
class SessionItemSerializer(serializers.Serializer[Any]):
    position = serializers.IntegerField(read_only=True)
    exercise = serializers.CharField(source="exercise.slug", read_only=True)
    sets_done = serializers.IntegerField(read_only=True)
    reps_done = serializers.IntegerField(read_only=True, allow_null=True)
    hold_seconds_done = serializers.IntegerField(read_only=True, allow_null=True)
    skipped = serializers.BooleanField(read_only=True)
    skip_reason = serializers.CharField(read_only=True)


class SafetySerializer(serializers.Serializer[Any]):
    alert = serializers.BooleanField()
    advice = serializers.CharField(allow_null=True)


class SessionSerializer(serializers.Serializer[Any]):
    # The client's id (unique per patient), not the row's own key.
    id = serializers.UUIDField(source="client_id", read_only=True)
    assignment = serializers.IntegerField(source="assignment_id", read_only=True)
    program_version = serializers.IntegerField(source="program_version.number", read_only=True)
    started_at = serializers.DateTimeField(read_only=True)
    completed_at = serializers.DateTimeField(read_only=True)
    local_date = serializers.DateField(read_only=True)
    pain_before = serializers.IntegerField(read_only=True)
    pain_after = serializers.IntegerField(read_only=True)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, read_only=True)
    notes = serializers.CharField(read_only=True)
    items = SessionItemSerializer(many=True, read_only=True)
    safety = serializers.SerializerMethodField()

    @extend_schema_field(SafetySerializer)
    def get_safety(self, session: Session) -> dict[str, Any]:
        return safety_for(session, self.context.get("language"))

    def to_representation(self, instance: Session) -> dict[str, Any]:
        # The answer to every POST /api/sessions/: the document the declared fields give
        # (they still describe the schema), with plain reads instead of copying and running
        # some twenty field objects per session. tests/programs/test_session_document.py
        # compares the two on every kind of session.
        version = instance.program_version
        return {
            "id": str(instance.client_id),
            "assignment": instance.assignment_id,
            "program_version": version.number,
            "started_at": _MOMENT.to_representation(instance.started_at),
            "completed_at": _MOMENT.to_representation(instance.completed_at),
            "local_date": _DATE.to_representation(instance.local_date),
            "pain_before": instance.pain_before,
            "pain_after": instance.pain_after,
            "difficulty": instance.difficulty,
            "notes": instance.notes,
            "items": [
                {
                    "position": item.position,
                    "exercise": item.exercise.slug,
                    "sets_done": item.sets_done,
                    "reps_done": item.reps_done,
                    "hold_seconds_done": item.hold_seconds_done,
                    "skipped": item.skipped,
                    "skip_reason": item.skip_reason,
                }
                for item in instance.items.all()
            ],
            "safety": self.get_safety(instance),
        }


# The formats of the session's declared fields, for its plain writer above.
_DATE = serializers.DateField()
_MOMENT = serializers.DateTimeField()


class _PersonSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    full_name = serializers.CharField()


class AlertSerializer(serializers.ModelSerializer[Alert]):
    patient = serializers.SerializerMethodField()
    acknowledged_by = serializers.SerializerMethodField()
    resolved_by = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()

    class Meta:
        model = Alert
        fields = (
            "id",
            "kind",
            "reason",
            "message",
            "created_at",
            "status",
            "patient",
            "session",
            "acknowledged_at",
            "acknowledged_by",
            "resolved_at",
            "resolved_by",
            "review_note",
        )
        read_only_fields = fields

    @staticmethod
    def _person(user: Any) -> dict[str, Any] | None:
        return None if user is None else {"id": user.pk, "full_name": user.full_name}

    @extend_schema_field(_PersonSerializer)
    def get_patient(self, alert: Alert) -> dict[str, Any] | None:
        return self._person(alert.patient)

    @extend_schema_field(_PersonSerializer(allow_null=True))
    def get_acknowledged_by(self, alert: Alert) -> dict[str, Any] | None:
        return self._person(alert.acknowledged_by)

    @extend_schema_field(_PersonSerializer(allow_null=True))
    def get_resolved_by(self, alert: Alert) -> dict[str, Any] | None:
        return self._person(alert.resolved_by)

    @extend_schema_field(serializers.ChoiceField(choices=["new", "acknowledged", "resolved"]))
    def get_status(self, alert: Alert) -> str:
        if alert.resolved_at is not None:
            return "resolved"
        return "new" if alert.acknowledged_at is None else "acknowledged"


class AlertReviewSerializer(StrictSerializer):
    note = serializers.CharField(max_length=1000, allow_blank=True, required=False, default="")
