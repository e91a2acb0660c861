"""Upright rows → FHIR R4 resources, as plain dicts ready for ``json.dumps``.

Pure: no database, no settings, no clock. Every function takes rows as mappings (the
``values()`` rows ``selectors`` reads) and returns one resource. Codes are in ``codes``;
questionnaires, answers and scores are in ``fhir_outcomes``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from backend.interop import codes

Row = Mapping[str, Any]
Resource = dict[str, Any]

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DIFFICULTY_LABELS = {
    "too_easy": "Too easy",
    "about_right": "About right",
    "too_hard": "Too hard",
}


# -- ids, references, times -------------------------------------------------------------------


def resource_id(kind: str, key: object) -> str:
    """The stable id of the resource ``kind`` made from Upright's row ``key``."""
    return str(uuid.uuid5(codes.ID_NAMESPACE, f"{kind}/{key}"))


def full_url(kind: str, key: object) -> str:
    return f"urn:uuid:{resource_id(kind, key)}"


def ref(kind: str, key: object, display: str | None = None) -> dict[str, str]:
    reference = {"reference": full_url(kind, key)}
    if display:
        reference["display"] = display
    return reference


def instant(value: datetime) -> str:
    """An aware datetime as a FHIR instant in UTC, to the millisecond."""
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _meta(updated: datetime) -> dict[str, str]:
    return {"lastUpdated": instant(updated)}


def identifier(kind: str, key: object) -> list[dict[str, str]]:
    return [{"system": f"{codes.IDENTIFIER_SYSTEM}/{kind}", "value": str(key)}]


def base_resource(resource_type: str, kind: str, key: object, updated: datetime) -> Resource:
    return {
        "resourceType": resource_type,
        "id": resource_id(kind, key),
        "meta": _meta(updated),
    }


# -- people and the clinic --------------------------------------------------------------------


def patient(row: Row, *, physio_ids: Sequence[int], updated: datetime) -> Resource:
    """``row``: id, full_name, email, language, clinic_id. Only what Upright holds: a name
    as one text, the e-mail, the language; no birth date, sex or address."""
    resource = base_resource("Patient", "Patient", row["id"], updated)
    resource["identifier"] = identifier("patient", row["id"])
    resource["active"] = True
    if row["full_name"]:
        resource["name"] = [{"text": row["full_name"]}]
    resource["telecom"] = [{"system": "email", "value": row["email"], "use": "home"}]
    if row.get("language"):
        resource["communication"] = [
            {
                "language": {
                    "coding": [{"system": codes.LANGUAGE_SYSTEM, "code": row["language"]}]
                },
                "preferred": True,
            }
        ]
    if physio_ids:
        resource["generalPractitioner"] = [ref("Practitioner", pk) for pk in physio_ids]
    if row.get("clinic_id"):
        resource["managingOrganization"] = ref("Organization", row["clinic_id"])
    return resource


def practitioner(row: Row, *, updated: datetime) -> Resource:
    """``row``: id, full_name. The physio's e-mail is theirs, not the patient's: left out."""
    resource = base_resource("Practitioner", "Practitioner", row["id"], updated)
    resource["identifier"] = identifier("practitioner", row["id"])
    resource["active"] = True
    if row["full_name"]:
        resource["name"] = [{"text": row["full_name"]}]
    return resource


def organization(row: Row) -> Resource:
    """``row``: id, name, updated_at."""
    resource = base_resource("Organization", "Organization", row["id"], row["updated_at"])
    resource["identifier"] = identifier("clinic", row["id"])
    resource["active"] = True
    resource["name"] = row["name"]
    return resource


# -- the program ------------------------------------------------------------------------------


def careplan_status(status: str, end_date: date | None, today: date, sessions: int) -> str:
    """FHIR CarePlan/ServiceRequest status of an assignment.

    active → ``active`` (``completed`` once its end date has passed); paused → ``on-hold``;
    ended → ``completed`` if the patient logged at least one session, else ``revoked``
    (stopped before anything was done)."""
    if status == "paused":
        return "on-hold"
    if status == "ended":
        return "completed" if sessions else "revoked"
    if end_date is not None and end_date < today:
        return "completed"
    return "active"


def _period(start: date, end: date | None) -> dict[str, str]:
    period = {"start": start.isoformat()}
    if end is not None:
        period["end"] = end.isoformat()
    return period


def careplan(
    assignment: Row,
    *,
    status: str,
    program_name: str,
    service_request_keys: Sequence[object],
    updated: datetime,
) -> Resource:
    """``assignment``: id, patient_id, assigned_by_id, start_date, end_date, notes,
    created_at."""
    resource = base_resource("CarePlan", "CarePlan", assignment["id"], updated)
    resource.update(
        {
            "identifier": identifier("assignment", assignment["id"]),
            "status": status,
            "intent": "plan",
            "category": [{"coding": [codes.PA_CATEGORY], "text": "Home exercise program"}],
            "title": program_name,
            "subject": ref("Patient", assignment["patient_id"]),
            "period": _period(assignment["start_date"], assignment["end_date"]),
            "created": instant(assignment["created_at"]),
            "author": ref("Practitioner", assignment["assigned_by_id"]),
        }
    )
    if assignment.get("notes"):
        resource["note"] = [{"text": assignment["notes"]}]
    if service_request_keys:
        resource["activity"] = [
            {"reference": ref("ServiceRequest", key)} for key in service_request_keys
        ]
    return resource


def dosage_text(item: Row) -> str:
    """The prescribed dose in words: "2 sets of 10 repetitions, each side; rest 30 s"."""
    sets = item["sets"]
    parts = [f"{sets} set{'s' if sets != 1 else ''} of "]
    if item["reps"] is not None:
        parts.append(f"{item['reps']} repetition{'s' if item['reps'] != 1 else ''}")
    else:
        parts.append(f"a {item['hold_seconds']}-second hold")
    if item["per_side"]:
        parts.append(", each side")
    if item["rest_seconds"]:
        parts.append(f"; rest {item['rest_seconds']} s between sets")
    if item.get("tempo"):
        parts.append(f"; tempo {item['tempo']}")
    text = "".join(parts) + "."
    if item.get("notes"):
        text += f" {item['notes']}"
    return text


def _days_text(days: Sequence[int]) -> str:
    if sorted(days) == list(range(1, 8)):
        return "Every day."
    return "On " + ", ".join(_WEEKDAYS[d - 1].capitalize() for d in sorted(days)) + "."


def _dosage_extension(item: Row, prefix: str = "") -> list[dict[str, Any]]:
    values: list[dict[str, Any]] = [{"url": "sets", "valuePositiveInt": item[f"{prefix}sets"]}]
    if item.get(f"{prefix}reps") is not None:
        values.append({"url": "reps", "valuePositiveInt": item[f"{prefix}reps"]})
    if item.get(f"{prefix}hold_seconds") is not None:
        values.append(
            {
                "url": "hold",
                "valueDuration": {
                    "value": item[f"{prefix}hold_seconds"],
                    "unit": "s",
                    "system": codes.UCUM,
                    "code": "s",
                },
            }
        )
    return values


def phase_period(
    start: date, end: date | None, phases: Sequence[Row], phase: int
) -> tuple[date, date | None]:
    """The days an item of ``phase`` is prescribed: from its phase's first week to the day
    before the next phase starts (or the assignment's end)."""
    weeks = {int(p["number"]): int(p.get("starts_week", 1)) for p in phases}
    if phase not in weeks:
        return start, end
    phase_start = start + timedelta(weeks=weeks[phase] - 1)
    later = sorted(w for n, w in weeks.items() if w > weeks[phase])
    phase_end = start + timedelta(weeks=later[0] - 1, days=-1) if later else None
    if end is not None and (phase_end is None or end < phase_end):
        phase_end = end
    return phase_start, phase_end


@dataclass(frozen=True)
class RequestVersion:
    """Which version of a prescribed exercise a ServiceRequest shows: the resource's
    ``key`` and ``status``, when that version was authored and last updated, and the
    number of the program version that replaced it (None while it is current)."""

    key: object
    status: str
    authored: datetime
    updated: datetime
    replaced_by_version: int | None = None


def service_request(
    item: Row,
    assignment: Row,
    version: RequestVersion,
    *,
    exercise_name: str,
    phases: Sequence[Row],
) -> Resource:
    """One prescribed exercise. ``item``: id, phase, sets, reps, hold_seconds, rest_seconds,
    per_side, tempo, notes; ``assignment`` as for ``careplan`` plus days_of_week and
    preferred_time. The dose is in ``patientInstruction`` (words), in the dosage extension
    (numbers) and in ``occurrenceTiming`` (which days, what time)."""
    start, end = phase_period(
        assignment["start_date"], assignment["end_date"], phases, item["phase"]
    )
    repeat: dict[str, Any] = {
        "boundsPeriod": _period(start, end),
        "frequency": 1,
        "period": 1,
        "periodUnit": "d",
    }
    days = list(assignment["days_of_week"] or [])
    if days and sorted(days) != list(range(1, 8)):
        repeat["dayOfWeek"] = [_WEEKDAYS[d - 1] for d in sorted(days)]
    preferred: time | None = assignment.get("preferred_time")
    if preferred is not None:
        repeat["timeOfDay"] = [preferred.strftime("%H:%M:%S")]
    dosage = _dosage_extension(item)
    if item["rest_seconds"]:
        dosage.append(
            {
                "url": "rest",
                "valueDuration": {
                    "value": item["rest_seconds"],
                    "unit": "s",
                    "system": codes.UCUM,
                    "code": "s",
                },
            }
        )
    dosage.append({"url": "perSide", "valueBoolean": bool(item["per_side"])})
    resource = base_resource("ServiceRequest", "ServiceRequest", version.key, version.updated)
    resource.update(
        {
            "extension": [{"url": codes.DOSAGE_EXTENSION, "extension": dosage}],
            "identifier": identifier("program-item", item["id"]),
            "basedOn": [ref("CarePlan", assignment["id"])],
            "status": version.status,
            "intent": "order",
            "category": [{"coding": [codes.PA_CATEGORY]}],
            "code": {"coding": [codes.EXERCISE_THERAPY], "text": exercise_name},
            "subject": ref("Patient", assignment["patient_id"]),
            "occurrenceTiming": {"repeat": repeat},
            "authoredOn": instant(version.authored),
            "requester": ref("Practitioner", assignment["assigned_by_id"]),
            "performer": [ref("Patient", assignment["patient_id"])],
            "patientInstruction": f"{exercise_name}: {dosage_text(item)} "
            f"{_days_text(days or list(range(1, 8)))}",
        }
    )
    if version.replaced_by_version is not None:
        replaced = version.replaced_by_version
        resource["note"] = [
            {"text": f"Replaced when the program was revised (version {replaced})."}
        ]
    return resource


# -- sessions ---------------------------------------------------------------------------------


def pain_observation(session: Row, *, when: str) -> Resource:
    """Pain before (``when="before"``) or after a session, LOINC 72514-3. ``session``: id,
    patient_id, started_at, completed_at, pain_before, pain_after, difficulty, created_at.
    The "after" observation carries the difficulty the patient chose as a component."""
    key = f"{session['id']}/pain-{when}"
    resource = base_resource("Observation", "Observation", key, session["created_at"])
    resource.update(
        {
            "status": "final",
            "category": [{"coding": [codes.SURVEY_CATEGORY]}],
            "code": {
                "coding": [codes.PAIN_SEVERITY],
                "text": f"Pain {when} the exercise session",
            },
            "subject": ref("Patient", session["patient_id"]),
            "effectiveDateTime": instant(
                session["started_at"] if when == "before" else session["completed_at"]
            ),
            "issued": instant(session["created_at"]),
            "performer": [ref("Patient", session["patient_id"])],
            "valueInteger": session[f"pain_{when}"],
            "partOf": [ref("Procedure", session["id"])],
        }
    )
    if when == "after" and session.get("difficulty"):
        label = DIFFICULTY_LABELS.get(session["difficulty"], session["difficulty"])
        resource["component"] = [
            {
                "code": {
                    "coding": [
                        {
                            "system": codes.LOCAL_SYSTEM,
                            "code": "session-difficulty",
                            "display": "How hard the session felt",
                        }
                    ],
                    "text": "How hard the session felt",
                },
                "valueCodeableConcept": {
                    "coding": [
                        {
                            "system": codes.DIFFICULTY_SYSTEM,
                            "code": session["difficulty"],
                            "display": label,
                        }
                    ],
                    "text": label,
                },
            }
        ]
    return resource


def _performed_text(item: Row, name: str) -> str:
    if item["skipped"]:
        reason = f" ({item['skip_reason']})" if item.get("skip_reason") else ""
        return f"{name}: skipped{reason}"
    done = f"{item['sets_done']} set{'s' if item['sets_done'] != 1 else ''}"
    if item.get("reps_done") is not None:
        done += f" of {item['reps_done']} repetitions"
    if item.get("hold_seconds_done") is not None:
        done += f", holds of {item['hold_seconds_done']} s"
    return f"{name}: {done}"


def session_procedure(
    session: Row,
    items: Sequence[Row],
    *,
    exercise_names: Mapping[int, str],
    service_request_keys: Mapping[int, object],
    program_name: str,
) -> Resource:
    """What the patient did in one session: a Procedure (SNOMED 229065009) with one
    ``exercise-performed`` extension per item (sets, reps and holds completed, or skipped
    and why). ``items``: exercise_id, program_item_id, sets_done, reps_done,
    hold_seconds_done, skipped, skip_reason."""
    performed = []
    lines = []
    based_on = [ref("CarePlan", session["assignment_id"])]
    for item in items:
        name = exercise_names.get(item["exercise_id"], "Exercise")
        lines.append(_performed_text(item, name))
        values: list[dict[str, Any]] = [{"url": "exercise", "valueString": name}]
        sr_key = service_request_keys.get(item["program_item_id"] or 0)
        if sr_key is not None:
            values.append({"url": "prescription", "valueReference": ref("ServiceRequest", sr_key)})
            based_on.append(ref("ServiceRequest", sr_key))
        values.append({"url": "skipped", "valueBoolean": bool(item["skipped"])})
        if item["skipped"]:
            if item.get("skip_reason"):
                values.append({"url": "skipReason", "valueString": item["skip_reason"]})
        else:
            values.append({"url": "setsDone", "valueUnsignedInt": item["sets_done"]})
            if item.get("reps_done") is not None:
                values.append({"url": "repsDone", "valueUnsignedInt": item["reps_done"]})
            if item.get("hold_seconds_done") is not None:
                values.append(
                    {
                        "url": "holdDone",
                        "valueDuration": {
                            "value": item["hold_seconds_done"],
                            "unit": "s",
                            "system": codes.UCUM,
                            "code": "s",
                        },
                    }
                )
        performed.append({"url": codes.PERFORMED_EXTENSION, "extension": values})
    all_skipped = bool(items) and all(item["skipped"] for item in items)
    resource = base_resource("Procedure", "Procedure", session["id"], session["created_at"])
    if performed:
        resource["extension"] = performed
    resource.update(
        {
            "identifier": identifier("session", session["id"]),
            "basedOn": based_on,
            "status": "not-done" if all_skipped else "completed",
            "category": {"coding": [codes.PA_CATEGORY]},
            "code": {"coding": [codes.EXERCISE_THERAPY], "text": f"Home exercise: {program_name}"},
            "subject": ref("Patient", session["patient_id"]),
            "performedPeriod": {
                "start": instant(session["started_at"]),
                "end": instant(session["completed_at"]),
            },
            "performer": [{"actor": ref("Patient", session["patient_id"])}],
        }
    )
    notes = [{"text": "; ".join(lines)}] if lines else []
    if session.get("notes"):
        notes.append({"text": session["notes"]})
    if notes:
        resource["note"] = notes
    return resource
