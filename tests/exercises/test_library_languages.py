"""The library in the patient's language: Spanish and German texts from the content files,
English per entry where a translation is missing (and the API says so), and the Today
payload cache kept per language."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
import yaml
from django.test import override_settings

from exercises import payloads
from exercises.models import Exercise, ExerciseTranslation, RoutineTranslation, TipTranslation
from exercises.services import CONTENT_DIR
from tests.factories import assign_program

pytestmark = pytest.mark.django_db

LANGUAGES = ("es", "de")
EXERCISE = "stand-and-reach"  # a micro-break: every patient may get it


def _entry(file: str, slug: str) -> dict[str, Any]:
    entries = yaml.safe_load((CONTENT_DIR / file).read_text(encoding="utf-8"))
    found: dict[str, Any] = next(e for e in entries if e["slug"] == slug)
    return found


def _safety() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (CONTENT_DIR / "safety.yaml").read_text(encoding="utf-8")
    )
    return loaded


def _speaking(cast: Any, as_user: Any, language: str) -> Any:
    cast.pat.language = language
    cast.pat.save(update_fields=["language"])
    return as_user(cast.pat)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_exercise_comes_in_the_patients_language(cast: Any, as_user: Any, language: str) -> None:
    texts = _entry("exercises/micro-breaks.yaml", EXERCISE)["translations"]
    client = _speaking(cast, as_user, language)
    body = client.get(f"/api/exercises/{EXERCISE}/").json()
    assert body["name"] == texts[language]["name"] != texts["en"]["name"]
    assert body["steps"] == texts[language]["steps"]
    assert len(body["steps"]) == len(texts["en"]["steps"])
    assert body["safety_notes"] == texts[language]["safety_notes"]
    assert [p["label"] for p in body["poses"]] == list(texts[language]["pose_labels"].values())
    assert (body["language"], body["translation_fallback"]) == (language, False)
    precautions = yaml.safe_load((CONTENT_DIR / "precautions.yaml").read_text(encoding="utf-8"))
    wording = {p["code"]: p["translations"][language] for p in precautions}
    assert body["precautions"] and all(
        (p["label"], p["detail"]) == (wording[p["code"]]["label"], wording[p["code"]]["detail"])
        for p in body["precautions"]
    )
    listed = client.get("/api/exercises/?category=micro-break&page_size=100").json()["results"]
    row = next(r for r in listed if r["slug"] == EXERCISE)
    assert (row["name"], row["language"]) == (texts[language]["name"], language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_safety_texts_come_in_the_patients_language(
    cast: Any, as_user: Any, language: str
) -> None:
    wording = _safety()["translations"][language]
    client = _speaking(cast, as_user, language)
    document = client.get("/api/safety/").json()
    assert document["language"] == language
    assert document["advice"] == wording["advice"]
    assert document["actions"] == wording["actions"]
    for flag in document["red_flags"]:
        words = wording["red_flags"][flag["code"]]
        assert (flag["label"], flag["question"]) == (words["label"], words["question"])
        assert flag["advice"] == wording["actions"][flag["action"]]
    today = client.get("/api/today/").json()
    assert today["safety"] == document


def test_a_language_without_texts_gets_the_english_safety_document(cast: Any, as_user: Any) -> None:
    english = _safety()
    document = _speaking(cast, as_user, "fr").get("/api/safety/").json()
    assert document["language"] == "en"
    assert document["actions"] == english["actions"]


def test_a_missing_translation_falls_back_to_english_and_says_so(cast: Any, as_user: Any) -> None:
    texts = _entry("exercises/micro-breaks.yaml", EXERCISE)["translations"]
    ExerciseTranslation.objects.filter(exercise__slug=EXERCISE, language="es").delete()
    client = _speaking(cast, as_user, "es")
    body = client.get(f"/api/exercises/{EXERCISE}/").json()
    assert body["name"] == texts["en"]["name"]
    assert body["steps"] == texts["en"]["steps"]
    assert (body["language"], body["translation_fallback"]) == ("en", True)
    listed = client.get("/api/exercises/?category=micro-break&page_size=100").json()["results"]
    markers = {r["slug"]: (r["language"], r["translation_fallback"]) for r in listed}
    assert markers[EXERCISE] == ("en", True)
    assert all(m == ("es", False) for slug, m in markers.items() if slug != EXERCISE)


def test_english_is_never_marked_as_a_fallback(cast: Any, as_user: Any) -> None:
    body = _speaking(cast, as_user, "en").get(f"/api/exercises/{EXERCISE}/").json()
    assert (body["language"], body["translation_fallback"]) == ("en", False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_routine_and_a_tip_come_in_the_patients_language(
    cast: Any, as_user: Any, language: str
) -> None:
    routine = _entry("routines.yaml", "stand-and-move-two-minutes")["translations"][language]
    tip = _entry("tips.yaml", "hurt-is-not-harm")["translations"][language]
    client = _speaking(cast, as_user, language)
    body = client.get("/api/routines/stand-and-move-two-minutes/").json()
    assert (body["name"], body["goal"], body["description"]) == (
        routine["name"],
        routine["goal"],
        routine["description"],
    )
    assert (body["language"], body["translation_fallback"]) == (language, False)
    first = _entry("exercises/micro-breaks.yaml", EXERCISE)["translations"][language]["name"]
    assert body["items"][0]["exercise"]["name"] == first
    tips = client.get("/api/tips/?topic=pain-education&page_size=100").json()["results"]
    row = next(t for t in tips if t["slug"] == "hurt-is-not-harm")
    assert (row["title"], row["text"], row["nudge"]) == (tip["title"], tip["text"], tip["nudge"])
    assert (row["language"], row["translation_fallback"]) == (language, False)


def test_a_routine_and_a_tip_fall_back_per_entry(cast: Any, as_user: Any) -> None:
    routine = RoutineTranslation.objects.filter(language="en").first()
    tip = TipTranslation.objects.filter(language="en").first()
    assert routine is not None and tip is not None
    RoutineTranslation.objects.filter(routine=routine.routine, language="de").delete()
    TipTranslation.objects.filter(tip=tip.tip, language="de").delete()
    client = _speaking(cast, as_user, "de")
    body = client.get(f"/api/routines/{routine.routine.slug}/").json()
    assert (body["name"], body["language"], body["translation_fallback"]) == (
        routine.name,
        "en",
        True,
    )
    tips = client.get("/api/tips/?page_size=100").json()["results"]
    row = next(t for t in tips if t["slug"] == tip.tip.slug)
    assert (row["title"], row["language"], row["translation_fallback"]) == (tip.title, "en", True)


def test_accept_language_decides_when_the_profile_has_no_language(cast: Any, as_user: Any) -> None:
    texts = _entry("exercises/micro-breaks.yaml", EXERCISE)["translations"]
    client = _speaking(cast, as_user, "")
    languages = [("en", "English"), ("es", "Spanish"), ("de", "German")]
    with override_settings(LANGUAGES=languages):
        body = client.get(f"/api/exercises/{EXERCISE}/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert (body.json()["name"], body.json()["language"]) == (texts["de"]["name"], "de")


def test_the_payload_cache_keeps_one_payload_per_language(cast: Any) -> None:
    exercise = Exercise.objects.get(slug=EXERCISE)
    wanted = [(exercise.pk, exercise.updated_at)]
    texts = _entry("exercises/micro-breaks.yaml", EXERCISE)["translations"]
    names = {
        language: payloads.exercise_details(wanted, language, None)[exercise.pk]["name"]
        for language in ("es", "de", "en", "es-ES")
    }
    assert names == {
        "es": texts["es"]["name"],
        "de": texts["de"]["name"],
        "en": texts["en"]["name"],
        "es-ES": texts["es"]["name"],
    }


@time_machine.travel(datetime(2026, 11, 24, 12, tzinfo=ZoneInfo("UTC")), tick=False)
def test_today_serves_each_patient_their_own_language(cast: Any, as_user: Any) -> None:
    item = {"exercise": EXERCISE, "sets": 1, "reps": 5, "rest_seconds": 0}
    assign_program(cast.phil, cast.pat, items=[item], start=datetime(2026, 11, 2).date())
    assign_program(cast.carla, cast.olive, items=[item], start=datetime(2026, 11, 2).date())
    texts = _entry("exercises/micro-breaks.yaml", EXERCISE)["translations"]
    for patient, language in ((cast.pat, "es"), (cast.olive, "de"), (cast.pat, "en")):
        patient.language = language
        patient.save(update_fields=["language"])
        body = as_user(patient).get("/api/today/").json()
        exercise = body["assignments"][0]["items"][0]["exercise"]
        assert (exercise["name"], exercise["language"]) == (texts[language]["name"], language)
        assert exercise["steps"] == texts[language]["steps"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_measures_we_word_come_in_the_patients_language(
    cast: Any, as_user: Any, language: str
) -> None:
    measures = _speaking(cast, as_user, language).get("/api/outcomes/measures/").json()
    by_code = {m["code"]: m for m in measures}
    for code in ("nprs", "psfs", "adherence_self_report"):
        path = CONTENT_DIR / "measures" / f"{code}.yaml"
        wording = yaml.safe_load(path.read_text(encoding="utf-8"))[0]["translations"]
        assert by_code[code]["name"] == wording[language]["name"] != wording["en"]["name"]
        texts = [item["text"] for item in by_code[code]["items"]]
        assert texts == [item["text"].strip() for item in wording[language]["items"]]
    adherence = by_code["adherence_self_report"]["items"][0]["choices"]
    assert [c["label"] for c in adherence][-1] == {"es": "Siempre", "de": "Immer"}[language]
    # Licensed wording is the clinic's: our placeholders stay English.
    assert by_code["odi"]["name"] == "Oswestry Disability Index"


def test_every_shipped_entry_of_a_translated_file_has_spanish_and_german() -> None:
    for entry in yaml.safe_load((CONTENT_DIR / "precautions.yaml").read_text(encoding="utf-8")):
        assert set(entry["translations"]) == {"en", "es", "de"}, entry["code"]
    done = [
        Path("exercises/micro-breaks.yaml"),
        Path("exercises/core.yaml"),
        Path("exercises/posture.yaml"),
        Path("exercises/mobility.yaml"),
        Path("routines.yaml"),
        Path("tips.yaml"),
    ]
    for file in done:
        for entry in yaml.safe_load((CONTENT_DIR / file).read_text(encoding="utf-8")):
            assert set(entry["translations"]) == {"en", "es", "de"}, (file, entry["slug"])
