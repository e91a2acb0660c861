"""Property-based fuzzing of every operation in ``/api/schema/``, as every role and anonymously.

Schemathesis generates requests (valid and invalid) from the OpenAPI schema and sends
them through the WSGI app in-process. Every response must be below 500 and, where the
schema documents the status, match the documented body, content type and headers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import time
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
)

from backend.accounts.tokens import token_issue
from tests.factories import assign_program

SIGNED_IN = ("patient", "physio", "clinic_admin")
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    content_type_conformance,
    response_headers_conformance,
]
# Bounded so the whole run stays within a few minutes; raise locally to fuzz harder.
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "6"))
ANONYMOUS_EXAMPLES = int(os.environ.get("FUZZ_ANONYMOUS_EXAMPLES", "2"))


# Loaded at collection through the app itself (serving the schema reads no table).
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """The WSGI app closes database connections at the end of each request; in a test
    that would close the transaction the test runs in (Django's test client does the
    same as this while it calls the app)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_world(cast: Any, library: Any) -> dict[str, str]:
    """Pat with a program, an assignment, a logged session and a pain alert, so reads
    have real rows to render; a token per role."""
    assign_program(cast.phil, cast.pat, preferred_time=time(18, 0))
    people = {"patient": cast.pat, "physio": cast.phil, "clinic_admin": cast.adam}
    return {role: token_issue(person)[1] for role, person in people.items()}


def _call(case: Any, token: str | None) -> None:
    cache.clear()  # the anonymous rate limit would otherwise turn later examples into 429s
    # Schemathesis asks for gzip like a browser does, but its in-process WSGI transport
    # hands the checks the compressed bytes without decoding them. Compression itself is
    # tested in tests/site/test_compression.py; here the body is what is checked.
    headers = {"Accept-Encoding": "identity"}
    if token:
        headers["Authorization"] = f"Token {token}"
    case.call_and_validate(headers=headers, checks=CHECKS)


@schema.parametrize()
@pytest.mark.parametrize("role", SIGNED_IN)
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_as_each_signed_in_role(case: Any, role: str, fuzz_world: Any) -> None:
    _call(case, fuzz_world[role])


@schema.parametrize()
# Without a pytest parameter of its own every item would be named plainly
# ``test_every_operation_anonymously``: pytest runs items of one node id, pytest-xdist
# (make test) keeps one of them. The parameter puts the operation into each id.
@pytest.mark.parametrize("who", ["anonymous"])
@settings(
    max_examples=ANONYMOUS_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_anonymously(case: Any, who: str, fuzz_world: Any) -> None:
    """Without a token nearly every operation answers 401 before it reads the body, so a
    few examples per operation cover what varies (the public ones: sign-in, invitations,
    the schema, health)."""
    _call(case, None)
