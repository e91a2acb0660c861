"""Day arithmetic for weekly aggregates in SQL.

A date becomes a whole number, its days since Monday 1 January of year 1, so its week
(``n - n % 7``, the Monday's number) and ISO weekday (``n % 7``, 0 = Monday) are integer
operations on every backend. On PostgreSQL that is much cheaper than EXTRACT (numeric)
and DATE_TRUNC (timestamp, in the connection's time zone), and it does not depend on the
time zone at all. ``adherence.days_mask`` has the same bits (bit 0 = Monday).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Aggregate, Field, Func, IntegerField
from django.db.models.sql.compiler import SQLCompiler

if TYPE_CHECKING:
    from django.db.models.sql.compiler import _AsSqlType

EPOCH = date(1, 1, 1)  # a Monday
_SQLITE_EPOCH = 1721425.5  # julianday('0001-01-01')


def from_day_number(number: int) -> date:
    return EPOCH + timedelta(days=number)


class DayNumber(Func):
    """The days from ``EPOCH`` to a date column: never negative, whole weeks from a Monday."""

    output_field = IntegerField()
    arity = 1
    # PostgreSQL (and the SQL standard): a date minus a date is a whole number of days.
    template = "(%(expressions)s - DATE '0001-01-01')"

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> _AsSqlType:
        # SQLite keeps dates as text; julianday() of a midnight is a whole day plus .5.
        return self.as_sql(
            compiler,
            connection,
            template=f"CAST(julianday(%(expressions)s) - {_SQLITE_EPOCH} AS INTEGER)",
            **extra,
        )


class BitOr(Aggregate):
    """The bitwise OR of a group's values. SQLite has no BIT_OR: it sums the distinct
    values instead, which is the same number when the values are single bits (the
    weekday bits of a week are)."""

    function = "BIT_OR"
    output_field = IntegerField()

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> _AsSqlType:
        return self.as_sql(
            compiler,
            connection,
            function="SUM",
            template="%(function)s(DISTINCT %(expressions)s)",
            **extra,
        )


class SortKey(Func):
    """A timestamp column as a value that sorts the same and is cheap to read: ORDER BY of
    a UNION may only name selected columns, and reading a timestamp with its time zone
    costs several microseconds a row where a number costs a fraction of that. PostgreSQL:
    microseconds since 1970 as a bigint (exact); SQLite stores the UTC time as ISO text,
    which already sorts in time order. So its type depends on the backend: only sort by
    it or test it for NULL (a plain Field: Django converts nothing)."""

    output_field = Field()
    arity = 1
    template = "(EXTRACT(EPOCH FROM %(expressions)s) * 1000000)::bigint"

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> _AsSqlType:
        return self.as_sql(compiler, connection, template="%(expressions)s", **extra)
