"""Plain unit tests for the figure model, its shapes and the pose audit (no database)."""

from __future__ import annotations

import copy
import math
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import pose_audit, pose_shapes, poses
from exercises.content_files import load_documents
from exercises.services import CONTENT_DIR

SVG_NS = "{http://www.w3.org/2000/svg}"
WRONG_FRAMES = yaml.safe_load((Path(__file__).parent / "pose_wrong_frames.yaml").read_text())


def make_pose(view: str = "side", props: list[str] | None = None, **angles: float) -> Any:
    base: dict[str, float] = dict.fromkeys(poses.REQUIRED_ANGLES, 0)
    base.update(angles)
    return {"key": "start", "view": view, "props": props or [], "angles": base}


STANDING = make_pose()
QUADRUPED = {
    **make_pose(props=["mat"]),
    "contacts": {"mat": ["hands", "knees", "feet_tops"]},
    "angles": {
        **dict.fromkeys(poses.REQUIRED_ANGLES, 0),
        "trunk": 79,
        "shoulder_near": 80,
        "shoulder_far": 80,
        "wrist_near": 90,
        "wrist_far": 90,
        "hip_near": 90,
        "hip_far": 90,
        "knee_near": 97,
        "knee_far": 97,
        "ankle_near": 85,
        "ankle_far": 85,
    },
}


def with_angles(pose: Any, **angles: float) -> Any:
    out = copy.deepcopy(pose)
    out["angles"].update(angles)
    return out


def library_exercises() -> list[dict[str, Any]]:
    docs = load_documents(CONTENT_DIR)
    return [e for name, entries in docs.items() if name.startswith("exercises/") for e in entries]


def messages(issues: list[tuple[str, str]]) -> str:
    return " | ".join(f"{field}: {message}" for field, message in issues)


# -- the figure ------------------------------------------------------------------------------


def test_standing_figure_stacks_head_shoulders_hips_knees_ankles() -> None:
    j = poses.placed_skeleton(STANDING).joints
    heights = [j[n][1] for n in ("head", "c7", "hip", "knee_near", "ankle_near")]
    assert heights == sorted(heights, reverse=True)  # model y grows upward
    assert 160 <= j["head"][1] + poses.HEAD_RADIUS <= 180  # a 170 cm adult


def test_the_lowest_point_rests_on_the_floor_or_the_mat() -> None:
    assert poses.lowest(poses.placed_skeleton(STANDING)) == pytest.approx(0, abs=1e-6)
    assert poses.lowest(poses.placed_skeleton(QUADRUPED, 1.0)) == pytest.approx(1, abs=1e-6)


def _spine_bow(pose: Any) -> float:
    """How far T10 lies above (+) or below (-) the hip-to-C7 line, face down."""
    j = poses.skeleton(pose).joints
    (hx, hy), (cx, cy), (tx, ty) = j["hip"], j["c7"], j["t10"]
    return ((cx - hx) * (ty - hy) - (cy - hy) * (tx - hx)) / math.dist(j["hip"], j["c7"])


def test_rounding_and_arching_bend_the_spine_opposite_ways_around_one_trunk_line() -> None:
    cat = with_angles(QUADRUPED, lumbar=28, thoracic=22)
    cow = with_angles(QUADRUPED, lumbar=-22, thoracic=-12)
    # Face down the back is on top: a rounded back bows up, an arched one sags.
    assert _spine_bow(cat) > _spine_bow(QUADRUPED) > _spine_bow(cow)
    assert abs(_spine_bow(cat) - _spine_bow(cow)) > 6
    for pose in (cat, cow):  # the trunk angle still names the hip-to-shoulder line
        j = poses.skeleton(pose).joints
        assert poses.direction(j["hip"], j["c7"]) == pytest.approx(79, abs=0.01)


def test_a_chin_tuck_glides_the_head_back_without_turning_the_face() -> None:
    sitting = make_pose(hip_near=90, hip_far=90, knee_near=90, knee_far=90)
    tucked = poses.skeleton(with_angles(sitting, head_glide=-4))
    nodded = poses.skeleton(with_angles(sitting, neck=30))
    still = poses.skeleton(sitting)
    assert tucked.head[0] < still.head[0] - 3
    assert tucked.head_facing == pytest.approx(still.head_facing)
    assert nodded.head_facing > still.head_facing + 20


def test_pelvic_tilt_turns_the_pelvis_and_the_thighs_with_it() -> None:
    tilted = poses.skeleton(with_angles(STANDING, pelvis=20)).joints
    still = poses.skeleton(STANDING).joints
    assert tilted["knee_near"] != pytest.approx(still["knee_near"], abs=2)


def test_front_view_rotation_narrows_the_shoulders() -> None:
    front = poses.skeleton(make_pose(view="front")).joints
    turned = poses.skeleton(make_pose(view="front", rotation=50)).joints
    width = abs(front["shoulder_near"][0] - front["shoulder_far"][0])
    assert abs(turned["shoulder_near"][0] - turned["shoulder_far"][0]) < width * 0.75


def test_a_shin_across_the_body_puts_the_ankle_near_the_knee_in_the_side_view() -> None:
    sitting = make_pose(hip_near=90, hip_far=90, knee_near=90, knee_far=90)
    crossed = poses.skeleton(with_angles(sitting, shin_near=75)).joints
    assert math.dist(crossed["ankle_near"], crossed["knee_near"]) < poses.SHIN * 0.3


# -- shapes and SVG --------------------------------------------------------------------------


def test_the_figure_has_width_and_near_and_far_tones() -> None:
    shapes = pose_shapes.pose_figure(STANDING)["shapes"]
    fills = {s["id"]: s["stroke"] for s in shapes if s["id"].endswith(":f")}
    assert fills["thigh_near:f"] == pose_shapes.NEAR
    assert fills["thigh_far:f"] == pose_shapes.FAR
    thigh = next(s for s in shapes if s["id"] == "thigh_near:f")
    assert thigh["w"] == 2 * poses.RADIUS["thigh"]  # centimetres thick, not a line
    assert any(s["id"] == "torso" and s["closed"] for s in shapes)
    assert any(s["id"] == "floor" for s in shapes)


def test_far_limbs_are_drawn_behind_the_trunk_and_near_limbs_in_front() -> None:
    ids = [s["id"] for s in pose_shapes.pose_figure(STANDING)["shapes"]]
    assert ids.index("thigh_far:f") < ids.index("torso") < ids.index("thigh_near:f")


def _box_of(shapes: list[dict[str, Any]], sid: str) -> tuple[float, float, float, float]:
    pts = next(s["p"] for s in shapes if s["id"] == sid)
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def test_props_are_drawn_to_scale() -> None:
    sitting = {
        **make_pose(props=["chair"], hip_near=90, hip_far=90, knee_near=90, knee_far=90),
        "contacts": {"chair": ["seat"]},
    }
    shapes = pose_shapes.pose_figure(sitting)["shapes"]
    assert -_box_of(shapes, "chair-seat")[1] == pose_shapes.SEAT_HEIGHT  # y down in pictures
    desk = {**make_pose(props=["desk"], shoulder_near=60), "contacts": {"desk": ["hands"]}}
    assert -_box_of(pose_shapes.pose_figure(desk)["shapes"], "desk-top")[1] == 74
    x0, _, x1, _ = _box_of(pose_shapes.pose_figure(QUADRUPED)["shapes"], "mat")
    assert x1 - x0 == pytest.approx(pose_shapes.MAT_LENGTH)


def test_the_box_fits_the_pose_so_lying_is_wide_and_standing_is_tall() -> None:
    lying = pose_shapes.pose_figure(make_pose(props=["mat"], trunk=-90))
    standing = pose_shapes.pose_figure(STANDING)
    assert lying["width"] > lying["height"]
    assert standing["height"] > standing["width"]
    assert standing["view_box"][2:] == [standing["width"], standing["height"]]


def test_the_top_view_has_no_floor_line_and_a_mat_seen_from_above() -> None:
    pose = make_pose(view="top", props=["mat"], trunk=-90, hip_near=90, knee_near=90)
    shapes = pose_shapes.pose_figure(pose)["shapes"]
    assert not any(s["id"] == "floor" for s in shapes)
    _, y0, _, y1 = _box_of(shapes, "mat")
    assert y1 - y0 >= pose_shapes.MAT_WIDTH


def test_svg_is_accessible_escaped_deterministic_and_sized_to_its_box() -> None:
    svg = pose_shapes.render_pose_svg(QUADRUPED, title='Lift <slowly> & "gently"')
    root = ET.fromstring(svg)  # noqa: S314 - our own generated markup
    assert root.get("role") == "img"
    assert root.find(f"{SVG_NS}title").text == 'Lift <slowly> & "gently"'  # type: ignore[union-attr]
    box = [float(v) for v in root.get("viewBox", "").split()]
    assert float(root.get("width", 0)) / float(root.get("height", 1)) == pytest.approx(
        box[2] / box[3], rel=0.01
    )
    assert svg == pose_shapes.render_pose_svg(
        copy.deepcopy(QUADRUPED), title='Lift <slowly> & "gently"'
    )


def test_invalid_poses_are_refused_with_the_field() -> None:
    with pytest.raises(ValueError, match="knee_near"):
        pose_shapes.pose_figure(make_pose(knee_near=170))
    assert poses.validate_pose({**STANDING, "contacts": {"desk": ["hands"]}}) == [
        "contacts.desk: the pose has no desk in its props"
    ]
    assert "contacts.mat: unknown body part 'elbows'" in poses.validate_pose(
        {**QUADRUPED, "contacts": {"mat": ["elbows"]}}
    )
    assert poses.validate_pose({**STANDING, "moves": {"arm": "left"}}) == [
        "moves.arm: must be one of near, far"
    ]


angle = st.floats(min_value=-180, max_value=180, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(poses.VIEWS), st.dictionaries(st.sampled_from(poses.ANGLE_NAMES), angle))
def test_any_valid_pose_draws_finite_shapes(view: str, angles: dict[str, float]) -> None:
    pose = make_pose(view=view, props=["mat"])
    for name, value in angles.items():
        low, high = poses.angle_range(view, name)
        pose["angles"][name] = min(max(value, low), high)
    figure = pose_shapes.pose_figure(pose)
    values = [v for s in figure["shapes"] for p in s.get("p", [s.get("c")]) for v in p]
    assert all(math.isfinite(v) for v in values)
    assert figure["width"] > 0 and figure["height"] > 0


# -- the audit -------------------------------------------------------------------------------


def test_the_whole_library_passes_the_audit() -> None:
    problems = {
        e["slug"]: messages(pose_audit.audit_exercise(e["poses"])) for e in library_exercises()
    }
    assert {slug: text for slug, text in problems.items() if text} == {}
    assert len(problems) >= 40


@pytest.mark.parametrize("case", WRONG_FRAMES, ids=[c["case"] for c in WRONG_FRAMES])
def test_the_audit_fails_each_wrong_frame_the_review_found(case: dict[str, Any]) -> None:
    found = messages(pose_audit.audit_exercise(case["poses"]))
    assert case["expect"] in found


def test_the_fixed_library_pose_of_each_wrong_frame_passes() -> None:
    slugs = {c["case"].split("/")[0].split(":")[0] for c in WRONG_FRAMES}
    library = {e["slug"]: e for e in library_exercises()}
    assert slugs <= set(library)
    for slug in slugs:
        assert pose_audit.audit_exercise(library[slug]["poses"]) == [], slug


def test_a_declared_contact_must_touch_and_nothing_may_go_through() -> None:
    assert pose_audit.audit_pose(QUADRUPED) == []
    lifted = with_angles(QUADRUPED, knee_near=60)
    assert "knees is" in messages(pose_audit.audit_pose(lifted))
    sunk = {**make_pose(props=["mat"], trunk=-90, shoulder_near=120), "contacts": {}}
    assert "through the floor" not in messages(pose_audit.audit_pose(sunk))  # gravity lifts it
    desk = {
        **make_pose(props=["desk"], trunk=50, shoulder_near=90, shoulder_far=90),
        "contacts": {"desk": ["hands"], "floor": ["toes"]},
    }
    assert "the desk (must touch it)" in messages(pose_audit.audit_pose(desk))


def test_standing_on_the_feet_alone_keeps_the_weight_over_them() -> None:
    hinge = {**make_pose(trunk=50, hip_near=50, hip_far=50), "contacts": {"floor": ["feet"]}}
    assert "outside the feet" in messages(pose_audit.audit_pose(hinge))
    upright = {**STANDING, "contacts": {"floor": ["feet"]}}
    assert pose_audit.audit_pose(upright) == []


def test_sided_moves_are_declared_and_arm_and_leg_are_opposite() -> None:
    reach = with_angles(QUADRUPED, shoulder_near=170, hip_far=0, knee_far=0)
    reach["contacts"] = {"mat": ["hand_far", "knee_near"]}
    undeclared = messages(pose_audit.audit_exercise([QUADRUPED, reach]))
    assert "declare moves.arm" in undeclared and "declare moves.leg" in undeclared
    assert (
        pose_audit.audit_exercise([QUADRUPED, {**reach, "moves": {"arm": "near", "leg": "far"}}])
        == []
    )
    same = with_angles(QUADRUPED, shoulder_near=170, hip_near=0, knee_near=0)
    same.update(contacts={"mat": ["hand_far", "knee_far"]}, moves={"arm": "near", "leg": "near"})
    assert "same (near) side" in messages(pose_audit.audit_exercise([QUADRUPED, same]))


def test_consecutive_poses_must_differ_visibly() -> None:
    nudged = with_angles(QUADRUPED, elbow_near=2)
    assert "look the same" in messages(pose_audit.audit_exercise([QUADRUPED, nudged]))


def test_hands_at_shoulder_height_is_checked() -> None:
    forward = {**make_pose(view="front", reach_near=90, reach_far=90), "hands_at": "shoulder"}
    down = {**make_pose(view="front", shoulder_near=70, shoulder_far=70), "hands_at": "shoulder"}
    assert pose_audit.audit_pose(forward) == []
    assert "not at shoulder height" in messages(pose_audit.audit_pose(down))


@pytest.mark.parametrize("view", poses.VIEWS)
def test_every_declared_contact_in_every_view_is_audited_without_error(view: str) -> None:
    # A clinic may post any combination; each must come back as issues, never a crash.
    base = {**make_pose(view=view, props=list(poses.PROPS))}
    for surface in poses.SURFACES:
        for part in poses.CONTACT_PARTS:
            pose = {
                **base,
                "key": "other",
                "contacts": {surface: [part]},
                "moves": {"arm": "near", "leg": "near", "head": "glide", "spine": "round"},
                "hands_at": "overhead",
            }
            issues = pose_audit.audit_exercise([base, pose])
            assert all(isinstance(f, str) and isinstance(m, str) for f, m in issues)
