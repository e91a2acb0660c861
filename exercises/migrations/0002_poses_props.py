"""Poses stored before the figure model named one ``prop``; they now list ``props``.

Library rows are rewritten by ``load_library``; this converts every stored pose (clinics'
own exercises included) and recomputes its joint points, so nothing old fails to draw.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def _convert(apps: Any, schema_editor: Any) -> None:
    from exercises.pose_shapes import pose_points, stored_pose

    Exercise = apps.get_model("exercises", "Exercise")
    for exercise in Exercise.objects.all().iterator():
        changed = False
        poses = []
        for pose in exercise.poses:
            pose = dict(pose)
            if "prop" in pose:
                prop = pose.pop("prop")
                pose["props"] = [] if prop in (None, "none") else [prop]
                changed = True
                try:
                    pose["points"] = pose_points(stored_pose(pose))
                except ValueError:
                    pass  # an angle the new model refuses: kept, shown without a drawing
            poses.append(pose)
        if changed:
            exercise.poses = poses
            exercise.save(update_fields=["poses"])


class Migration(migrations.Migration):
    dependencies = [("exercises", "0001_initial")]
    operations = [migrations.RunPython(_convert, migrations.RunPython.noop)]
