"""The micro-break texts are lazy translations formatted with ``.format()``
(backend/nudges/texts.py): each comes back worded in the recipient's or the request's
language, not in the language active when the module was imported or the text cached."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.accounts.tokens import token_issue
from backend.nudges.breaks import BreakItem
from backend.nudges.calendar_feed import feed_refresh
from backend.nudges.content import ContentPool
from backend.nudges.models import CalendarFeed
from tests.nudges.feedserver import FeedServer

pytestmark = pytest.mark.django_db

# The English sentence each translation replaces is checked too, so a test of "es" passing
# on an untranslated catalogue cannot happen.
MOVE_BODY_START = {
    "en": "1 \N{MULTIPLICATION SIGN} 10. A short break",
    "es": "1 \N{MULTIPLICATION SIGN} 10. Una pausa corta",
    "de": "1 \N{MULTIPLICATION SIGN} 10. Eine kurze Pause",
}
MOVE_TITLE_START = {"en": "Time to move: ", "es": "Hora de moverse: ", "de": "Zeit für Bewegung: "}
SIT_TITLE = {"en": "Time to sit", "es": "Hora de sentarse", "de": "Zeit zum Sitzen"}
CALENDAR_HTTPS = {
    "en": "The calendar address must start with https://.",
    "es": "La dirección del calendario debe empezar por https://.",
    "de": "Die Kalenderadresse muss mit https:// beginnen.",
}
CALENDAR_UNSAFE = {
    "en": "This address cannot be used for a calendar (a private address).",
    "es": "Esta dirección no se puede usar para un calendario (una dirección privada).",
    "de": "Diese Adresse kann nicht für einen Kalender genutzt werden (eine private Adresse).",
}
BUSY_CHOICE = {
    "en": "Choose 15, 30 or 60 minutes, or until the end of the day.",
    "es": "Elija 15, 30 o 60 minutos, o hasta el final del día.",
    "de": "Wählen Sie 15, 30 oder 60 Minuten oder bis zum Ende des Tages.",
}
LANGUAGES = ["en", "es", "de"]


def client_in(user: Any, language: str) -> APIClient:
    user.language = language
    user.save(update_fields=["language"])
    _, key = token_issue(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_micro_break_nudge_is_worded_in_the_recipients_language(
    cast: Any, library: None, language: str
) -> None:
    pool = ContentPool.load()
    slug = pool.pools([cast.pat.pk])[cast.pat.pk][0].slug
    item = BreakItem(slug, 1, 10, None)
    text = pool.text(f"exercise:{slug}", language, item=item)
    assert text.title.startswith(MOVE_TITLE_START[language]), text
    assert text.body.startswith(MOVE_BODY_START[language]), text
    assert "{" not in text.title + text.body
    # A text cached for one language is plain text: read later, elsewhere, it stays as made.
    sit = pool.text("sit", language)
    assert isinstance(sit.title, str) and type(sit.title) is str
    assert sit.title == SIT_TITLE[language]


def test_each_language_keeps_its_own_cached_nudge_text(cast: Any, library: None) -> None:
    pool = ContentPool.load()
    titles = {language: pool.text("sit", language).title for language in LANGUAGES}
    assert titles == SIT_TITLE
    assert {language: pool.text("sit", language).title for language in LANGUAGES} == SIT_TITLE


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refused_calendar_address_is_a_400_field_message_in_the_users_language(
    cast: Any, language: str
) -> None:
    client = client_in(cast.pat, language)
    plain = client.put(
        "/api/nudges/calendar/", {"url": "http://calendar.example.com/a.ics"}, format="json"
    )
    assert plain.status_code == 400, plain.content
    assert plain.json()["url"] == [CALENDAR_HTTPS[language]]
    private = client.put("/api/nudges/calendar/", {"url": "https://10.1.2.3/a.ics"}, format="json")
    assert private.status_code == 400, private.content
    assert private.json()["url"] == [CALENDAR_UNSAFE[language]]
    assert client.get("/api/nudges/calendar/").json()["configured"] is False


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refused_busy_pause_is_a_400_field_message_in_the_users_language(
    cast: Any, language: str
) -> None:
    client = client_in(cast.pat, language)
    for body in ({"minutes": 7}, {}, {"minutes": 15, "until": "end_of_day"}):
        response = client.post("/api/nudges/busy/", body, format="json")
        assert response.status_code == 400, (body, response.content)
        assert response.json()["minutes"] == [BUSY_CHOICE[language]], body
    wrong_until = client.post("/api/nudges/busy/", {"until": "tomorrow"}, format="json")
    assert wrong_until.status_code == 400
    assert wrong_until.json()["until"] == [BUSY_CHOICE[language]]
    assert client.get("/api/nudges/plan/").json()["busy_until"] is None


STATUS_404 = {
    "en": "The calendar could not be read: the server answered 404.",
    "es": "No se pudo leer el calendario: el servidor respondió 404.",
    "de": "Der Kalender konnte nicht gelesen werden: Der Server antwortete 404.",
}


@pytest.fixture
def feeds(settings: Any) -> Iterator[FeedServer]:
    settings.CALENDAR_ALLOW_LOOPBACK_HTTP = True  # the tests' local server only
    server = FeedServer().start()
    yield server
    server.stop()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_beat_jobs_calendar_error_is_kept_in_the_patients_language(
    cast: Any, feeds: FeedServer, language: str
) -> None:
    client = client_in(cast.pat, language)
    feed = CalendarFeed.objects.create(user=cast.pat, url=feeds.serve("/gone.ics", b"", status=404))
    assert feed_refresh(feed) is False  # outside any request: no language active
    assert client.get("/api/nudges/calendar/").json()["last_error"] == STATUS_404[language]
