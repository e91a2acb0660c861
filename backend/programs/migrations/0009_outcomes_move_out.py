"""Outcome schedules, responses and measure wording now belong to ``outcomes``
(``outcomes/0001`` takes their tables and rows): removed from programs' state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0008_finish_session_uuid_per_user"),
        # After outcomes took the tables over, so unapplying this goes back through it.
        ("outcomes", "0001_move_from_programs"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="OutcomeResponse"),
                migrations.DeleteModel(name="OutcomeSchedule"),
                migrations.DeleteModel(name="MeasureWording"),
            ],
            database_operations=[],
        ),
    ]
