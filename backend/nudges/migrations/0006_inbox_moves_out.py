"""The inbox leaves ``nudges`` (its models are now ``inbox``'s, same tables) and the link
between a nudge and its message is turned round: ``Nudge.message`` replaces
``InboxMessage.nudge``, so the inbox knows nothing of nudges.

Every row stays. Each nudge's message id is copied into ``nudge.message_id``, and what
the inbox used to read through the old link (the nudge's id, kind, exercise and dose)
into the message's ``extra``, before the old column goes. Reversible."""

import django.db.models.deletion
from django.db import migrations, models

_EXERCISE = "exercise:"


def _extra(nudge_id, kind, content, sets, reps, hold_seconds):
    # The same as nudges.models.inbox_extra, frozen here as of this migration.
    exercise = content[len(_EXERCISE) :] if content.startswith(_EXERCISE) else None
    dose = (
        {"sets": sets, "reps": reps, "hold_seconds": hold_seconds}
        if exercise is not None
        else None
    )
    return {"nudge": nudge_id, "nudge_kind": kind, "exercise": exercise, "dose": dose}


# PostgreSQL: two statements, however many nudges (millions of rows would take hours
# row by row).
_FORWARD_SQL = [
    """UPDATE nudges_nudge AS n SET message_id = m.id
       FROM nudges_inboxmessage AS m WHERE m.nudge_id = n.id""",
    """UPDATE nudges_inboxmessage AS m SET extra = jsonb_build_object(
           'nudge', n.id,
           'nudge_kind', n.kind,
           'exercise', CASE WHEN n.content LIKE 'exercise:%%'
                            THEN substr(n.content, 10) END,
           'dose', CASE WHEN n.content LIKE 'exercise:%%'
                        THEN jsonb_build_object('sets', n.sets, 'reps', n.reps,
                                                'hold_seconds', n.hold_seconds) END)
       FROM nudges_nudge AS n WHERE m.nudge_id = n.id""",
]
_BACKWARD_SQL = [
    """UPDATE nudges_inboxmessage AS m SET nudge_id = n.id
       FROM nudges_nudge AS n WHERE n.message_id = m.id""",
]


def link_forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in _FORWARD_SQL:
            schema_editor.execute(sql, params=())
        return
    message_model = apps.get_model("nudges", "InboxMessage")
    nudge_model = apps.get_model("nudges", "Nudge")
    linked = message_model.objects.filter(nudge__isnull=False).select_related("nudge")
    messages, nudges = [], []
    for message in linked.iterator(chunk_size=1000):
        nudge = message.nudge
        message.extra = _extra(
            nudge.pk, nudge.kind, nudge.content, nudge.sets, nudge.reps, nudge.hold_seconds
        )
        messages.append(message)
        nudges.append(nudge_model(pk=nudge.pk, message_id=message.pk))
    message_model.objects.bulk_update(messages, ["extra"], batch_size=500)
    nudge_model.objects.bulk_update(nudges, ["message"], batch_size=500)


def link_backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in _BACKWARD_SQL:
            schema_editor.execute(sql, params=())
        return
    message_model = apps.get_model("nudges", "InboxMessage")
    nudge_model = apps.get_model("nudges", "Nudge")
    messages = [
        message_model(pk=message_id, nudge_id=nudge_id)
        for nudge_id, message_id in nudge_model.objects.filter(
            message__isnull=False
        ).values_list("pk", "message_id")
    ]
    message_model.objects.bulk_update(messages, ["nudge"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("nudges", "0005_breaks_api"),
        ("inbox", "0001_initial"),
    ]

    operations = [
        # The old link's reverse name ("message") would clash with the new field's name.
        migrations.AlterField(
            model_name="inboxmessage",
            name="nudge",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="nudges.nudge",
            ),
        ),
        migrations.AddField(
            model_name="inboxmessage",
            name="extra",
            field=models.JSONField(
                blank=True,
                db_default=models.Value({}, output_field=models.JSONField()),
                default=dict,
            ),
        ),
        migrations.AddField(
            model_name="nudge",
            name="message",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="nudge",
                to="inbox.inboxmessage",
            ),
        ),
        migrations.RunPython(link_forward, link_backward, elidable=False),
        migrations.RemoveField(model_name="inboxmessage", name="nudge"),
        # From here on the tables are the inbox's: only the state changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="remindersent",
                    name="message",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="inbox.inboxmessage",
                    ),
                ),
                migrations.DeleteModel(name="PushDelivery"),
                migrations.DeleteModel(name="PushSubscription"),
                migrations.DeleteModel(name="InboxMessage"),
            ],
            database_operations=[],
        ),
    ]
