"""Every operation in the OpenAPI schema, as every role, gets the two inputs that used to
raise 500s: NUL characters (path, query, JSON strings) and JSON nested thousands deep.

NUL in a path or query is always a 400 (before authentication). A hostile body is never
a 5xx and never accepted: where an operation reads a body, the answer is a 4xx.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from backend.accounts.tokens import token_issue

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "patient", "physio", "clinic_admin")
DEEP_JSON = "[" * 3000 + "]" * 3000
DEEP_OBJECT = '{"a":' * 2000 + "1" + "}" * 2000


def _operations() -> list[tuple[str, str, bool]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                found.append((path, method, "requestBody" in operation))
    return found


OPERATIONS = _operations()


def _fill(path: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", value, path)


def _client(role: str, cast: Any) -> Client:
    people = {"patient": cast.pat, "physio": cast.phil, "clinic_admin": cast.adam}
    if role == "anonymous":
        return Client()
    return Client(HTTP_AUTHORIZATION=f"Token {token_issue(people[role], name='fuzz')[1]}")


def _send(client: Client, method: str, url: str, body: str | None = None) -> Any:
    if body is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, data=body, content_type="application/json")


def _valid_path(path: str, cast: Any) -> str:
    return _fill(path, str(cast.pat.pk) if "{id}" in path else "x")


@pytest.mark.parametrize("role", ROLES)
def test_nul_in_any_path_or_query_is_a_400(role: str, cast: Any) -> None:
    client = _client(role, cast)
    assert len(OPERATIONS) > 30
    for path, method, _ in OPERATIONS:
        if "{" in path:
            response = _send(client, method, "/api" + _fill(path, "%00")[4:])
            assert response.status_code == 400, (method, path, response.status_code)
            assert response["Content-Type"].startswith("application/json")
        response = _send(client, method, _valid_path(path, cast) + "?measure=%00&page=1")
        assert response.status_code == 400, (method, path, "query", response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_deep_json_and_nul_strings_never_reach_a_view(role: str, cast: Any) -> None:
    client = _client(role, cast)
    nul_body = json.dumps(
        {"email": "a\x00@example.com", "password": "x\x00", "name": "a\x00", "notes": "\x00"}
    )
    for path, method, has_body in OPERATIONS:
        if method == "get":
            continue
        url = _valid_path(path, cast)
        for body in (DEEP_JSON, DEEP_OBJECT, nul_body):
            response = _send(client, method, url, body)
            status = response.status_code
            assert status < 500, (method, path, status)
            if has_body:
                assert 400 <= status < 500, (method, path, status)
                assert response["Content-Type"].startswith("application/json")


def test_the_login_refuses_deep_json_with_a_clear_400(db: Any) -> None:
    response = Client().post("/api/auth/token/", data=DEEP_JSON, content_type="application/json")
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]


def test_nul_in_a_json_string_is_a_400_that_writes_nothing(cast: Any) -> None:
    client = _client("patient", cast)
    response = client.patch(
        "/api/me/", data=json.dumps({"full_name": "Pat\x00"}), content_type="application/json"
    )
    assert response.status_code == 400
    cast.pat.refresh_from_db()
    assert cast.pat.full_name == "Pat Patient"
