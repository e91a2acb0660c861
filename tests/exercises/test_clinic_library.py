"""A clinic's own exercises and routines: same rules as the library, seen only there."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from exercises.models import Exercise, ExerciseTranslation, Routine
from exercises.services import CONTENT_DIR

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry() -> dict[str, Any]:
    """A library exercise's entry, renamed: the shape a clinic posts."""
    shipped = yaml.safe_load((CONTENT_DIR / "exercises" / "core.yaml").read_text())
    base = copy.deepcopy(next(e for e in shipped if e["slug"] == "glute-bridge"))
    base["slug"] = "riverside-bridge-with-ball"
    base["translations"]["en"]["name"] = "Bridge with a ball"
    return dict(base)


def test_physio_adds_an_exercise_only_their_clinic_sees(
    cast: Any, as_user: Any, entry: dict[str, Any]
) -> None:
    response = as_user(cast.phil).post("/api/exercises/", entry)
    assert response.status_code == 201, response.content
    assert response.json()["name"] == "Bridge with a ball"
    assert response.json()["poses"][0]["points"]["hip"]
    assert as_user(cast.pat).get(f"/api/exercises/{entry['slug']}/").status_code == 200
    assert as_user(cast.hugo).get(f"/api/exercises/{entry['slug']}/").status_code == 404
    hana_list = as_user(cast.hana).get("/api/exercises/?page_size=100").json()["results"]
    assert entry["slug"] not in {row["slug"] for row in hana_list}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda e: e["dosage"].update(sets=40), "dosage.sets"),
        (lambda e: e.update(category="yoga"), "category"),
        (lambda e: e.update(progression="no-such-exercise"), "progression"),
        (lambda e: e.update(poses=e["poses"][:1]), "poses"),
        (lambda e: e["translations"]["en"].update(safety_notes=[]), "translations.en.safety_notes"),
        (lambda e: e.update(slug="glute-bridge"), "slug"),
        (lambda e: e.update(colour="red"), "colour"),
    ],
)
def test_bad_clinic_exercises_are_refused_with_field_messages(
    cast: Any, as_user: Any, entry: dict[str, Any], change: Any, field: str
) -> None:
    change(entry)
    before = (Exercise.objects.count(), ExerciseTranslation.objects.count())
    response = as_user(cast.phil).post("/api/exercises/", entry)
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert (Exercise.objects.count(), ExerciseTranslation.objects.count()) == before


def test_patients_cannot_add_exercises(cast: Any, as_user: Any, entry: dict[str, Any]) -> None:
    assert as_user(cast.pat).post("/api/exercises/", entry).status_code == 403


def test_library_entries_are_read_only_and_clinic_entries_retire(
    cast: Any, as_user: Any, entry: dict[str, Any]
) -> None:
    physio = as_user(cast.phil)
    assert physio.delete("/api/exercises/glute-bridge/").status_code == 403
    physio.post("/api/exercises/", entry)
    assert as_user(cast.hugo).delete(f"/api/exercises/{entry['slug']}/").status_code == 404
    assert physio.delete(f"/api/exercises/{entry['slug']}/").status_code == 204
    listed = physio.get("/api/exercises/?page_size=100").json()["results"]
    assert entry["slug"] not in {row["slug"] for row in listed}
    assert physio.get(f"/api/exercises/{entry['slug']}/").json()["retired"] is True


def test_a_clinic_routine_uses_library_and_own_exercises(
    cast: Any, as_user: Any, entry: dict[str, Any]
) -> None:
    physio = as_user(cast.phil)
    physio.post("/api/exercises/", entry)
    routine: dict[str, Any] = {
        "slug": "riverside-evening",
        "duration_minutes": 10,
        "weeks": None,
        "items": [
            {"exercise": entry["slug"], "sets": 2, "reps": 10, "hold_seconds": None,
             "rest_seconds": 30, "per_side": False},
            {"exercise": "cat-cow", "sets": 1, "reps": 8, "hold_seconds": None,
             "rest_seconds": 0, "per_side": False},
        ],
        "translations": {"en": {"name": "Evening at Riverside", "goal": "Unwind the back.",
                                "description": "Two gentle moves before bed."}},
    }  # fmt: skip
    response = physio.post("/api/routines/", routine)
    assert response.status_code == 201, response.content
    assert [i["exercise"]["slug"] for i in response.json()["items"]] == [entry["slug"], "cat-cow"]
    assert as_user(cast.hugo).get("/api/routines/riverside-evening/").status_code == 404
    broken = {**routine, "slug": "riverside-broken", "items": [{**routine["items"][0],
              "exercise": "moonwalk"}]}  # fmt: skip
    refused = physio.post("/api/routines/", broken)
    assert refused.status_code == 400
    assert "items[0].exercise" in refused.json()
    assert not Routine.objects.filter(slug="riverside-broken").exists()


def test_a_clinic_exercise_goes_through_the_pose_audit(
    cast: Any, as_user: Any, entry: dict[str, Any]
) -> None:
    # The bridge's lifted pose with its shoulders pushed off the mat: the head and upper
    # back no longer touch it, as the pose declares they do.
    entry["poses"][1]["angles"]["trunk"] = -150
    before = Exercise.objects.count()
    response = as_user(cast.phil).post("/api/exercises/", entry)
    assert response.status_code == 400, response.content
    problems = response.json()
    field = next(f for f in problems if f.startswith("poses[1].contacts.mat"))
    assert "pose 'lift'" in problems[field][0] and "must touch it" in problems[field][0]
    assert Exercise.objects.count() == before


def test_a_clinic_exercise_moving_arm_and_leg_on_one_side_is_refused(
    cast: Any, as_user: Any
) -> None:
    shipped = yaml.safe_load((CONTENT_DIR / "exercises" / "core.yaml").read_text())
    bird = copy.deepcopy(next(e for e in shipped if e["slug"] == "bird-dog"))
    bird["slug"] = "riverside-bird-dog"
    bird["progression"] = bird["regression"] = None
    bird["poses"][1]["moves"] = {"arm": "near", "leg": "near"}
    response = as_user(cast.phil).post("/api/exercises/", bird)
    assert response.status_code == 400, response.content
    messages = " ".join(m for ms in response.json().values() for m in ms)
    assert "same (near) side" in messages and "pose 'reach'" in messages


def test_a_clinic_exercise_with_a_bad_contact_part_names_it(
    cast: Any, as_user: Any, entry: dict[str, Any]
) -> None:
    entry["poses"][0]["contacts"] = {"mat": ["elbows"], "desk": ["hands"]}
    response = as_user(cast.phil).post("/api/exercises/", entry)
    assert response.status_code == 400
    body = response.json()
    assert "unknown body part 'elbows'" in " ".join(body["poses[0].contacts.mat"])
    assert "no desk in its props" in " ".join(body["poses[0].contacts.desk"])


def test_a_slug_another_clinic_chose_is_free_and_not_revealed(
    cast: Any, as_user: Any, entry: dict[str, Any]
) -> None:
    """Hilltop picks the slug Riverside already uses: it answers exactly as a fresh slug
    would, each clinic sees its own entry, and Hilltop's second try is refused as its own."""
    assert as_user(cast.phil).post("/api/exercises/", entry).status_code == 201
    hilltop = as_user(cast.hugo)
    theirs = copy.deepcopy(entry)
    theirs["translations"]["en"]["name"] = "Hilltop bridge"
    response = hilltop.post("/api/exercises/", theirs)
    assert response.status_code == 201, response.content
    assert response.json()["name"] == "Hilltop bridge"
    assert hilltop.get(f"/api/exercises/{entry['slug']}/").json()["name"] == "Hilltop bridge"
    riverside = as_user(cast.pat).get(f"/api/exercises/{entry['slug']}/").json()
    assert riverside["name"] == "Bridge with a ball"
    again = hilltop.post("/api/exercises/", theirs)
    assert again.status_code == 400 and "slug" in again.json()
    assert Exercise.objects.filter(slug=entry["slug"]).count() == 2

    routine: dict[str, Any] = {
        "slug": "shared-evening",
        "duration_minutes": 10,
        "weeks": None,
        "items": [{"exercise": entry["slug"], "sets": 2, "reps": 10, "hold_seconds": None,
                   "rest_seconds": 30, "per_side": False}],
        "translations": {"en": {"name": "Evening", "goal": "Unwind the back.",
                                "description": "One gentle move before bed."}},
    }  # fmt: skip
    made = as_user(cast.phil).post("/api/routines/", routine)
    assert made.status_code == 201, made.content
    made = hilltop.post("/api/routines/", routine)
    assert made.status_code == 201, made.content
    # Hilltop's routine is made of Hilltop's exercise, not Riverside's.
    hilltop_routine = Routine.objects.get(slug="shared-evening", clinic=cast.hugo.clinic)
    assert {i.exercise.clinic_id for i in hilltop_routine.items.all()} == {cast.hugo.clinic_id}
