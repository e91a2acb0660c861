"""The FHIR export: bundles validate, are scoped, select by _since/_type, page and keep ids."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import AuditEvent
from backend.outcomes.services import response_submit
from backend.programs import services
from backend.programs.services import session_log
from tests.factories import assign_program, session_data
from tests.interop.fhir_check import of_type, read, references, validate
from tests.interop.history import three_year_history

pytestmark = pytest.mark.django_db

T0 = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # a Monday, after the cast was made


def log(patient: Any, assignment: Any, at: datetime, **extra: Any) -> Any:
    data = session_data(
        assignment,
        completed_at=at + timedelta(minutes=15),
        minutes=15,
        **({"pain_before": 4, "pain_after": 3} | extra),
    )
    session, _ = session_log(patient=patient, data=data, now=at + timedelta(minutes=16))
    return session


@pytest.fixture
def typical(cast: Any, library: Any, time_machine: Any) -> Any:
    """Pat: a two-exercise program on Mon/Wed/Fri at 18:00, three sessions (one skipping an
    exercise) and an ODI and an NPRS answer."""
    time_machine.move_to(T0)
    cast.assignment = assign_program(
        cast.phil,
        cast.pat,
        items=[
            {"exercise": "glute-bridge", "sets": 2, "reps": 10, "rest_seconds": 30},
            {"exercise": "bird-dog", "sets": 2, "reps": 8, "per_side": True, "rest_seconds": 20},
        ],
        start=T0.date(),
        days=[1, 3, 5],
        notes="Stop if your leg goes numb.",
    )
    cast.sessions = [
        log(cast.pat, cast.assignment, T0 + timedelta(days=d, hours=8)) for d in (0, 2)
    ]
    cast.sessions.append(
        log(
            cast.pat,
            cast.assignment,
            T0 + timedelta(days=4, hours=8),
            items=[
                {"exercise": "glute-bridge", "sets_done": 2, "reps_done": 10},
                {"exercise": "bird-dog", "skipped": True, "skip_reason": "Knee sore"},
            ],
            difficulty="too_hard",
            notes="Harder today.",
        )
    )
    time_machine.move_to(T0 + timedelta(days=5))
    response_submit(patient=cast.pat, measure="odi", answers=[2, 1, 3, 0, 1, 2, 2, 1, 0, 1])
    response_submit(patient=cast.pat, measure="nprs", answers=[4])
    return cast


def test_an_empty_patient_exports_a_valid_bundle(cast: Any, as_user: Any) -> None:
    bundle = read(as_user(cast.pat).get("/api/me/fhir/"))
    validate(bundle)
    types = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert types == ["Patient", "Organization", "Practitioner"]
    patient = of_type(bundle, "Patient")[0]
    assert patient["name"] == [{"text": "Pat Patient"}]
    assert patient["telecom"] == [{"system": "email", "value": "pat@example.com", "use": "home"}]
    # Nothing Upright does not hold.
    assert not {"birthDate", "gender", "address"} & set(patient)


def test_a_typical_patient_exports_program_sessions_and_outcomes(
    typical: Any, as_user: Any
) -> None:
    response = as_user(typical.phil).get(f"/api/patients/{typical.pat.pk}/fhir/")
    bundle = read(response)
    validate(bundle)
    all_urls = {e["fullUrl"] for e in bundle["entry"]}
    assert references(bundle) <= all_urls  # every reference resolves inside the bundle

    (plan,) = of_type(bundle, "CarePlan")
    assert plan["status"] == "active" and plan["intent"] == "plan"
    assert plan["period"] == {"start": "2027-03-01"}
    requests = of_type(bundle, "ServiceRequest")
    assert [r["code"]["text"] for r in requests] == ["Glute bridge", "Bird dog"]
    assert {a["reference"]["reference"] for a in plan["activity"]} == {
        f"urn:uuid:{r['id']}" for r in requests
    }
    bird_dog = requests[1]
    assert bird_dog["code"]["coding"][0] == {
        "system": "http://snomed.info/sct",
        "code": "229065009",
        "display": "Exercise therapy (regime/therapy)",
    }
    assert bird_dog["occurrenceTiming"]["repeat"]["dayOfWeek"] == ["mon", "wed", "fri"]
    assert "2 sets of 8 repetitions, each side" in bird_dog["patientInstruction"]
    dosage = {e["url"]: e for e in bird_dog["extension"][0]["extension"]}
    assert dosage["sets"]["valuePositiveInt"] == 2 and dosage["reps"]["valuePositiveInt"] == 8
    assert dosage["perSide"]["valueBoolean"] is True

    procedures = of_type(bundle, "Procedure")
    assert len(procedures) == 3
    last = procedures[-1]
    performed = [{x["url"]: x for x in e["extension"]} for e in last["extension"]]
    assert performed[1]["skipped"]["valueBoolean"] is True
    assert performed[1]["skipReason"]["valueString"] == "Knee sore"
    assert performed[0]["setsDone"]["valueUnsignedInt"] == 2

    pain = [
        o for o in of_type(bundle, "Observation") if o["code"]["coding"][0]["code"] == "72514-3"
    ]
    # Two per session plus the NPRS score.
    assert len(pain) == 3 * 2 + 1
    after = [o for o in pain if "component" in o][-1]
    assert after["effectiveDateTime"].endswith("Z")
    assert after["component"][0]["valueCodeableConcept"]["coding"][0]["code"] == "too_hard"

    (odi_score,) = [
        o for o in of_type(bundle, "Observation") if o["code"]["coding"][0]["code"] == "97909-6"
    ]
    assert odi_score["valueQuantity"]["value"] == pytest.approx(26.0)
    questionnaires = {q["url"].rsplit("/", 1)[1]: q for q in of_type(bundle, "Questionnaire")}
    assert set(questionnaires) == {"odi", "nprs"}
    assert questionnaires["odi"]["code"][0]["code"] == "97908-8"
    assert len(of_type(bundle, "QuestionnaireResponse")) == 2


def test_licensed_wording_is_exported_only_for_the_clinic_that_loaded_it(
    typical: Any, as_user: Any
) -> None:
    from backend.outcomes.models import MeasureWording
    from backend.outcomes.selectors import measures_for

    odi = next(m for m in measures_for(None, "en") if m["code"] == "odi")
    licensed_items = [
        {**item, "text": f"Licensed section {n}"} for n, item in enumerate(odi["items"])
    ]
    hilltop = typical.hana.clinic
    MeasureWording.objects.create(
        clinic=hilltop, measure="odi", language="en", name="ODI", items=licensed_items
    )
    bundle = read(as_user(typical.pat).get("/api/me/fhir/", {"_type": "Questionnaire"}))
    validate(bundle)
    text = str(bundle)
    assert "Licensed section" not in text and "Section 1" in text
    # Once Pat's own clinic holds the licence, its wording is what Pat's export carries.
    MeasureWording.objects.create(
        clinic=typical.pat.clinic, measure="odi", language="en", name="ODI", items=licensed_items
    )
    bundle = read(as_user(typical.pat).get("/api/me/fhir/", {"_type": "Questionnaire"}))
    validate(bundle)
    (odi,) = [q for q in of_type(bundle, "Questionnaire") if q["url"].endswith("/odi")]
    assert odi["item"][0]["text"] == "Licensed section 0"
    assert "copyright" in odi


def test_a_re_export_keeps_every_id(typical: Any, as_user: Any) -> None:
    first = read(as_user(typical.pat).get("/api/me/fhir/"))
    second = read(as_user(typical.phil).get(f"/api/patients/{typical.pat.pk}/fhir/"))
    validate(first), validate(second)
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]
    assert first["id"] != second["id"]  # the bundle is a new message; its contents are not


def test_since_returns_only_what_changed(typical: Any, as_user: Any, time_machine: Any) -> None:
    client = as_user(typical.phil)
    url = f"/api/patients/{typical.pat.pk}/fhir/"
    cut = T0 + timedelta(days=10)
    time_machine.move_to(cut + timedelta(hours=1))
    newer = log(typical.pat, typical.assignment, cut + timedelta(hours=1, minutes=5))
    bundle = read(client.get(url, {"_since": cut.isoformat()}))
    validate(bundle)
    assert {e["resource"]["resourceType"] for e in bundle["entry"]} == {"Procedure", "Observation"}
    assert len(bundle["entry"]) == 3  # the new session's Procedure and its two pain ratings
    procedure = of_type(bundle, "Procedure")[0]
    assert procedure["identifier"][0]["value"] == str(newer.pk)

    # Pausing the assignment changes the plan and its requests, nothing else.
    time_machine.move_to(cut + timedelta(hours=2))
    services.assignment_pause(typical.assignment, today=(cut + timedelta(hours=2)).date())
    bundle = read(client.get(url, {"_since": (cut + timedelta(hours=2)).isoformat()}))
    validate(bundle)
    kinds = sorted({e["resource"]["resourceType"] for e in bundle["entry"]})
    assert kinds == ["CarePlan", "ServiceRequest"]
    assert {e["resource"]["status"] for e in bundle["entry"]} == {"on-hold"}

    # The same instant in another zone, its "+" unencoded (a space), selects the same.
    local = (cut + timedelta(hours=2)).astimezone(timezone(timedelta(hours=5, minutes=30)))
    again = read(client.get(f"{url}?_since={local.isoformat().replace('+', ' ')}"))
    assert [e["fullUrl"] for e in again["entry"]] == [e["fullUrl"] for e in bundle["entry"]]

    # A later instant: nothing changed since.
    empty = read(client.get(url, {"_since": (cut + timedelta(hours=3)).isoformat()}))
    validate(empty)
    assert "entry" not in empty


def test_type_selects_a_subset(typical: Any, as_user: Any) -> None:
    bundle = read(as_user(typical.pat).get("/api/me/fhir/", {"_type": "CarePlan,Procedure"}))
    validate(bundle)
    assert {e["resource"]["resourceType"] for e in bundle["entry"]} == {"CarePlan", "Procedure"}


def test_pages_link_to_the_next_until_the_whole_record_is_read(typical: Any, as_user: Any) -> None:
    client = as_user(typical.pat)
    whole = read(client.get("/api/me/fhir/"))
    urls: list[str] = []
    page = read(client.get("/api/me/fhir/", {"_count": 4}))
    pages = 1
    while True:
        validate(page)
        assert len(page["entry"]) <= 4
        urls += [e["fullUrl"] for e in page["entry"]]
        links = {link["relation"]: link["url"] for link in page["link"]}
        if "next" not in links:
            break
        assert "_count=4" in links["next"]
        page = read(client.get(links["next"].replace("http://testserver", "")))
        pages += 1
    assert urls == [e["fullUrl"] for e in whole["entry"]]
    assert pages == -(-len(urls) // 4)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"_since": "yesterday"}, "_since"),
        ({"_since": "2026-03-02T09:00:00"}, "_since"),  # no zone: ambiguous
        ({"_since": "0001-01-01T00:00:00Z"}, "_since"),
        ({"_type": "Patient,Medication"}, "_type"),
        ({"_type": ","}, "_type"),
        ({"_count": "0"}, "_count"),
        ({"_count": "10001"}, "_count"),
        ({"_page": "-1"}, "_page"),
        ({"_page": "1\x00"}, "detail"),  # a NUL is refused before any view runs
    ],
)
def test_bad_parameters_are_a_400_naming_the_parameter(
    cast: Any, as_user: Any, params: dict[str, str], field: str
) -> None:
    response = as_user(cast.pat).get("/api/me/fhir/", params)
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_staff_exports_are_in_the_access_log(typical: Any, as_user: Any) -> None:
    validate(read(as_user(typical.adam).get(f"/api/patients/{typical.pat.pk}/fhir/")))
    event = AuditEvent.objects.get(action="patient.fhir")
    assert (event.actor, event.patient) == (typical.adam, typical.pat)


def test_accepts_the_fhir_media_type(cast: Any, as_user: Any) -> None:
    response = as_user(cast.pat).get("/api/me/fhir/", HTTP_ACCEPT="application/fhir+json")
    validate(read(response))


def test_the_personal_data_export_offers_the_fhir_bundle(typical: Any, as_user: Any) -> None:
    client = as_user(typical.pat)
    response = client.get("/api/me/export/", {"format": "fhir"})
    assert "upright-my-data.fhir.json" in response["Content-Disposition"]
    bundle = read(response)
    validate(bundle)
    # The whole record in one bundle, no paging.
    assert [link["relation"] for link in bundle["link"]] == ["self"]
    assert len(of_type(bundle, "Procedure")) == 3
    plain = client.get("/api/me/export/")
    assert plain.status_code == 200 and "sessions" in json.loads(b"".join(plain.streaming_content))
    assert as_user(typical.phil).get("/api/me/export/", {"format": "fhir"}).status_code == 400


PERSONAS = ("pat", "phil", "carla", "olive", "adam", "hugo", "hana", "heidi")
# Whose record each persona may export through /api/patients/{id}/fhir/: Pat (own patient
# of Phil), Olive (same clinic, Carla's) and Hana (another clinic).
MAY_EXPORT = {
    "phil": {"pat"},
    "carla": {"olive"},
    "adam": {"pat", "olive"},
    "hugo": {"hana"},
    "heidi": {"hana"},
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("whose", ["pat", "olive", "hana"])
def test_permission_matrix(cast: Any, as_user: Any, persona: str, whose: str) -> None:
    client = as_user(getattr(cast, persona))
    patient = getattr(cast, whose)
    response = client.get(f"/api/patients/{patient.pk}/fhir/")
    if persona in ("pat", "olive", "hana"):
        assert response.status_code == 403
    elif whose in MAY_EXPORT[persona]:
        bundle = read(response)
        validate(bundle)
        assert of_type(bundle, "Patient")[0]["telecom"][0]["value"] == patient.email
    else:
        assert response.status_code == 404
        assert patient.email.encode() not in response.content
    own = client.get("/api/me/fhir/")
    if persona in ("pat", "olive", "hana"):
        bundle = read(own)
        validate(bundle)
        assert of_type(bundle, "Patient")[0]["telecom"][0]["value"] == f"{persona}@example.com"
    else:
        assert own.status_code == 403


def test_anonymous_gets_nothing(cast: Any, as_user: Any) -> None:
    for url in ("/api/me/fhir/", f"/api/patients/{cast.pat.pk}/fhir/"):
        assert as_user(None).get(url).status_code in (401, 403)


def test_an_unknown_patient_is_a_404(cast: Any, as_user: Any) -> None:
    assert as_user(cast.phil).get("/api/patients/999999/fhir/").status_code == 404
    assert as_user(cast.phil).get("/api/patients/abc/fhir/").status_code == 404


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        read(client.get(url))
    return len(queries)


def test_three_years_validate_and_cost_the_same_queries_as_one_week(
    typical: Any, as_user: Any, cast: Any
) -> None:
    small = _queries(as_user(typical.pat), "/api/me/fhir/?_count=10000")
    three_year_history(cast.carla, cast.olive)
    client = as_user(cast.olive)
    assert _queries(client, "/api/me/fhir/?_count=10000") == small
    response = client.get("/api/me/export/", {"format": "fhir"})
    chunks = list(response.streaming_content)
    assert len(chunks) > 10  # written piece by piece, not as one document
    bundle = json.loads(b"".join(chunks))
    validate(bundle)
    assert len(of_type(bundle, "Procedure")) == 1000
    assert len(of_type(bundle, "QuestionnaireResponse")) == 80
    assert references(bundle) <= {e["fullUrl"] for e in bundle["entry"]}


def test_a_revised_program_revokes_the_old_requests_and_keeps_their_ids(
    typical: Any, as_user: Any, time_machine: Any
) -> None:
    client = as_user(typical.pat)
    before = read(client.get("/api/me/fhir/", {"_type": "CarePlan,ServiceRequest"}))
    validate(before)
    old_ids = {r["id"] for r in of_type(before, "ServiceRequest")}
    time_machine.move_to(T0 + timedelta(days=20))
    services.program_revise(
        typical.assignment.program,
        actor=typical.phil,
        items=[{"exercise": "cat-cow", "sets": 1, "reps": 10, "rest_seconds": 0}],
    )
    after = read(client.get("/api/me/fhir/", {"_type": "CarePlan,ServiceRequest"}))
    validate(after)
    requests = {r["id"]: r for r in of_type(after, "ServiceRequest")}
    assert old_ids < set(requests)  # the old requests are still there, under the same ids
    assert {requests[i]["status"] for i in old_ids} == {"revoked"}
    (new,) = [r for i, r in requests.items() if i not in old_ids]
    assert new["status"] == "active" and new["code"]["text"] == "Cat-cow"
    (plan,) = of_type(after, "CarePlan")
    assert plan["id"] == of_type(before, "CarePlan")[0]["id"]
    assert [a["reference"]["reference"] for a in plan["activity"]] == [f"urn:uuid:{new['id']}"]


def test_an_ended_assignment_is_a_completed_plan(typical: Any, as_user: Any) -> None:
    services.assignment_end(typical.assignment, today=(T0 + timedelta(days=6)).date())
    bundle = read(as_user(typical.pat).get("/api/me/fhir/", {"_type": "CarePlan"}))
    validate(bundle)
    (plan,) = of_type(bundle, "CarePlan")
    assert plan["status"] == "completed"
    assert plan["period"]["end"] == (T0 + timedelta(days=6)).date().isoformat()


def test_the_openapi_schema_documents_the_bundle(api: Any) -> None:
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    for path in ("/api/me/fhir/", "/api/patients/{patient_id}/fhir/"):
        operation = schema["paths"][path]["get"]
        content = operation["responses"]["200"]["content"]
        assert content["application/fhir+json"]["schema"] == {
            "$ref": "#/components/schemas/FhirBundle"
        }
        assert {p["name"] for p in operation["parameters"]} >= {"_since", "_type", "_count"}
    bundle = schema["components"]["schemas"]["FhirBundle"]
    assert "fhir.schema.json#/definitions/Bundle" in bundle["description"]
