"""The exercise library: loading content, the API, filters, search, caching, poses."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.models import ErgonomicTip, Exercise, ExerciseTranslation, Routine, RoutineItem
from exercises.services import CONTENT_DIR, library_load

pytestmark = pytest.mark.django_db


def _shipped_exercises() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for path in sorted((CONTENT_DIR / "exercises").glob("*.yaml")):
        entries.extend(yaml.safe_load(path.read_text()))
    return entries


def _table_counts() -> tuple[int, ...]:
    return (
        Exercise.objects.count(),
        ExerciseTranslation.objects.count(),
        Routine.objects.count(),
        RoutineItem.objects.count(),
        ErgonomicTip.objects.count(),
    )


def _all_slugs(client: Any, query: str = "") -> set[str]:
    response = client.get(f"/api/exercises/?page_size=100{query}")
    assert response.status_code == 200, response.content
    return {row["slug"] for row in response.json()["results"]}


def test_every_shipped_exercise_is_in_the_api(cast: Any, as_user: Any) -> None:
    assert _all_slugs(as_user(cast.pat)) == {e["slug"] for e in _shipped_exercises()}


def test_reloading_is_idempotent(library: Any) -> None:
    before = _table_counts()
    report = library_load()
    assert (report.created, report.updated, report.retired) == ({}, {}, {})
    assert _table_counts() == before


def _copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def test_a_broken_file_is_refused_precisely_and_nothing_changes(
    library: Any, tmp_path: Path
) -> None:
    content = _copy_content(tmp_path)
    core = content / "exercises" / "core.yaml"
    entries = yaml.safe_load(core.read_text())
    victim = entries[0]["slug"]
    entries[0]["dosage"]["sets"] = 99
    entries[-1]["translations"]["en"]["name"] = "Renamed, but must not be saved"
    core.write_text(yaml.safe_dump(entries, sort_keys=False))
    before = _table_counts()
    with pytest.raises(CommandError) as failure:
        call_command("load_library", "--content-dir", str(content))
    message = str(failure.value)
    assert "core.yaml" in message
    assert victim in message
    assert "dosage.sets" in message
    assert _table_counts() == before
    assert not ExerciseTranslation.objects.filter(name__startswith="Renamed").exists()


@pytest.mark.parametrize(
    ("slug", "change", "field"),
    [
        ("dead-bug", {"precautions": ["stop-if-leg-symptoms"]}, "precautions"),
        ("front-plank", {"regression": None}, "regression"),
        (
            "glute-bridge",
            {
                "dosage": {
                    "sets": 2,
                    "reps": 10,
                    "hold_seconds": None,
                    "rest_seconds": 45,
                    "per_side": False,
                }
            },
            "translations.en.steps[5]",
        ),
    ],
)
def test_load_library_refuses_a_file_breaking_a_clinical_rule(
    library: Any, tmp_path: Path, slug: str, change: dict[str, Any], field: str
) -> None:
    content = _copy_content(tmp_path)
    core = content / "exercises" / "core.yaml"
    entries = yaml.safe_load(core.read_text())
    next(e for e in entries if e["slug"] == slug).update(change)
    core.write_text(yaml.safe_dump(entries, sort_keys=False))
    before = _table_counts()
    with pytest.raises(CommandError) as failure:
        call_command("load_library", "--content-dir", str(content))
    assert f"exercises/core.yaml: entry '{slug}': field '{field}'" in str(failure.value)
    assert _table_counts() == before


def test_a_removed_entry_is_retired_but_stays_readable(
    library: Any, tmp_path: Path, cast: Any, as_user: Any
) -> None:
    content = _copy_content(tmp_path)
    micro = content / "exercises" / "micro-breaks.yaml"
    entries = yaml.safe_load(micro.read_text())
    gone = entries.pop()["slug"]
    # Nothing else may point at the removed entry for the files to stay valid.
    for path in (content / "exercises").glob("*.yaml"):
        docs = yaml.safe_load(path.read_text()) if path != micro else entries
        for entry in docs:
            for link in ("progression", "regression"):
                if entry.get(link) == gone:
                    entry[link] = None
        path.write_text(yaml.safe_dump(docs, sort_keys=False))
    routines = yaml.safe_load((content / "routines.yaml").read_text())
    for routine in routines:
        routine["items"] = [i for i in routine["items"] if i["exercise"] != gone] or [
            {**routine["items"][0], "exercise": entries[0]["slug"]}
        ]
    (content / "routines.yaml").write_text(yaml.safe_dump(routines, sort_keys=False))

    report = library_load(content)
    assert report.retired == {"exercises": 1}
    client = as_user(cast.pat)
    assert gone not in _all_slugs(client)
    detail = client.get(f"/api/exercises/{gone}/")
    assert detail.status_code == 200
    assert detail.json()["retired"] is True


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ("&category=core", lambda e: e["category"] == "core"),
        ("&category=micro-break", lambda e: e["category"] == "micro-break"),
        ("&position=floor", lambda e: e["position"] == "floor"),
        ("&equipment=chair", lambda e: "chair" in e["equipment"]),
        ("&difficulty=1", lambda e: e["difficulty"] == 1),
        ("&desk_friendly=true", lambda e: e["desk_friendly"]),
        (
            "&desk_friendly=false&category=core",
            lambda e: not e["desk_friendly"] and e["category"] == "core",
        ),
    ],
)
def test_filters_return_exactly_the_matching_entries(
    cast: Any, as_user: Any, query: str, keep: Any
) -> None:
    expected = {e["slug"] for e in _shipped_exercises() if keep(e)}
    assert expected, "the filter should match something in the shipped library"
    assert _all_slugs(as_user(cast.pat), query) == expected


def test_search_matches_name_summary_and_keywords(cast: Any, as_user: Any) -> None:
    entries = _shipped_exercises()
    target = next(e for e in entries if e["translations"]["en"]["keywords"])
    keyword = target["translations"]["en"]["keywords"][0].split()[0].lower()

    def matches(entry: dict[str, Any]) -> bool:
        en = entry["translations"]["en"]
        text = " ".join([en["name"], en["summary"], *en["keywords"]]).lower()
        return keyword in text

    expected = {e["slug"] for e in entries if matches(e)}
    assert target["slug"] in expected
    assert _all_slugs(as_user(cast.pat), f"&search={keyword.upper()}") == expected
    assert _all_slugs(as_user(cast.pat), "&search=zzqqxx") == set()


@pytest.mark.parametrize(
    "query",
    ["category=yoga", "difficulty=9", "desk_friendly=maybe", "equipment=sofa", "colour=red"],
)
def test_bad_filters_are_a_400(cast: Any, as_user: Any, query: str) -> None:
    response = as_user(cast.pat).get(f"/api/exercises/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


def test_list_query_count_does_not_grow_with_page_size(cast: Any, as_user: Any) -> None:
    client = as_user(cast.pat)
    counts = []
    for size in (3, 40):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/exercises/?page_size={size}")
        assert len(response.json()["results"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_detail_has_everything_the_player_needs(cast: Any, as_user: Any) -> None:
    entry = next(e for e in _shipped_exercises() if e.get("progression"))
    body = as_user(cast.pat).get(f"/api/exercises/{entry['slug']}/").json()
    en = entry["translations"]["en"]
    assert body["name"] == en["name"]
    assert body["steps"] == en["steps"]
    assert body["safety_notes"] == en["safety_notes"]
    assert body["progression"] == entry["progression"]
    assert {p["code"] for p in body["precautions"]} == set(entry["precautions"])
    assert [p["key"] for p in body["poses"]] == [p["key"] for p in entry["poses"]]
    for pose in body["poses"]:
        assert set(pose["points"]) >= {"hip", "c7", "head", "shoulder_near"}
        assert pose["svg_url"].endswith(f"/poses/{pose['key']}.svg")
        # The drawing ships as shapes with its box, so the player sizes to the pose.
        assert pose["view_box"][2:] == [pose["width"], pose["height"]]
        assert {s["id"] for s in pose["shapes"]} >= {"torso", "head", "thigh_near:f"}


def test_pose_svg_is_served_and_cacheable(cast: Any, as_user: Any) -> None:
    client = as_user(cast.pat)
    pose = client.get("/api/exercises/bird-dog/").json()["poses"][0]
    response = client.get(pose["svg_url"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    assert root.tag.endswith("svg")
    again = client.get(pose["svg_url"], HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.get("/api/exercises/bird-dog/poses/nope.svg").status_code == 404
    # One renderer: the SVG draws exactly the shapes and box the API ships to the app.
    assert root.get("viewBox") == " ".join(f"{v:g}" for v in pose["view_box"])
    paths = root.findall("{http://www.w3.org/2000/svg}path")
    circles = root.findall("{http://www.w3.org/2000/svg}circle")
    assert len(paths) + len(circles) == len(pose["shapes"])


def test_library_answers_carry_etag_and_304(cast: Any, as_user: Any) -> None:
    client = as_user(cast.pat)
    first = client.get("/api/exercises/?category=core")
    assert first["Cache-Control"].startswith("private, max-age=")
    assert first.has_header("ETag")
    second = client.get("/api/exercises/?category=core", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 304
    other = client.get("/api/exercises/?category=posture", HTTP_IF_NONE_MATCH=first["ETag"])
    assert other.status_code == 200


def test_a_clinic_exercise_is_visible_only_to_that_clinic(cast: Any, as_user: Any) -> None:
    base = Exercise.objects.get(slug="bird-dog")
    own = Exercise.objects.create(
        slug="riverside-ball-squeeze",
        clinic=cast.phil.clinic,
        category="core",
        body_region="core",
        position="seated",
        difficulty=1,
        sets=1,
        reps=10,
        duration_minutes=2,
        poses=base.poses,
    )
    ExerciseTranslation.objects.create(
        exercise=own,
        language="en",
        name="Ball squeeze",
        summary="Squeeze a ball.",
        safety_notes=["Stop if it hurts."],
        search_text="ball squeeze",
    )
    assert "riverside-ball-squeeze" in _all_slugs(as_user(cast.phil))
    assert "riverside-ball-squeeze" in _all_slugs(as_user(cast.pat))
    assert "riverside-ball-squeeze" not in _all_slugs(as_user(cast.hugo))
    assert as_user(cast.hugo).get("/api/exercises/riverside-ball-squeeze/").status_code == 404


def test_routines_and_tips(cast: Any, as_user: Any) -> None:
    client = as_user(cast.pat)
    routines = yaml.safe_load((CONTENT_DIR / "routines.yaml").read_text())
    listed = client.get("/api/routines/?page_size=100").json()["results"]
    assert {r["slug"] for r in listed} == {r["slug"] for r in routines}
    first = routines[0]
    detail = client.get(f"/api/routines/{first['slug']}/").json()
    assert [i["exercise"]["slug"] for i in detail["items"]] == [
        i["exercise"] for i in first["items"]
    ]
    tips = yaml.safe_load((CONTENT_DIR / "tips.yaml").read_text())
    lifting = client.get("/api/tips/?topic=lifting&page_size=100").json()["results"]
    assert {t["slug"] for t in lifting} == {t["slug"] for t in tips if t["topic"] == "lifting"}
    assert all(t["nudge"] and t["text"] for t in lifting)
    assert client.get("/api/tips/?topic=astrology").status_code == 400


def test_library_needs_sign_in(db: Any, as_user: Any) -> None:
    assert as_user(None).get("/api/exercises/").status_code in (401, 403)
