"""Input that no endpoint can mean: NUL characters and JSON nested beyond reason.

PostgreSQL refuses NUL in text (a ``DataError`` → 500) and Python's JSON decoder recurses
once per nesting level (``RecursionError`` → 500). Both are refused here, before any view
runs, so every endpoint (today's and tomorrow's) answers 400 instead:

- ``RequestGuardMiddleware``: NUL in the path or the query string.
- ``JSONParser``: the API's parser; bounded depth, no NUL in any key or string.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import parsers
from rest_framework.exceptions import ParseError

NUL_REFUSED = gettext_lazy("The request contains a NUL character, which no field accepts.")
TOO_DEEP = gettext_lazy("The JSON body is nested too deeply.")


def contains_nul(raw: str) -> bool:
    """True when ``raw`` (a path or a query string, percent-encoded or not) has a NUL."""
    return "\x00" in raw or b"\x00" in unquote_to_bytes(raw.replace("+", " "))


def refusal(request: HttpRequest, message: str | Promise) -> HttpResponse:
    # This runs before LocaleMiddleware: the refusal speaks the browser's language itself.
    language = translation.get_language_from_request(request)
    with translation.override(language):
        text = str(message)
    if request.path_info.startswith("/api/") or request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": text}, status=400)
    else:
        response = HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")
    response["Content-Language"] = language
    return response


class RequestGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        raw_path = str(request.META.get("PATH_INFO", ""))
        query = str(request.META.get("QUERY_STRING", ""))
        if contains_nul(raw_path) or contains_nul(request.path_info) or contains_nul(query):
            return refusal(request, NUL_REFUSED)
        return self.get_response(request)


def check_value(value: Any, max_depth: int) -> None:
    """Walk a decoded JSON document without recursion: depth and NUL checks."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise ParseError(NUL_REFUSED)
            continue
        if not isinstance(item, dict | list):
            continue
        if depth > max_depth:
            raise ParseError(TOO_DEEP)
        if isinstance(item, dict):
            for key, child in item.items():
                if "\x00" in key:
                    raise ParseError(NUL_REFUSED)
                stack.append((child, depth + 1))
        else:
            stack.extend((child, depth + 1) for child in item)


def nesting_exceeds(raw: bytes, max_depth: int) -> bool:
    """A cheap pre-check on the raw bytes (brackets outside strings), so a document
    thousands of levels deep never reaches the recursive decoder."""
    depth = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > max_depth:
                return True
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return False


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


class JSONParser(parsers.JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        max_depth = settings.MAX_JSON_DEPTH
        raw = stream.read() if stream is not None else b""
        if nesting_exceeds(raw, max_depth):
            raise ParseError(TOO_DEEP)
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            data = json.loads(raw.decode(encoding), parse_constant=_refuse_constant)
        except RecursionError as exc:
            raise ParseError(TOO_DEEP) from exc
        except ValueError as exc:
            raise ParseError(_("JSON parse error - %(error)s") % {"error": exc}) from exc
        check_value(data, max_depth)
        return data
