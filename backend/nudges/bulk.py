"""Fast inserts for the dispatcher's hot path.

On PostgreSQL a batch of rows is written with ``COPY`` (ids taken from the table's
sequence first, so the caller knows them without ``RETURNING``): several times faster
than ``bulk_create`` for the thousands of nudges and inbox rows of one tick. Elsewhere
(SQLite) it falls back to ``bulk_create``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import JSONField, Model, QuerySet


class JSONText(str):
    """A JSON document already serialised by the caller (cheaper, when most of it is a
    shared piece): COPY writes it as it is; the ORM fallback parses it back."""


def with_ids(queryset: QuerySet[Any], column: str, ids: Sequence[int]) -> QuerySet[Any]:
    """``column IN ids`` for a whole batch of ids. On PostgreSQL as ``= ANY(%s)`` with one
    array parameter: a thousand placeholders cost more to build and send than the query."""
    if connection.vendor != "postgresql":
        return queryset.filter(**{f"{column}__in": ids})
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    name = connection.ops.quote_name(column)
    # The array goes as its text, '{1,2,3}': the driver adapts a list of ints element by
    # element in Python (a couple of ms for a batch's thousand ids, five times a batch),
    # while joining the digits is one C call. It is still a parameter: anything but
    # integers fails the cast on the server.
    literal = "{" + ",".join(map(str, ids)) + "}"
    return queryset.extra(  # noqa: S610
        where=[f"{table}.{name} = ANY(%s::bigint[])"], params=[literal]
    )


def next_ids(model: type[Model], count: int) -> list[int] | None:
    """PostgreSQL: ``count`` ids taken from the table's sequence, for rows that must name
    each other before either is written (a nudge and its inbox message). None elsewhere."""
    taken = next_ids_of((model,), count)
    return taken[0] if taken is not None else None


def next_ids_of(models: Sequence[type[Model]], count: int) -> list[list[int]] | None:
    """``next_ids`` for several tables in one round trip: ``count`` ids of each."""
    if connection.vendor != "postgresql":
        return None
    # The sequences are looked up once (a MATERIALIZED CTE): pg_get_serial_sequence is
    # only STABLE, so in the select list it would search the catalogue again for every
    # id, which cost more than the nextval itself.
    found = ", ".join(
        f"pg_get_serial_sequence(%s, 'id')::regclass AS s{n}" for n in range(len(models))
    )
    calls = ", ".join(f"nextval(seq.s{n})" for n in range(len(models)))
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH seq AS MATERIALIZED (SELECT {found}) "  # noqa: S608 (placeholders only)
            f"SELECT {calls} FROM seq, generate_series(1, %s)",
            [*(model._meta.db_table for model in models), count],
        )
        rows = cursor.fetchall()
    return [[int(row[column]) for row in rows] for column in range(len(models))]


def insert_rows(
    model: type[Model],
    columns: Sequence[str],
    rows: list[tuple[Any, ...]],
    *,
    ids: Sequence[int] | None = None,
) -> list[int]:
    """Insert ``rows`` (values in ``columns`` order, without ``id``); returns their ids.
    ``ids`` (PostgreSQL, from ``next_ids``): the ids to write them with."""
    if not rows:
        return []
    if connection.vendor != "postgresql":
        created = model._default_manager.bulk_create(
            [model(**{c: _parsed(v) for c, v in zip(columns, row, strict=True)}) for row in rows]
        )
        return [int(obj.pk) for obj in created]
    table = model._meta.db_table
    ids = list(ids) if ids is not None else next_ids(model, len(rows)) or []
    # A JSON column takes its text in COPY (the driver has no dumper for a bare dict);
    # only those columns are converted, every other value goes to the driver as it is.
    json_at = [
        n for n, name in enumerate(columns) if isinstance(model._meta.get_field(name), JSONField)
    ]
    with connection.cursor() as cursor:
        names = ", ".join(connection.ops.quote_name(c) for c in ("id", *columns))
        with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for pk, row in zip(ids, rows, strict=True):
                values = [pk, *row]
                for n in json_at:
                    values[n + 1] = _json_text(values[n + 1])
                copy.write_row(values)
    return ids


def _json_text(value: Any) -> Any:
    return json.dumps(value) if isinstance(value, dict) else value


def _parsed(value: Any) -> Any:
    return json.loads(value) if isinstance(value, JSONText) else value
