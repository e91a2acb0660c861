"""Moving claimed plans on: the dispatcher's one write to ``NudgePlan`` per plan.

PostgreSQL: the whole batch in one ``UPDATE … FROM jsonb_to_recordset`` (the rows are
locked by the claim). SQLite: a compare-and-swap per plan (no row locks there).
"""

from __future__ import annotations

import json
from datetime import date, datetime

from django.db import connection

from backend.nudges.models import NudgePlan

# One advanced plan: (id, next_due_at, cursor, last, snoozed_until, anchor_at, held_until,
# standing_until, content_day, content_today as JSON text).
Advance = tuple[
    int,
    datetime | None,
    int,
    str,
    datetime | None,
    datetime | None,
    datetime | None,
    datetime | None,
    date | None,
    str,
]


def _iso(instant: datetime | None) -> str | None:
    return instant.isoformat() if instant is not None else None


def _fields(row: Advance) -> str:
    """Everything of one row but its id, as the members of a JSON object (no braces)."""
    _, next_due, position, last, snoozed, anchor, held, standing, day, today = row
    document = json.dumps(
        {
            "next_due_at": _iso(next_due),
            "cursor": position,
            "last": last,
            "snoozed": _iso(snoozed),
            "anchor": _iso(anchor),
            "held": _iso(held),
            "standing": _iso(standing),
            "day": day.isoformat() if day else None,
            "today": today,
        }
    )
    return document[1:-1]


def batch_document(rows: list[Advance]) -> str:
    """The batch as one JSON array of objects, ``{"id": …, "next_due_at": …, …}``.

    Most plans of a batch advance to the same values but for their id (the same next
    slot, cursor, a few different exercises), so each distinct set of values is encoded
    once and the rows are put together from the pieces."""
    pieces: dict[tuple[object, ...], str] = {}
    parts = []
    for row in rows:
        values = row[1:]
        fields = pieces.get(values)
        if fields is None:
            fields = pieces[values] = _fields(row)
        parts.append(f'{{"id": {int(row[0])}, {fields}}}')
    return "[" + ", ".join(parts) + "]"


def advance_postgresql(rows: list[Advance]) -> None:
    """Move every claimed plan on in one statement (the rows are locked by our claim).

    The batch travels as one JSON document, not as ten array parameters: psycopg adapts
    arrays element by element in Python (most of this statement's cost at 1,000 rows),
    while the document is built from a few ``json.dumps`` and the server unpacks
    ``jsonb_to_recordset`` natively."""
    table = NudgePlan._meta.db_table
    sql = (
        f"UPDATE {table} AS p SET next_due_at = v.next_due_at, "  # noqa: S608
        "content_cursor = v.cursor, last_content = v.last, snoozed_until = v.snoozed, "
        "anchor_at = v.anchor, held_until = v.held, standing_until = v.standing, "
        "content_day = v.day, content_today = v.today::jsonb "
        "FROM jsonb_to_recordset(%s::jsonb) AS v(id bigint, next_due_at timestamptz, "
        "cursor integer, last text, snoozed timestamptz, anchor timestamptz, "
        "held timestamptz, standing timestamptz, day date, today text) "
        "WHERE p.id = v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [batch_document(rows)])


def advance_compare_and_swap(plan_pk: int, read_due: datetime, row: Advance) -> bool:
    """SQLite: advance only if nobody advanced it since we read it. True = the slot is ours."""
    _, next_due, cursor, last, snoozed, anchor, held, standing, day, today = row
    return (
        NudgePlan.objects.filter(pk=plan_pk, next_due_at=read_due).update(
            next_due_at=next_due,
            content_cursor=cursor,
            last_content=last,
            snoozed_until=snoozed,
            anchor_at=anchor,
            held_until=held,
            standing_until=standing,
            content_day=day,
            content_today=json.loads(today),
        )
        == 1
    )
