"""The schema documents the 4xx answers where they occur: by rule (path, body, auth,
throttles) and by observation (what every operation really answers each role)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from backend.accounts.tokens import token_issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api: Any) -> dict[str, Any]:
    response = api.get("/api/schema/", {"format": "json"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    return dict(response.json())


def _operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def test_every_operation_lists_the_error_codes_that_apply(schema: dict[str, Any]) -> None:
    operations = _operations(schema)
    assert len(operations) > 80
    for path, method, operation in operations:
        codes = set(operation["responses"])
        where = (method, path, sorted(codes))
        assert "400" in codes, where  # NUL bytes and deep JSON are refused everywhere
        if {} not in operation.get("security", [{}]):
            assert {"401", "403"} <= codes, where
            assert "WWW-Authenticate" in operation["responses"]["401"]["headers"], where
        if "{" in path:
            assert "404" in codes, where
        if "requestBody" in operation:
            assert "413" in codes, where
        for code in codes - {"200", "201", "202", "204"}:
            body = operation["responses"][code]
            assert body["description"] and "application/json" in body["content"], where


@pytest.mark.parametrize(
    ("method", "path", "codes"),
    [
        ("post", "/api/sessions/", {"409", "403"}),
        ("post", "/api/messages/", {"409"}),
        ("delete", "/api/me/", {"409", "429"}),
        ("post", "/api/auth/token/", {"429"}),
        ("post", "/api/auth/login/", {"403", "429"}),
        ("post", "/api/auth/password-reset/", {"429"}),
        ("get", "/api/invites/{code}/", {"404", "429"}),
        ("get", "/api/calendar/{token}.ics", {"404", "429"}),
        ("get", "/api/patients/", {"403", "404"}),
        ("post", "/api/me/two-factor/confirm/", {"429"}),
    ],
)
def test_known_answers_are_documented(
    schema: dict[str, Any], method: str, path: str, codes: set[str]
) -> None:
    assert codes <= set(schema["paths"][path][method]["responses"])


def test_calls_that_read_no_credentials_are_not_documented_as_401(
    schema: dict[str, Any],
) -> None:
    for path in ("/api/auth/token/", "/api/auth/login/"):
        for operation in schema["paths"][path].values():
            assert "401" not in operation["responses"], path


def test_what_every_operation_answers_each_role_is_documented(
    schema: dict[str, Any], cast: Any, library: Any
) -> None:
    """Every operation, as each role, with an empty body, a foreign id and a page past the
    end: each 4xx it answers is listed for it."""
    people = {"anonymous": None, "patient": cast.pat, "physio": cast.phil, "admin": cast.adam}
    missing = []
    seen: set[int] = set()
    for path, method, operation in _operations(schema):
        documented = set(operation["responses"])
        url = re.sub(r"\{[^}]+\}", "999999", path)
        urls = [url, url + "?page=999"] if method == "get" else [url]
        for role, person in people.items():
            for target in urls:
                cache.clear()  # the throttles would turn later calls into 429s
                # A token per call: logging out with one deletes it.
                client = Client()
                if person is not None:
                    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token_issue(person)[1]}"
                if method == "get":
                    response = client.get(target)
                else:
                    response = getattr(client, method)(
                        target, data="{}", content_type="application/json"
                    )
                status = response.status_code
                seen.add(status)
                assert status < 500, (method, target, role, status)
                if 400 <= status < 500 and str(status) not in documented:
                    missing.append((method, path, role, status))
    assert not missing, missing
    assert {400, 401, 403, 404} <= seen
