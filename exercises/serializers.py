"""Library serializers. Texts come from the entry's translation in the caller's language,
picked from prefetched rows: no query per entry."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.api import StrictSerializer
from exercises.models import (
    ErgonomicTip,
    Exercise,
    Routine,
    RoutineItem,
    content_language,
    labelled_choices,
    pick_translation,
)
from exercises.pose_shapes import BONES, cached_figure
from exercises.vocabulary import BODY_REGIONS, EQUIPMENT, EXERCISE_CATEGORIES, POSITIONS


class DosageSerializer(serializers.Serializer[Any]):
    sets = serializers.IntegerField()
    reps = serializers.IntegerField(allow_null=True)
    hold_seconds = serializers.IntegerField(allow_null=True)
    rest_seconds = serializers.IntegerField()
    per_side = serializers.BooleanField()


class PoseSerializer(serializers.Serializer[Any]):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    view = serializers.ChoiceField(choices=["side", "front", "top"])
    svg_url = serializers.CharField()
    points = serializers.DictField(child=serializers.ListField(child=serializers.FloatField()))
    bones = serializers.ListField(child=serializers.ListField(child=serializers.CharField()))
    # The drawing itself (exercises/pose_shapes.py): the PWA draws these shapes as they are.
    view_box = serializers.ListField(child=serializers.FloatField(), min_length=4, max_length=4)
    width = serializers.FloatField()
    height = serializers.FloatField()
    shapes = serializers.ListField(child=serializers.DictField())


class PrecautionSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    detail = serializers.CharField()


def dosage_of(row: Any) -> dict[str, Any]:
    return {
        "sets": row.sets,
        "reps": row.reps,
        "hold_seconds": row.hold_seconds,
        "rest_seconds": row.rest_seconds,
        "per_side": row.per_side,
    }


def pose_svg_url(slug: str, key: str) -> str:
    return f"/api/exercises/{slug}/poses/{key}.svg"


class _Translated(serializers.ModelSerializer[Any]):
    """Texts in the caller's language, else English. ``language`` names the language the
    texts are in and ``translation_fallback`` is true when that is not the one asked for,
    so the builder can mark an entry a patient would get in English."""

    language = serializers.SerializerMethodField()
    translation_fallback = serializers.SerializerMethodField()

    def requested_language(self) -> str:
        return content_language(str(self.context.get("language", "en")))

    def translated(self, entry: Any) -> Any:
        return pick_translation(entry, self.requested_language())

    def get_language(self, entry: Any) -> str:
        return str(self.translated(entry).language)

    def get_translation_fallback(self, entry: Any) -> bool:
        return self.get_language(entry) != self.requested_language()


class ExerciseSummarySerializer(_Translated):
    name = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    equipment = serializers.ListField(child=serializers.CharField(), read_only=True)
    dosage = serializers.SerializerMethodField()
    poses = serializers.SerializerMethodField()
    retired = serializers.SerializerMethodField()

    class Meta:
        model = Exercise
        fields: tuple[str, ...] = (
            "slug",
            "name",
            "summary",
            "category",
            "body_region",
            "position",
            "equipment",
            "difficulty",
            "desk_friendly",
            "duration_minutes",
            "dosage",
            "poses",
            "retired",
            "language",
            "translation_fallback",
        )
        read_only_fields = fields

    def get_name(self, exercise: Exercise) -> str:
        return str(self.translated(exercise).name)

    def get_summary(self, exercise: Exercise) -> str:
        return str(self.translated(exercise).summary)

    def get_retired(self, exercise: Exercise) -> bool:
        return exercise.retired_at is not None

    @extend_schema_field(DosageSerializer)
    def get_dosage(self, exercise: Exercise) -> dict[str, Any]:
        return dosage_of(exercise)

    @extend_schema_field(PoseSerializer(many=True))
    def get_poses(self, exercise: Exercise) -> list[dict[str, Any]]:
        labels = self.translated(exercise).pose_labels
        return [
            {
                "key": pose["key"],
                "label": labels.get(pose["key"], pose["key"]),
                "view": pose["view"],
                "svg_url": pose_svg_url(exercise.slug, pose["key"]),
                "points": pose["points"],
                "bones": BONES,
                **cached_figure(pose),
            }
            for pose in exercise.poses
        ]


class ExerciseSerializer(ExerciseSummarySerializer):
    steps = serializers.SerializerMethodField()
    cues = serializers.SerializerMethodField()
    mistakes = serializers.SerializerMethodField()
    safety_notes = serializers.SerializerMethodField()
    keywords = serializers.SerializerMethodField()
    precautions = serializers.SerializerMethodField()
    progression = serializers.SlugRelatedField[Exercise](slug_field="slug", read_only=True)
    regression = serializers.SlugRelatedField[Exercise](slug_field="slug", read_only=True)

    class Meta(ExerciseSummarySerializer.Meta):
        fields = (
            *ExerciseSummarySerializer.Meta.fields,
            "steps",
            "cues",
            "mistakes",
            "safety_notes",
            "keywords",
            "precautions",
            "progression",
            "regression",
        )
        read_only_fields = fields

    def get_steps(self, exercise: Exercise) -> list[str]:
        return list(self.translated(exercise).steps)

    def get_cues(self, exercise: Exercise) -> list[str]:
        return list(self.translated(exercise).cues)

    def get_mistakes(self, exercise: Exercise) -> list[str]:
        return list(self.translated(exercise).mistakes)

    def get_safety_notes(self, exercise: Exercise) -> list[str]:
        return list(self.translated(exercise).safety_notes)

    def get_keywords(self, exercise: Exercise) -> list[str]:
        return list(self.translated(exercise).keywords)

    @extend_schema_field(PrecautionSerializer(many=True))
    def get_precautions(self, exercise: Exercise) -> list[dict[str, str]]:
        result = []
        for precaution in exercise.precautions.all():
            text = pick_translation(precaution, self.requested_language())
            result.append({"code": precaution.code, "label": text.label, "detail": text.detail})
        return result


class ExerciseRefSerializer(_Translated):
    name = serializers.SerializerMethodField()

    class Meta:
        model = Exercise
        fields = ("slug", "name", "language", "translation_fallback")
        read_only_fields = fields

    def get_name(self, exercise: Exercise) -> str:
        return str(self.translated(exercise).name)


class RoutineItemSerializer(serializers.ModelSerializer[RoutineItem]):
    exercise = ExerciseRefSerializer(read_only=True)

    class Meta:
        model = RoutineItem
        fields = ("exercise", "sets", "reps", "hold_seconds", "rest_seconds", "per_side")
        read_only_fields = fields


class RoutineSerializer(_Translated):
    name = serializers.SerializerMethodField()
    goal = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    items = RoutineItemSerializer(many=True, read_only=True)

    class Meta:
        model = Routine
        fields = (
            "slug",
            "name",
            "goal",
            "description",
            "duration_minutes",
            "weeks",
            "items",
            "language",
            "translation_fallback",
        )
        read_only_fields = fields

    def get_name(self, routine: Routine) -> str:
        return str(self.translated(routine).name)

    def get_goal(self, routine: Routine) -> str:
        return str(self.translated(routine).goal)

    def get_description(self, routine: Routine) -> str:
        return str(self.translated(routine).description)


class TipSerializer(_Translated):
    title = serializers.SerializerMethodField()
    text = serializers.SerializerMethodField()
    nudge = serializers.SerializerMethodField()

    class Meta:
        model = ErgonomicTip
        fields = ("slug", "topic", "title", "text", "nudge", "language", "translation_fallback")
        read_only_fields = fields

    def get_title(self, tip: ErgonomicTip) -> str:
        return str(self.translated(tip).title)

    def get_text(self, tip: ErgonomicTip) -> str:
        return str(self.translated(tip).text)

    def get_nudge(self, tip: ErgonomicTip) -> str:
        return str(self.translated(tip).nudge)


class ClinicExerciseInSerializer(StrictSerializer):
    """A clinic's own exercise: the shape of a library file's entry. The top level is
    checked here; the nested parts (dosage, poses, texts) by the library's content rules
    in the service, so both paths into the library obey the same checks."""

    slug = serializers.SlugField(max_length=80)
    # The model's choices (with labels), so the schema names one enum per set of values.
    category = serializers.ChoiceField(choices=labelled_choices(EXERCISE_CATEGORIES))
    body_region = serializers.ChoiceField(choices=labelled_choices(BODY_REGIONS))
    position = serializers.ChoiceField(choices=labelled_choices(POSITIONS))
    equipment = serializers.ListField(child=serializers.ChoiceField(choices=EQUIPMENT))
    difficulty = serializers.IntegerField(min_value=1, max_value=5)
    desk_friendly = serializers.BooleanField()
    dosage = serializers.JSONField()
    duration_minutes = serializers.IntegerField(min_value=1, max_value=30)
    progression = serializers.SlugField(max_length=80, allow_null=True)
    regression = serializers.SlugField(max_length=80, allow_null=True)
    precautions = serializers.ListField(child=serializers.SlugField(max_length=60))
    poses = serializers.JSONField()
    translations = serializers.JSONField()


class ClinicRoutineInSerializer(StrictSerializer):
    """A clinic's own routine, the shape of a routines.yaml entry (see above)."""

    slug = serializers.SlugField(max_length=80)
    duration_minutes = serializers.IntegerField(min_value=1, max_value=60)
    weeks = serializers.IntegerField(min_value=1, max_value=12, allow_null=True)
    items = serializers.JSONField()
    translations = serializers.JSONField()
