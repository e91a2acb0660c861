"""Outcome schedules, responses and measure wording move from ``programs`` to ``outcomes``
with their rows: the models are created in the state only, on the existing tables, which
are then renamed (``programs_*`` -> ``outcomes_*``; ids, sequences and foreign keys are
kept). The content types move with them, so admin log entries and permissions keep
pointing at the same rows. ``programs/0009`` removes the models from programs' state."""

import django.db.models.deletion
import django.utils.timezone
from django.apps.registry import Apps
from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

MODELS = ("outcomeschedule", "outcomeresponse", "measurewording")


def _relabel(apps: Apps, schema_editor: BaseDatabaseSchemaEditor, old: str, new: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    types = content_type.objects.using(schema_editor.connection.alias)
    for model in MODELS:
        # A content type made for the new label in the meantime wins; the old one is left.
        if not types.filter(app_label=new, model=model).exists():
            types.filter(app_label=old, model=model).update(app_label=new)


def content_types_forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _relabel(apps, schema_editor, "programs", "outcomes")


def content_types_backwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _relabel(apps, schema_editor, "outcomes", "programs")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0007_security_two_factor"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("programs", "0008_finish_session_uuid_per_user"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutcomeSchedule",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("measure", models.CharField(max_length=30)),
                        ("every_weeks", models.PositiveSmallIntegerField(blank=True, null=True)),
                        ("start_date", models.DateField()),
                        ("active", models.BooleanField(default=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("activities", models.JSONField(blank=True, default=list)),
                        (
                            "created_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "patient",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="outcome_schedules",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"db_table": "programs_outcomeschedule"},
                ),
                migrations.CreateModel(
                    name="MeasureWording",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("measure", models.CharField(max_length=30)),
                        ("language", models.CharField(default="en", max_length=8)),
                        ("name", models.CharField(max_length=120)),
                        ("items", models.JSONField()),
                        (
                            "clinic",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="accounts.clinic",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "programs_measurewording",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("clinic", "measure", "language"),
                                name="measure_wording_unique",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="OutcomeResponse",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("measure", models.CharField(max_length=30)),
                        ("answers", models.JSONField()),
                        ("activities", models.JSONField(blank=True, default=list)),
                        ("score", models.FloatField()),
                        ("answered_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("local_date", models.DateField()),
                        (
                            "patient",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="outcome_responses",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "schedule",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="responses",
                                to="outcomes.outcomeschedule",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "programs_outcomeresponse",
                        "indexes": [
                            models.Index(
                                fields=["patient", "measure", "answered_at"],
                                name="programs_ou_patient_a0977e_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="outcomeschedule", table=None),
        migrations.AlterModelTable(name="measurewording", table=None),
        migrations.AlterModelTable(name="outcomeresponse", table=None),
        migrations.RenameIndex(
            model_name="outcomeresponse",
            new_name="outcomes_ou_patient_be208c_idx",
            old_name="programs_ou_patient_a0977e_idx",
        ),
        migrations.RunPython(content_types_forwards, content_types_backwards),
    ]
