"""The physical limit for a dispatcher tick, the baseline of ``bench/nudges.py``: the same
writes and publishes as ``dispatch_due_nudges`` and nothing else. Per batch of claimed
plans, in one transaction: the claim (``FOR UPDATE SKIP LOCKED``, the same index), one
``UPDATE`` moving every plan on (its interval, in SQL), ids from the sequences, a ``COPY``
of the nudge rows and one of the inbox rows; after the commit, one pipelined Redis
``LPUSH`` of the delivery-task bodies (to a list no worker reads). No schedule arithmetic,
no content choice, no time zones, no Celery: what PostgreSQL and Redis cost for the rows.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta

BASELINE_QUEUE = "bench-dispatch-limit"
TITLE, BODY = "Time to move", "Stand up, roll your shoulders and walk for two minutes."


def _ids(cursor: object, table: str, count: int) -> list[int]:
    cursor.execute(  # type: ignore[attr-defined]
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        [table, count],
    )
    return [int(row[0]) for row in cursor.fetchall()]  # type: ignore[attr-defined]


def dispatch_at_the_limit(
    now: datetime, *, batch: int, delivery_batch: int, redis_url: str, grace_minutes: int,
    ttl_seconds: int,
) -> int:  # fmt: skip
    """Send every plan due at ``now``; returns the number of nudges written."""
    import redis
    from django.db import connection, transaction

    client = redis.Redis.from_url(redis_url)
    sent = 0
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, user_id, next_due_at FROM nudges_nudgeplan WHERE next_due_at <= %s "
                "ORDER BY next_due_at LIMIT %s FOR UPDATE SKIP LOCKED",
                [now, batch],
            )
            plans = cursor.fetchall()
            if not plans:
                break
            cursor.execute(
                "UPDATE nudges_nudgeplan SET next_due_at = next_due_at "
                "+ make_interval(mins => interval_minutes) WHERE id = ANY(%s)",
                [[p[0] for p in plans]],
            )
            nudge_ids = _ids(cursor, "nudges_nudge", len(plans))
            message_ids = _ids(cursor, "nudges_inboxmessage", len(plans))
            with cursor.cursor.copy(
                "COPY nudges_nudge (id, plan_id, user_id, slot, content, created_at, action, "
                "message_id) FROM STDIN"
            ) as copy:
                for pk, message, (plan_id, user_id, slot) in zip(
                    nudge_ids, message_ids, plans, strict=True
                ):
                    copy.write_row((pk, plan_id, user_id, slot, "general", now, "", message))
            with cursor.cursor.copy(
                "COPY nudges_inboxmessage (id, user_id, kind, title, body, url, created_at, "
                "push_enqueued_at, push_expires_at, push_send_by, push_lease_owner, extra) "
                "FROM STDIN"
            ) as copy:
                for pk, nudge, (_, user_id, slot) in zip(
                    message_ids, nudge_ids, plans, strict=True
                ):
                    extra = json.dumps({"nudge": nudge, "nudge_kind": "move", "exercise": None,
                                        "dose": None})  # fmt: skip
                    copy.write_row(
                        (pk, user_id, "nudge", TITLE, BODY, "/inbox", now, now,
                         slot + timedelta(seconds=ttl_seconds),
                         slot + timedelta(minutes=grace_minutes), "", extra)
                    )  # fmt: skip
        pipe = client.pipeline(transaction=False)
        for start in range(0, len(message_ids), delivery_batch):
            body = {"id": str(uuid.uuid4()), "task": "nudges.deliver_messages",
                    "args": [message_ids[start : start + delivery_batch]]}  # fmt: skip
            pipe.lpush(BASELINE_QUEUE, json.dumps(body))
        pipe.execute()
        sent += len(plans)
        if len(plans) < batch:
            break
    client.delete(BASELINE_QUEUE)
    return sent
