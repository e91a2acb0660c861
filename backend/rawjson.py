"""Pre-encoded JSON inside a DRF response: ``RawJSON(text)`` in the data is written out as
``text`` by ``RawJSONRenderer``, unchanged. GET /api/today/ carries the full exercise
payloads (about 13 KB each, mostly poses) that change only with the library: encoding
them once per exercise version and language, instead of on every request, takes most
of the cost of that response off the hot path (``bench/api_throughput.py``)."""

from __future__ import annotations

import json
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from typing import Any

from rest_framework.renderers import JSONRenderer
from rest_framework.utils import encoders

# A per-process random marker: no stored text can contain it by chance or on purpose.
_MARK = f"upright-raw-{secrets.token_hex(12)}-"
_FIND = re.compile(f'"{re.escape(_MARK)}(\\d+)"')


class RawJSON:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _RawMarkingEncoder(encoders.JSONEncoder):
    """DRF's encoder (the renderer's ``encoder_class``) writing a numbered marker for each
    ``RawJSON``, whose text it keeps in ``raws`` for the renderer to put back."""

    def __init__(self, *args: Any, raws: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.raws = raws

    def default(self, o: Any) -> Any:
        if isinstance(o, RawJSON):
            self.raws.append(o.text)
            return f"{_MARK}{len(self.raws) - 1}"
        return super().default(o)


class RawJSONRenderer(JSONRenderer):
    """DRF's JSONRenderer (same separators, escaping and strictness) that also writes
    ``RawJSON`` values out as they are."""

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        raws: list[str] = []
        indent = self.get_indent(accepted_media_type or "", dict(renderer_context or {}))
        if indent is None:
            separators = (",", ":") if self.compact else (", ", ": ")
        else:
            separators = (",", ": ")
        out = json.dumps(
            data,
            cls=_RawMarkingEncoder,
            raws=raws,
            indent=indent,
            ensure_ascii=self.ensure_ascii,
            allow_nan=not self.strict,
            separators=separators,
        )
        # As DRF: U+2028 and U+2029 escaped, so the output is a strict JavaScript subset.
        out = out.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        if raws:
            out = _FIND.sub(lambda m: raws[int(m.group(1))], out)
        return out.encode()


def encode(value: Any) -> str:
    """``value`` as RawJSONRenderer's own settings would write it (compact, escaped)."""
    renderer = JSONRenderer()
    return renderer.render(value).decode()


class EncodedCache:
    """A bounded, thread-safe memo of encoded JSON text by key (LRU)."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], Any]) -> RawJSON:
        with self._lock:
            text = self._items.get(key)
            if text is not None:
                self._items.move_to_end(key)
                return RawJSON(text)
        text = encode(build())
        with self._lock:
            self._items[key] = text
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return RawJSON(text)


__all__ = ["EncodedCache", "RawJSON", "RawJSONRenderer", "encode"]
