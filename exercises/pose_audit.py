"""The pose audit: checks a drawn exercise against what its content says (pure logic).

For every pose: each declared contact touches its surface within ``TOUCH`` centimetres,
nothing passes through the floor or a prop, a figure standing on its feet alone keeps
its centre of mass over them, and ``hands_at`` holds. For an exercise: a limb that moves
on one side only is declared in ``moves`` (and an arm and a leg moving together are on
opposite sides), a declared spine or head movement really happens, and consecutive
poses differ visibly. ``audit_exercise`` returns ``(field, message)`` pairs, empty when
the drawing is right; ``load_library`` and the clinic API refuse an exercise that fails.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from typing import Any

from exercises.pose_shapes import Box, Scene, scene
from exercises.poses import (
    HEAD_RADIUS,
    SIDES,
    Point,
    Skeleton,
    fmt,
    validate_pose,
)

TOUCH = 4.0  # a contact may be this far from its surface (cm): 2% of the body's height
THROUGH = 2.0  # a part may sink this deep into a surface before it counts as through
VISIBLE = 5.0  # consecutive poses must move some joint at least this far (cm)
ONE_SIDED = 20.0  # degrees: a limb that changes this much on one side only "moves"
STILL = 12.0  # ... while the other side changes less than this

_PLURAL = {
    "hands": "hand",
    "forearms": "forearm",
    "knees": "knee",
    "shins": "shin",
    "feet": "foot",
    "feet_tops": "foot",
    "heels": "heel",
    "toes": "toe",
}
# Centre-of-mass shares of the body (approximate anthropometric tables).
_MASS = {
    "trunk": 0.50,
    "head": 0.08,
    "thigh": 0.10,
    "shin": 0.045,
    "foot": 0.015,
    "upper_arm": 0.03,
    "forearm": 0.02,
    "hand": 0.005,
}

Issue = tuple[str, str]


def _samples(
    points: Sequence[Point], radius: float, every: float = 4.0
) -> list[tuple[Point, float]]:
    out: list[tuple[Point, float]] = [(points[0], radius)]
    for a, b in itertools.pairwise(points):
        n = max(1, math.ceil(math.dist(a, b) / every))
        out += [
            ((a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n), radius)
            for i in range(1, n + 1)
        ]
    return out


def body_samples(sk: Skeleton) -> list[tuple[str, Point, float]]:
    """Points of the body's surface model: (part, centre, radius)."""
    out = [(s.name, p, r) for s in sk.segments for p, r in _samples(s.points, s.radius)]
    out += [("trunk", p, 0.0) for p in sk.torso]
    out.append(("head", sk.head, HEAD_RADIUS))
    return out


def _groups(sk: Skeleton, part: str) -> list[list[tuple[Point, float]]]:
    """The sample groups of a contact part; every group must touch."""
    j = sk.joints
    if part == "feet_tops":
        return [g for side in SIDES for g in _groups(sk, f"foot_top_{side}")]
    if part.startswith("foot_top_"):  # the top of the foot and the front of the ankle lie down
        side = part.rpartition("_")[2]
        return [[(j[f"toe_{side}"], 3.0)], [(j[f"ankle_{side}"], 4.0)]]
    base = _PLURAL.get(part)
    if base:
        return [g for side in SIDES for g in _groups(sk, f"{base}_{side}")]
    name, _, side = part.rpartition("_")
    limb = _limb_groups(sk, part, name, side)
    return limb if limb is not None else _trunk_groups(sk, part)


def _limb_groups(
    sk: Skeleton, part: str, name: str, side: str
) -> list[list[tuple[Point, float]]] | None:
    """The groups of one side's hand, forearm, shin, knee, foot, heel, toe or ankle."""
    j = sk.joints
    seg = {s.name: s for s in sk.segments}
    if name == "hand":
        return [[(p, seg[part].radius) for p in seg[part].points]]
    if name in ("forearm", "shin"):
        return [[(p, seg[part].radius)] for p in seg[part].points]
    if name == "knee":
        return [[(j[part], seg[f"shin_{side}"].radius + 0.5)]]
    if name == "foot":
        return [[(j[f"heel_{side}"], 3.0)], [(j[f"toe_{side}"], 3.0)]]
    if name in ("heel", "toe"):
        return [[(j[part], 3.0)]]
    if name == "ankle":
        return [[(j[part], seg[f"shin_{side}"].radius)]]
    return None


def _trunk_groups(sk: Skeleton, part: str) -> list[list[tuple[Point, float]]]:
    j = sk.joints
    if part in ("head", "forehead"):
        return [[(sk.head, HEAD_RADIUS)]]
    if part == "back":
        upper = sk.back[len(sk.back) // 2 :] if sk.back else [j["c7"]]
        return [[(p, 0.0) for p in upper]]
    if part == "pelvis":  # either face of the trunk around the hips, or the sitting bones
        hip = j["hip"]
        return [[(p, 0.0) for p in sk.torso if math.dist(p, hip) < 14] + [(sk.seat, 0.0)]]
    if part == "side":  # the lower flank, seen from the front
        return [[(p, 0.0) for p in sk.torso]]
    return [[(sk.seat, 0.0)]]  # seat


def _height_gap(groups: list[list[tuple[Point, float]]], height: float) -> float:
    """The largest distance of any group from a horizontal surface (signed: + above)."""
    gaps = [min(p[1] - r for p, r in g) - height for g in groups]
    return max(gaps, key=abs)


def _seg_distance(p: Point, a: Point, b: Point) -> float:
    ax, ay, bx, by = a[0], a[1], b[0], b[1]
    length = (bx - ax) ** 2 + (by - ay) ** 2
    t = (
        0.0
        if length == 0
        else max(0.0, min(1.0, ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / length))
    )
    return math.dist(p, (ax + t * (bx - ax), ay + t * (by - ay)))


def _contact_gap(sc: Scene, surface: str, part: str) -> float | None:
    """How far the part is from touching the surface (cm); None when it cannot be seen."""
    sk = sc.skeleton
    if surface in ("floor", "mat", "chair", "desk"):
        return _height_gap(_groups(sk, part), sc.surfaces.get(surface, sc.floor))
    if surface == "wall":
        if sc.view != "side":
            return None  # the wall is behind a figure seen from the front: depth not drawn
        from exercises.pose_shapes import rear_x

        return rear_x(sk, part) - sc.surfaces["wall"]
    if surface == "door":
        if sc.view != "front":
            return None  # the frame's posts are drawn in the front view only
        groups = _groups(sk, part)
        return max(
            (max(abs(p[0]) + r for p, r in g) - sc.surfaces["door"] for g in groups), key=abs
        )
    if surface == "leg":
        side = part.rpartition("_")[2] if part.endswith(SIDES) else "near"
        other = "far" if side == "near" else "near"
        thigh = next(s for s in sk.segments if s.name == f"thigh_{other}")
        a, b = thigh.points[0], thigh.points[1]
        gaps = [min(_seg_distance(p, a, b) - r for p, r in g) for g in _groups(sk, part)]
        return max(gaps) - thigh.radius
    return 0.0  # held props are drawn from the hands, so they always meet them


def _contact_issues(sc: Scene, field: str, label: str) -> list[Issue]:
    issues: list[Issue] = []
    contacts = sc.pose.get("contacts") or {}
    for surface, parts in contacts.items():
        for part in parts:
            if part == "side":
                if sc.view == "side":
                    issues.append(
                        (
                            f"{field}.contacts.{surface}",
                            f"{label}: lying on the side is drawn from above (view: top) or the "
                            "front, not from the side",
                        )
                    )
                    continue
                if sc.view == "top":
                    continue
            gap = _contact_gap(sc, surface, part)
            if gap is not None and abs(gap) > TOUCH:
                where = "away from" if gap > 0 else "into"
                issues.append(
                    (
                        f"{field}.contacts.{surface}",
                        f"{label}: {part} is {fmt(abs(gap))} cm {where} the {surface} (must "
                        "touch it)",
                    )
                )
    if "dowel" in contacts:
        from exercises.pose_shapes import rear_point

        head, back, pelvis = (rear_point(sc.skeleton, p) for p in ("head", "back", "pelvis"))
        off = _seg_distance(back, head, pelvis)
        if off > TOUCH + 2:
            issues.append(
                (
                    f"{field}.contacts.dowel",
                    f"{label}: the dowel cannot touch head, upper back and pelvis: the back is "
                    f"{fmt(off)} cm off its line",
                )
            )
    return issues


def _box_depth(p: Point, r: float, box: Box) -> float:
    dx = max(box.x0 - p[0], 0.0, p[0] - box.x1)
    dy = max(box.y0 - p[1], 0.0, p[1] - box.y1)
    if dx == 0 and dy == 0:
        return r + min(p[0] - box.x0, box.x1 - p[0], p[1] - box.y0, box.y1 - p[1])
    return r - math.hypot(dx, dy)


def _through_issues(sc: Scene, field: str, label: str) -> list[Issue]:
    if sc.view == "top":
        return []
    issues: list[Issue] = []
    samples = body_samples(sc.skeleton)
    deepest = min(samples, key=lambda s: s[1][1] - s[2])
    depth = sc.floor - (deepest[1][1] - deepest[2])
    if depth > THROUGH:
        issues.append(
            (
                f"{field}.angles",
                f"{label}: the {deepest[0].replace('_', ' ')} goes {fmt(depth)} cm through the "
                "floor",
            )
        )
    arms = ("upper_arm", "forearm", "hand")
    for box in (b for b in sc.boxes if b.solid):
        # Arms hang beside a chair, not through it.
        near = [s for s in samples if not (box.name.startswith("chair") and s[0].startswith(arms))]
        worst = max(near, key=lambda s: _box_depth(s[1], s[2], box))
        depth = _box_depth(worst[1], worst[2], box)
        if depth > THROUGH:
            issues.append(
                (
                    f"{field}.angles",
                    f"{label}: the {worst[0].replace('_', ' ')} goes {fmt(depth)} cm into the "
                    f"{box.name}",
                )
            )
    return issues


def centre_of_mass(sk: Skeleton) -> Point:
    total, x, y = 0.0, 0.0, 0.0
    parts: list[tuple[Point, float]] = [
        (sk.joints["t10"] if "t10" in sk.joints else sk.joints["hip"], _MASS["trunk"]),
        (sk.head, _MASS["head"]),
    ]
    for s in sk.segments:
        kind = s.name.rsplit("_", 1)[0]
        if kind in _MASS:
            a, b = s.points[0], s.points[-1]
            parts.append((((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), _MASS[kind]))
    for (px, py), m in parts:
        total, x, y = total + m, x + px * m, y + py * m
    return x / total, y / total


def _balance_issues(sc: Scene, field: str, label: str) -> list[Issue]:
    contacts = sc.pose.get("contacts") or {}
    feet_only = set(contacts) <= {"floor", "mat"} and all(
        p.split("_")[0] in ("feet", "foot", "heels", "heel", "toes", "toe") and p != "feet_tops"
        for ps in contacts.values()
        for p in ps
    )
    if sc.view != "side" or not contacts or not feet_only:
        return []
    j = sc.skeleton.joints
    xs = [j[f"{p}_{s}"][0] for p in ("heel", "toe") for s in SIDES]
    com = centre_of_mass(sc.skeleton)[0]
    if not min(xs) - 4 <= com <= max(xs) + 4:
        return [
            (
                f"{field}.angles",
                f"{label}: standing on the feet alone, the body's weight is "
                f"{fmt(min(abs(com - min(xs)), abs(com - max(xs))))} cm outside the feet "
                "(it would fall; e.g. send the hips back)",
            )
        ]
    return []


def _hands_issues(sc: Scene, field: str, label: str) -> list[Issue]:
    target = sc.pose.get("hands_at")
    if not target:
        return []
    j = sc.skeleton.joints
    shoulder = (j["shoulder_near"][1] + j["shoulder_far"][1]) / 2
    low, high = {
        "shoulder": (shoulder - 10, shoulder + 10),
        "chest": (shoulder - 28, shoulder - 5),
        "waist": (j["hip"][1] + 5, j["hip"][1] + 35),
        "overhead": (j["head"][1], 1e9),
    }[str(target)]
    issues = []
    for side in SIDES:
        y = j[f"hand_{side}"][1]
        if not low <= y <= high:
            issues.append(
                (
                    f"{field}.hands_at",
                    f"{label}: the {side} hand is not at {target} height ({fmt(y - shoulder)} "
                    "cm from the shoulders)",
                )
            )
    return issues


def audit_pose(pose: Mapping[str, Any], field: str = "pose") -> list[Issue]:
    """Problems of one pose drawn on its own (contacts, passing through, balance)."""
    errors = validate_pose(pose)
    if errors:
        return [(f"{field}.{e.partition(': ')[0]}", e.partition(": ")[2]) for e in errors]
    label = f"pose '{pose['key']}'"
    sc = scene(pose)
    return [
        *_contact_issues(sc, field, label),
        *_through_issues(sc, field, label),
        *_balance_issues(sc, field, label),
        *_hands_issues(sc, field, label),
    ]


def _change(a: Mapping[str, Any], b: Mapping[str, Any], names: Sequence[str]) -> float:
    return sum(abs(float(a.get(n, 0)) - float(b.get(n, 0))) for n in names)


def _limb_angles(limb: str, side: str) -> tuple[str, ...]:
    if limb == "arm":
        return (f"shoulder_{side}", f"elbow_{side}", f"reach_{side}", f"lift_{side}")
    return (f"hip_{side}", f"knee_{side}", f"hip_flex_{side}", f"shin_{side}")


def _moves_issues(first: Mapping[str, Any], pose: Mapping[str, Any], field: str) -> list[Issue]:
    label = f"pose '{pose['key']}'"
    a0, a1 = first["angles"], pose["angles"]
    moves = pose.get("moves") or {}
    issues: list[Issue] = []
    for limb in ("arm", "leg"):
        change = {side: _change(a0, a1, _limb_angles(limb, side)) for side in SIDES}
        declared = moves.get(limb)
        # A limb bearing weight in both poses adjusts; it is not a sided movement.
        bearing = {s for s in SIDES if _bears(first, limb, s) and _bears(pose, limb, s)}
        one_sided = [
            s
            for s in SIDES
            if change[s] >= ONE_SIDED and change[_other(s)] < STILL and s not in bearing
        ]
        if declared:
            if change[declared] < ONE_SIDED or change[_other(declared)] >= STILL:
                issues.append(
                    (
                        f"{field}.moves.{limb}",
                        f"{label}: says the {declared} {limb} moves, but the drawing moves the "
                        f"{one_sided[0] if one_sided else 'other or both'} {limb}",
                    )
                )
        elif one_sided and pose is not first:
            issues.append(
                (
                    f"{field}.moves",
                    f"{label}: the {one_sided[0]} {limb} moves on its own; declare moves.{limb}",
                )
            )
    if moves.get("arm") and moves.get("arm") == moves.get("leg"):
        issues.append(
            (
                f"{field}.moves",
                f"{label}: arm and leg move on the same ({moves['arm']}) side; they must be "
                "opposite",
            )
        )
    spine = moves.get("spine")
    if spine:
        bend = sum(
            float(a1.get(n, 0)) - float(a0.get(n, 0)) for n in ("lumbar", "thoracic", "pelvis")
        )
        if (spine == "round" and bend < 15) or (spine == "arch" and bend > -15):
            issues.append(
                (
                    f"{field}.moves.spine",
                    f"{label}: says the spine should {spine}, but lumbar+thoracic change by "
                    f"{fmt(bend)} degrees",
                )
            )
    if moves.get("head") == "glide":
        glide = abs(float(a1.get("head_glide", 0)) - float(a0.get("head_glide", 0)))
        nod = abs(float(a1["neck"]) - float(a0["neck"]))
        if glide < 2 or nod >= 8:
            issues.append(
                (
                    f"{field}.moves.head",
                    f"{label}: a glide moves the head {fmt(glide)} cm and must not nod, but the "
                    f"head nods {fmt(nod)} degrees",
                )
            )
    return issues


_ARM_PARTS = ("hand", "forearm")
_LEG_PARTS = ("knee", "shin", "foot", "heel", "toe", "ankle", "foot_top")


def _bears(pose: Mapping[str, Any], limb: str, side: str) -> bool:
    names = _ARM_PARTS if limb == "arm" else _LEG_PARTS
    for parts in (pose.get("contacts") or {}).values():
        for part in parts:
            base = _PLURAL.get(part, part.rpartition("_")[0] if part.endswith(SIDES) else part)
            if part == "feet_tops":
                base = "foot_top"
            if base in names and (part in _PLURAL or part.endswith(side)):
                return True
    return False


def _other(side: str) -> str:
    return "far" if side == "near" else "near"


def audit_exercise(poses: Sequence[Mapping[str, Any]]) -> list[Issue]:
    """All problems of an exercise's poses, as ``(field, message)``; empty when right."""
    issues: list[Issue] = []
    valid: list[tuple[int, Mapping[str, Any]]] = []
    for i, pose in enumerate(poses):
        found = audit_pose(pose, f"poses[{i}]")
        issues += found
        if not validate_pose(pose):
            valid.append((i, pose))
    if len(valid) != len(poses) or not valid:
        return issues
    first = poses[0]
    for i, pose in valid:
        issues += _moves_issues(first, pose, f"poses[{i}]")
    skeletons = [scene(p).skeleton for p in poses]
    for i in range(1, len(poses)):
        a, b = skeletons[i - 1], skeletons[i]
        moved = max(math.dist(a.joints[k], b.joints[k]) for k in a.joints if k in b.joints)
        if len(a.torso) == len(b.torso):  # the outline of the back shows a tilt or a curl
            moved = max(moved, *(math.dist(p, q) for p, q in zip(a.torso, b.torso, strict=True)))
        if moved < VISIBLE:
            issues.append(
                (
                    f"poses[{i}]",
                    f"poses '{poses[i - 1]['key']}' and '{poses[i]['key']}' look the same "
                    f"(nothing moves {fmt(VISIBLE)} cm)",
                )
            )
    return issues
