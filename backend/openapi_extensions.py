"""drf-spectacular extensions: make the OpenAPI schema say what the API really sends.

Registered on import (``backend/accounts/api.py`` imports this module, so any schema
generation sees them). Found by the schema fuzzing (``tests/site/test_fuzz_schema.py``):
without them, responses that follow docs/API.md did not validate against the published
schema.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerFieldExtension,
)
from drf_spectacular.openapi import AutoSchema
from rest_framework.authentication import SessionAuthentication

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


# --- the error answers every operation may give -----------------------------------------

ERROR_BODY = {
    "type": "object",
    "description": 'Either {"detail": "..."} or field messages: {"field": ["message"]}.',
    "properties": {
        "detail": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    },
    "additionalProperties": True,
}
ERROR_DESCRIPTIONS = {
    "400": "Bad input: field messages, or a malformed request (a NUL byte in the path, query "
    "or body; JSON nested too deeply; unknown fields).",
    "401": "Not signed in, or the token expired or was revoked (with WWW-Authenticate).",
    "403": "Signed in but not allowed here (role, clinic, two-factor required, or CSRF).",
    "404": "No such object, or it belongs to another user or clinic.",
    "409": "Conflicts with what is stored.",
    "413": "The request body is too large.",
    "429": "Too many requests or attempts; wait and try again.",
}
# Permissions that only ask "is anyone signed in?": every other one may answer 403.
_SIGNED_IN_ONLY = {"AllowAny", "IsAuthenticated"}
# Query parameters that name an object (or a page), answered 404 when there is none.
_PICKS_AN_OBJECT = {"page", "patient"}


class ErrorDocumentingAutoSchema(AutoSchema):
    """The default schema class: every operation lists the 4xx answers it can give, from
    the view's own permissions, throttles, path and body, so clients (and the schema fuzz)
    see them documented. A response the view declares itself is kept as declared.

    400 everywhere (the request guard refuses NUL bytes and deep JSON before any view);
    401 where authentication is required or a token is read (an expired one is refused);
    403 where authentication is required (roles; a clinic requiring two-factor);
    403 too where a permission beyond "signed in" applies, or on a write with a cookie
    session (CSRF); 404 with a path
    parameter or a page number; 413 with a request body; 429 where a throttle applies
    (``throttled_by`` names throttles a view applies by hand, as the sign-in throttle)."""

    def error_codes(self, operation: dict[str, Any]) -> list[str]:
        view = self.view
        permissions = {type(p).__name__ for p in view.get_permissions()}
        authenticators = view.get_authenticators()
        cookie = any(isinstance(a, SessionAuthentication) for a in authenticators)
        needs_auth = {} not in operation.get("security", [{}])
        codes = ["400"]
        # Open operations read credentials too: an expired or revoked token is a 401.
        if needs_auth or any(a.authenticate_header(None) for a in authenticators):  # type: ignore[arg-type]
            codes.append("401")
        writes = self.method not in ("GET", "HEAD", "OPTIONS")
        # Signed in: a clinic requiring two-factor refuses everything until enrolment.
        if needs_auth or (permissions - _SIGNED_IN_ONLY) or (writes and cookie):
            codes.append("403")
        # A page past the last, or another's patient picked by a query parameter: 404 too.
        picks = {p.get("name") for p in operation.get("parameters", []) if p.get("in") == "query"}
        paged = self._is_list_view() and getattr(view, "pagination_class", None) is not None
        if "{" in self.path or paged or picks & _PICKS_AN_OBJECT:
            codes.append("404")
        if "requestBody" in operation:
            codes.append("413")
        if view.get_throttles() or getattr(view, "throttled_by", None):
            codes.append("429")
        return codes

    def _error_media(self) -> list[str]:
        """Errors are rendered like the view's answers (FHIR views: also fhir+json)."""
        media = [r.media_type for r in self.view.get_renderers() if "json" in r.media_type]
        return media or ["application/json"]

    def get_operation(self, *args: Any, **kwargs: Any) -> Any:
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses = operation["responses"]
        for code in self.error_codes(operation):
            responses.setdefault(code, {"description": ERROR_DESCRIPTIONS[code]})
        for code, response in responses.items():
            if code in ERROR_DESCRIPTIONS and "content" not in response:
                if response.get("description") in ("", "No response body"):
                    response["description"] = ERROR_DESCRIPTIONS[code]
                response["content"] = {
                    media: {"schema": ERROR_BODY} for media in self._error_media()
                }
        if "401" in responses:
            responses["401"].setdefault(
                "headers",
                {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Token"}},
            )
        return operation
