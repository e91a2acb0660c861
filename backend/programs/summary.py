"""Per-patient figures shared by the caseload, Today and the beat jobs, and the writes that
keep the ``CaseloadSummary`` sort keys and the adherence scan's ``adherence_check_at``
current. Below ``sessions``, ``selectors`` and ``caseload`` (it imports none of them);
the arithmetic is the pure ``adherence`` module's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

from django.db import connection
from django.db.models import Count, Max
from django.utils import timezone

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.programs import adherence
from backend.programs.models import (
    Alert,
    Assignment,
    AssignmentStatus,
    CaseloadSummary,
    Session,
    with_pauses,
)
from backend.rawsql import quoted_names


def local_today(user: User, now: datetime | None = None) -> date:
    return timezone.localtime(now or timezone.now(), zone(user.timezone)).date()


def days_and_done(
    assignments: Iterable[Assignment], done: Mapping[int, set[date]]
) -> list[tuple[adherence.ProgramDays, set[date]]]:
    """Each assignment's program days with its days done: what ``adherence.adherence_between``
    (the figure of the caseload and Today) reads."""
    return [(a.program_days(), done.get(a.pk, set())) for a in assignments]


def local_midnight(user: User, day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone(user.timezone))


# -- the caseload's sort keys ----------------------------------------------------------------


@dataclass
class _Figures:
    """What the summary rows and the adherence scan's next look are computed from, read for
    a set of patients in five queries whatever their number."""

    patients: list[User]
    # One grouped scan answers both "the patient's last session" and "this assignment's
    # last day done" (the adherence scan's input).
    last_session: dict[int, datetime]
    last_day: dict[int, date]
    open_alerts: dict[int, int]
    assignments: dict[int, list[Assignment]]
    done: dict[int, set[date]]


def _patients(ids: list[int], known: Iterable[User]) -> list[User]:
    """The patients of ``ids``: those the caller already holds, the others read (a session
    log holds its patient, so it reads none)."""
    held = {user.pk: user for user in known if user.pk in ids}
    missing = [pk for pk in ids if pk not in held]
    if missing:
        held.update((u.pk, u) for u in User.objects.filter(pk__in=missing).only("pk", "timezone"))
    return [held[pk] for pk in ids if pk in held]


def _figures(ids: list[int], now: datetime, known: Iterable[User] = ()) -> _Figures:
    last_session: dict[int, datetime] = {}
    last_day: dict[int, date] = {}
    for patient_id, assignment_id, completed, day in (
        Session.objects.filter(patient_id__in=ids)
        .values("patient_id", "assignment_id")
        .annotate(last=Max("completed_at"), day=Max("local_date"))
        .values_list("patient_id", "assignment_id", "last", "day")
    ):
        last_day[assignment_id] = day
        if patient_id not in last_session or completed > last_session[patient_id]:
            last_session[patient_id] = completed
    alerts = dict(
        Alert.objects.filter(acknowledged_at=None, resolved_at=None, patient_id__in=ids)
        .values("patient_id")
        .annotate(n=Count("pk"))
        .values_list("patient_id", "n")
    )
    by_patient: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in with_pauses(Assignment.objects.filter(patient_id__in=ids)):
        by_patient[assignment.patient_id].append(assignment)
    done: dict[int, set[date]] = defaultdict(set)
    for assignment_id, day in Session.objects.filter(
        patient_id__in=ids, local_date__gte=timezone.localdate(now) - timedelta(days=9)
    ).values_list("assignment_id", "local_date"):
        done[assignment_id].add(day)
    return _Figures(_patients(ids, known), last_session, last_day, alerts, by_patient, done)


def _summaries_write(figures: _Figures, now: datetime) -> None:
    rows = []
    for patient in figures.patients:
        today = local_today(patient, now)
        rows.append(
            CaseloadSummary(
                patient_id=patient.pk,
                last_session_at=figures.last_session.get(patient.pk),
                open_alerts=figures.open_alerts.get(patient.pk, 0),
                adherence_7d=adherence.adherence_between(
                    days_and_done(figures.assignments[patient.pk], figures.done),
                    today - timedelta(days=6),
                    today,
                ),
                # The 7-day window moves on at the patient's next local midnight.
                fresh_until=local_midnight(patient, today + timedelta(days=1)),
            )
        )
    CaseloadSummary.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["patient"],
        update_fields=["last_session_at", "open_alerts", "adherence_7d", "fresh_until"],
    )


def summary_refresh(patient_ids: Iterable[int], now: datetime | None = None) -> None:
    """Recompute the summary rows of these patients (six queries whatever their number).
    Called in the writer's transaction by every service that changes a sort key."""
    ids = sorted(set(patient_ids))
    if ids:
        now = now or timezone.now()
        _summaries_write(_figures(ids, now), now)


def refresh_stale_summaries(now: datetime | None = None, batch: int = 500) -> int:
    """The beat job: only the rows whose local day moved on, read by the ``fresh_until``
    index (O(due), not O(patients))."""
    now = now or timezone.now()
    total = 0
    while True:
        ids = list(
            CaseloadSummary.objects.filter(fresh_until__lte=now)
            .order_by("fresh_until")
            .values_list("patient_id", flat=True)[:batch]
        )
        if not ids:
            return total
        summary_refresh(ids, now)
        total += len(ids)


# -- when the adherence scan looks at an assignment next -------------------------------------


def adherence_check_at(assignment: Assignment, last_done: date | None) -> datetime | None:
    """The patient's local midnight of ``adherence.missed_alert_day``; None for an
    assignment that is not active or can raise no alert without a change."""
    if assignment.status != AssignmentStatus.ACTIVE:
        return None
    days = assignment.program_days()
    day = adherence.missed_alert_day(
        days.start, days.end, days.weekdays, last_done, paused=days.paused
    )
    return None if day is None else local_midnight(assignment.patient, day)


def after_session(assignment: Assignment, patient: User, now: datetime | None = None) -> None:
    """What a new session changes, as two cheap marks instead of ``after_change``'s refresh
    (seven queries, most of a session log's cost).

    * The patient's summary row is marked stale (``fresh_until = now``): the caseload page
      refreshes its caller's stale rows before it orders (``caseload.refresh_for_page``)
      and the beat job the rest (``refresh_stale_summaries``, by index), with the same
      code. Until then only the row's sort keys wait; the figures a page shows are
      computed live. A patient without a row yet gets one now.
    * The adherence scan's next look: a session can only move it later (the missed-alert
      day counts from the last day done, and a session never moves that back), so the
      stored look stays a safe early one, at which the scan finds nothing due and sets
      the right one. Only an active assignment without a look (after an alert, nothing
      could be missed until a session) is given one, now.
    """
    now = now or timezone.now()
    if assignment.adherence_check_at is None and assignment.status == AssignmentStatus.ACTIVE:
        assignment.adherence_check_at = now
        Assignment.objects.filter(pk=assignment.pk).update(adherence_check_at=now)
    if not _mark_stale(patient.pk, now):
        summary_refresh([patient.pk], now)


@cache
def _mark_stale_sql() -> str:
    table, column = quoted_names(CaseloadSummary)
    return f"UPDATE {table} SET {column['fresh_until']} = %s WHERE {column['patient']} = %s"  # noqa: S608


def _mark_stale(patient_id: int, now: datetime) -> bool:
    """``fresh_until = now`` on the patient's row; False if it has none. Every session
    logged ends here: a statement written once, as the ORM compiling this one-column
    UPDATE afresh each time cost more than its round trip."""
    with connection.cursor() as cursor:
        cursor.execute(
            _mark_stale_sql(), [connection.ops.adapt_datetimefield_value(now), patient_id]
        )
        return bool(cursor.rowcount)


def after_change(assignments: Sequence[Assignment], now: datetime | None = None) -> None:
    """Every write to an assignment ends here, in the same transaction (a new session ends
    in ``after_session``): when the adherence scan looks at each assignment next, and the
    patients' summary rows, from one read of their figures (a patient the assignment
    already holds is not read again)."""
    now = now or timezone.now()
    ids = sorted({a.patient_id for a in assignments})
    known = [a.patient for a in assignments if Assignment.patient.is_cached(a)]
    figures = _figures(ids, now, known)
    by_pk = {p.pk: p for p in figures.patients}
    loaded = {a.pk: a for group in figures.assignments.values() for a in group}
    for assignment in assignments:
        # The freshly read row (its pauses prefetched) unless it is gone (erasure).
        current = loaded.get(assignment.pk, assignment)
        if assignment.patient_id in by_pk:
            current.patient = by_pk[assignment.patient_id]
        last_done = figures.last_day.get(assignment.pk)
        assignment.adherence_check_at = adherence_check_at(current, last_done)
        Assignment.objects.filter(pk=assignment.pk).update(
            adherence_check_at=assignment.adherence_check_at
        )
    _summaries_write(figures, now)
