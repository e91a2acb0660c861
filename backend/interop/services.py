"""The FHIR export of one patient: a stream of resources, paged, written as JSON chunks.

``fhir_export`` is what the views (and the personal-data download) call. It reads a fixed
number of queries (``selectors``), maps rows with the pure ``fhir`` module one resource at a
time and yields the Bundle as text pieces of about ``CHUNK_BYTES``, so a 3-year history is
never held in memory as one document.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from itertools import islice

from django.utils import timezone

from backend.accounts.models import User
from backend.interop import codes, fhir, fhir_outcomes
from backend.interop import selectors as rows
from backend.outcomes.wording import ITEM_KINDS

CHUNK_BYTES = 64 * 1024
MAX_PAGE_SIZE = 10_000
DEFAULT_PAGE_SIZE = 1_000

Thunk = Callable[[], fhir.Resource]  # builds one resource when it is written


@dataclass(frozen=True)
class ExportQuery:
    """``since``: only resources changed at or after it; ``types``: only these resource
    types; ``count``: entries per page (None: everything in one bundle); ``page``: from 1."""

    since: datetime | None = None
    types: frozenset[str] = field(default_factory=lambda: frozenset(codes.RESOURCE_TYPES))
    count: int | None = DEFAULT_PAGE_SIZE
    page: int = 1


def _changed(updated: datetime, since: datetime | None) -> bool:
    return since is None or updated >= since


def _program_entries(record: rows.PatientRecord, query: ExportQuery) -> Iterator[tuple[str, Thunk]]:
    since = query.since
    for assignment in record.assignments:
        versions = record.versions.get(assignment["id"], [])
        status = fhir.careplan_status(
            assignment["status"],
            assignment["end_date"],
            record.today,
            record.session_counts.get(assignment["id"], 0),
        )
        current_keys: list[object] = []
        requests: list[tuple[datetime, Thunk]] = []
        for index, (version, items) in enumerate(versions):
            superseded_by = versions[index + 1][0] if index + 1 < len(versions) else None
            authored = max(version["created_at"], assignment["created_at"])
            for item in items:
                key = f"{assignment['id']}/{item['id']}"
                if superseded_by is None:
                    current_keys.append(key)
                    item_status = status
                    updated = max(authored, assignment["updated_at"])
                else:
                    item_status = "revoked" if status in ("active", "on-hold") else status
                    updated = max(superseded_by["created_at"], assignment["updated_at"])

                build = partial(
                    fhir.service_request,
                    item,
                    assignment,
                    fhir.RequestVersion(
                        key=key,
                        status=item_status,
                        authored=authored,
                        updated=updated,
                        replaced_by_version=superseded_by["number"] if superseded_by else None,
                    ),
                    exercise_name=record.exercise_names.get(item["exercise_id"], "Exercise"),
                    phases=version["phases"] or [],
                )
                requests.append((updated, build))
        plan_updated = max(
            [assignment["updated_at"], assignment["program__updated_at"]]
            + [v["created_at"] for v, _ in versions[-1:]]
        )
        if "CarePlan" in query.types and _changed(plan_updated, since):
            yield (
                "CarePlan",
                partial(
                    fhir.careplan,
                    assignment,
                    status=status,
                    program_name=assignment["program__name"],
                    service_request_keys=current_keys,
                    updated=plan_updated,
                ),
            )
        if "ServiceRequest" in query.types:
            for changed_at, request_build in requests:
                if _changed(changed_at, since):
                    yield "ServiceRequest", request_build


def _session_entries(
    patient: User, record: rows.PatientRecord, query: ExportQuery
) -> Iterator[tuple[str, Thunk]]:
    wanted = query.types & {"Procedure", "Observation"}
    if not wanted:
        return
    item_rows = rows.session_items(patient, query.since) if "Procedure" in wanted else {}
    request_keys: dict[int, dict[int, object]] = {}
    for assignment_id, versions in record.versions.items():
        request_keys[assignment_id] = {
            item["id"]: f"{assignment_id}/{item['id']}" for _, items in versions for item in items
        }
    for session in rows.sessions_since(patient, query.since):
        if "Procedure" in wanted:
            yield (
                "Procedure",
                partial(
                    fhir.session_procedure,
                    session,
                    item_rows.get(session["id"], []),
                    exercise_names=record.exercise_names,
                    service_request_keys=request_keys.get(session["assignment_id"], {}),
                    program_name=session["program_version__program__name"],
                ),
            )
        if "Observation" in wanted:
            yield "Observation", partial(fhir.pain_observation, session, when="before")
            yield "Observation", partial(fhir.pain_observation, session, when="after")


def _outcome_entries(
    patient: User, record: rows.PatientRecord, query: ExportQuery
) -> Iterator[tuple[str, Thunk]]:
    wanted = query.types & {"Questionnaire", "QuestionnaireResponse", "Observation"}
    if not wanted:
        return
    responses = rows.responses_since(patient, query.since)
    used = {r["measure"] for r in responses}
    rows.add_measures(record, patient.clinic_id, used)
    if "Questionnaire" in wanted:
        for code in sorted(used & set(record.measures)):
            yield (
                "Questionnaire",
                partial(
                    fhir_outcomes.questionnaire,
                    record.measures[code],
                    clinic_id=patient.clinic_id,
                    licensed_wording=code in record.licensed,
                    language=record.language,
                ),
            )
    for response in responses:
        measure = record.measures.get(response["measure"])
        if measure is None:
            continue
        kinds = [item["kind"] for item in measure["items"]] or [ITEM_KINDS[response["measure"]]]
        if "QuestionnaireResponse" in wanted:
            yield (
                "QuestionnaireResponse",
                partial(fhir_outcomes.questionnaire_response, response, item_kinds=kinds),
            )
        if "Observation" in wanted:
            yield (
                "Observation",
                partial(fhir_outcomes.score_observation, response, measure_name=measure["name"]),
            )


def entries(
    patient: User, query: ExportQuery, record: rows.PatientRecord | None = None
) -> Iterator[tuple[str, Thunk]]:
    """Every resource of the patient's record that ``query`` selects, in bundle order, as
    (resource type, builder): nothing is mapped until it is written."""
    record = record or rows.patient_record(patient)
    since, types = query.since, query.types
    if "Patient" in types and _changed(record.patient_updated, since):
        yield (
            "Patient",
            partial(
                fhir.patient,
                record.patient,
                physio_ids=record.physio_ids,
                updated=record.patient_updated,
            ),
        )
    clinic = record.clinic
    if clinic is not None and "Organization" in types and _changed(clinic["updated_at"], since):
        yield "Organization", partial(fhir.organization, clinic)
    if "Practitioner" in types:
        for row in record.practitioners:
            if _changed(row["fhir_updated"], since):
                yield "Practitioner", partial(fhir.practitioner, row, updated=row["fhir_updated"])
    yield from _program_entries(record, query)
    yield from _session_entries(patient, record, query)
    yield from _outcome_entries(patient, record, query)


@dataclass
class Page:
    """Filled in while the bundle is written: whether another page follows."""

    has_next: bool = False


def _entry_json(build: Thunk) -> str:
    resource = build()
    return json.dumps(
        {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}, separators=(",", ":")
    )


def fhir_export(
    patient: User,
    query: ExportQuery,
    *,
    links: Callable[[bool], list[dict[str, str]]],
    now: datetime | None = None,
) -> Iterator[str]:
    """The Bundle (type ``collection``) of ``patient``'s record as JSON text pieces.

    ``links(has_next)`` gives ``Bundle.link`` (``self``, and ``next`` when another page
    follows); it is called after the page's entries are written, when that is known.

    The patient's program is read before this returns (so a database failure is still an
    error response); sessions and responses are read as the bundle is written."""
    # Stamped before anything is read: a change made during the export is at or after it,
    # so the next ``_since=<timestamp>`` fetches it.
    stamp = now or timezone.now()
    record = rows.patient_record(patient)
    return _write(entries(patient, query, record), query, links, stamp)


def _write(
    stream: Iterator[tuple[str, Thunk]],
    query: ExportQuery,
    links: Callable[[bool], list[dict[str, str]]],
    now: datetime,
) -> Iterator[str]:
    stamp = fhir.instant(now)
    if query.count is not None:
        start = (query.page - 1) * query.count
        stream = islice(stream, start, start + query.count + 1)
    head = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"lastUpdated": stamp},
        "type": "collection",
        "timestamp": stamp,
    }
    text = json.dumps(head, separators=(",", ":"))[:-1]
    buffer = [text]
    size = len(text)
    written = 0
    has_next = False
    for _, build in stream:
        if query.count is not None and written == query.count:
            has_next = True
            break
        piece = ("," if written else ',"entry":[') + _entry_json(build)
        written += 1
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK_BYTES:
            yield "".join(buffer)
            buffer, size = [], 0
    if written:
        buffer.append("]")
    buffer.append(',"link":' + json.dumps(links(has_next), separators=(",", ":")) + "}")
    yield "".join(buffer)
