"""The inbox's move out of ``nudges`` keeps every row: migrating a database with
today's schema (nudges 0005, the message pointing at its nudge) to the new one keeps
each message, device and ledger row, turns the link round (``Nudge.message``) and
gives each nudge's message the same API fields it had; and back again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from backend.accounts.models import User
from backend.inbox.delivery import payload_for
from backend.inbox.models import InboxMessage, PushDelivery, PushSubscription
from backend.inbox.serializers import InboxMessageSerializer
from backend.nudges.models import Nudge

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = ("nudges", "0005_breaks_api")
BEFORE = [TODAY, ("inbox", None)]
SLOT = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def _migrate(targets: list[tuple[str, str | None]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([(app, name) for app, name in targets if name]).apps


def _latest() -> list[tuple[str, str | None]]:
    return list(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.fixture
def old_apps() -> Iterator[Any]:
    latest = _latest()
    try:
        yield _migrate(BEFORE)
    finally:
        _migrate(latest)  # the next test finds the schema it expects


def _seed(apps: Any) -> dict[str, int]:
    user = User.objects.create_user("pat@example.org", None)  # accounts is not migrated
    plan = apps.get_model("nudges", "NudgePlan").objects.create(user_id=user.pk)
    nudges = apps.get_model("nudges", "Nudge").objects
    move = nudges.create(
        plan_id=plan.pk,
        user_id=user.pk,
        slot=SLOT,
        content="exercise:chin-tuck",
        kind="move",
        sets=2,
        reps=8,
        hold_seconds=5,
    )
    tip = nudges.create(
        plan_id=plan.pk, user_id=user.pk, slot=SLOT.replace(hour=11), content="tip:walk", kind="tip"
    )
    unsent = nudges.create(
        plan_id=plan.pk, user_id=user.pk, slot=SLOT.replace(hour=12), content="tip:walk"
    )
    messages = apps.get_model("nudges", "InboxMessage").objects
    to_move = messages.create(
        user_id=user.pk, kind="nudge", title="Time to move", url=f"/break/{move.pk}", nudge=move
    )
    to_tip = messages.create(user_id=user.pk, kind="nudge", title="A tip", nudge=tip)
    alert = messages.create(user_id=user.pk, kind="alert", title="Pain", dedupe_key="alert:1")
    device = apps.get_model("nudges", "PushSubscription").objects.create(
        user_id=user.pk, endpoint="https://push.example.org/1", p256dh="k" * 20, auth="a" * 16
    )
    apps.get_model("nudges", "PushDelivery").objects.create(
        message_id=to_move.pk, subscription_id=device.pk
    )
    return {
        "move": move.pk,
        "tip": tip.pk,
        "unsent": unsent.pk,
        "to_move": to_move.pk,
        "to_tip": to_tip.pk,
        "alert": alert.pk,
        "device": device.pk,
    }


def test_the_move_keeps_every_row_and_turns_the_link_round(old_apps: Any) -> None:
    ids = _seed(old_apps)
    _migrate(_latest())

    assert set(InboxMessage.objects.values_list("pk", flat=True)) == {
        ids["to_move"],
        ids["to_tip"],
        ids["alert"],
    }
    assert Nudge.objects.get(pk=ids["move"]).message_id == ids["to_move"]
    assert Nudge.objects.get(pk=ids["tip"]).message_id == ids["to_tip"]
    assert Nudge.objects.get(pk=ids["unsent"]).message_id is None
    assert InboxMessage.objects.get(nudge=ids["move"]).pk == ids["to_move"]
    assert PushSubscription.objects.get().pk == ids["device"]
    assert list(PushDelivery.objects.values_list("message_id", "subscription_id")) == [
        (ids["to_move"], ids["device"])
    ]

    # What the inbox API and the push payload said through the old link, they still say.
    shown = {m.pk: InboxMessageSerializer(m).data for m in InboxMessage.objects.all()}
    assert {k: shown[ids["to_move"]][k] for k in ("nudge", "nudge_kind", "exercise", "dose")} == {
        "nudge": ids["move"],
        "nudge_kind": "move",
        "exercise": "chin-tuck",
        "dose": {"sets": 2, "reps": 8, "hold_seconds": 5},
    }
    assert {k: shown[ids["to_tip"]][k] for k in ("nudge", "nudge_kind", "exercise", "dose")} == {
        "nudge": ids["tip"],
        "nudge_kind": "tip",
        "exercise": None,
        "dose": None,
    }
    assert {k: shown[ids["alert"]][k] for k in ("nudge", "nudge_kind", "exercise", "dose")} == {
        "nudge": None,
        "nudge_kind": None,
        "exercise": None,
        "dose": None,
    }
    assert json.loads(payload_for(InboxMessage.objects.get(pk=ids["to_move"]))) == {
        "nudge_kind": "move",
        "exercise": "chin-tuck",
        "dose": {"sets": 2, "reps": 8, "hold_seconds": 5},
        "kind": "nudge",
        "title": "Time to move",
        "body": "",
        "nudge": ids["move"],
        "message": ids["to_move"],
        "url": f"/break/{ids['move']}",
    }

    # And back: the old column gets its links again.
    apps = _migrate(BEFORE)
    old = apps.get_model("nudges", "InboxMessage").objects
    assert dict(old.values_list("pk", "nudge_id")) == {
        ids["to_move"]: ids["move"],
        ids["to_tip"]: ids["tip"],
        ids["alert"]: None,
    }
