"""Drawable shapes of a pose: the one renderer behind the SVG, the PDF and the PWA.

``pose_figure(pose)`` places the skeleton (exercises/poses.py) on the floor, puts the
props where the pose's contacts say, and returns a list of plain shapes in picture
coordinates (centimetres, y down) plus the box that holds them. The server's SVG, the
handout's PDF drawing and the PWA's animated figure all draw exactly these shapes; the
PWA only interpolates between them.

A shape is ``{"id", "p": [[x, y], ...], "closed", "fill", "stroke", "w"}`` (a polyline
or polygon) or ``{"id", "c": [x, y], "r", "fill", "stroke", "w"}`` (a circle).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from exercises.poses import (
    HEAD_RADIUS,
    POSE_KEYS,
    Point,
    Skeleton,
    fmt,
    placed_skeleton,
    pose_props,
    step,
)

INK = "#27303b"
NEAR = "#f3f6fa"
FAR = "#9fb0c3"
BODY = "#e4ebf3"
PROP = "#d8cdbb"
PROP_INK = "#7d705c"
MAT = "#7fae98"
FLOOR = "#6b7280"
BAND, DOWEL, TOWEL = "#d24b4b", "#a26a32", "#3f7cc0"
OUTLINE = 1.6  # extra width of a limb's dark outline, in centimetres

MAT_LENGTH, MAT_WIDTH, MAT_THICK = 180.0, 60.0, 1.5
SEAT_HEIGHT, SEAT_DEPTH, BACKREST_TOP = 43.0, 42.0, 86.0
DESK_HEIGHT, DESK_DEPTH = 74.0, 70.0
DOOR_HALF, DOOR_HEIGHT, POST = 47.0, 200.0, 8.0
WALL_HEIGHT = 200.0
MARGIN = 8.0


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in model coordinates (y up): a solid part of a prop."""

    name: str
    x0: float
    y0: float
    x1: float
    y1: float
    solid: bool = True  # False: drawn only (a seat behind the legs in a front view)


@dataclass
class Scene:
    """A placed figure and its props: what the audit checks and the renderer draws."""

    pose: Mapping[str, Any]
    view: str
    floor: float
    skeleton: Skeleton
    boxes: list[Box]  # solid prop parts nothing may pass through
    surfaces: dict[str, float]  # surface name -> height (y) or, for walls, x
    extras: list[dict[str, Any]]  # held props (band, dowel, towel), model coordinates


def _contact_parts(pose: Mapping[str, Any], surface: str) -> list[str]:
    contacts = pose.get("contacts") or {}
    parts = contacts.get(surface) or []
    return [str(p) for p in parts]


def _body_xs(sk: Skeleton) -> list[float]:
    xs = [p[0] for s in sk.segments for p in s.points] + [p[0] for p in sk.torso]
    return [*xs, sk.head[0] - HEAD_RADIUS, sk.head[0] + HEAD_RADIUS]


def _back_of_head(sk: Skeleton) -> Point:
    return step(sk.head, sk.head_facing + 180, HEAD_RADIUS)


def scene(pose: Mapping[str, Any]) -> Scene:
    """Place the figure and its props (to scale) for one pose."""
    props = pose_props(pose)
    view = str(pose["view"])
    floor = MAT_THICK if "mat" in props and view != "top" else 0.0
    sk = placed_skeleton(pose, floor)
    xs = _body_xs(sk)
    left, right = min(xs), max(xs)
    boxes: list[Box] = []
    surfaces: dict[str, float] = {"floor": floor, "mat": floor}
    extras: list[dict[str, Any]] = []
    j = sk.joints
    if "chair" in props:
        if view == "front":
            x0, x1 = -24.0, 24.0
        elif "seat" in _contact_parts(pose, "chair"):
            x0 = sk.seat[0] - 16
            x1 = x0 + SEAT_DEPTH
        else:  # standing up from it or holding it: the chair waits behind the figure
            x1 = left - 3
            x0 = x1 - SEAT_DEPTH
        boxes.append(Box("chair seat", x0, SEAT_HEIGHT - 4, x1, SEAT_HEIGHT, view != "front"))
        if view != "front":
            boxes.append(Box("chair back", x0, SEAT_HEIGHT, x0 + 3, BACKREST_TOP))
        surfaces["chair"] = SEAT_HEIGHT
    if "desk" in props:
        hands = [j[f"hand_{s}"][0] for s in ("near", "far")]
        front = (min(hands) - 6) if "desk" in pose.get("contacts", {}) else right + 5
        boxes.append(Box("desk top", front, DESK_HEIGHT - 4, front + DESK_DEPTH, DESK_HEIGHT))
        surfaces["desk"] = DESK_HEIGHT
    if "wall" in props and view == "side":
        parts = _contact_parts(pose, "wall")
        x = (min(rear_x(sk, p) for p in parts) if parts else left) - 0.5
        boxes.append(Box("wall", x - 8, 0, x, WALL_HEIGHT))
        surfaces["wall"] = x
    if "door" in props and view == "front":
        for sign in (-1.0, 1.0):
            inner = sign * DOOR_HALF
            # Not solid: having stepped through, the arms are in front of the frame's plane.
            boxes.append(
                Box(
                    "door frame",
                    min(inner, inner + sign * POST),
                    0,
                    max(inner, inner + sign * POST),
                    DOOR_HEIGHT,
                    False,
                )
            )
        surfaces["door"] = DOOR_HALF
    if "band" in props:
        extras.append(
            {"id": "band", "p": [j["hand_near"], j["hand_far"]], "stroke": BAND, "w": 1.6}
        )
    if "towel" in props:
        foot = j["toe_near"]
        extras.append({"id": "towel", "p": [j["hand_near"], foot], "stroke": TOWEL, "w": 2.2})
    if "dowel" in props:
        top, low = _back_of_head(sk), rear_point(sk, "pelvis")
        d = math.degrees(math.atan2(top[0] - low[0], top[1] - low[1]))
        extras.append(
            {"id": "dowel", "p": [step(low, d, -12), step(top, d, 14)], "stroke": DOWEL, "w": 2.6}
        )
    return Scene(pose, view, floor, sk, boxes, surfaces, extras)


def rear_point(sk: Skeleton, part: str) -> Point:
    """The back surface of the trunk at the pelvis, the upper back or the head."""
    if part == "head":
        return _back_of_head(sk)
    if not sk.back:
        return sk.joints["hip"]
    if part == "pelvis":
        return sk.back[0]
    return sk.back[-3]  # upper back, just below the neck


def rear_x(sk: Skeleton, part: str) -> float:
    if part in ("head", "pelvis", "back"):
        return rear_point(sk, part)[0]
    pts = [p[0] - s.radius for s in sk.segments if s.name.startswith(part) for p in s.points]
    return min(pts) if pts else sk.joints["hip"][0]


# -- shapes -------------------------------------------------------------------------------


def _pt(p: Point) -> list[float]:
    return [round(p[0], 1), round(-p[1], 1)]


def _poly(
    sid: str, pts: list[Point], fill: str, stroke: str, w: float, closed: bool
) -> dict[str, Any]:
    return {
        "id": sid,
        "p": [_pt(p) for p in pts],
        "closed": closed,
        "fill": fill,
        "stroke": stroke,
        "w": w,
    }


def _rect(sid: str, x0: float, y0: float, x1: float, y1: float, fill: str) -> dict[str, Any]:
    return _poly(sid, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], fill, PROP_INK, 0.8, True)


def _limb(sid: str, pts: list[Point], radius: float, fill: str) -> list[dict[str, Any]]:
    width = 2 * radius
    return [
        _poly(f"{sid}:o", pts, "none", INK, width + OUTLINE, False),
        _poly(f"{sid}:f", pts, "none", fill, width, False),
    ]


def _prop_shapes(sc: Scene, left: float, right: float) -> list[dict[str, Any]]:
    props = pose_props(sc.pose)
    shapes: list[dict[str, Any]] = []
    if "mat" in props:
        mid = (left + right) / 2
        if sc.view == "top":
            ys = [p[1] for seg in sc.skeleton.segments for p in seg.points]
            centre = (min(ys) + max(ys)) / 2
            half = max(MAT_WIDTH, max(ys) - min(ys) + 16) / 2  # a mat, or two side by side
            shapes.append(
                _rect(
                    "mat",
                    mid - MAT_LENGTH / 2,
                    centre - half,
                    mid + MAT_LENGTH / 2,
                    centre + half,
                    MAT,
                )
            )
        else:
            half = MAT_LENGTH / 2 if sc.view == "side" else MAT_WIDTH / 2
            shapes.append(_rect("mat", mid - half, 0, mid + half, MAT_THICK, MAT))
    for box in sc.boxes:
        shapes.append(_rect(box.name.replace(" ", "-"), box.x0, box.y0, box.x1, box.y1, PROP))
        if box.name == "chair seat":
            for i, x in enumerate((box.x0 + 1.5, box.x1 - 1.5)):
                shapes.append(
                    _poly(f"chair-leg{i}", [(x, box.y0), (x, 0)], "none", PROP_INK, 2.4, False)
                )
        if box.name == "desk top":
            for i, x in enumerate((box.x0 + 4, box.x1 - 4)):
                shapes.append(
                    _poly(f"desk-leg{i}", [(x, box.y0), (x, 0)], "none", PROP_INK, 3.0, False)
                )
    if sc.view == "front" and "wall" in props:
        shapes.insert(0, _rect("wall", left - 25, 0, right + 25, WALL_HEIGHT, "#eee8dd"))
    if sc.view == "front" and "chair" in props:
        shapes.insert(0, _rect("chair-back", -20, SEAT_HEIGHT, 20, BACKREST_TOP, PROP))
    return shapes


def _figure_shapes(sk: Skeleton) -> list[dict[str, Any]]:
    by_tone: dict[str, list[dict[str, Any]]] = {"far": [], "body": [], "near": []}
    order = ("thigh", "shin", "foot", "upper_arm", "forearm", "hand")
    segs = sorted(
        sk.segments, key=lambda s: order.index(s.name.rsplit("_", 1)[0]) if s.tone != "body" else 0
    )
    for seg in segs:
        fill = {"near": NEAR, "far": FAR, "body": BODY}[seg.tone]
        by_tone[seg.tone] += _limb(seg.name, seg.points, seg.radius, fill)
    head = {
        "id": "head",
        "c": _pt(sk.head),
        "r": HEAD_RADIUS,
        "fill": BODY,
        "stroke": INK,
        "w": 0.9,
    }
    face: list[Point]
    if sk.view == "front":
        face = [step(sk.head, 180, 1), step(sk.head, 180, 4)]
    else:
        # The nose shows which way the face points: a nod turns it down, a glide does not.
        face = [
            step(sk.head, sk.head_facing, HEAD_RADIUS - 0.5),
            step(sk.head, sk.head_facing, HEAD_RADIUS + 2.5),
        ]
    nose = _poly("nose", face, "none", INK, 1.6, False)
    torso = _poly("torso", sk.torso, BODY, INK, 0.9, True)
    # Far limbs behind the trunk, near limbs in front; the arms of the near side last.
    return [*by_tone["far"], *by_tone["body"], torso, head, nose, *by_tone["near"]]


def _bbox(shapes: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for s in shapes:
        if "c" in s:
            xs += [s["c"][0] - s["r"], s["c"][0] + s["r"]]
            ys += [s["c"][1] - s["r"], s["c"][1] + s["r"]]
        else:
            half = s["w"] / 2
            xs += [p[0] - half for p in s["p"]] + [p[0] + half for p in s["p"]]
            ys += [p[1] - half for p in s["p"]] + [p[1] + half for p in s["p"]]
    return min(xs), min(ys), max(xs), max(ys)


def pose_figure(pose: Mapping[str, Any]) -> dict[str, Any]:
    """Shapes and box of one pose: ``{"view_box": [x, y, w, h], "width", "height", "shapes"}``.

    ``width``/``height`` are the box's size in centimetres, so a player can size its
    container to the pose's aspect ratio. Deterministic; raises ValueError when invalid.
    """
    sc = scene(pose)
    xs = _body_xs(sc.skeleton)
    left, right = min(xs), max(xs)
    figure = _figure_shapes(sc.skeleton)
    extras = [_poly(e["id"], e["p"], "none", e["stroke"], e["w"], False) for e in sc.extras]
    props = _prop_shapes(sc, left, right)
    x0, y0, x1, y1 = _bbox([*figure, *props, *extras])
    shapes: list[dict[str, Any]] = []
    if sc.view != "top":
        fx0, fx1 = x0 - MARGIN / 2, x1 + MARGIN / 2
        shapes.append(_poly("floor", [(fx0, 0), (fx1, 0)], "none", FLOOR, 0.8, False))
    shapes += [*props, *figure, *extras]
    x0, y0, x1, y1 = x0 - MARGIN, y0 - MARGIN, x1 + MARGIN, y1 + MARGIN
    box = [round(x0, 1), round(y0, 1), round(x1 - x0, 1), round(y1 - y0, 1)]
    return {"view_box": box, "width": box[2], "height": box[3], "shapes": shapes}


def union_box(boxes: list[list[float]]) -> list[float]:
    """The box holding every box (for animating between poses of one exercise)."""
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    return [round(x0, 1), round(y0, 1), round(x1 - x0, 1), round(y1 - y0, 1)]


def shapes_svg(shapes: list[dict[str, Any]]) -> str:
    """The SVG elements of some shapes (the same attributes the PWA sets)."""
    out: list[str] = []
    for s in shapes:
        paint = f'fill="{s["fill"]}" stroke="{s["stroke"]}" stroke-width="{fmt(s["w"])}"'
        if "c" in s:
            cx, cy = s["c"]
            out.append(f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(s["r"])}" {paint}/>')
            continue
        d = "".join(f"{'L' if i else 'M'}{fmt(x)} {fmt(y)}" for i, (x, y) in enumerate(s["p"]))
        out.append(f'<path d="{d}{"Z" if s["closed"] else ""}" {paint}/>')
    return "".join(out)


def render_pose_svg(pose: Mapping[str, Any], *, title: str) -> str:
    """An accessible SVG of the pose, sized to its own aspect ratio; deterministic."""
    figure = pose_figure(pose)
    box = " ".join(fmt(v) for v in figure["view_box"])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}" role="img" '
        f'width="{fmt(figure["width"] * 2)}" height="{fmt(figure["height"] * 2)}" '
        'stroke-linecap="round" stroke-linejoin="round">'
        f"<title>{escape(title)}</title>{shapes_svg(figure['shapes'])}</svg>"
    )


BONES: tuple[tuple[str, str], ...] = (
    ("hip", "l3"),
    ("l3", "t10"),
    ("t10", "c7"),
    ("c7", "head"),
    *(
        pair
        for side in ("near", "far")
        for pair in (
            ("c7", f"shoulder_{side}"),
            (f"shoulder_{side}", f"elbow_{side}"),
            (f"elbow_{side}", f"wrist_{side}"),
            (f"wrist_{side}", f"hand_{side}"),
            ("hip", f"knee_{side}"),
            (f"knee_{side}", f"ankle_{side}"),
            (f"heel_{side}", f"toe_{side}"),
        )
    ),
)


def pose_points(pose: Mapping[str, Any]) -> dict[str, list[float]]:
    """The placed joints in picture coordinates (cm, y down), for a plain skeleton."""
    joints = scene(pose).skeleton.joints
    return {name: _pt(p) for name, p in joints.items()}


def stored_pose(pose: Mapping[str, Any]) -> dict[str, Any]:
    """A pose as the content declares it, without values computed from it."""
    return {k: v for k, v in pose.items() if k in POSE_KEYS}


EMPTY_FIGURE: dict[str, Any] = {
    "view_box": [0, 0, 100, 100],
    "width": 100,
    "height": 100,
    "shapes": [],
}


@lru_cache(maxsize=1024)
def _figure_of(pose_json: str) -> dict[str, Any]:
    try:
        return pose_figure(json.loads(pose_json))
    except ValueError:  # a pose stored before the current rules: shown without a drawing
        return EMPTY_FIGURE


def cached_figure(pose: Mapping[str, Any]) -> dict[str, Any]:
    """``pose_figure`` of a stored pose, computed once per distinct pose per process."""
    return _figure_of(json.dumps(stored_pose(pose), sort_keys=True))
