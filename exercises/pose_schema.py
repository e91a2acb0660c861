"""The content format of a pose and its validation (pure Python, standard library only).

A pose is a plain mapping, as written in the content files::

    {"key": "start", "view": "side", "props": ["mat"],
     "contacts": {"mat": ["hands", "knees", "feet_tops"]},
     "moves": {"arm": "near", "leg": "far"},
     "angles": {"trunk": 90, "lumbar": 20, ...}}

Lengths are centimetres of a 170 cm adult, so props can be drawn to scale; model
coordinates have y pointing up and the floor at y=0. ``pose_shapes`` (pose_shapes.py)
turns the skeleton computed here into drawable shapes; ``pose_audit`` checks it.

Views: ``side`` (the figure faces the right of the picture; "near" limbs are the ones
toward the viewer), ``front`` (the figure faces the viewer; near limbs on the picture's
left) and ``top`` (seen from above, for lying on the side: the side-view kinematics laid
in the floor plane; near limbs are the upper ones).

Side and top view angles (degrees; directions measured from straight up toward forward):

* ``trunk`` - direction of the hip-to-shoulder (C7) line: 0 upright, +90 horizontal face
  down, -90 lying on the back.
* ``lumbar``, ``thoracic`` (optional) - flexion of each region, positive rounds the back,
  negative arches it. The neutral spine already has its natural curves.
* ``pelvis`` (optional) - posterior tilt positive (tucks the tailbone), anterior negative.
* ``neck`` - nod of the head and upper neck, chin to chest positive.
* ``head_glide`` (optional, cm) - head moved forward (+) or drawn straight back (-, a chin
  tuck) with the face level: a glide, not a nod.
* ``shoulder_*`` - arm relative to the upper trunk: 0 along it, 90 forward, 180 overhead.
* ``lift_*`` (optional, top view) - the arm raised out of the floor plane toward the viewer.
* ``elbow_*``, ``knee_*`` - flexion; ``wrist_*`` (optional) - extension of the hand.
* ``hip_*`` - thigh relative to the pelvis: 0 in line, 90 forward, negative behind.
* ``ankle_*`` (optional) - 0 foot at right angles to the shin, positive points the toes.
* ``rotation`` (optional, top view) - the chest turned open, shown by shoulder width.

Front view angles: ``trunk`` side-bend (positive toward the picture's right), ``rotation``
(shoulders turned, drawn narrower), ``neck`` side tilt, ``shoulder_*`` abduction,
``reach_*`` (optional) forward flexion of the arm, ``elbow_*`` bend in the picture plane,
``hip_*`` abduction, ``hip_flex_*`` (optional) forward flexion of the thigh, ``knee_*``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

VIEWS: tuple[str, ...] = ("side", "front", "top")
PROPS: tuple[str, ...] = (
    "mat",
    "chair",
    "desk",
    "wall",
    "door",
    "band",
    "dowel",
    "towel",
)
POSE_KEYS: tuple[str, ...] = ("key", "view", "props", "contacts", "moves", "hands_at", "angles")
REQUIRED_POSE_KEYS: tuple[str, ...] = ("key", "view", "angles")
SIDES: tuple[str, ...] = ("near", "far")
MOVES: dict[str, tuple[str, ...]] = {
    "arm": SIDES,
    "leg": SIDES,
    "head": ("glide", "nod"),
    "spine": ("round", "arch"),
}
HANDS_AT: tuple[str, ...] = ("shoulder", "chest", "waist", "overhead")
SURFACES: tuple[str, ...] = (
    "floor",
    "mat",
    "chair",
    "desk",
    "wall",
    "door",
    "band",
    "dowel",
    "towel",
    "leg",
)
_PAIRED = ("hand", "forearm", "knee", "shin", "foot", "heel", "toe", "ankle")
CONTACT_PARTS: tuple[str, ...] = (
    "hands",
    "forearms",
    "knees",
    "shins",
    "feet",
    "feet_tops",
    "heels",
    "toes",
    *(f"{part}_{side}" for part in _PAIRED for side in ("near", "far")),
    "foot_top_near",
    "foot_top_far",
    "head",
    "forehead",
    "back",
    "pelvis",
    "seat",
    "side",
)

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
_SIDED_OPTIONAL = ("ankle", "wrist", "lift", "reach", "hip_flex", "shin")
OPTIONAL_ANGLES: tuple[str, ...] = (
    "lumbar",
    "thoracic",
    "pelvis",
    "head_glide",
    "rotation",
    "roll",
    *(f"{name}_{side}" for name in _SIDED_OPTIONAL for side in SIDES),
)
ANGLE_NAMES: tuple[str, ...] = REQUIRED_ANGLES + OPTIONAL_ANGLES

_COMMON: dict[str, tuple[int, int]] = {
    "elbow": (0, 150),
    "knee": (0, 160),
    "ankle": (-30, 85),
    "wrist": (-60, 90),
    "lumbar": (-35, 45),
    "thoracic": (-25, 45),
    "pelvis": (-20, 25),
    "head_glide": (-6, 6),
    "lift": (0, 90),
    "reach": (0, 180),
    "hip_flex": (0, 130),
    "shin": (-90, 90),
    "roll": (0, 0),
}
ANGLE_RANGES: dict[str, dict[str, tuple[int, int]]] = {
    "side": {
        **_COMMON,
        "trunk": (-180, 180),
        "neck": (-50, 60),
        "shoulder": (-60, 180),
        "hip": (-30, 145),
        "rotation": (0, 0),
        "shin": (0, 90),
    },
    "front": {
        **_COMMON,
        "trunk": (-40, 40),
        "neck": (-45, 45),
        "shoulder": (0, 180),
        "hip": (-25, 45),
        "rotation": (-60, 60),
        "roll": (-95, 95),
    },
}
ANGLE_RANGES["top"] = {**ANGLE_RANGES["side"], "rotation": (0, 90), "shoulder": (-90, 180)}


def angle_range(view: str, name: str) -> tuple[int, int]:
    """The allowed range of one angle in one view, e.g. ``("side", "knee_near")``."""
    base = name.removesuffix("_near").removesuffix("_far")
    return ANGLE_RANGES[view][base]


def _is_number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def fmt(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def pose_props(pose: Mapping[str, Any]) -> tuple[str, ...]:
    props = pose.get("props") or []
    return tuple(str(p) for p in props) if isinstance(props, list) else ()


def _validate_contacts(contacts: Any, props: Any, errors: list[str]) -> None:
    if not isinstance(contacts, Mapping):
        errors.append("contacts: must map a surface to a list of body parts")
        return
    for surface, parts in contacts.items():
        if surface not in SURFACES:
            errors.append(f"contacts.{surface}: unknown surface (known: {', '.join(SURFACES)})")
        elif surface not in ("floor", "leg") and surface not in props:
            errors.append(f"contacts.{surface}: the pose has no {surface} in its props")
        if not isinstance(parts, list) or not parts:
            errors.append(f"contacts.{surface}: must be a non-empty list of body parts")
            continue
        for part in parts:
            if part not in CONTACT_PARTS:
                errors.append(f"contacts.{surface}: unknown body part {part!r}")


def _validate_lists(pose: Mapping[str, Any], errors: list[str]) -> None:
    props = pose.get("props", [])
    if not isinstance(props, list) or any(p not in PROPS for p in props):
        errors.append(f"props: must be a list of {', '.join(PROPS)}")
    elif len(set(props)) != len(props):
        errors.append("props: a prop is listed twice")
    _validate_contacts(pose.get("contacts", {}), props, errors)
    moves = pose.get("moves", {})
    if not isinstance(moves, Mapping):
        errors.append("moves: must map arm/leg/head to what moves")
    else:
        for limb, side in moves.items():
            if limb not in MOVES or side not in MOVES[limb]:
                errors.append(f"moves.{limb}: must be one of {', '.join(MOVES.get(limb, ()))}")
    if "hands_at" in pose and pose["hands_at"] not in HANDS_AT:
        errors.append(f"hands_at: must be one of {', '.join(HANDS_AT)}")


def _validate_angles(angles: Mapping[str, Any], view: Any, errors: list[str]) -> None:
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
                errors.append(f"angles.{name}: {fmt(float(value))} is outside {low}..{high}")


def validate_pose(pose: Mapping[str, Any]) -> list[str]:
    """Return the problems of a pose as ``"path: message"`` strings; empty when valid."""
    if not isinstance(pose, Mapping):
        return ["pose: must be a mapping"]
    errors: list[str] = []
    for name in sorted(set(pose) - set(POSE_KEYS), key=str):
        errors.append(f"{name}: unknown field (allowed: {', '.join(POSE_KEYS)})")
    errors += [f"{name}: is required" for name in REQUIRED_POSE_KEYS if name not in pose]
    key = pose.get("key")
    if "key" in pose and (not isinstance(key, str) or not key.strip()):
        errors.append("key: must be a non-empty string")
    view = pose.get("view")
    if "view" in pose and view not in VIEWS:
        errors.append(f"view: {view!r} is not one of {', '.join(VIEWS)}")
    _validate_lists(pose, errors)
    if "angles" not in pose:
        return errors
    angles = pose["angles"]
    if not isinstance(angles, Mapping):
        errors.append("angles: must be a mapping of angle names to degrees")
        return errors
    _validate_angles(angles, view, errors)
    return errors


def poses_differ(a: Mapping[str, Any], b: Mapping[str, Any], min_degrees: float = 10) -> bool:
    """True when at least one angle differs by ``min_degrees`` or more (trunk as a direction)."""
    angles_a = a.get("angles") or {}
    angles_b = b.get("angles") or {}
    for name in ANGLE_NAMES:
        diff = abs(float(angles_a.get(name, 0)) - float(angles_b.get(name, 0)))
        if name == "trunk":
            diff = min(diff, 360 - diff)
        if name == "head_glide":
            diff *= 5
        if diff >= min_degrees:
            return True
    return False
