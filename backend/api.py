"""Shared pieces of the HTTP API: pagination, strict serializers, the error format."""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, ClassVar

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.translation import gettext as _
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from backend.accounts.models import User
from backend.i18n import language_of

log = logging.getLogger(__name__)


def request_user(request: Request) -> User:
    """The signed-in user of a request. During OpenAPI schema generation there is no
    user: an unsaved AnonymousUser stand-in with no role scopes every queryset to none."""
    user = request.user
    if isinstance(user, User):
        return user
    return User(role="")


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request: Any) -> int | None:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None and not (raw.isdigit() and 1 <= int(raw) <= 10_000):
            # DRF quietly uses the default for nonsense ("true"); say it is wrong instead.
            raise serializers.ValidationError(
                {
                    self.page_size_query_param: [
                        _("A whole number from 1 to %(most)d.") % {"most": self.max_page_size}
                    ]
                }
            )
        return super().get_page_size(request)


class RejectUnknownFieldsMixin:
    """Unknown keys in a request body are a client bug: say so instead of ignoring them.

    A key the API itself hands out is not unknown, though: a client may send back the body
    it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
    of ``echoes`` (the serializer the same resource is rendered with, when input and output
    are separate classes) are accepted and ignored; anything else is refused.
    """

    initial_data: Any
    fields: Any
    echoes: ClassVar[type[serializers.BaseSerializer[Any]] | None] = None

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            returned = set(self.fields) | _rendered_fields(self.echoes)
            # DRF reads only writable fields, so returned-but-read-only keys are ignored.
            unknown = sorted(set(data) - writable - returned)
            if unknown:
                raise serializers.ValidationError({key: [_("Unknown field.")] for key in unknown})
            self._refuse_changed_read_only(data, writable)
        return super().to_internal_value(data)  # type: ignore[misc]

    def _refuse_changed_read_only(self, data: Mapping[str, Any], writable: set[str]) -> None:
        """Sent back as it was read, a read-only key is fine; an attempt to change it (say
        ``role``) is refused rather than silently dropped, when there is an object to
        compare with."""
        instance = getattr(self, "instance", None)
        sent = set(data) & set(self.fields) - writable
        if instance is None or not sent:
            return
        current = self.to_representation(instance)  # type: ignore[attr-defined]
        changed = sorted(key for key in sent if data[key] != current.get(key))
        if changed:
            raise serializers.ValidationError(
                {key: [_("This can't be changed here.")] for key in changed}
            )


def _rendered_fields(serializer: type[serializers.BaseSerializer[Any]] | None) -> frozenset[str]:
    return frozenset() if serializer is None else _field_names(serializer)  # type: ignore[arg-type]


@functools.cache
def _field_names(serializer: type[serializers.BaseSerializer[Any]]) -> frozenset[str]:
    return frozenset(serializer().fields)  # type: ignore[attr-defined]


class StrictSerializer(RejectUnknownFieldsMixin, serializers.Serializer[Any]):
    pass


class StrictModelSerializer(RejectUnknownFieldsMixin, serializers.ModelSerializer[Any]):
    pass


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, RequestDataTooBig):
        return Response(
            {"detail": _("The request body is too large.")},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, OperationalError | InterfaceError):
        log.warning("database unavailable: %s", exc)
        # The database is unreachable (restarting, failing over): a temporary condition
        # the client should retry, not a bug in the request.
        return Response(
            {"detail": _("The service is briefly unavailable. Please try again.")},
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": "5"},
        )
    if isinstance(exc, OverflowError):
        # A date too far out slipped past the fields' bounds: still the client's mistake.
        return Response({"detail": _out_of_range()}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        # Services raise Django's ValidationError with field messages; the API speaks
        # DRF's format for them.
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = serializers.ValidationError(detail)
    return drf_exception_handler(exc, context)


def request_language(request: Request) -> str:
    """The caller's language: their profile's, else the browser's (LocaleMiddleware),
    else English (``backend.i18n.language_of``, the one rule)."""
    user = request.user
    return language_of(
        user if isinstance(user, User) else None, getattr(request, "LANGUAGE_CODE", None)
    )


class ConditionalGetMixin:
    """ETag + ``Cache-Control`` for reads the PWA may keep offline (the library).

    The ETag is a hash of the rendered body, so it changes exactly when what the caller
    sees changes (a library reload, a language switch); ``If-None-Match`` gets a 304.
    ``private``: clinic-specific entries and the language make it per-user.
    """

    cache_max_age = 300

    def finalize_response(self, request: Any, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if hasattr(response, "render"):
            response.render()
        response["Cache-Control"] = f"private, max-age={self.cache_max_age}"
        set_response_etag(response)
        conditional = get_conditional_response(request, etag=response["ETag"], response=response)
        if conditional is not None and conditional is not response:
            conditional["Cache-Control"] = response["Cache-Control"]
        return conditional


# Dates people can mean in this product. Outside them a request is a mistake (or a probe),
# and date arithmetic near year 1 or 9999 would overflow.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)


def _out_of_range() -> str:
    return _("Choose a date between %(first)s and %(last)s.") % {
        "first": f"{EARLIEST_DATE:%Y}",
        "last": f"{LATEST_DATE:%Y}",
    }


class BoundedDateField(serializers.DateField):
    def to_internal_value(self, value: Any) -> date:
        parsed = super().to_internal_value(value)
        if not EARLIEST_DATE <= parsed <= LATEST_DATE:
            raise serializers.ValidationError(_out_of_range())
        return parsed


class BoundedDateTimeField(serializers.DateTimeField):
    def to_internal_value(self, value: Any) -> datetime:
        parsed = super().to_internal_value(value)
        if not EARLIEST_DATE <= parsed.date() <= LATEST_DATE:
            raise serializers.ValidationError(_out_of_range())
        return parsed


class WallClockField(serializers.TimeField):
    """A local wall time as ``HH:MM`` exactly: no seconds or fractions (``09:00:00.999``
    would pass a "start differs from end" rule while meaning the same minute)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%H:%M")
        super().__init__(input_formats=["%H:%M"], **kwargs)

    def to_internal_value(self, value: Any) -> Any:
        if not isinstance(value, str) or len(value.strip()) != 5:
            raise serializers.ValidationError(_("Use HH:MM, for example 09:30."))
        return super().to_internal_value(value.strip())
