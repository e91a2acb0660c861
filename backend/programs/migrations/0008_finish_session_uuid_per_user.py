"""A session's client id is unique per patient, not across all patients."""

import uuid
from typing import Any

from django.db import migrations, models


def copy_ids(apps: Any, schema_editor: Any) -> None:
    Session = apps.get_model("programs", "Session")
    Session.objects.update(client_id=models.F("id"))


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0007_scale_caseload_summary"),
    ]

    operations = [
        migrations.AddField(
            model_name="session",
            name="client_id",
            field=models.UUIDField(null=True),
        ),
        migrations.RunPython(copy_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="session",
            name="client_id",
            field=models.UUIDField(default=uuid.uuid4),
        ),
        migrations.AddConstraint(
            model_name="session",
            constraint=models.UniqueConstraint(
                fields=("patient", "client_id"), name="session_client_id_per_patient"
            ),
        ),
    ]
