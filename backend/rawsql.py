"""Names for the few statements written by hand on hot paths (each says why): a model's
table and its fields' columns, quoted for the connection, so a statement follows the
model's own names instead of repeating them."""

from __future__ import annotations

from django.db import connection
from django.db.models import Model


def quoted_names(model: type[Model]) -> tuple[str, dict[str, str]]:
    """The model's quoted table name, and each concrete field's quoted column by the
    field's name (a foreign key ``patient`` is its ``patient_id`` column)."""
    quote = connection.ops.quote_name
    meta = model._meta
    return quote(meta.db_table), {f.name: quote(str(f.column)) for f in meta.concrete_fields}
