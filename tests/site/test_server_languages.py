"""The server speaks English, Spanish and German: the user's ``language`` field, else
Accept-Language, else English (backend/i18n.py), through real token and session sign-in.
Texts are read back from responses, e-mails, the PDF (pypdf) and the feed (icalendar)."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, date, datetime, time
from typing import Any

import icalendar
import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.test import override_settings
from pypdf import PdfReader
from rest_framework.test import APIClient

from backend.accounts.tokens import token_issue
from backend.inbox.models import InboxMessage
from backend.messaging.models import Message, NotifyPrefs
from backend.messaging.services import digest_send
from backend.programs.services import assignment_create, program_create
from tests.factories import TEST_PASSWORD, session_payload

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # a Tuesday

# One text of ours per language, and one of Django REST framework's own catalogue.
UNKNOWN_FIELD = {"en": "Unknown field.", "es": "Campo desconocido.", "de": "Unbekanntes Feld."}
BAD_ZONE = {
    "en": "Not a known IANA time zone name (for example Europe/London).",
    "es": "No es un nombre de zona horaria IANA conocido (por ejemplo Europe/Madrid).",
    "de": "Kein bekannter IANA-Zeitzonenname (zum Beispiel Europe/Berlin).",
}
TOO_MANY = {
    "en": "Too many sign-in attempts. Please wait a few minutes and try again.",
    "es": "Demasiados intentos de inicio de sesión. Espere unos minutos y vuelva a intentarlo.",
    "de": "Zu viele Anmeldeversuche. Bitte warten Sie einige Minuten und versuchen Sie es "
    "dann erneut.",
}


def token_client(user: Any, **headers: str) -> APIClient:
    """Signed in the way the PWA is: an API token, authenticated inside DRF's view."""
    _, key = token_issue(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}", **headers)
    return client


def with_language(user: Any, language: str) -> Any:
    user.language = language
    user.save(update_fields=["language"])
    return user


# -- choosing the language --------------------------------------------------------------------


def test_the_language_field_round_trips_and_only_known_languages_are_taken(cast: Any) -> None:
    client = token_client(cast.pat)
    assert client.get("/api/me/").json()["language"] == "en"
    for language in ("es", "de", "en"):
        response = client.patch("/api/me/", {"language": language})
        assert response.status_code == 200, response.content
        assert response.json()["language"] == language
        assert client.get("/api/me/").json()["language"] == language
    refused = client.patch("/api/me/", {"language": "fr"})
    assert refused.status_code == 400
    assert "language" in refused.json()
    cast.pat.refresh_from_db()
    assert cast.pat.language == "en"


@pytest.mark.parametrize("language", ["en", "es", "de"])
def test_a_validation_error_speaks_the_users_language_by_token(cast: Any, language: str) -> None:
    client = token_client(with_language(cast.pat, language))
    response = client.patch("/api/me/", {"timezone": "Mars/Olympus"})
    assert response.status_code == 400
    assert response.json() == {"timezone": [BAD_ZONE[language]]}
    assert response["Content-Language"] == language
    unknown = client.patch("/api/me/", {"colour": "red"})
    assert unknown.json() == {"colour": [UNKNOWN_FIELD[language]]}


@pytest.mark.parametrize("language", ["es", "de"])
def test_the_users_field_wins_over_the_browser_and_works_with_a_session(
    cast: Any, language: str
) -> None:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    client.force_login(with_language(cast.pat, language))  # the session path (cookies)
    response = client.patch("/api/me/", {"colour": "red"})
    assert response.json() == {"colour": [UNKNOWN_FIELD[language]]}
    assert response["Content-Language"] == language


@pytest.mark.parametrize(
    ("header", "language"),
    [("es-ES,es;q=0.9,en;q=0.5", "es"), ("de-AT", "de"), ("fr-FR,fr;q=0.9", "en"), ("", "en")],
)
def test_anonymous_callers_get_their_browsers_language_else_english(
    db: Any, header: str, language: str
) -> None:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=header) if header else APIClient()
    response = client.post("/api/auth/login/", {"email": "x@example.com"})
    assert response.status_code == 400
    # DRF's own message comes from its catalogue in the same language.
    required = {"en": "This field is required.", "es": "Este campo es obligatorio."}
    if language in required:
        assert response.json()["password"] == [required[language]]
    assert response["Content-Language"] == language
    missing = client.get("/api/no-such-thing/")
    assert missing.status_code == 404
    assert (
        missing.json()["detail"]
        == {
            "en": "Not found.",
            "es": "No encontrado.",
            "de": "Nicht gefunden.",
        }[language]
    )


@pytest.mark.parametrize("language", ["en", "es", "de"])
def test_the_request_guard_refuses_in_the_browsers_language(db: Any, language: str) -> None:
    response = APIClient(HTTP_ACCEPT_LANGUAGE=language).get("/api/me/?q=%00")
    assert response.status_code == 400
    assert (
        response.json()["detail"]
        == {
            "en": "The request contains a NUL character, which no field accepts.",
            "es": "La solicitud contiene un carácter NUL, que ningún campo acepta.",
            "de": "Die Anfrage enthält ein NUL-Zeichen, das kein Feld annimmt.",
        }[language]
    )
    assert response["Content-Language"] == language


@pytest.mark.parametrize("language", ["en", "es", "de"])
@override_settings(LOGIN_THROTTLE_ACCOUNT_LIMIT=2)
def test_the_sign_in_throttle_speaks_the_browsers_language(cast: Any, language: str) -> None:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    wrong = {"email": "pat@example.com", "password": "not the password"}
    statuses = [client.post("/api/auth/login/", wrong).status_code for _ in range(3)]
    assert statuses == [400, 400, 429]
    refused = client.post("/api/auth/login/", {**wrong, "password": TEST_PASSWORD})
    assert refused.status_code == 429
    assert refused.json()["detail"] == TOO_MANY[language]


def test_one_request_in_spanish_does_not_leak_into_the_next(cast: Any) -> None:
    spanish = token_client(with_language(cast.pat, "es"))
    english = token_client(cast.phil)  # language "en"
    assert spanish.patch("/api/me/", {"colour": 1}).json()["colour"] == [UNKNOWN_FIELD["es"]]
    assert english.patch("/api/me/", {"colour": 1}).json()["colour"] == [UNKNOWN_FIELD["en"]]
    anonymous = APIClient().get("/api/no-such-thing/")
    assert anonymous.json()["detail"] == "Not found."


# -- clinical texts of ours: a session's errors, the physio's pain alert ---------------------


@pytest.fixture
def assignment(cast: Any, library: None) -> Any:
    program = program_create(
        actor=cast.phil,
        name="Strong back",
        items=[
            {"exercise": "pelvic-tilt", "sets": 2, "reps": 10, "rest_seconds": 30},
            {"exercise": "bird-dog", "sets": 1, "hold_seconds": 5, "per_side": True},
        ],
    )
    return assignment_create(
        actor=cast.phil,
        program=program,
        patient_id=cast.pat.pk,
        start_date=date(2026, 1, 5),
        end_date=date(2026, 3, 1),
        days_of_week=[1, 3, 5],
        preferred_time=time(18, 0),
        notes="",
    )


def session_body(assignment: Any, **changes: Any) -> dict[str, Any]:
    morning: dict[str, Any] = {
        "started_at": "2026-11-24T09:00:00Z",
        "completed_at": "2026-11-24T09:20:00Z",
        "pain_before": 3,
        "items": [{"exercise": "pelvic-tilt", "sets_done": 2, "reps_done": 10}],
    }
    return session_payload(assignment, **(morning | changes))


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "A session cannot end before it starts."),
        ("es", "Una sesión no puede terminar antes de empezar."),
        ("de", "Eine Einheit kann nicht enden, bevor sie beginnt."),
    ],
)
def test_a_sessions_validation_error_is_translated(
    cast: Any, assignment: Any, language: str, expected: str
) -> None:
    client = token_client(with_language(cast.pat, language))
    bad = session_body(assignment, completed_at="2026-11-24T08:00:00Z")
    response = client.post("/api/sessions/", bad)
    assert response.status_code == 400
    assert response.json()["completed_at"] == [expected]


@time_machine.travel(NOW, tick=False)
def test_a_pain_spike_reaches_each_physio_in_their_own_language(cast: Any, assignment: Any) -> None:
    """The patient speaks Spanish, the physio German: the physio's inbox item is German,
    the stored alert keeps the default language."""
    with_language(cast.phil, "de")
    patient = token_client(with_language(cast.pat, "es"))
    response = patient.post("/api/sessions/", session_body(assignment, pain_before=2, pain_after=6))
    assert response.status_code == 201, response.content
    assert response.json()["safety"]["alert"] is True
    assert response["Content-Language"] == "es"
    item = InboxMessage.objects.get(user=cast.phil, kind="alert")
    assert item.title == "Schmerzhinweis: Pat Patient"
    assert item.body == "Der Schmerz stieg während einer Einheit von 2 auf 6."
    from backend.programs.models import Alert

    assert Alert.objects.get(patient=cast.pat).message == (
        "Pain rose from 2 to 6 during a session."
    )


# -- e-mails ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "subject", "opening"),
    [
        ("en", "Reset your Upright password", "Someone asked to reset the password"),
        ("es", "Restablezca su contraseña de Upright", "Alguien ha pedido restablecer"),
        ("de", "Setzen Sie Ihr Upright-Passwort zurück", "Jemand hat darum gebeten"),
    ],
)
def test_the_password_reset_email_speaks_the_account_holders_language(
    cast: Any, language: str, subject: str, opening: str
) -> None:
    with_language(cast.pat, language)
    # Asked from an English browser: the e-mail is for the account, in its language.
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    assert client.post("/api/auth/password-reset/", {"email": "pat@example.com"}).status_code == 202
    [sent] = mail.outbox
    assert sent.subject == subject
    assert sent.body.startswith(opening)
    assert f"{settings.SITE_URL}/forgot-password?uid=" in sent.body


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Your invitation to Upright from Riverside", "Hello,", "within 72 hours:"]),
        ("es", ["Su invitación a Upright de Riverside", "Hola:", "en el plazo de 72 horas:"]),
        ("de", ["Ihre Einladung zu Upright von Riverside", "Guten Tag,", "innerhalb von 72 "]),
    ],
)
@override_settings(INVITE_TTL=__import__("datetime").timedelta(hours=72))
def test_the_invite_email_speaks_the_inviting_physios_language(
    cast: Any, language: str, words: list[str]
) -> None:
    client = token_client(with_language(cast.phil, language))
    response = client.post("/api/invites/", {"role": "patient", "email": "nina@example.com"})
    assert response.status_code == 201, response.content
    [sent] = mail.outbox
    text = f"{sent.subject}\n{sent.body}"
    for word in words:
        assert word in text
    assert response.json()["code"] in sent.body


@time_machine.travel(NOW, tick=False)
def test_the_message_digest_uses_plurals_in_the_physios_language(
    cast: Any, assignment: Any
) -> None:
    with_language(cast.phil, "de")
    NotifyPrefs.objects.update_or_create(user=cast.phil, defaults={"email_digest": True})
    Message.objects.create(
        id=uuid.uuid4(), patient=cast.pat, sender=cast.pat, sender_is_patient=True, body="Hola"
    )
    assert digest_send(now=NOW) == 1
    [sent] = mail.outbox
    assert sent.subject == "Upright: 1 ungelesene Nachricht von Patienten"


# -- the PDF handout and the calendar feed ------------------------------------------------------


HANDOUT_WORDS = {
    "en": [
        "Your home exercise program from Riverside",
        "Patient Pat Patient",
        "Monday, Wednesday and Friday, at 18:00 (Europe/London time)",
        "From 5 January 2026 to 1 March 2026",
        "Dose: 2 sets of 10 repetitions, rest 30 seconds between sets",
        "hold for 5 seconds, once, on each side",
        "When to get help",
        "Printed on 24 November 2026.",
    ],
    "es": [
        "Su programa de ejercicios en casa de Riverside",
        "Paciente Pat Patient",
        "lunes, miércoles y viernes, a las 18:00 (hora de Europe/London)",
        "Del 5 de enero de 2026 al 1 de marzo de 2026",
        "Dosis: 2 series de 10 repeticiones, descanse 30 segundos entre series",
        "mantenga 5 segundos, una vez, de cada lado",
        "Cuándo pedir ayuda",
        "Impreso el 24 de noviembre de 2026.",
    ],
    "de": [
        "Ihr Übungsprogramm für zu Hause von Riverside",
        "Patient/in Pat Patient",
        "Montag, Mittwoch und Freitag, um 18:00 Uhr (Zeitzone Europe/London)",
        "Vom 5. Januar 2026 bis 1. März 2026",
        "Umfang: 2 Sätze mit 10 Wiederholungen, 30 Sekunden Pause zwischen den Sätzen",
        "5 Sekunden halten, einmal, auf jeder Seite",
        "Wann Sie Hilfe holen sollten",
        "Gedruckt am 24. November 2026.",
    ],
}


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("language", ["en", "es", "de"])
def test_the_handout_pdf_is_printed_in_the_readers_language(
    cast: Any, assignment: Any, language: str
) -> None:
    client = token_client(with_language(cast.pat, language))
    response = client.get(f"/api/assignments/{assignment.pk}/handout.pdf")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for expected in HANDOUT_WORDS[language]:
        assert expected in text, (language, expected, text[:600])
    others = [w for lang, words in HANDOUT_WORDS.items() if lang != language for w in words[:1]]
    assert not any(word in text for word in others)
    # The red-flag box on every page is the safety content in the reader's language.
    from exercises.safety_content import safety_for

    today_action = " ".join(safety_for(language).actions["today"].split())
    assert today_action in text, (language, today_action)


@time_machine.travel(datetime(2026, 2, 10, 12, 0, tzinfo=UTC), tick=False)
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Your home exercises from Riverside. Open Upright to start. When to get help"),
        ("es", "Sus ejercicios en casa de Riverside. Abra Upright para empezar. Cuándo pedir"),
        ("de", "Ihre Übungen für zu Hause von Riverside. Öffnen Sie Upright, um zu beginnen."),
    ],
)
def test_the_calendar_feed_speaks_the_patients_language(
    cast: Any, assignment: Any, language: str, expected: str
) -> None:
    with_language(cast.pat, language)
    url = token_client(cast.phil).post(f"/api/assignments/{assignment.pk}/calendar/").json()["url"]
    # The feed has no signed-in reader: a calendar app with an English Accept-Language.
    feed = APIClient(HTTP_ACCEPT_LANGUAGE="en").get(url.removeprefix(settings.SITE_URL))
    assert feed.status_code == 200
    [event, *_] = icalendar.Calendar.from_ical(feed.content).walk("VEVENT")
    assert str(event["DESCRIPTION"]).startswith(expected)


# -- push and inbox texts made by beat jobs (no request: the recipient's language) -----------


def test_routine_reminders_are_written_in_the_patients_language(cast: Any) -> None:
    from backend.nudges.reminders import send_due_reminders
    from tests.factories import assign_program

    monday = date(2026, 11, 23)
    with_language(cast.pat, "de")
    with_language(cast.olive, "es")
    for patient, physio in ((cast.pat, cast.phil), (cast.olive, cast.carla)):
        assign_program(physio, patient, start=date(2026, 11, 16), preferred_time=time(18, 0))
    # Both in London: 18:00 local is 18:00 UTC in November.
    assert send_due_reminders(now=datetime(2026, 11, 23, 18, 0, tzinfo=UTC)) == 2
    german = InboxMessage.objects.get(user=cast.pat, kind="reminder")
    spanish = InboxMessage.objects.get(user=cast.olive, kind="reminder")
    assert (german.title, spanish.title) == ("Zeit für Ihre Übungen", "Es hora de sus ejercicios")
    assert german.body.startswith("Ihre Übungen sind bereit")
    assert monday.isoformat() in str(german.dedupe_key)


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("en", "Time to stand up and move"),
        ("es", "Es hora de levantarse y moverse"),
        ("de", "Zeit, aufzustehen und sich zu bewegen"),
    ],
)
def test_the_general_movement_nudge_is_worded_per_language(
    library: None, language: str, title: str
) -> None:
    from backend.nudges.content import FALLBACK_KEY, ContentPool

    assert ContentPool.load().text(FALLBACK_KEY, language).title == title


def test_a_requests_language_does_not_stay_on_the_thread(cast: Any) -> None:
    from django.utils import translation

    from backend.programs.handout_text import date_text

    client = token_client(with_language(cast.pat, "de"))
    assert client.patch("/api/me/", {"colour": 1})["Content-Language"] == "de"
    assert translation.get_language() == settings.LANGUAGE_CODE
    assert date_text(date(2026, 1, 5)) == "5 January 2026"
