"""``InboxMessage.extra`` into the inbox's state; the column itself was added (and
filled from the nudges) by ``nudges`` 0006, while the model was still in its state."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("inbox", "0001_initial"),
        ("nudges", "0006_inbox_moves_out"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="inboxmessage",
                    name="extra",
                    field=models.JSONField(
                        blank=True,
                        db_default=models.Value({}, output_field=models.JSONField()),
                        default=dict,
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
