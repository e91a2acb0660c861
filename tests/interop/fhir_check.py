"""Reading a streamed FHIR response and validating it with the fhir.resources R4B models."""

from __future__ import annotations

import json
from typing import Any

from fhir.resources.R4B.bundle import Bundle

# Required-binding codes the models do not check (they check the JSON shape, cardinality
# and data types): the statuses this export writes must come from FHIR's value sets.
STATUSES = {
    "CarePlan": {
        "draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"
    },
    "ServiceRequest": {
        "draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"
    },
    "Procedure": {
        "preparation", "in-progress", "not-done", "on-hold", "stopped", "completed",
        "entered-in-error", "unknown",
    },
    "Observation": {
        "registered", "preliminary", "final", "amended", "corrected", "cancelled",
        "entered-in-error", "unknown",
    },
    "Questionnaire": {"draft", "active", "retired", "unknown"},
    "QuestionnaireResponse": {
        "in-progress", "completed", "amended", "entered-in-error", "stopped"
    },
}  # fmt: skip


def read(response: Any) -> dict[str, Any]:
    """The bundle of a streamed 200 response, validated (``validate``)."""
    assert response.status_code == 200, getattr(response, "content", b"")[:500]
    assert response["Content-Type"].startswith("application/fhir+json")
    assert response.streaming
    bundle: dict[str, Any] = json.loads(b"".join(response.streaming_content))
    validate(bundle)
    return bundle


def validate(bundle: dict[str, Any]) -> Bundle:
    """Parse and validate with the R4B models, then check what they leave out: statuses,
    unique full URLs matching the ids, and that every urn:uuid reference resolves within
    the bundle when the bundle is the whole record."""
    model = Bundle.model_validate(bundle)
    assert model.type == "collection"
    seen = set()
    for entry in bundle.get("entry", []):
        resource = entry["resource"]
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
        assert entry["fullUrl"] not in seen, entry["fullUrl"]
        seen.add(entry["fullUrl"])
        allowed = STATUSES.get(resource["resourceType"])
        if allowed is not None:
            assert resource["status"] in allowed, resource
    return model


def references(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        ref = value.get("reference")
        if isinstance(ref, str):
            found.add(ref)
        for child in value.values():
            found |= references(child)
    elif isinstance(value, list):
        for child in value:
            found |= references(child)
    return found


def of_type(bundle: dict[str, Any], resource_type: str) -> list[dict[str, Any]]:
    return [
        e["resource"]
        for e in bundle.get("entry", [])
        if e["resource"]["resourceType"] == resource_type
    ]
