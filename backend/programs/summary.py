"""Per-patient figures shared by the caseload, Today and the beat jobs, and the writes that
keep the ``CaseloadSummary`` sort keys and the adherence scan's ``adherence_check_at``
current. Below ``sessions``, ``selectors`` and ``caseload`` (it imports none of them);
the arithmetic is the pure ``adherence`` module's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta

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
)


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


def summary_refresh(patient_ids: Iterable[int], now: datetime | None = None) -> None:
    """Recompute the summary rows of these patients (five queries whatever their number).
    Called in the writer's transaction by every service that changes a sort key."""
    ids = sorted(set(patient_ids))
    if not ids:
        return
    now = now or timezone.now()
    patients = list(User.objects.filter(pk__in=ids).only("pk", "timezone"))
    last = dict(
        Session.objects.filter(patient_id__in=ids)
        .values("patient_id")
        .annotate(last=Max("completed_at"))
        .values_list("patient_id", "last")
    )
    alerts = dict(
        Alert.objects.filter(acknowledged_at=None, resolved_at=None, patient_id__in=ids)
        .values("patient_id")
        .annotate(n=Count("pk"))
        .values_list("patient_id", "n")
    )
    by_patient: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in Assignment.objects.filter(patient_id__in=ids).prefetch_related("pauses"):
        by_patient[assignment.patient_id].append(assignment)
    done: dict[int, set[date]] = defaultdict(set)
    for assignment_id, day in Session.objects.filter(
        patient_id__in=ids, local_date__gte=timezone.localdate(now) - timedelta(days=9)
    ).values_list("assignment_id", "local_date"):
        done[assignment_id].add(day)
    rows = []
    for patient in patients:
        today = local_today(patient, now)
        rows.append(
            CaseloadSummary(
                patient_id=patient.pk,
                last_session_at=last.get(patient.pk),
                open_alerts=alerts.get(patient.pk, 0),
                adherence_7d=adherence.adherence_between(
                    days_and_done(by_patient[patient.pk], done), today - timedelta(days=6), today
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


def adherence_check_refresh(assignment: Assignment) -> None:
    """After a session or a change of the assignment: when the scan should look next."""
    last_done = Session.objects.filter(assignment=assignment).aggregate(d=Max("local_date"))["d"]
    assignment.adherence_check_at = adherence_check_at(assignment, last_done)
    Assignment.objects.filter(pk=assignment.pk).update(
        adherence_check_at=assignment.adherence_check_at
    )


def after_change(assignments: Sequence[Assignment], now: datetime | None = None) -> None:
    """Every write to an assignment or its sessions ends here (in the same transaction)."""
    for assignment in assignments:
        adherence_check_refresh(assignment)
    summary_refresh({a.patient_id for a in assignments}, now)
