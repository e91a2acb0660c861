"""One labelled SVG sheet of many exercises' poses, for clinical review (pure logic)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from exercises.pose_audit import audit_exercise
from exercises.pose_shapes import pose_figure, shapes_svg, stored_pose
from exercises.poses import fmt

CELL_W, CELL_H, FIG_H, ROW_HEAD = 230.0, 220.0, 180.0, 26.0
COLUMNS = 4


def contact_sheet_svg(exercises: Sequence[Mapping[str, Any]], title: str) -> str:
    """``exercises``: ``{"slug", "name", "poses", "labels"}``; one row per exercise.

    Each pose is drawn at the same scale (centimetres to pixels) so sizes compare; an
    exercise that fails the pose audit gets its first problem written in red.
    """
    rows: list[str] = []
    y = 40.0
    scale = min((CELL_W - 16) / 200.0, FIG_H / 200.0)
    for exercise in exercises:
        poses = [stored_pose(p) for p in exercise["poses"]]
        issues = audit_exercise(poses)
        head = f"{exercise['name']} ({exercise['slug']})"
        rows.append(
            f'<text x="10" y="{fmt(y + 17)}" font-size="15" font-weight="bold">'
            f"{escape(head)}</text>"
        )
        if issues:
            rows.append(
                f'<text x="330" y="{fmt(y + 17)}" font-size="12" fill="#b00020">'
                f"{escape(issues[0][0] + ': ' + issues[0][1])}</text>"
            )
        y += ROW_HEAD
        for index, pose in enumerate(poses):
            x = 10 + (index % COLUMNS) * CELL_W
            try:
                figure = pose_figure(pose)
            except ValueError as error:
                rows.append(
                    f'<text x="{fmt(x)}" y="{fmt(y + 20)}" fill="#b00020">'
                    f"{escape(str(error))}</text>"
                )
                continue
            vx, vy, vw, vh = figure["view_box"]
            w, h = vw * scale, vh * scale
            fit = min(1.0, (CELL_W - 16) / w, FIG_H / h)
            w, h = w * fit, h * fit
            label = exercise.get("labels", {}).get(pose["key"], pose["key"])
            rows.append(
                f'<rect x="{fmt(x)}" y="{fmt(y)}" width="{fmt(CELL_W - 8)}" '
                f'height="{fmt(CELL_H - 8)}" fill="#fff" stroke="#ccd"/>'
                f'<svg x="{fmt(x + (CELL_W - 8 - w) / 2)}" y="{fmt(y + 4 + FIG_H - h)}" '
                f'width="{fmt(w)}" height="{fmt(h)}" viewBox="{vx} {vy} {vw} {vh}">'
                f"{shapes_svg(figure['shapes'])}</svg>"
                f'<text x="{fmt(x + 6)}" y="{fmt(y + CELL_H - 16)}" font-size="11">'
                f"{index + 1}. {escape(str(pose['key']))} ({escape(str(pose['view']))}): "
                f"{escape(str(label))[:34]}</text>"
            )
        y += CELL_H
    width = 20 + COLUMNS * CELL_W
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{fmt(width)}" height="{fmt(y + 10)}" '
        f'viewBox="0 0 {fmt(width)} {fmt(y + 10)}" font-family="sans-serif" '
        'stroke-linecap="round" stroke-linejoin="round">'
        f'<rect width="100%" height="100%" fill="#f4f4f0"/>'
        f'<text x="10" y="26" font-size="20" font-weight="bold">{escape(title)}</text>'
        f"{''.join(rows)}</svg>"
    )
