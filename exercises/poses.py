"""Stick-figure poses for exercise illustrations (pure Python, standard library only).

A pose is a plain mapping::

    {"key": "start", "view": "side", "prop": "mat", "angles": {"trunk": 90, ...}}

Angles are in degrees.

Side view (the figure faces the right of the picture):

* ``trunk`` - absolute direction of the hip-to-shoulder line: 0 upright, +90 horizontal
  pointing forward (face down, as on hands and knees), -90 horizontal pointing backward
  (lying on the back, face up).
* ``neck`` - head relative to the trunk, flexion (chin to chest) positive.
* ``shoulder_*`` - arm relative to the trunk: 0 hanging along it, 90 forward at a right
  angle, 180 overhead in line with it, negative behind.
* ``elbow_*`` - flexion; the forearm folds toward the front of the upper arm.
* ``hip_*`` - thigh relative to the trunk line: 0 in line, 90 forward at a right angle,
  negative behind (extension).
* ``knee_*`` - flexion; the shin folds backward relative to the thigh.
* ``ankle_*`` (optional, default 0) - 0 is the foot at right angles to the shin; positive
  points the toes (plantar flexion), negative pulls them up.

Front view (the figure faces the viewer; "near" limbs are drawn on the picture's left):

* ``trunk`` - sideways bend of the spine, positive toward the picture's right. The pelvis
  stays level, so the legs do not tilt with it.
* ``neck`` - sideways tilt of the head relative to the trunk.
* ``shoulder_*`` - abduction relative to the trunk (0 down, 90 out to the side, 180 up).
* ``elbow_*`` - flexion drawn in the picture plane: an arm held out to the side bends its
  forearm toward the head (the "goal post" shape).
* ``hip_*`` - abduction of the leg from vertical; negative crosses toward the midline.
* ``knee_*`` - flexion seen head-on, drawn as a shortening of the leg.
* ``ankle_*`` - accepted and range-checked, but a foot seen head-on is drawn as a short
  outward stroke.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

VIEWS: tuple[str, ...] = ("side", "front")
PROPS: tuple[str, ...] = ("none", "chair", "wall", "mat")
POSE_KEYS: tuple[str, ...] = ("key", "view", "prop", "angles")

REQUIRED_ANGLES: tuple[str, ...] = (
    "trunk",
    "neck",
    "shoulder_near",
    "shoulder_far",
    "elbow_near",
    "elbow_far",
    "hip_near",
    "hip_far",
    "knee_near",
    "knee_far",
)
OPTIONAL_ANGLES: tuple[str, ...] = ("ankle_near", "ankle_far")
ANGLE_NAMES: tuple[str, ...] = REQUIRED_ANGLES + OPTIONAL_ANGLES

_LIMBS: dict[str, tuple[int, int]] = {
    "elbow": (0, 150),
    "knee": (0, 150),
    "ankle": (-30, 50),
}
ANGLE_RANGES: dict[str, dict[str, tuple[int, int]]] = {
    "side": {
        "trunk": (-180, 180),
        "neck": (-60, 70),
        "shoulder": (-60, 180),
        "hip": (-30, 130),
        **_LIMBS,
    },
    "front": {
        "trunk": (-45, 45),
        "neck": (-45, 45),
        "shoulder": (0, 180),
        "hip": (-20, 45),
        **_LIMBS,
    },
}

# Segment lengths in relative units.
TRUNK = 0.30
NECK = 0.12
HEAD_RADIUS = 0.055
UPPER_ARM = 0.16
FOREARM = 0.15
THIGH = 0.24
SHIN = 0.24
FOOT = 0.08

VIEWBOX = 100.0
FLOOR_Y = 92.0
# One fixed scale for every pose, so frames of one exercise never change size. The two
# farthest-apart points of any pose (a wrist and a toe) are at most 1.17 units apart,
# which at this scale still fits between the floor line and the top of the picture.
SCALE = 76.0

JOINTS: tuple[str, ...] = (
    "hip",
    "shoulder",
    "head",
    "elbow_near",
    "wrist_near",
    "elbow_far",
    "wrist_far",
    "knee_near",
    "ankle_near",
    "toe_near",
    "knee_far",
    "ankle_far",
    "toe_far",
)
BONES: tuple[tuple[str, str], ...] = (
    ("hip", "shoulder"),
    ("shoulder", "head"),
    ("shoulder", "elbow_near"),
    ("elbow_near", "wrist_near"),
    ("shoulder", "elbow_far"),
    ("elbow_far", "wrist_far"),
    ("hip", "knee_near"),
    ("knee_near", "ankle_near"),
    ("ankle_near", "toe_near"),
    ("hip", "knee_far"),
    ("knee_far", "ankle_far"),
    ("ankle_far", "toe_far"),
)

Point = tuple[float, float]


def angle_range(view: str, name: str) -> tuple[int, int]:
    """The allowed range of one angle in one view, e.g. ``("side", "knee_near")``."""
    return ANGLE_RANGES[view][name.split("_")[0]]


def _is_number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _fmt(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def validate_pose(pose: Mapping[str, Any]) -> list[str]:
    """Return the problems of a pose as ``"path: message"`` strings; empty when valid."""
    if not isinstance(pose, Mapping):
        return ["pose: must be a mapping"]
    errors: list[str] = []
    for name in sorted(set(pose) - set(POSE_KEYS), key=str):
        errors.append(f"{name}: unknown field (allowed: {', '.join(POSE_KEYS)})")
    errors += [f"{name}: is required" for name in POSE_KEYS if name not in pose]
    key = pose.get("key")
    if "key" in pose and (not isinstance(key, str) or not key.strip()):
        errors.append("key: must be a non-empty string")
    view = pose.get("view")
    if "view" in pose and view not in VIEWS:
        errors.append(f"view: {view!r} is not one of {', '.join(VIEWS)}")
    prop = pose.get("prop")
    if "prop" in pose and prop not in PROPS:
        errors.append(f"prop: {prop!r} is not one of {', '.join(PROPS)}")
    angles = pose.get("angles")
    if "angles" not in pose:
        return errors
    if not isinstance(angles, Mapping):
        errors.append("angles: must be a mapping of angle names to degrees")
        return errors
    for name in REQUIRED_ANGLES:
        if name not in angles:
            errors.append(f"angles.{name}: is required")
    for name in sorted(set(angles) - set(ANGLE_NAMES), key=str):
        errors.append(f"angles.{name}: unknown angle (known: {', '.join(ANGLE_NAMES)})")
    for name in ANGLE_NAMES:
        if name not in angles:
            continue
        value = angles[name]
        if not _is_number(value):
            errors.append(f"angles.{name}: {value!r} is not a number of degrees")
        elif view in VIEWS:
            low, high = angle_range(str(view), name)
            if not low <= float(value) <= high:
                errors.append(f"angles.{name}: {_fmt(float(value))} is outside {low}..{high}")
    return errors


def _step(origin: Point, degrees: float, length: float) -> Point:
    """Move from origin by length in a direction measured from straight up toward forward."""
    rad = math.radians(degrees)
    return origin[0] + length * math.sin(rad), origin[1] + length * math.cos(rad)


def _angle(angles: Mapping[str, Any], name: str) -> float:
    return float(angles.get(name, 0))


def _side_points(a: Mapping[str, Any]) -> dict[str, Point]:
    trunk = _angle(a, "trunk")
    hip: Point = (0.0, 0.0)
    shoulder = _step(hip, trunk, TRUNK)
    points = {"hip": hip, "shoulder": shoulder}
    points["head"] = _step(shoulder, trunk + _angle(a, "neck"), NECK)
    for side in ("near", "far"):
        arm = trunk + 180 - _angle(a, f"shoulder_{side}")
        elbow = _step(shoulder, arm, UPPER_ARM)
        points[f"elbow_{side}"] = elbow
        points[f"wrist_{side}"] = _step(elbow, arm - _angle(a, f"elbow_{side}"), FOREARM)
        thigh = trunk + 180 - _angle(a, f"hip_{side}")
        knee = _step(hip, thigh, THIGH)
        shin = thigh + _angle(a, f"knee_{side}")
        ankle = _step(knee, shin, SHIN)
        points[f"knee_{side}"] = knee
        points[f"ankle_{side}"] = ankle
        points[f"toe_{side}"] = _step(ankle, shin - 90 + _angle(a, f"ankle_{side}"), FOOT)
    return points


def _front_points(a: Mapping[str, Any]) -> dict[str, Point]:
    trunk = _angle(a, "trunk")
    hip: Point = (0.0, 0.0)
    shoulder = _step(hip, trunk, TRUNK)
    points = {"hip": hip, "shoulder": shoulder}
    points["head"] = _step(shoulder, trunk + _angle(a, "neck"), NECK)
    for side, outward in (("near", -1.0), ("far", 1.0)):
        # ``outward`` is the x sign of this side of the body: near limbs swing to the left.
        arm = trunk + 180 - outward * _angle(a, f"shoulder_{side}")
        elbow = _step(shoulder, arm, UPPER_ARM)
        points[f"elbow_{side}"] = elbow
        forearm = arm - outward * _angle(a, f"elbow_{side}")
        points[f"wrist_{side}"] = _step(elbow, forearm, FOREARM)
        leg = 180 - outward * _angle(a, f"hip_{side}")
        shortening = math.cos(math.radians(_angle(a, f"knee_{side}") / 2))
        knee = _step(hip, leg, THIGH * shortening)
        ankle = _step(knee, leg, SHIN * shortening)
        points[f"knee_{side}"] = knee
        points[f"ankle_{side}"] = ankle
        points[f"toe_{side}"] = _step(ankle, leg - outward * 90, FOOT / 2)
    return points


def _raw_points(pose: Mapping[str, Any]) -> dict[str, Point]:
    errors = validate_pose(pose)
    if errors:
        raise ValueError("invalid pose: " + "; ".join(errors))
    angles = pose["angles"]
    if pose["view"] == "front":
        return _front_points(angles)
    return _side_points(angles)


def pose_points(pose: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    """Joint positions in a 100x100 viewBox (y down), resting on the floor line at y=92.

    The figure is centred horizontally; the lowest point (the head circle included) touches
    the floor. Coordinates are rounded to one decimal. Raises ValueError for invalid poses.
    """
    raw = _raw_points(pose)
    head_x, head_y = raw["head"]
    xs = [x for x, _ in raw.values()] + [head_x - HEAD_RADIUS, head_x + HEAD_RADIUS]
    lowest = min([y for _, y in raw.values()] + [head_y - HEAD_RADIUS])
    centre = (min(xs) + max(xs)) / 2
    placed: dict[str, tuple[float, float]] = {}
    for name in JOINTS:
        x, y = raw[name]
        placed[name] = (
            round(VIEWBOX / 2 + (x - centre) * SCALE, 1),
            round(FLOOR_Y - (y - lowest) * SCALE, 1),
        )
    return placed


def poses_differ(a: Mapping[str, Any], b: Mapping[str, Any], min_degrees: float = 10) -> bool:
    """True when at least one angle differs by ``min_degrees`` or more.

    A missing optional ankle angle counts as 0. The trunk is compared as a direction, so
    -180 and 180 are the same.
    """
    angles_a = a.get("angles") or {}
    angles_b = b.get("angles") or {}
    for name in ANGLE_NAMES:
        diff = abs(float(angles_a.get(name, 0)) - float(angles_b.get(name, 0)))
        if name == "trunk":
            diff = min(diff, 360 - diff)
        if diff >= min_degrees:
            return True
    return False


def _path(points: Mapping[str, Point], *chains: tuple[str, ...]) -> str:
    parts: list[str] = []
    for chain in chains:
        for index, name in enumerate(chain):
            x, y = points[name]
            parts.append(f"{'L' if index else 'M'}{_fmt(x)} {_fmt(y)}")
    return "".join(parts)


def _clamp(value: float) -> float:
    return min(max(value, 1.0), VIEWBOX - 1)


def _prop_svg(prop: str, view: str, points: Mapping[str, Point], left: float, right: float) -> str:
    attrs = 'stroke-width="1.5" opacity=".5"'
    if prop == "mat":
        x = _clamp(left - 4)
        width = _clamp(right + 4) - x
        return f'<rect x="{_fmt(x)}" y="92.8" width="{_fmt(width)}" height="2.4" {attrs}/>'
    if prop == "wall":
        if view == "front":
            x = _clamp(left - 8)
            width = _clamp(right + 8) - x
            return f'<rect x="{_fmt(x)}" y="6" width="{_fmt(width)}" height="86" {attrs}/>'
        return f'<path d="M{_fmt(_clamp(left - 2))} 6V92" {attrs}/>'
    if prop == "chair":
        hip_x, hip_y = points["hip"]
        facing = 1.0 if points["knee_near"][0] >= hip_x else -1.0
        seat_y = FLOOR_Y - 0.22 * SCALE
        if hip_y >= FLOOR_Y - 0.40 * SCALE:  # hips low enough to be sitting on it
            back, front = hip_x - 6 * facing, hip_x + 12 * facing
        else:  # standing: the chair waits just behind the figure
            edge = left if facing > 0 else right
            front, back = edge - 2 * facing, edge - 20 * facing
        back, front = _clamp(back), _clamp(front)
        top = seat_y - 0.28 * SCALE
        return (
            f'<path d="M{_fmt(back)} {_fmt(top)}V92M{_fmt(back)} {_fmt(seat_y)}'
            f'H{_fmt(front)}V92" {attrs}/>'
        )
    return ""


def render_pose_svg(pose: Mapping[str, Any], *, title: str) -> str:
    """A small, accessible SVG drawing of the pose, in ``currentColor``; deterministic."""
    points = pose_points(pose)
    view = str(pose["view"])
    radius = HEAD_RADIUS * SCALE
    head_x, head_y = points["head"]
    shoulder_x, shoulder_y = points["shoulder"]
    gap = math.hypot(head_x - shoulder_x, head_y - shoulder_y) or 1.0
    neck_end = (
        head_x - (head_x - shoulder_x) * radius / gap,
        head_y - (head_y - shoulder_y) * radius / gap,
    )
    drawn = {**points, "neck_end": neck_end}
    xs = [x for x, _ in points.values()] + [head_x - radius, head_x + radius]
    far_arm = ("shoulder", "elbow_far", "wrist_far")
    far_leg = ("hip", "knee_far", "ankle_far", "toe_far")
    far = _path(drawn, far_arm, far_leg)
    near = _path(
        drawn,
        ("hip", "shoulder", "neck_end"),
        ("shoulder", "elbow_near", "wrist_near"),
        ("hip", "knee_near", "ankle_near", "toe_near"),
    )
    far_opacity = ' opacity=".45"' if view == "side" else ""
    prop = _prop_svg(str(pose["prop"]), view, points, min(xs), max(xs))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img" '
        'fill="none" stroke="currentColor" stroke-linecap="round" stroke-linejoin="round">'
        f"<title>{escape(title)}</title>"
        '<path d="M2 92H98" stroke-width="1"/>'
        f"{prop}"
        f'<path d="{far}" stroke-width="3.2"{far_opacity}/>'
        f'<path d="{near}" stroke-width="3.2"/>'
        f'<circle cx="{_fmt(head_x)}" cy="{_fmt(head_y)}" r="{_fmt(radius)}" stroke-width="2.6"/>'
        "</svg>"
    )
