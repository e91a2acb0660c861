"""The FHIR endpoints' query parameters and the documented shape of their response."""

from __future__ import annotations

from typing import Any

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from rest_framework import serializers

from backend.api import EARLIEST_DATE, LATEST_DATE
from backend.interop import codes
from backend.interop.services import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ExportQuery

MAX_PAGE = 100_000
HL7_BUNDLE_SCHEMA = "https://hl7.org/fhir/R4/fhir.schema.json#/definitions/Bundle"


def export_query(params: Any, *, paged: bool = True) -> ExportQuery:
    """``_since``, ``_type``, ``_count`` and ``_page`` from a query string, or a
    ``ValidationError`` naming each bad parameter."""
    errors: dict[str, list[str]] = {}
    since = None
    raw_since = params.get("_since")
    if raw_since is not None:
        # An unencoded "+" of an offset arrives as a space.
        text = raw_since.strip().replace(" ", "+").replace("Z", "+00:00")
        try:
            since = parse_datetime(text)
        except ValueError:
            since = None
        if since is None or since.tzinfo is None:
            errors["_since"] = [_("Give an instant with a time zone, e.g. 2026-11-24T08:00:00Z.")]
        elif not EARLIEST_DATE <= since.date() <= LATEST_DATE:
            errors["_since"] = [
                _("Choose a date between %(first)s and %(last)s.")
                % {"first": f"{EARLIEST_DATE:%Y}", "last": f"{LATEST_DATE:%Y}"}
            ]
    types = frozenset(codes.RESOURCE_TYPES)
    raw_types = params.get("_type")
    if raw_types is not None:
        asked = {t.strip() for t in raw_types.split(",") if t.strip()}
        unknown = sorted(asked - types)
        if not asked or unknown:
            errors["_type"] = [
                f"Unknown resource type {', '.join(unknown) or '(none given)'}; choose from "
                f"{', '.join(codes.RESOURCE_TYPES)}."
            ]
        types = frozenset(asked)
    count: int | None = DEFAULT_PAGE_SIZE if paged else None
    page = 1
    for name, low, high in (("_count", 1, MAX_PAGE_SIZE), ("_page", 1, MAX_PAGE)):
        raw = params.get(name)
        if raw is None:
            continue
        if not raw.isdigit() or not low <= int(raw) <= high:
            errors[name] = [
                _("Give a whole number from %(low)d to %(high)d.") % {"low": low, "high": high}
            ]
        elif name == "_count":
            count = int(raw)
        else:
            page = int(raw)
    if errors:
        raise serializers.ValidationError(errors)
    return ExportQuery(since=since, types=types, count=count, page=page)


class FhirCodingSerializer(serializers.Serializer[Any]):
    system = serializers.CharField(required=False)
    code = serializers.CharField(required=False)


class FhirResourceSerializer(serializers.Serializer[Any]):
    """Any resource of ``RESOURCE_TYPES``; its full definition is HL7's JSON schema."""

    resourceType = serializers.ChoiceField(choices=codes.RESOURCE_TYPES)
    id = serializers.UUIDField()


class FhirEntrySerializer(serializers.Serializer[Any]):
    fullUrl = serializers.CharField(help_text="urn:uuid:<id>, stable across exports")
    resource = FhirResourceSerializer()


class FhirLinkSerializer(serializers.Serializer[Any]):
    relation = serializers.ChoiceField(choices=["self", "next"])
    url = serializers.URLField()


class FhirBundleSerializer(serializers.Serializer[Any]):
    __doc__ = (
        "A FHIR R4 Bundle of type collection. Each resource conforms to the HL7 FHIR R4 "
        f"JSON schema, {HL7_BUNDLE_SCHEMA}."
    )

    resourceType = serializers.ChoiceField(choices=["Bundle"])
    id = serializers.UUIDField()
    type = serializers.ChoiceField(choices=["collection"])
    timestamp = serializers.CharField()
    meta = serializers.DictField()
    entry = FhirEntrySerializer(many=True, required=False)
    link = FhirLinkSerializer(many=True)
