"""Request and response shapes of the messaging API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rest_framework import serializers

from backend.api import StrictSerializer
from backend.messaging.models import Consent, ConsentMethod, Message, TimeCategory, TimeEntry


class MessageInSerializer(StrictSerializer):
    id = serializers.UUIDField()
    body = serializers.CharField(max_length=20_000, trim_whitespace=False)
    patient = serializers.IntegerField(required=False, min_value=1)


class ThreadReadInSerializer(StrictSerializer):
    patient = serializers.IntegerField(required=False, min_value=1)


def message_data(message: Message, viewer_id: int, marks: dict[int, datetime]) -> dict[str, Any]:
    sender = message.sender
    mark = marks.get(viewer_id)
    mine = message.sender_id == viewer_id
    return {
        "id": str(message.id),
        "patient": message.patient_id,
        "sender": {"id": sender.pk, "full_name": sender.full_name, "role": sender.role}
        if sender
        else None,
        "from_patient": message.sender_is_patient,
        "body": message.body,
        "created_at": message.created_at,
        "mine": mine,
        "read": mine or (mark is not None and mark >= message.created_at),
        # Has anyone on the other side read it (for the sender's "seen")?
        "seen": any(
            user_id != message.sender_id and read_until >= message.created_at
            for user_id, read_until in marks.items()
        ),
        "no_reply_needed": message.no_reply_needed_at is not None,
    }


class MessageOutSerializer(serializers.Serializer[Any]):
    """For the schema: the shape ``message_data`` returns."""

    id = serializers.UUIDField()
    patient = serializers.IntegerField()
    sender = serializers.DictField(allow_null=True)
    from_patient = serializers.BooleanField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()
    mine = serializers.BooleanField()
    read = serializers.BooleanField()
    seen = serializers.BooleanField()
    no_reply_needed = serializers.BooleanField()


class ConsentInSerializer(StrictSerializer):
    patient = serializers.IntegerField(required=False, min_value=1)
    given_on = serializers.DateField(required=False)
    method = serializers.ChoiceField(choices=ConsentMethod.choices, required=False)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class ConsentSerializer(serializers.ModelSerializer[Consent]):
    recorded_by = serializers.SerializerMethodField()

    class Meta:
        model = Consent
        fields = (
            "id",
            "patient",
            "given_on",
            "method",
            "note",
            "recorded_by",
            "created_at",
            "revoked_on",
        )

    def get_recorded_by(self, obj: Consent) -> dict[str, Any] | None:
        user = obj.recorded_by
        return {"id": user.pk, "full_name": user.full_name, "role": user.role} if user else None


class TimeEntryInSerializer(StrictSerializer):
    patient = serializers.IntegerField(min_value=1)
    category = serializers.ChoiceField(choices=TimeCategory.choices)
    minutes = serializers.IntegerField(min_value=1, max_value=600)
    on_date = serializers.DateField(required=False)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class TimeEntryEditSerializer(StrictSerializer):
    category = serializers.ChoiceField(choices=TimeCategory.choices, required=False)
    minutes = serializers.IntegerField(min_value=1, max_value=600, required=False)
    on_date = serializers.DateField(required=False)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class TimerStartSerializer(StrictSerializer):
    patient = serializers.IntegerField(min_value=1)
    category = serializers.ChoiceField(choices=TimeCategory.choices)


class TimeEntrySerializer(serializers.ModelSerializer[TimeEntry]):
    running = serializers.SerializerMethodField()

    class Meta:
        model = TimeEntry
        fields = (
            "id",
            "patient",
            "physio",
            "category",
            "minutes",
            "on_date",
            "note",
            "timer_started_at",
            "timer_stopped_at",
            "running",
            "created_at",
        )

    def get_running(self, obj: TimeEntry) -> bool:
        return obj.timer_started_at is not None and obj.timer_stopped_at is None


class PrefsSerializer(StrictSerializer):
    email_alerts = serializers.BooleanField()
    email_digest = serializers.BooleanField()


class ClinicSettingsSerializer(StrictSerializer):
    admins_read_threads = serializers.BooleanField()


def paginated(name: str, item: type[serializers.Serializer[Any]]) -> serializers.Serializer[Any]:
    """The schema of a paginated list of ``item`` (for API views the generator cannot see
    paginate)."""
    from drf_spectacular.utils import inline_serializer

    return inline_serializer(
        name,
        {
            "count": serializers.IntegerField(),
            "next": serializers.CharField(allow_null=True),
            "previous": serializers.CharField(allow_null=True),
            "results": item(many=True),
        },
    )
