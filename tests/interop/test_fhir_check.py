"""The bundle checker the export tests rely on refuses what FHIR R4 refuses."""

from __future__ import annotations

from typing import Any

import pytest

from tests.interop.fhir_check import validate

OBSERVATION = {
    "resourceType": "Observation",
    "id": "6f1c2d4e-93a8-5b7e-8c41-2a9d0e5b7f13",
    "status": "final",
    "code": {"text": "Pain"},
    "effectiveDateTime": "2026-05-04T17:30:00.000Z",
    "valueInteger": 3,
}


def bundle(resource: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}],
    }


def test_a_valid_bundle_passes() -> None:
    validate(bundle(OBSERVATION))


@pytest.mark.parametrize(
    "change",
    [
        {"effectiveDateTime": "2026-05-04 17:30"},  # not a FHIR dateTime
        {"status": "done"},  # not in the Observation status value set
        {"valueQuantity": {"value": 3}},  # two value[x]
        {"painLevel": 3},  # no such element
    ],
)
def test_an_invalid_resource_is_refused(change: dict[str, Any]) -> None:
    with pytest.raises((AssertionError, ValueError)):
        validate(bundle({**OBSERVATION, **change}))


def test_a_full_url_must_match_the_id() -> None:
    wrong = bundle(OBSERVATION)
    wrong["entry"][0]["fullUrl"] = "urn:uuid:00000000-0000-5000-8000-000000000000"
    with pytest.raises(AssertionError):
        validate(wrong)
