from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from backend.accounts.models import Clinic, Invite, Role, User
from backend.accounts.privacy import EXPORTED
from backend.accounts.services import invite_url
from backend.accounts.timezones import is_valid_timezone
from backend.api import StrictModelSerializer, StrictSerializer


class ClinicSerializer(serializers.ModelSerializer[Clinic]):
    class Meta:
        model = Clinic
        fields = ("id", "name", "phone", "email", "hours")
        read_only_fields = fields


class TwoFactorStatusSerializer(serializers.Serializer[Any]):
    enrolled = serializers.BooleanField(read_only=True)
    required_by_clinic = serializers.BooleanField(read_only=True)
    recovery_codes_left = serializers.IntegerField(read_only=True)


class ClinicContactSerializer(StrictModelSerializer):
    """The clinic's contact details, as its administrators set them (all optional)."""

    phone = serializers.RegexField(
        r"^[0-9+()./ -]*$",
        max_length=40,
        allow_blank=True,
        required=False,
        error_messages={"invalid": gettext_lazy("Use digits, spaces and + ( ) - only.")},
    )

    class Meta:
        model = Clinic
        fields = ("id", "name", "phone", "email", "hours")
        read_only_fields = ("id", "name")


class MeSerializer(StrictModelSerializer):
    clinic = ClinicSerializer(read_only=True)
    language = serializers.ChoiceField(choices=[code for code, _ in settings.LANGUAGES])
    two_factor = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = (
            *("id", "email", "full_name", "role", "clinic", "timezone", "language"),
            "two_factor",
        )
        read_only_fields = ("id", "email", "role", "clinic", "two_factor")

    @extend_schema_field(TwoFactorStatusSerializer)
    def get_two_factor(self, user: User) -> dict[str, Any]:
        from backend.accounts import two_factor

        return two_factor.status_for(user)

    def validate_timezone(self, value: str) -> str:
        if not is_valid_timezone(value):
            raise serializers.ValidationError(
                _("Not a known IANA time zone name (for example Europe/London).")
            )
        return value

    def validate_full_name(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError(_("Please tell us your name."))
        return value.strip()


class CredentialsSerializer(StrictSerializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=256, trim_whitespace=False)
    # The two-factor code (or a recovery code), required once the account has enrolled.
    otp = serializers.CharField(max_length=16, required=False, allow_blank=True, default="")


class TokenSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(read_only=True)
    expires_at = serializers.DateTimeField(read_only=True)


class PasswordResetSerializer(StrictSerializer):
    email = serializers.EmailField(max_length=254)


class PasswordResetConfirmSerializer(StrictSerializer):
    uid = serializers.CharField(max_length=64)
    token = serializers.CharField(max_length=128)
    new_password = serializers.CharField(max_length=256, trim_whitespace=False)


class InviteCreateSerializer(StrictSerializer):
    role = serializers.ChoiceField(choices=[Role.PATIENT, Role.PHYSIO], default=Role.PATIENT)
    email = serializers.EmailField(max_length=254, required=False, allow_blank=True, default="")
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class InviteSerializer(serializers.ModelSerializer[Invite]):
    url = serializers.SerializerMethodField()
    qr_svg_url = serializers.SerializerMethodField()

    class Meta:
        model = Invite
        fields = ("code", "role", "email", "note", "url", "qr_svg_url", "expires_at", "used_at")
        read_only_fields = fields

    def get_url(self, invite: Invite) -> str:
        return invite_url(invite)

    def get_qr_svg_url(self, invite: Invite) -> str:
        return f"/api/invites/{invite.code}/qr.svg"


class InvitePublicSerializer(serializers.ModelSerializer[Invite]):
    clinic_name = serializers.CharField(source="clinic.name", read_only=True)
    valid = serializers.SerializerMethodField()

    class Meta:
        model = Invite
        # ``email``: the address the invite is for (the accept form is prefilled with it);
        # whoever holds the code was given it at that address.
        fields = ("code", "role", "clinic_name", "email", "expires_at", "valid")
        read_only_fields = fields

    def get_valid(self, invite: Invite) -> bool:
        return invite.is_valid()


class InviteAcceptSerializer(StrictSerializer):
    email = serializers.EmailField(max_length=254)
    full_name = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=256, trim_whitespace=False)
    timezone = serializers.CharField(max_length=64)


class PatientSerializer(serializers.ModelSerializer[User]):
    class Meta:
        model = User
        fields = ("id", "full_name", "email", "timezone")
        read_only_fields = fields


class CareLinkCreateSerializer(StrictSerializer):
    physio = serializers.IntegerField(min_value=1)


# The document of ``selectors.export_stream`` (``GET /api/me/export/``), for the schema.
PERSONAL_DATA_EXPORT = inline_serializer(
    "PersonalDataExport",
    {
        "profile": serializers.DictField(),
        **{
            section.name: serializers.ListField(child=serializers.DictField())
            for section in EXPORTED
        },
    },
)
