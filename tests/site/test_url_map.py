"""Guard for the URL map: every route the PWA and ``docs/API.md`` rely on keeps its path,
name and methods wherever the code that serves it lives, and every path of the OpenAPI
schema resolves to the same named route as before (so no route shadows another after the
routes moved between modules). Both lists are committed in ``tests/site/url_map.txt``.

After a deliberate change to the routes, rewrite the list with
``UPRIGHT_WRITE_URL_MAP=1 .venv/bin/pytest tests/site/test_url_map.py``."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

URL_MAP = Path(__file__).with_name("url_map.txt")
_HTTP = ("get", "post", "put", "patch", "delete")


def _methods(callback: Any) -> str:
    actions = getattr(callback, "actions", None)
    if actions:  # a viewset route: the method → action map the router made (DRF adds
        # "head" to it at the first GET, so only the methods that matter are listed)
        return ",".join(sorted(m.upper() for m in actions if m in _HTTP))
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view is None:
        return "ANY"
    return ",".join(sorted(m.upper() for m in _HTTP if hasattr(view, m)))


def _walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, str, str]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name or "-", _methods(entry.callback)


def url_map() -> list[str]:
    """One line per route, sorted (the order the modules are included in may change):
    ``route  name  METHODS``."""
    return sorted(
        f"{route}  {name}  {methods}" for route, name, methods in _walk(get_resolver().url_patterns)
    )


def _sample(path: str) -> str:
    """A concrete URL for a schema path: each ``{param}`` becomes a value of its kind."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in {"message_id"}:
            return "0b9f2a3c-1d2e-4f50-8a6b-7c8d9e0f1a2b"
        if name in {"slug", "key", "code", "token"} or not name.endswith(("id", "pk")):
            return "sample1"
        return "7"

    return re.sub(r"\{([^}]+)\}", value, path)


def schema_resolutions(client: Any) -> list[str]:
    """For each path of the OpenAPI schema: a concrete URL, the route name it resolves to
    and the methods served there (each documented method must be among them)."""
    schema = client.get("/api/schema/", {"format": "json"}, HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert len(paths) > 50
    lines = []
    for path, operations in paths.items():
        url = _sample(path)
        match = resolve(url)
        assert match.url_name, path  # not the API's catch-all 404
        documented = {m.upper() for m in operations if m in _HTTP}
        served = _methods(match.func)
        assert documented <= set(served.split(",")), (path, documented, served)
        lines.append(f"{url} -> {match.url_name}  {served}")
    return sorted(lines)


@pytest.mark.django_db
def test_the_url_map_is_the_committed_one(client: Any) -> None:
    current = [*url_map(), "", "# the schema's paths, resolved", *schema_resolutions(client)]
    if os.environ.get("UPRIGHT_WRITE_URL_MAP") == "1":
        URL_MAP.write_text("\n".join(current) + "\n")
    assert current == URL_MAP.read_text().splitlines()
