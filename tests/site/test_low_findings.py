"""The smaller findings of the security review, one test each."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

import icalendar
import pytest
from django.conf import settings

from backend.programs.handouts import _ics_text
from tests.factories import assign_program

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_ics_text_turns_cr_and_control_characters_harmless() -> None:
    # Line breaks become one LF (icalendar writes it as "\n"); other controls go.
    assert _ics_text("a\rb\r\nc\nd\x00e\x1bf\tg") == "a\nb\nc\nde" + "f\tg"


def test_a_program_name_cannot_inject_calendar_lines(
    cast: Any, as_user: Any, library: Any, time_machine: Any
) -> None:
    time_machine.move_to(NOW, tick=False)
    name = "Core\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:Injected"
    assignment = assign_program(cast.phil, cast.pat, name=name, preferred_time=time(18, 0))
    response = as_user(cast.pat).post(f"/api/assignments/{assignment.pk}/calendar/")
    path = response.json()["url"].removeprefix(settings.SITE_URL)
    feed = as_user(None).get(path, HTTP_ACCEPT="text/calendar")
    assert b"\rEND:VEVENT\r" not in feed.content
    events = list(icalendar.Calendar.from_ical(feed.content).walk("VEVENT"))
    assert events and all("Injected" not in str(e.get("UID")) for e in events)
    assert {str(e["SUMMARY"]).startswith("Core") for e in events} == {True}


@pytest.mark.parametrize("value", ["09:00:00.999999", "09:00:00", "9:00", "0900", "09:00Z"])
def test_wall_clock_times_refuse_seconds(cast: Any, as_user: Any, value: str) -> None:
    response = as_user(cast.pat).put(
        "/api/nudges/plan/", {"work_start": value, "work_end": "17:00"}, format="json"
    )
    assert response.status_code == 400, value
    assert "work_start" in response.json()


def test_wall_clock_times_accept_hh_mm(cast: Any, as_user: Any) -> None:
    response = as_user(cast.pat).put(
        "/api/nudges/plan/", {"work_start": "08:30", "work_end": "17:00"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["work_start"] == "08:30"


def test_page_size_must_be_a_number(cast: Any, as_user: Any) -> None:
    response = as_user(cast.pat).get("/api/inbox/?page_size=true")
    assert response.status_code == 400
    assert "page_size" in response.json()


def test_unauthenticated_calls_get_401_with_a_challenge(db: Any, as_user: Any) -> None:
    response = as_user(None).get("/api/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def _body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def _reload_urls() -> Any:
    import importlib

    from django.urls import clear_url_caches

    import backend.urls

    clear_url_caches()
    return importlib.reload(backend.urls)


@pytest.fixture(autouse=True)
def restore_urls() -> Any:
    """Rebuild the routes after each test. Autouse, so it is set up before (and torn down
    after) the ``settings`` fixture: the routes are built from the settings, which must be
    back first, or the next test inherits this one's routes (no /api/schema/ after
    API_DOCS="off")."""
    yield
    _reload_urls()


def test_the_admin_can_move_or_go_away(db: Any, settings: Any, restore_urls: None) -> None:
    from django.test import Client

    settings.ADMIN_URL_PATH = "staff-door/"
    settings.ROOT_URLCONF = "backend.urls"
    _reload_urls()
    client = Client()
    assert client.get("/staff-door/login/").status_code == 200
    old = client.get("/admin/login/")
    assert old.status_code in (200, 404)  # the PWA shell (or nothing), not the admin
    assert b"csrfmiddlewaretoken" not in _body(old)
    settings.ADMIN_ENABLED = False
    _reload_urls()
    assert b"csrfmiddlewaretoken" not in _body(client.get("/staff-door/login/"))


@pytest.mark.parametrize(("mode", "anonymous"), [("staff", 401), ("off", 404)])
def test_api_docs_can_be_restricted(
    db: Any, settings: Any, restore_urls: None, mode: str, anonymous: int
) -> None:
    from django.test import Client

    settings.API_DOCS = mode
    _reload_urls()
    assert Client().get("/api/schema/").status_code == anonymous
    assert Client().get("/api/docs/").status_code == anonymous


def test_static_files_cannot_be_framed(db: Any) -> None:
    from django.test import Client

    if settings.WHITENOISE_ROOT is None:
        pytest.fail("build the PWA first (`make pwa`): WhiteNoise serves the file under test")
    response = Client().get("/manifest.webmanifest")
    assert response.status_code == 200  # served by WhiteNoise, before Django's middleware
    assert response["X-Frame-Options"] == "DENY"
