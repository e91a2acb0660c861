"""drf-spectacular extensions: make the OpenAPI schema say what the API really sends.

Registered on import (``backend/accounts/api.py`` imports this module, so any schema
generation sees them). Found by the schema fuzzing in ``tests/fuzz``: without them,
responses that follow docs/API.md did not validate against the published schema.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerFieldExtension,
)

# Local wall times are sent as "HH:MM" (docs/API.md); OpenAPI's ``format: time`` means
# RFC 3339 "HH:MM:SS[offset]", which clients would reject.
WALL_CLOCK_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class WallClockTimeField(OpenApiSerializerFieldExtension):
    target_class = "rest_framework.fields.TimeField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema: Any, direction: str) -> Any:
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if direction == "response" and getattr(self.target, "format", None) == "%H:%M":
            schema.pop("format", None)
            schema["pattern"] = WALL_CLOCK_PATTERN
            schema["example"] = "18:00"
        return schema


def _may_be_blank(field: Any) -> bool:
    if getattr(field, "allow_blank", False):
        return True
    # A read-only field of a ModelSerializer drops allow_blank: ask the model field.
    model = getattr(getattr(getattr(field, "parent", None), "Meta", None), "model", None)
    if model is None or not field.source or "." in field.source:
        return False
    try:
        return bool(model._meta.get_field(field.source).blank)
    except Exception:
        return False


class BlankableEmailField(OpenApiSerializerFieldExtension):
    """An optional address is "" when absent: ``format: email`` alone would forbid that."""

    target_class = "rest_framework.fields.EmailField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema: Any, direction: str) -> Any:
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if _may_be_blank(self.target) and schema.get("format") == "email":
            # A named format of our own (OpenAPI formats are open-ended; validators skip
            # unknown ones), else drf-spectacular adds "email" back from the validators.
            schema["format"] = "email-or-empty"
            schema["anyOf"] = [{"format": "email"}, {"maxLength": 0}]
        return schema


class ExpiringTokenScheme(OpenApiAuthenticationExtension):
    target_class = "backend.accounts.tokens.ExpiringTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> Any:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'Token-based authentication with required prefix "Token"',
        }


class ClinicSessionScheme(OpenApiAuthenticationExtension):
    target_class = "backend.accounts.authentication.ClinicSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema: Any) -> Any:
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}
