"""API JSON reads are gzipped; responses that carry secrets (BREACH) are not."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_a_large_api_json_read_is_gzipped_and_decodes_to_the_same_json(
    cast: Any, library: Any
) -> None:
    # ``library``: the list is large only with the library in it (a transactional test run
    # before this one in the same process flushes it).
    client = client_for(cast.pat)
    plain = client.get("/api/me/")
    assert plain.status_code == 200
    assert "Content-Encoding" not in plain  # the client did not ask for gzip
    zipped = client.get("/api/exercises/", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped.status_code == 200
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    body = json.loads(gzip.decompress(zipped.content))
    assert body == client.get("/api/exercises/").json()


def test_the_csrf_token_endpoint_is_never_compressed(api: Any) -> None:
    r = api.get("/api/auth/csrf/", HTTP_ACCEPT_ENCODING="gzip")
    assert r.status_code == 200
    assert "Content-Encoding" not in r
    assert r.json()["csrfToken"]


def test_writes_and_non_api_pages_are_not_compressed(cast: Any) -> None:
    client = client_for(cast.pat)
    r = client.post(
        "/api/messages/", {"body": "x" * 400}, format="json", HTTP_ACCEPT_ENCODING="gzip"
    )
    assert "Content-Encoding" not in r
    page = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in page
