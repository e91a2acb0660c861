"""Outcome measures → FHIR R4: Questionnaire, QuestionnaireResponse and the score as an
Observation. Pure, like ``fhir``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from backend.interop import codes, fhir
from backend.interop.fhir import Resource, Row

# -- questionnaires ---------------------------------------------------------------------------


def questionnaire_url(measure: str) -> str:
    return f"{codes.QUESTIONNAIRE_BASE}/{measure}"


def _questionnaire_item(item: Row) -> dict[str, Any]:
    out: dict[str, Any] = {"linkId": str(item["index"]), "text": item["text"]}
    kind = item["kind"]
    if kind == "yes_no":
        out["type"] = "boolean"
    elif kind == "choice":
        out["type"] = "choice"
        out["answerOption"] = [
            {"valueCoding": {"code": str(c["value"]), "display": c["label"]}}
            for c in item.get("choices") or []
        ]
    else:
        out["type"] = "integer"
        ends = [f"{c['value']} = {c['label']}" for c in item.get("choices") or []]
        if item.get("min") is not None and item.get("max") is not None:
            out["text"] = f"{item['text']} ({item['min']} to {item['max']}"
            out["text"] += f"; {', '.join(ends)})" if ends else ")"
    return out


def questionnaire(
    measure: Row, *, clinic_id: int | None, licensed_wording: bool, language: str
) -> Resource:
    """A measure as the clinic sees it (``measures_for``): its own licensed wording if it
    loaded one, else Upright's wording, which for ODI and RMDQ is neutral placeholders, so
    licensed text never reaches a clinic without the licence."""
    code = measure["code"]
    resource: Resource = {
        "resourceType": "Questionnaire",
        "id": fhir.resource_id("Questionnaire", f"{clinic_id}/{code}"),
        "url": questionnaire_url(code),
        "name": code.replace("_", " ").title().replace(" ", ""),
        "title": measure["name"],
        "status": "active",
        "subjectType": ["Patient"],
        "language": language,
    }
    panel = codes.MEASURE_CODES[code][0]
    if panel is not None:
        resource["code"] = [panel]
    if licensed_wording:
        resource["copyright"] = (
            "Wording used under the clinic's own licence; not for redistribution."
        )
    elif code in ("odi", "rmdq"):
        resource["description"] = (
            "Structure only: the item wording is licensed by its owner and is not part of "
            "this export. Items are numbered placeholders."
        )
    resource["item"] = [_questionnaire_item(item) for item in measure["items"]]
    return resource


def _answer(kind: str, value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if kind == "yes_no":
        return [{"valueBoolean": bool(value)}]
    if kind == "choice":
        return [{"valueCoding": {"code": str(value)}}]
    return [{"valueInteger": int(value)}]


def questionnaire_response(response: Row, *, item_kinds: Sequence[str]) -> Resource:
    """``response``: id, patient_id, measure, answers, answered_at."""
    resource = fhir.base_resource(
        "QuestionnaireResponse", "QuestionnaireResponse", response["id"], response["answered_at"]
    )
    items = []
    for index, value in enumerate(response["answers"]):
        kind = item_kinds[index] if index < len(item_kinds) else "scale"
        item: dict[str, Any] = {"linkId": str(index)}
        answer = _answer(kind, value)
        if answer:
            item["answer"] = answer
        items.append(item)
    resource.update(
        {
            "identifier": fhir.identifier("outcome-response", response["id"])[0],
            "questionnaire": questionnaire_url(response["measure"]),
            "status": "completed",
            "subject": fhir.ref("Patient", response["patient_id"]),
            "authored": fhir.instant(response["answered_at"]),
            "author": fhir.ref("Patient", response["patient_id"]),
            "source": fhir.ref("Patient", response["patient_id"]),
            "item": items,
        }
    )
    return resource


def score_observation(response: Row, *, measure_name: str) -> Resource:
    """The computed score of a questionnaire response, derived from it."""
    _, code, unit = codes.MEASURE_CODES[response["measure"]]
    resource = fhir.base_resource(
        "Observation", "Observation", f"score/{response['id']}", response["answered_at"]
    )
    resource.update(
        {
            "status": "final",
            "category": [{"coding": [codes.SURVEY_CATEGORY]}],
            "code": {"coding": [code], "text": f"{measure_name} score"},
            "subject": fhir.ref("Patient", response["patient_id"]),
            "effectiveDateTime": fhir.instant(response["answered_at"]),
            "performer": [fhir.ref("Patient", response["patient_id"])],
            "valueQuantity": {"value": response["score"], **unit},
            "derivedFrom": [fhir.ref("QuestionnaireResponse", response["id"])],
        }
    )
    if code["system"] == codes.LOCAL_SYSTEM:
        resource["note"] = [{"text": codes.LOCAL_ONLY_NOTE}]
    return resource
