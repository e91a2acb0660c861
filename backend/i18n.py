"""Which language the server speaks to whom.

The user's ``language`` field (one of ``settings.LANGUAGES``), else the request's
``Accept-Language`` (Django's LocaleMiddleware), else English. One function decides
(``language_of``); it is applied

* to requests: Django's LocaleMiddleware activates the Accept-Language choice, then
  ``UserLanguageMiddleware`` (after AuthenticationMiddleware: session users, the admin) and
  the two DRF authenticators (token users, whose sign-in happens inside the view) call
  ``activate_for``. LocaleMiddleware's response hook then sets ``Content-Language`` to the
  active language;
* to work done for someone outside a request (Celery tasks, e-mails, pushes, the calendar
  feed): ``speaking(user)``, a ``translation.override`` with the recipient's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

DEFAULT_LANGUAGE = "en"


def supported(code: str | None) -> str | None:
    """``code`` when the server speaks it (``es-MX`` counts as ``es``), else None."""
    if not code:
        return None
    codes = {c for c, _ in settings.LANGUAGES}
    code = str(code).lower()
    if code in codes:
        return code
    base = code.split("-")[0].split("_")[0]
    return base if base in codes else None


def language_of(user: Any, fallback: str | None = None) -> str:
    """The user's language, else ``fallback`` (the request's choice), else English."""
    chosen = supported(getattr(user, "language", None)) if user is not None else None
    return chosen or supported(fallback) or DEFAULT_LANGUAGE


def activate_for(request: Any, user: Any) -> str:
    """Speak ``user``'s language for the rest of this request (authenticated users only)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return translation.get_language() or DEFAULT_LANGUAGE
    language = language_of(user, translation.get_language())
    translation.activate(language)
    django_request = getattr(request, "_request", request)
    django_request.LANGUAGE_CODE = language
    return language


def speaking(user: Any) -> translation.override:
    """``with speaking(patient): ...`` renders texts for ``patient`` outside a request."""
    return translation.override(language_of(user))


class UserLanguageMiddleware:
    """After AuthenticationMiddleware: a session-signed-in user's language wins over the
    browser's. (Token users are handled by the DRF authenticators, through the same
    ``activate_for``.) On the way out it sets ``Content-Language`` to the language the
    response was written in and switches the thread back to the default, so nothing
    rendered later in this thread (a test, a job) inherits a request's language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
            activate_for(request, getattr(request, "user", None))
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language() or "en")
        translation.deactivate()
        return response
