"""Reads: who sees which thread, unread counts per patient, the monitoring data days."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from backend.accounts.models import CareLink, Role, User
from backend.accounts.selectors import patients_visible_to
from backend.accounts.timezones import zone
from backend.messaging import rtm
from backend.messaging.models import (
    AlertNotice,
    ClinicMessagingSettings,
    Consent,
    Message,
    NotifyPrefs,
    ThreadRead,
    TimeEntry,
)
from backend.nudges.models import Break
from backend.outcomes.models import OutcomeResponse
from backend.programs.models import Session


def admins_read_threads(clinic_id: int | None) -> bool:
    if clinic_id is None:
        return False
    return ClinicMessagingSettings.objects.filter(
        clinic_id=clinic_id, admins_read_threads=True
    ).exists()


def thread_patients_for(user: User) -> QuerySet[User]:
    """Patients whose thread the caller takes part in (or, for a clinic admin whose clinic
    allows it, may read)."""
    if user.role == Role.CLINIC_ADMIN and not admins_read_threads(user.clinic_id):
        return User.objects.none()
    return patients_visible_to(user)


def can_post(user: User) -> bool:
    return user.role in {Role.PATIENT, Role.PHYSIO}


def thread_messages(patient: User) -> QuerySet[Message]:
    return (
        Message.objects.filter(patient=patient)
        .select_related("sender")
        .order_by("-created_at", "-pk")
    )


def read_marks(patient: User) -> dict[int, datetime]:
    return dict(ThreadRead.objects.filter(patient=patient).values_list("user_id", "read_until"))


def thread_recipients(message: Message) -> list[User]:
    """The other side of a new message: the patient's physios for a patient's message,
    the patient for a physio's."""
    if message.sender_is_patient:
        return [
            link.physio
            for link in CareLink.objects.filter(patient_id=message.patient_id).select_related(
                "physio"
            )
            if link.physio.is_active
        ]
    return [message.patient] if message.patient.is_active else []


def unread_counts(user: User, patient_ids: Sequence[int]) -> dict[int, int]:
    """Unread messages per patient thread for ``user``, in one query for any number of
    patients (the caseload calls it once per page)."""
    if not patient_ids:
        return {}
    mark = ThreadRead.objects.filter(patient_id=OuterRef("patient_id"), user=user).values(
        "read_until"
    )[:1]
    rows = (
        Message.objects.filter(patient_id__in=list(patient_ids))
        .exclude(sender_id=user.pk)
        .annotate(mark=Subquery(mark))
        .filter(Q(mark__isnull=True) | Q(created_at__gt=F("mark")))
        .values("patient_id")
        .annotate(n=Count("pk"))
        .values_list("patient_id", "n")
    )
    counts = {pid: 0 for pid in patient_ids}
    counts.update(dict(rows))
    return counts


def consent_windows(patient_ids: Sequence[int]) -> dict[int, list[rtm.ConsentWindow]]:
    windows: dict[int, list[rtm.ConsentWindow]] = defaultdict(list)
    for pid, given, revoked in Consent.objects.filter(patient_id__in=list(patient_ids)).values_list(
        "patient_id", "given_on", "revoked_on"
    ):
        windows[pid].append((given, revoked))
    return windows


def data_days(patients: Sequence[User], first: date, last: date) -> dict[int, set[date]]:
    """Each patient's local days with a session, a questionnaire or a logged break in
    [first, last]: three queries for any number of patients."""
    ids = [p.pk for p in patients]
    days: dict[int, set[date]] = defaultdict(set)
    if not ids:
        return days
    for pid, day in (
        Session.objects.filter(patient_id__in=ids, local_date__range=(first, last))
        .values_list("patient_id", "local_date")
        .distinct()
    ):
        days[pid].add(day)
    for pid, day in (
        OutcomeResponse.objects.filter(patient_id__in=ids, local_date__range=(first, last))
        .values_list("patient_id", "local_date")
        .distinct()
    ):
        days[pid].add(day)
    zones = {p.pk: zone(p.timezone) for p in patients}
    # Breaks carry an instant: widen by a day each side, then keep local days in range.
    since = datetime.combine(first - timedelta(days=1), time.min, tzinfo=UTC)
    until = datetime.combine(last + timedelta(days=2), time.min, tzinfo=UTC)
    for pid, taken in Break.objects.filter(
        user_id__in=ids, taken_at__gte=since, taken_at__lt=until
    ).values_list("user_id", "taken_at"):
        day = rtm.local_day(taken, zones[pid])
        if first <= day <= last:
            days[pid].add(day)
    return days


def caseload_extras(user: User, rows: list[dict[str, object]], now: datetime | None = None) -> None:
    """Adds ``unread_messages`` and ``monitoring_days_this_month`` to caseload rows, in a
    fixed number of queries per page."""
    ids = [int(str(row["id"])) for row in rows]
    if not ids:
        return
    readable = user.role != Role.CLINIC_ADMIN or admins_read_threads(user.clinic_id)
    unread = unread_counts(user, ids) if readable else {}
    patients = list(User.objects.filter(pk__in=ids).only("pk", "timezone"))
    now = now or timezone.now()
    months = {
        p.pk: rtm.month_bounds(*_year_month(timezone.localtime(now, zone(p.timezone)).date()))
        for p in patients
    }
    first = min(b[0] for b in months.values())
    last = max(b[1] for b in months.values())
    days = data_days(patients, first, last)
    windows = consent_windows(ids)
    for row in rows:
        pid = int(str(row["id"]))
        row["unread_messages"] = unread.get(pid, 0)
        bounds = months.get(pid)
        row["monitoring_days_this_month"] = (
            rtm.days_in_range(days.get(pid, set()), windows.get(pid, []), *bounds) if bounds else 0
        )


def _year_month(day: date) -> tuple[int, int]:
    return day.year, day.month


def notices_for(user: User) -> QuerySet[AlertNotice]:
    return AlertNotice.objects.filter(user=user).select_related("alert", "alert__patient")


def prefs_for(user: User) -> NotifyPrefs:
    prefs, _ = NotifyPrefs.objects.get_or_create(user=user)
    return prefs


def time_entries_for(user: User) -> QuerySet[TimeEntry]:
    if user.role not in {Role.PHYSIO, Role.CLINIC_ADMIN}:
        return TimeEntry.objects.none()
    return TimeEntry.objects.filter(patient__in=patients_visible_to(user)).order_by(
        "-on_date", "-created_at"
    )


def consents_for(user: User) -> QuerySet[Consent]:
    return Consent.objects.filter(patient__in=patients_visible_to(user)).order_by(
        "-given_on", "-pk"
    )


def physio_ids_for(patient_ids: Iterable[int]) -> dict[int, list[int]]:
    physios: dict[int, list[int]] = defaultdict(list)
    for pid, physio_id in CareLink.objects.filter(patient_id__in=list(patient_ids)).values_list(
        "patient_id", "physio_id"
    ):
        physios[pid].append(physio_id)
    return physios
