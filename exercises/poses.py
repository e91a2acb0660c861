"""The figure model: a pose's angles (see exercises/pose_schema.py for the format) turned
into a skeleton in centimetres of a 170 cm adult, y up, the floor at y=0. Pure Python.

pose_shapes.py draws the skeleton; pose_audit.py checks it against the pose's contacts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from exercises.pose_schema import (
    ANGLE_NAMES as ANGLE_NAMES,
)
from exercises.pose_schema import (
    ANGLE_RANGES as ANGLE_RANGES,
)
from exercises.pose_schema import (
    CONTACT_PARTS as CONTACT_PARTS,
)
from exercises.pose_schema import (
    HANDS_AT as HANDS_AT,
)
from exercises.pose_schema import (
    MOVES as MOVES,
)
from exercises.pose_schema import (
    OPTIONAL_ANGLES as OPTIONAL_ANGLES,
)
from exercises.pose_schema import (
    POSE_KEYS as POSE_KEYS,
)
from exercises.pose_schema import (
    PROPS as PROPS,
)
from exercises.pose_schema import (
    REQUIRED_ANGLES as REQUIRED_ANGLES,
)
from exercises.pose_schema import (
    REQUIRED_POSE_KEYS as REQUIRED_POSE_KEYS,
)
from exercises.pose_schema import (
    SIDES as SIDES,
)
from exercises.pose_schema import (
    SURFACES as SURFACES,
)
from exercises.pose_schema import (
    VIEWS as VIEWS,
)
from exercises.pose_schema import (
    angle_range as angle_range,
)
from exercises.pose_schema import (
    fmt as fmt,
)
from exercises.pose_schema import (
    pose_props as pose_props,
)
from exercises.pose_schema import (
    poses_differ as poses_differ,
)
from exercises.pose_schema import (
    validate_pose as validate_pose,
)

# Segment lengths and half-thicknesses in centimetres (a 170 cm adult).
THIGH, SHIN, UPPER_ARM, FOREARM, HAND = 42.0, 42.0, 29.0, 25.0, 8.0
SPINE = (16.0, 17.0, 17.0)  # hip joint to L3, L3 to T10, T10 to C7
NECK, HEAD_RADIUS = 10.0, 10.0
LORDOSIS, KYPHOSIS = -14.0, 18.0  # neutral curves at L3 and T10
TORSO_HALF = (10.5, 9.0, 10.0, 7.5)  # half depth (side) at hip, L3, T10, C7
TORSO_HALF_FRONT = (15.0, 13.0, 15.0, 17.0)
SHOULDER_HALF, HIP_HALF = 17.0, 9.0
SEAT_RADIUS = 8.0  # sitting bones below the hip joint
RADIUS = {
    "thigh": 7.0,
    "shin": 5.0,
    "upper_arm": 4.5,
    "forearm": 3.5,
    "hand": 2.5,
    "foot": 3.0,
    "neck": 5.0,
}

Point = tuple[float, float]


# -- geometry ------------------------------------------------------------------------------


def step(origin: Point, degrees: float, length: float) -> Point:
    """Move from origin by length in a direction measured from straight up toward forward."""
    rad = math.radians(degrees)
    return origin[0] + length * math.sin(rad), origin[1] + length * math.cos(rad)


def direction(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))


@dataclass
class Segment:
    """A drawn body part: a chain of points with a half-thickness, near or far."""

    name: str
    points: list[Point]
    radius: float
    tone: str  # "near", "far" or "body"


@dataclass
class Skeleton:
    view: str
    joints: dict[str, Point]
    segments: list[Segment]
    torso: list[Point]  # closed outline of the trunk
    head: Point
    head_facing: float  # direction the face points (degrees, as ``step``)
    back: list[Point] = field(default_factory=list)  # dorsal outline, pelvis to neck
    seat: Point = (0.0, 0.0)  # the lowest point of the sitting bones

    def moved(self, dx: float, dy: float) -> Skeleton:
        def m(p: Point) -> Point:
            return (p[0] + dx, p[1] + dy)

        return Skeleton(
            self.view,
            {k: m(p) for k, p in self.joints.items()},
            [Segment(s.name, [m(p) for p in s.points], s.radius, s.tone) for s in self.segments],
            [m(p) for p in self.torso],
            m(self.head),
            self.head_facing,
            [m(p) for p in self.back],
            m(self.seat),
        )


def _a(angles: Mapping[str, Any], name: str) -> float:
    return float(angles.get(name, 0))


def _smooth(points: list[Point], per_span: int = 3) -> list[Point]:
    """A Catmull-Rom curve through the points, sampled ``per_span`` times per span."""
    if len(points) < 3:
        return list(points)
    ext = [points[0], *points, points[-1]]
    out: list[Point] = [points[0]]
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        for s in range(1, per_span + 1):
            t = s / per_span
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * p1[k]
                        + (-p0[k] + p2[k]) * t
                        + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                        + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3
                    )
                    for k in (0, 1)
                )
            )
    return out


def _outline(spine: list[Point], halves: list[float]) -> tuple[list[Point], list[Point]]:
    """Offset a sampled spine both ways; returns (left-of-direction, right-of-direction)."""
    left: list[Point] = []
    right: list[Point] = []
    n = len(spine)
    for i, p in enumerate(spine):
        a, b = spine[max(i - 1, 0)], spine[min(i + 1, n - 1)]
        d = direction(a, b)
        h = halves[i]
        left.append(step(p, d - 90, h))
        right.append(step(p, d + 90, h))
    return left, right


def _interp_halves(knots: tuple[float, ...], count: int) -> list[float]:
    spans = len(knots) - 1
    out = []
    for i in range(count):
        t = i * spans / (count - 1)
        j = min(int(t), spans - 1)
        f = t - j
        out.append(knots[j] + (knots[j + 1] - knots[j]) * f)
    return out


def _side_skeleton(a: Mapping[str, Any], view: str) -> Skeleton:
    lumbar, thoracic, pelvis = _a(a, "lumbar"), _a(a, "thoracic"), _a(a, "pelvis")
    bends = (pelvis, LORDOSIS + lumbar, KYPHOSIS + thoracic)

    def spine_from(base: float) -> list[Point]:
        pts: list[Point] = [(0.0, 0.0)]
        d = base
        for length, bend in zip(SPINE, bends, strict=True):
            d += bend
            pts.append(step(pts[-1], d, length))
        return pts

    # Rotate the spine so the hip-to-C7 line points where ``trunk`` says.
    trial = spine_from(0.0)
    base = _a(a, "trunk") - direction(trial[0], trial[-1])
    spine = spine_from(base)
    hip, _, _, c7 = spine
    upper = direction(spine[2], c7)
    pelvis_dir = base  # the pelvis frame, which the thighs hang from
    neck_dir = upper + 4 + 0.5 * _a(a, "neck")
    glide = _a(a, "head_glide")
    # The glide moves the head along the line the face looks, keeping it level.
    neck_top = step(step(c7, neck_dir, NECK), upper + 90, glide)
    head_dir = upper + _a(a, "neck")
    head = step(neck_top, head_dir, HEAD_RADIUS * 0.8)
    joints: dict[str, Point] = {
        "hip": hip,
        "l3": spine[1],
        "t10": spine[2],
        "c7": c7,
        "neck_top": neck_top,
        "head": head,
    }
    segments: list[Segment] = []
    rotation = _a(a, "rotation")
    for side in SIDES:
        tone = side
        shoulder = step(c7, upper + 180, 4)
        if view == "top" and rotation:
            # Turning the chest open separates the stacked shoulders in the floor plane.
            shift = SHOULDER_HALF * math.sin(math.radians(rotation))
            shoulder = step(shoulder, upper + (-90 if side == "near" else 90), shift)
        lift = math.cos(math.radians(_a(a, f"lift_{side}"))) if view == "top" else 1.0
        arm = upper + 180 - _a(a, f"shoulder_{side}")
        elbow = step(shoulder, arm, UPPER_ARM * lift)
        fore = arm - _a(a, f"elbow_{side}")
        wrist = step(elbow, fore, FOREARM * lift)
        hand_end = step(wrist, fore - _a(a, f"wrist_{side}"), HAND * lift)
        thigh = pelvis_dir + 180 - _a(a, f"hip_{side}")
        knee = step(hip, thigh, THIGH)
        shin = thigh + _a(a, f"knee_{side}")
        # ``shin_*`` turns the shin across the body (an ankle on the other knee).
        ankle = step(knee, shin, SHIN * math.cos(math.radians(_a(a, f"shin_{side}"))))
        foot = shin - 90 + _a(a, f"ankle_{side}")
        heel = step(step(ankle, shin, 4), foot, -4)
        toe = step(step(ankle, shin, 3), foot, 16)
        joints.update(
            {
                f"shoulder_{side}": shoulder,
                f"elbow_{side}": elbow,
                f"wrist_{side}": wrist,
                f"hand_{side}": hand_end,
                f"knee_{side}": knee,
                f"ankle_{side}": ankle,
                f"heel_{side}": heel,
                f"toe_{side}": toe,
            }
        )
        segments += [
            Segment(f"thigh_{side}", [hip, knee], RADIUS["thigh"], tone),
            Segment(f"shin_{side}", [knee, ankle], RADIUS["shin"], tone),
            Segment(f"foot_{side}", [heel, toe], RADIUS["foot"], tone),
            Segment(f"upper_arm_{side}", [shoulder, elbow], RADIUS["upper_arm"], tone),
            Segment(f"forearm_{side}", [elbow, wrist], RADIUS["forearm"], tone),
            Segment(f"hand_{side}", [wrist, hand_end], RADIUS["hand"], tone),
        ]
    segments.append(Segment("neck", [c7, neck_top], RADIUS["neck"], "body"))
    curve = _smooth(spine)
    halves = _interp_halves(TORSO_HALF, len(curve))
    back, front = _outline(curve, halves)
    torso = [*front, *reversed(back)]
    seat = step(hip, pelvis_dir + 195, SEAT_RADIUS)
    return Skeleton(view, joints, segments, torso, head, head_dir + 90, back, seat)


def _limb3d(abduct: float, flex: float) -> tuple[float, float]:
    """Projected (outward, up) unit parts of a limb abducted and flexed forward."""
    ab, fl = math.radians(abduct), math.radians(flex)
    return math.sin(ab) * math.cos(fl), -math.cos(ab) * math.cos(fl)


def _front_skeleton(a: Mapping[str, Any]) -> Skeleton:
    bend = _a(a, "trunk")

    def spine_from(base: float) -> list[Point]:
        pts: list[Point] = [(0.0, 0.0)]
        for length, share in zip(SPINE, (0.5, 1.0, 1.5), strict=True):
            pts.append(step(pts[-1], base + bend * share, length))
        return pts

    trial = spine_from(0.0)
    spine = spine_from(bend - direction(trial[0], trial[-1]))
    hip_c, _, _, c7 = spine
    upper = direction(spine[2], c7)
    neck_top = step(c7, upper + 0.5 * _a(a, "neck"), NECK)
    head = step(neck_top, upper + _a(a, "neck"), HEAD_RADIUS * 0.8)
    width = SHOULDER_HALF * math.cos(math.radians(_a(a, "rotation")))
    joints: dict[str, Point] = {"hip": hip_c, "c7": c7, "neck_top": neck_top, "head": head}
    segments: list[Segment] = []
    for side, outward in (("near", -1.0), ("far", 1.0)):
        shoulder = step(step(c7, upper + 180, 4), upper + 90 * outward, width)
        ox, oy = _limb3d(_a(a, f"shoulder_{side}"), _a(a, f"reach_{side}"))
        length = math.hypot(ox, oy)
        arm = direction((0, 0), (outward * ox, oy)) + upper if length > 1e-6 else upper + 180
        elbow = step(shoulder, arm, UPPER_ARM * length)
        fore = arm - outward * _a(a, f"elbow_{side}")
        toward = math.cos(math.radians(_a(a, f"lift_{side}")))  # forearm toward the viewer
        bent = _a(a, f"elbow_{side}") > 20  # a bent forearm stays in the picture plane
        wrist = step(elbow, fore, FOREARM * (max(length, 0.35) if bent else length) * toward)
        hand_end = step(wrist, fore, HAND * max(toward * (1 if bent else length), 0.3))
        hip = (outward * HIP_HALF, 0.0)
        hip_flex = _a(a, f"hip_flex_{side}")
        tx, ty = _limb3d(_a(a, f"hip_{side}"), hip_flex)
        knee = (hip[0] + outward * tx * THIGH, hip[1] + ty * THIGH)
        sx, sy = _limb3d(_a(a, f"hip_{side}"), hip_flex - _a(a, f"knee_{side}"))
        ankle = (knee[0] + outward * sx * SHIN, knee[1] + sy * SHIN)
        if f"shin_{side}" in a:  # a shin crossing the body, e.g. an ankle on the other knee
            ankle = step(knee, 180 + outward * _a(a, f"shin_{side}"), SHIN)
        heel = (ankle[0], ankle[1] - 4)
        toe = (ankle[0] + outward * 5, ankle[1] - 4)
        joints.update(
            {
                f"shoulder_{side}": shoulder,
                f"elbow_{side}": elbow,
                f"wrist_{side}": wrist,
                f"hand_{side}": hand_end,
                f"hip_{side}": hip,
                f"knee_{side}": knee,
                f"ankle_{side}": ankle,
                f"heel_{side}": heel,
                f"toe_{side}": toe,
            }
        )
        segments += [
            Segment(f"thigh_{side}", [hip, knee], RADIUS["thigh"], side),
            Segment(f"shin_{side}", [knee, ankle], RADIUS["shin"], side),
            Segment(f"foot_{side}", [heel, toe], RADIUS["foot"], side),
            Segment(f"upper_arm_{side}", [shoulder, elbow], RADIUS["upper_arm"], side),
            Segment(f"forearm_{side}", [elbow, wrist], RADIUS["forearm"], side),
            Segment(f"hand_{side}", [wrist, hand_end], RADIUS["hand"], side),
        ]
    segments.append(Segment("neck", [c7, neck_top], RADIUS["neck"], "body"))
    curve = _smooth(spine)
    knots = (*TORSO_HALF_FRONT[:3], width + 2)
    left, right = _outline(curve, _interp_halves(knots, len(curve)))
    torso = [*right, *reversed(left)]
    seat = (hip_c[0], hip_c[1] - SEAT_RADIUS)
    sk = Skeleton("front", joints, segments, torso, head, 180.0, [], seat)
    roll = _a(a, "roll")
    return _rotated(sk, roll) if roll else sk


def _rotated(sk: Skeleton, degrees: float) -> Skeleton:
    """The whole figure turned about the hips (lying on the side, seen from the front)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))

    def r(p: Point) -> Point:
        return (p[0] * c + p[1] * s, -p[0] * s + p[1] * c)

    return Skeleton(
        sk.view,
        {k: r(p) for k, p in sk.joints.items()},
        [Segment(g.name, [r(p) for p in g.points], g.radius, g.tone) for g in sk.segments],
        [r(p) for p in sk.torso],
        r(sk.head),
        sk.head_facing + degrees,
        [r(p) for p in sk.back],
        r(sk.seat),
    )


def skeleton(pose: Mapping[str, Any]) -> Skeleton:
    """The figure in model centimetres (y up), not yet placed on the floor."""
    errors = validate_pose(pose)
    if errors:
        raise ValueError("invalid pose: " + "; ".join(errors))
    if pose["view"] == "front":
        return _front_skeleton(pose["angles"])
    return _side_skeleton(pose["angles"], str(pose["view"]))


def lowest(sk: Skeleton) -> float:
    """The lowest point of the body's surface (segments with their thickness, torso, head)."""
    ys = [p[1] - s.radius for s in sk.segments for p in s.points]
    ys += [p[1] for p in sk.torso] + [sk.head[1] - HEAD_RADIUS]
    return min(ys)


def placed_skeleton(pose: Mapping[str, Any], floor: float = 0.0) -> Skeleton:
    """The figure resting on the floor (its lowest point at ``floor``), hips at x=0.

    In the top view nothing rests on anything: the figure is only centred.
    """
    sk = skeleton(pose)
    hip_x = sk.joints["hip"][0]
    if pose["view"] == "top":
        return sk.moved(-hip_x, -sk.joints["hip"][1])
    return sk.moved(-hip_x, floor - lowest(sk))
