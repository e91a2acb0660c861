"""RawJSONRenderer writes pre-encoded fragments exactly where the values would have been:
the bytes equal DRF's JSONRenderer on the same data."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from uuid import UUID

from rest_framework.renderers import JSONRenderer

from backend.rawjson import EncodedCache, RawJSON, RawJSONRenderer, encode


def test_fragments_render_as_the_values_would() -> None:
    payload = {
        "name": "Cat\u2013cow \u2028 stretch",
        "steps": ["Kneel", 'Say "hi"', "upright-raw-0"],
        "at": datetime(2026, 12, 2, 12, tzinfo=UTC),
        "id": UUID(int=7),
        "dose": Decimal("1.5"),
        "nothing": None,
    }
    plain = {"items": [{"exercise": payload, "n": 1}, {"exercise": payload, "n": 2}], "x": "é"}
    raw = {
        "items": [{"exercise": RawJSON(encode(payload)), "n": n} for n in (1, 2)],
        "x": "é",
    }
    assert RawJSONRenderer().render(raw) == JSONRenderer().render(plain)
    assert RawJSONRenderer().render(plain) == JSONRenderer().render(plain)
    assert RawJSONRenderer().render(None) == b""


def test_the_cache_builds_once_per_key_and_is_bounded() -> None:
    cache = EncodedCache(size=2)
    built: list[str] = []

    def build(key: str) -> dict[str, str]:
        built.append(key)
        return {"k": key}

    assert cache.get("a", lambda: build("a")).text == '{"k":"a"}'
    cache.get("a", lambda: build("a"))
    cache.get("b", lambda: build("b"))
    cache.get("c", lambda: build("c"))  # "a" is the least recently used: dropped
    cache.get("a", lambda: build("a"))
    assert built == ["a", "b", "c", "a"]
