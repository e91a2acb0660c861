"""Plain unit tests for the stick-figure pose model (exercises/poses.py)."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import poses

SVG_NS = "{http://www.w3.org/2000/svg}"


def make_pose(view: str = "side", prop: str = "none", key: str = "start", **angles: float) -> Any:
    base: dict[str, float] = dict.fromkeys(poses.REQUIRED_ANGLES, 0)
    base.update(angles)
    return {"key": key, "view": view, "prop": prop, "angles": base}


STANDING = make_pose()
LYING_ON_BACK = make_pose(prop="mat", trunk=-90)
SITTING = make_pose(prop="chair", hip_near=90, hip_far=90, knee_near=90, knee_far=90)
HANDS_AND_KNEES = make_pose(
    prop="mat",
    trunk=78,
    shoulder_near=78,
    shoulder_far=78,
    hip_near=78,
    hip_far=78,
    knee_near=100,
    knee_far=100,
    ankle_near=50,
    ankle_far=50,
)
ARMS_OUT_FRONT = make_pose(view="front", prop="wall", shoulder_near=90, shoulder_far=90)


def parse_svg(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own generated markup


# -- forward kinematics --------------------------------------------------------------------


def test_standing_figure_stacks_head_shoulder_hip_knee_ankle_from_top_to_bottom() -> None:
    p = poses.pose_points(STANDING)
    heights = [p[name][1] for name in ("head", "shoulder", "hip", "knee_near", "ankle_near")]
    assert heights == sorted(heights)  # y grows downward
    assert len(set(heights)) == len(heights)


def test_standing_figure_rests_on_the_floor_and_is_centred() -> None:
    p = poses.pose_points(STANDING)
    assert max(y for _, y in p.values()) == poses.FLOOR_Y
    assert p["hip"][0] == pytest.approx(50, abs=3)


def test_lying_on_the_back_puts_hip_and_shoulder_at_the_same_height() -> None:
    p = poses.pose_points(LYING_ON_BACK)
    assert p["hip"][1] == pytest.approx(p["shoulder"][1], abs=0.2)
    assert p["shoulder"][0] < p["hip"][0]  # head to the left, feet to the right
    assert p["ankle_near"][0] > p["knee_near"][0] > p["hip"][0]


def test_lying_figure_head_circle_touches_the_floor() -> None:
    p = poses.pose_points(LYING_ON_BACK)
    assert p["head"][1] + poses.HEAD_RADIUS * poses.SCALE == pytest.approx(poses.FLOOR_Y, abs=0.1)


def test_sitting_puts_thigh_level_and_shin_vertical() -> None:
    p = poses.pose_points(SITTING)
    assert p["knee_near"][1] == pytest.approx(p["hip"][1], abs=0.2)
    assert p["knee_near"][0] > p["hip"][0]  # thighs point forward (to the right)
    assert p["ankle_near"][0] == pytest.approx(p["knee_near"][0], abs=0.2)
    assert p["toe_near"][0] > p["ankle_near"][0]  # feet point forward too


def test_hands_and_knees_put_wrists_and_knees_on_the_floor() -> None:
    p = poses.pose_points(HANDS_AND_KNEES)
    assert p["wrist_near"][1] == pytest.approx(poses.FLOOR_Y, abs=1.5)
    assert p["knee_near"][1] == pytest.approx(poses.FLOOR_Y, abs=1.5)
    assert p["shoulder"][0] > p["hip"][0]  # facing forward, face down


def test_shoulder_angle_is_measured_from_the_trunk() -> None:
    forward = poses.pose_points(make_pose(shoulder_near=90))
    overhead = poses.pose_points(make_pose(shoulder_near=180))
    assert forward["wrist_near"][0] > forward["shoulder"][0] + 20
    assert forward["wrist_near"][1] == pytest.approx(forward["shoulder"][1], abs=0.2)
    assert overhead["wrist_near"][1] < overhead["head"][1]


def test_front_view_spreads_near_limbs_left_and_far_limbs_right() -> None:
    p = poses.pose_points(ARMS_OUT_FRONT)
    assert p["wrist_near"][0] < p["shoulder"][0] < p["wrist_far"][0]
    assert p["wrist_near"][1] == pytest.approx(p["shoulder"][1], abs=0.2)


def test_front_view_side_bend_keeps_the_legs_vertical() -> None:
    p = poses.pose_points(make_pose(view="front", trunk=30))
    assert p["shoulder"][0] > p["hip"][0]
    assert p["ankle_near"][0] == pytest.approx(p["hip"][0], abs=0.2)


def test_every_pose_uses_the_same_scale() -> None:
    expected = poses.TRUNK * poses.SCALE
    for pose in (STANDING, LYING_ON_BACK, SITTING, HANDS_AND_KNEES, ARMS_OUT_FRONT):
        p = poses.pose_points(pose)
        trunk = math.dist(p["hip"], p["shoulder"])
        assert trunk == pytest.approx(expected, abs=0.2)


def test_pose_points_returns_every_joint_rounded_to_one_decimal() -> None:
    p = poses.pose_points(HANDS_AND_KNEES)
    assert tuple(p) == poses.JOINTS
    for x, y in p.values():
        assert round(x, 1) == x
        assert round(y, 1) == y
    assert {name for bone in poses.BONES for name in bone} == set(poses.JOINTS)


# -- validation ----------------------------------------------------------------------------


def test_valid_pose_has_no_errors() -> None:
    assert poses.validate_pose(STANDING) == []
    assert poses.validate_pose(HANDS_AND_KNEES) == []


def test_out_of_range_angle_names_the_angle_and_its_range() -> None:
    errors = poses.validate_pose(make_pose(knee_near=170))
    assert errors == ["angles.knee_near: 170 is outside 0..150"]


def test_ranges_depend_on_the_view() -> None:
    assert poses.validate_pose(make_pose(trunk=60)) == []
    assert poses.validate_pose(make_pose(view="front", trunk=60)) == [
        "angles.trunk: 60 is outside -45..45"
    ]
    assert poses.validate_pose(make_pose(view="front", hip_near=-25)) == [
        "angles.hip_near: -25 is outside -20..45"
    ]


def test_missing_and_unknown_angles_are_errors() -> None:
    pose = make_pose()
    del pose["angles"]["trunk"]
    pose["angles"]["wrist_near"] = 10
    errors = poses.validate_pose(pose)
    assert "angles.trunk: is required" in errors
    assert any(e.startswith("angles.wrist_near: unknown angle") for e in errors)


def test_optional_ankles_are_range_checked() -> None:
    assert poses.validate_pose(make_pose(ankle_near=-10)) == []
    assert poses.validate_pose(make_pose(ankle_far=60)) == [
        "angles.ankle_far: 60 is outside -30..50"
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"view": "top"}, "view: 'top' is not one of side, front"),
        ({"prop": "sofa"}, "prop: 'sofa' is not one of none, chair, wall, mat"),
        ({"key": ""}, "key: must be a non-empty string"),
        ({"angles": [1, 2]}, "angles: must be a mapping of angle names to degrees"),
        ({"colour": "red"}, "colour: unknown field (allowed: key, view, prop, angles)"),
    ],
)
def test_bad_top_level_fields_are_reported(change: dict[str, Any], expected: str) -> None:
    assert expected in poses.validate_pose({**STANDING, **change})


@pytest.mark.parametrize("value", ["90", True, None, float("nan")])
def test_angles_must_be_finite_numbers(value: Any) -> None:
    errors = poses.validate_pose(make_pose(neck=value))
    assert len(errors) == 1
    assert errors[0].startswith("angles.neck: ")


def test_every_top_level_field_is_required() -> None:
    assert poses.validate_pose({}) == [
        "key: is required",
        "view: is required",
        "prop: is required",
        "angles: is required",
    ]


def test_pose_points_refuses_an_invalid_pose() -> None:
    with pytest.raises(ValueError, match="knee_near"):
        poses.pose_points(make_pose(knee_near=170))


# -- poses_differ --------------------------------------------------------------------------


def test_poses_differ_needs_one_angle_to_change_enough() -> None:
    assert not poses.poses_differ(STANDING, make_pose(neck=9))
    assert poses.poses_differ(STANDING, make_pose(neck=10))
    assert poses.poses_differ(STANDING, make_pose(neck=5), min_degrees=5)


def test_poses_differ_treats_a_missing_ankle_as_zero_and_trunk_as_a_direction() -> None:
    assert not poses.poses_differ(STANDING, make_pose(ankle_near=0))
    assert poses.poses_differ(STANDING, make_pose(ankle_near=20))
    assert not poses.poses_differ(make_pose(trunk=-178), make_pose(trunk=178))


# -- SVG -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pose", [STANDING, LYING_ON_BACK, SITTING, HANDS_AND_KNEES, ARMS_OUT_FRONT]
)
def test_svg_is_valid_accessible_and_small(pose: Any) -> None:
    svg = poses.render_pose_svg(pose, title="Bird dog: start")
    assert len(svg.encode()) < 2500
    root = parse_svg(svg)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 100 100"
    assert root.get("role") == "img"
    assert root.get("stroke") == "currentColor"
    assert root.get("stroke-linecap") == "round"
    assert root[0].tag == f"{SVG_NS}title"
    assert root[0].text == "Bird dog: start"
    assert len(root.findall(f"{SVG_NS}circle")) == 1  # the head
    assert "#" not in svg  # no fixed colours: light and dark themes both work


def test_svg_title_is_escaped() -> None:
    svg = poses.render_pose_svg(STANDING, title='Lift <slowly> & "gently"')
    assert parse_svg(svg)[0].text == 'Lift <slowly> & "gently"'


def test_svg_is_deterministic() -> None:
    first = poses.render_pose_svg(HANDS_AND_KNEES, title="x")
    second = poses.render_pose_svg(dict(HANDS_AND_KNEES), title="x")
    assert first == second


def test_svg_draws_a_floor_and_the_prop() -> None:
    def shapes(pose: Any) -> int:
        root = parse_svg(poses.render_pose_svg(pose, title="t"))
        return len(root.findall(f"{SVG_NS}path")) + len(root.findall(f"{SVG_NS}rect"))

    bare = shapes(STANDING)
    assert bare >= 3  # floor, far limbs, near limbs
    assert shapes({**STANDING, "prop": "wall"}) == bare + 1
    assert shapes(SITTING) == bare + 1
    assert shapes(LYING_ON_BACK) == bare + 1
    assert 'd="M2 92H98"' in poses.render_pose_svg(STANDING, title="t")


# -- property: every in-range pose fits the picture -------------------------------------------


@st.composite
def any_pose(draw: st.DrawFn) -> dict[str, Any]:
    view = draw(st.sampled_from(poses.VIEWS))
    angles: dict[str, float] = {}
    for name in poses.ANGLE_NAMES:
        if name in poses.OPTIONAL_ANGLES and draw(st.booleans()):
            continue
        low, high = poses.angle_range(view, name)
        angles[name] = draw(st.floats(low, high, allow_nan=False))
    prop = draw(st.sampled_from(poses.PROPS))
    return {"key": "p", "view": view, "prop": prop, "angles": angles}


@settings(max_examples=300, deadline=None)
@given(any_pose())
def test_any_in_range_pose_fits_inside_the_view_box(pose: dict[str, Any]) -> None:
    assert poses.validate_pose(pose) == []
    points = poses.pose_points(pose)
    radius = poses.HEAD_RADIUS * poses.SCALE
    for x, y in points.values():
        assert 0 <= x <= 100
        assert 0 <= y <= poses.FLOOR_Y
    head_x, head_y = points["head"]
    assert head_x - radius >= 0
    assert head_x + radius <= 100
    assert head_y - radius >= 0
    assert head_y + radius <= poses.FLOOR_Y + 0.1
    lowest = max([y for _, y in points.values()] + [head_y + radius])
    assert lowest == pytest.approx(poses.FLOOR_Y, abs=0.1)  # resting on the floor line
    svg = poses.render_pose_svg(pose, title="any")
    assert len(svg.encode()) < 2500
    parse_svg(svg)
