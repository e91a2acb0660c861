"""The inbox's models move here from ``nudges`` with their tables (state only: the
tables keep their names, ``db_table``, so no row moves and no table is rewritten).

This state has no ``extra`` yet and no link to nudges: ``nudges`` 0006 adds the column,
turns the message-to-nudge link round and then drops the models from its own state;
0002 here records ``extra``."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("nudges", "0005_breaks_api"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="InboxMessage",
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
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("nudge", "Nudge"),
                                    ("reminder", "Reminder"),
                                    ("tip", "Tip"),
                                    ("alert", "Alert"),
                                    ("message", "Message"),
                                ],
                                max_length=10,
                            ),
                        ),
                        ("title", models.CharField(max_length=160)),
                        ("body", models.TextField(blank=True)),
                        ("url", models.CharField(blank=True, max_length=200)),
                        ("dedupe_key", models.CharField(blank=True, max_length=120, null=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        ("push_enqueued_at", models.DateTimeField(blank=True, null=True)),
                        ("push_done_at", models.DateTimeField(blank=True, null=True)),
                        ("push_expires_at", models.DateTimeField(blank=True, null=True)),
                        ("push_lease_until", models.DateTimeField(blank=True, null=True)),
                        ("push_lease_owner", models.CharField(blank=True, max_length=64)),
                        ("push_send_by", models.DateTimeField(blank=True, null=True)),
                        ("push_attempts", models.PositiveIntegerField(db_default=0, default=0)),
                        (
                            "push_dropped",
                            models.CharField(blank=True, db_default="", default="", max_length=10),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="inbox",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "nudges_inboxmessage",
                    },
                ),
                migrations.CreateModel(
                    name="PushSubscription",
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
                        ("endpoint", models.URLField(max_length=1000, unique=True)),
                        ("p256dh", models.CharField(max_length=120)),
                        ("auth", models.CharField(max_length=60)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="push_subscriptions",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "nudges_pushsubscription",
                    },
                ),
                migrations.CreateModel(
                    name="PushDelivery",
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
                        ("delivered_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "message",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="inbox.inboxmessage",
                            ),
                        ),
                        (
                            "subscription",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="inbox.pushsubscription",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "nudges_pushdelivery",
                    },
                ),
                migrations.AddIndex(
                    model_name="inboxmessage",
                    index=models.Index(
                        fields=["user", "-created_at"], name="nudges_inbo_user_id_c11faf_idx"
                    ),
                ),
                migrations.AddIndex(
                    model_name="inboxmessage",
                    index=models.Index(
                        condition=models.Q(
                            ("push_done_at__isnull", True), ("push_enqueued_at__isnull", False)
                        ),
                        fields=["push_enqueued_at"],
                        name="inbox_push_pending",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="inboxmessage",
                    constraint=models.UniqueConstraint(
                        fields=("user", "dedupe_key"), name="inbox_dedupe"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="pushdelivery",
                    constraint=models.UniqueConstraint(
                        fields=("message", "subscription"), name="push_delivery_once"
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
