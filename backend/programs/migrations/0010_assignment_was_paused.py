"""``Assignment.was_paused``: true for every assignment that has a pause row, so Today and
Progress can skip reading the pauses of the others."""

from typing import Any

from django.db import migrations, models
from django.db.models import Exists, OuterRef


def mark_paused(apps: Any, schema_editor: Any) -> None:
    assignment = apps.get_model("programs", "Assignment")
    pause = apps.get_model("programs", "AssignmentPause")
    paused = Exists(pause.objects.filter(assignment_id=OuterRef("pk")))
    assignment.objects.filter(paused).update(was_paused=True)


class Migration(migrations.Migration):
    dependencies = [("programs", "0009_outcomes_move_out")]

    operations = [
        migrations.AddField(
            model_name="assignment",
            name="was_paused",
            field=models.BooleanField(db_default=False, default=False),
        ),
        migrations.RunPython(mark_paused, migrations.RunPython.noop),
    ]
