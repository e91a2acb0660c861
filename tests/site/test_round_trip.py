"""A client that PUTs or PATCHes back what it GOT succeeds, for every such resource.

The list of resources comes from the OpenAPI schema, so a new endpoint with GET and
PUT/PATCH fails here until it is given a caller below (and then must round-trip too).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rest_framework.test import APIClient

from tests.conftest import Cast, client_for
from tests.factories import assign_program


def _write_paths() -> set[tuple[str, str]]:
    schema = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    found = set()
    for path, operations in schema.json()["paths"].items():
        if "get" not in operations:
            continue
        for method in ("put", "patch"):
            if method in operations:
                found.add((path, method))
    return found


# path in the schema -> (who calls it, the concrete URL) for a cast of users.
Caller = Callable[[Cast], tuple[Any, str]]


def _program(cast: Cast) -> tuple[Any, str]:
    assignment = assign_program(cast.phil, cast.pat, notes="Gently")
    return cast.phil, f"/api/programs/{assignment.program_id}/"


def _psfs_activities(cast: Cast) -> tuple[Any, str]:
    """Pat's PSFS is scheduled and answered once, which names her activities."""
    body = {"patient": cast.pat.pk, "measure": "psfs", "every_weeks": 2}
    assert client_for(cast.phil).post("/api/outcomes/schedules/", body).status_code == 201
    first = {"measure": "psfs", "answers": [3, 4, 5], "activities": ["Socks", "Stairs", "Bags"]}
    assert client_for(cast.pat).post("/api/outcomes/responses/", first).status_code == 201
    return cast.phil, f"/api/outcomes/psfs-activities/?patient={cast.pat.pk}"


def _breaks(cast: Cast) -> tuple[Any, str]:
    """Phil prescribed one micro-break and excluded another for Pat's assignment."""
    assignment = assign_program(cast.phil, cast.pat)
    url = f"/api/assignments/{assignment.pk}/breaks/"
    body = {
        "items": [{"exercise": "chin-tuck", "sets": 1, "reps": 10, "every_nth": 2}],
        "excluded": ["neck-side-stretch"],
    }
    assert client_for(cast.phil).put(url, body, format="json").status_code == 200
    return cast.phil, url


CALLERS: dict[str, Caller] = {
    "/api/me/": lambda cast: (cast.pat, "/api/me/"),
    "/api/clinic/": lambda cast: (cast.adam, "/api/clinic/"),
    "/api/nudges/plan/": lambda cast: (cast.pat, "/api/nudges/plan/"),
    "/api/programs/{id}/": _program,
    "/api/patients/{id}/precautions/": lambda cast: (
        cast.phil,
        f"/api/patients/{cast.pat.pk}/precautions/",
    ),
    "/api/outcomes/psfs-activities/": _psfs_activities,
    "/api/messaging/prefs/": lambda cast: (cast.phil, "/api/messaging/prefs/"),
    "/api/messaging/clinic-settings/": lambda cast: (cast.adam, "/api/messaging/clinic-settings/"),
    "/api/assignments/{id}/breaks/": _breaks,
    "/api/nudges/calendar/": lambda cast: (cast.pat, "/api/nudges/calendar/"),
}


def test_every_get_and_write_resource_has_a_caller(db: Any) -> None:
    paths = {path for path, _ in _write_paths()}
    assert paths, "the schema lists no resource with GET and PUT/PATCH"
    assert paths <= set(CALLERS), f"give these a caller in CALLERS: {sorted(paths - set(CALLERS))}"


def test_the_get_body_can_be_sent_back_unchanged(cast: Cast, library: Any) -> None:
    checked = []
    for path, method in sorted(_write_paths()):
        user, url = CALLERS[path](cast)
        client = client_for(user)
        got = client.get(url)
        assert got.status_code == 200, (url, got.content)
        sent = getattr(client, method)(url, got.json(), format="json")
        assert sent.status_code == 200, (method, url, sent.json())
        again = client.get(url).json()
        # Nothing the client sent back changed what it reads (versions and times aside).
        for key, value in got.json().items():
            if key not in {"version", "created_at", "next_due_at", "items"}:
                assert again[key] == value, (url, key)
        checked.append((path, method))
    assert len(checked) >= len(CALLERS)


def test_a_truly_unknown_field_is_still_refused(cast: Cast, library: Any) -> None:
    for path, method in sorted(_write_paths()):
        user, url = CALLERS[path](cast)
        client = client_for(user)
        body = {**client.get(url).json(), "colour": "teal"}
        sent = getattr(client, method)(url, body, format="json")
        assert sent.status_code == 400, (method, url)
        assert sent.json() == {"colour": ["Unknown field."]}, (method, url)


def test_a_read_only_field_sent_changed_is_never_stored(cast: Cast) -> None:
    client = client_for(cast.pat)
    plan = client.get("/api/nudges/plan/").json()
    answer = client.put(
        "/api/nudges/plan/", {**plan, "next_due_at": "2030-01-01T00:00:00Z"}, format="json"
    )
    assert answer.status_code == 200
    # Where the object is at hand, changing a read-only value is refused, not dropped.
    me = client.get("/api/me/").json()
    answer = client.patch("/api/me/", {**me, "email": "someone@else.example"}, format="json")
    assert answer.status_code == 400
    assert answer.json() == {"email": ["This can't be changed here."]}
    assert client.get("/api/me/").json()["email"] == "pat@example.com"


def test_a_program_item_renders_as_an_object_and_is_taken_back_as_one(
    cast: Cast, library: Any
) -> None:
    _, url = _program(cast)
    client = client_for(cast.phil)
    program = client.get(url).json()
    [item] = program["items"]
    assert isinstance(item["exercise"], dict)
    answer = client.put(url, program, format="json")
    assert answer.status_code == 200
    [again] = answer.json()["items"]
    assert again["exercise"]["slug"] == item["exercise"]["slug"]
    assert answer.json()["version"] == program["version"] + 1


def test_a_clinic_admin_sets_the_contact_and_the_clinics_patients_read_it(cast: Cast) -> None:
    admin = client_for(cast.adam)
    answer = admin.patch(
        "/api/clinic/",
        {"phone": "+44 20 7946 0000", "email": "desk@riverside.example", "hours": "Mon-Fri 8-18"},
        format="json",
    )
    assert answer.status_code == 200, answer.json()
    seen = client_for(cast.pat).get("/api/clinic/").json()
    assert (seen["name"], seen["phone"], seen["email"], seen["hours"]) == (
        "Riverside",
        "+44 20 7946 0000",
        "desk@riverside.example",
        "Mon-Fri 8-18",
    )
    assert client_for(cast.pat).get("/api/me/").json()["clinic"]["phone"] == "+44 20 7946 0000"
    # Another clinic sees its own (empty) details, never Riverside's.
    assert client_for(cast.hana).get("/api/clinic/").json()["phone"] == ""


def test_only_clinic_admins_change_the_contact_and_bad_input_writes_nothing(cast: Cast) -> None:
    for user in (cast.pat, cast.phil):
        assert (
            client_for(user).patch("/api/clinic/", {"phone": "1"}, format="json").status_code == 403
        )
    admin = client_for(cast.adam)
    for body in (
        {"phone": "call me\x00"},
        {"email": "not-an-address"},
        {"hours": "x" * 201},
        {"name": 5},
    ):
        answer = admin.patch("/api/clinic/", body, format="json")
        assert answer.status_code in (200, 400), body
        assert client_for(cast.pat).get("/api/clinic/").json()["phone"] == ""
    assert admin.patch("/api/clinic/", {"phone": "x\x00"}, format="json").status_code == 400
    assert admin.patch("/api/clinic/", {"email": "nope"}, format="json").json() == {
        "email": ["Enter a valid email address."]
    }
    assert client_for(None).get("/api/clinic/").status_code in (401, 403)
