"""The output of GET /api/today/ (and the safety document it carries, shared with GET
/api/safety/): shaped from ``selectors.today_for``, written on the hot path with plain reads
while the declared fields describe the schema."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import TYPE_CHECKING, Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.programs.models import ProgramItem
from backend.programs.serializers import ProgramItemSerializer
from backend.rawjson import RawJSON
from exercises.serializers import ExerciseSerializer

if TYPE_CHECKING:
    from backend.programs.selectors import Today


class TodayItemSerializer(ProgramItemSerializer):
    """A program item with the full exercise (steps, cues, safety notes) for the player;
    the exercise payloads come prebuilt in the context (exercises.payloads)."""

    exercise = serializers.SerializerMethodField()  # type: ignore[assignment]

    @extend_schema_field(ExerciseSerializer)
    def get_exercise(self, item: ProgramItem) -> dict[str, Any]:
        return dict(self.context["exercise_payloads"][item.exercise_id])

    def to_representation(self, instance: ProgramItem) -> dict[str, Any]:
        # The hot path of GET /api/today/: plain attribute reads instead of one field
        # object per value (the declared fields still describe the schema).
        data = {name: getattr(instance, name) for name in self.Meta.fields if name != "exercise"}
        encoded = self.context.get("encoded_exercises")
        if encoded is None:
            data["exercise"] = self.get_exercise(instance)
        else:
            # Today: the payload encoded once per exercise version and language
            # (backend/rawjson.py), written out as is by the view's renderer.
            key = (instance.exercise_id, instance.exercise_updated_at, self.context["language"])  # type: ignore[attr-defined]
            data["exercise"] = encoded.get(key, lambda: self.get_exercise(instance))
        return data


# -- GET /api/today/: output only, shaped from ``selectors.today_for`` ------------------------


@dataclass(frozen=True)
class TodayPage:
    """What GET /api/today/ answers: the patient's day, the safety content the PWA applies
    offline, and whether the red-flag check must be answered before a session."""

    day: Today
    safety: RawJSON  # the SafetyDocumentSerializer's output, encoded (EncodedSafetyField)
    screening: Mapping[str, Any]


class TodaySessionSerializer(serializers.Serializer[Any]):
    id = serializers.CharField()
    completed_at = serializers.DateTimeField()


class TodayAssignmentSerializer(serializers.Serializer[Any]):
    """An active assignment on the patient's day: due today, done today, the items of its
    current phase."""

    # Reads a selectors.TodayEntry.

    id = serializers.IntegerField(source="assignment.pk")
    program_name = serializers.CharField(source="assignment.program.name")
    program_version = serializers.IntegerField(source="assignment.program.current_version.number")
    notes = serializers.CharField(source="assignment.notes")
    program_notes = serializers.CharField(source="assignment.program.current_version.notes")
    preferred_time = serializers.TimeField(
        source="assignment.preferred_time", format="%H:%M", allow_null=True
    )
    due = serializers.BooleanField()
    done = serializers.BooleanField()
    phase = serializers.IntegerField()
    items = TodayItemSerializer(many=True)
    sessions_today = TodaySessionSerializer(many=True)


class TodayProgressSerializer(serializers.Serializer[Any]):
    streak = serializers.IntegerField()
    adherence_7d = serializers.FloatField(allow_null=True)


class ClinicContactSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    hours = serializers.CharField()


class PainAlertTodaySerializer(serializers.Serializer[Any]):
    session = serializers.CharField()
    completed_at = serializers.DateTimeField()
    advice = serializers.CharField()
    physio_told = serializers.BooleanField()
    clinic = ClinicContactSerializer(allow_null=True)


class PainRuleSerializer(serializers.Serializer[Any]):
    rise_points = serializers.IntegerField()
    high_level = serializers.IntegerField()


class RedFlagSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    action = serializers.CharField()
    # The field is called label in the document; the stubs know Field.label (its title).
    label = serializers.CharField()  # type: ignore[assignment]
    question = serializers.CharField()
    advice = serializers.CharField()


class SafetyDocumentSerializer(serializers.Serializer[Any]):
    """The pain rule's thresholds and advice, and the red flags, as the server applies them
    (the PWA applies the same offline)."""

    # exercises.safety_content's as_document(), for GET /api/safety/ and Today.

    language = serializers.CharField()
    pain_rule = PainRuleSerializer()
    advice = serializers.DictField(child=serializers.CharField())
    actions = serializers.DictField(child=serializers.CharField())
    red_flags = RedFlagSerializer(many=True)


@extend_schema_field(SafetyDocumentSerializer)
class EncodedSafetyField(serializers.Field):  # type: ignore[type-arg]
    """Today's safety document, which changes only with a deploy: encoded once per
    language by the view (``backend.rawjson``) and written out as it is, instead of being
    serialized again on every request. Documented as a ``SafetyDocumentSerializer``."""

    def to_representation(self, value: Any) -> Any:
        return value


class TodayScreeningSerializer(serializers.Serializer[Any]):
    """``screening.screening_state``: ``due``, the check must be answered before a session;
    ``blocked``, the last answers had a "yes"."""

    due = serializers.BooleanField()
    blocked = serializers.BooleanField()
    flagged = serializers.ListField(child=serializers.CharField())
    answered_at = serializers.DateTimeField(allow_null=True)


class TodaySerializer(serializers.Serializer[TodayPage]):
    """Everything due today in the patient's time zone, in one response."""

    # Shapes a TodayPage (docs/API.md). The items' exercise payloads come from the context
    # (exercise_payloads, encoded_exercises, language), as for TodayItemSerializer.

    date = serializers.DateField(source="day.date")
    timezone = serializers.CharField(source="day.timezone")
    assignments = TodayAssignmentSerializer(source="day.assignments", many=True)
    progress = TodayProgressSerializer(source="day.progress")
    safety = EncodedSafetyField()
    screening = TodayScreeningSerializer()
    pain_alert = PainAlertTodaySerializer(source="day.pain_alert", allow_null=True)

    def to_representation(self, instance: TodayPage) -> dict[str, Any]:
        # The hot path of GET /api/today/ (every open of the app): the same document as the
        # declared fields give (which still describe the schema), written with plain reads
        # instead of building some forty field objects per request.
        # tests/programs/test_today_document.py compares the two on every shape of day.
        day = instance.day
        items = TodayItemSerializer(context=self.context)
        alert = day.pain_alert
        screening = instance.screening
        return {
            "date": _DATE.to_representation(day.date),
            "timezone": day.timezone,
            "assignments": [
                {
                    "id": entry.assignment.pk,
                    "program_name": entry.assignment.program.name,
                    "program_version": _version(entry, "number"),
                    "notes": entry.assignment.notes,
                    "program_notes": _version(entry, "notes"),
                    "preferred_time": _clock(entry.assignment.preferred_time),
                    "due": entry.due,
                    "done": entry.done,
                    "phase": entry.phase,
                    "items": [items.to_representation(item) for item in entry.items],
                    "sessions_today": [
                        {"id": str(s.id), "completed_at": _MOMENT.to_representation(s.completed_at)}
                        for s in entry.sessions_today
                    ],
                }
                for entry in day.assignments
            ],
            "progress": {
                "streak": day.progress["streak"],
                "adherence_7d": day.progress["adherence_7d"],
            },
            "safety": instance.safety,
            "screening": {
                "due": screening["due"],
                "blocked": screening["blocked"],
                "flagged": [str(code) for code in screening["flagged"]],
                "answered_at": _MOMENT.to_representation(screening["answered_at"]),
            },
            "pain_alert": None
            if alert is None
            else {
                "session": str(alert["session"]),
                "completed_at": _MOMENT.to_representation(alert["completed_at"]),
                "advice": alert["advice"],
                "physio_told": alert["physio_told"],
                "clinic": None if alert["clinic"] is None else dict(alert["clinic"]),
            },
        }


# The formats of Today's declared fields, for its plain writer above.
_DATE = serializers.DateField()
_MOMENT = serializers.DateTimeField()
_CLOCK = serializers.TimeField(format="%H:%M")


def _clock(value: time | None) -> str | None:
    return None if value is None else str(_CLOCK.to_representation(value))


def _version(entry: Any, name: str) -> Any:
    version = entry.assignment.program.current_version
    return getattr(version, name) if version is not None else None
