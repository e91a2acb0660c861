"""Reads for the patient's day, progress and the physio's caseload.

Each read loads rows in a fixed number of queries (prefetches, not per-row queries) and
does the date arithmetic in Python with the pure ``adherence`` module.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import (
    Count,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.utils import timezone

from backend.accounts.models import User
from backend.accounts.selectors import patients_visible_to
from backend.accounts.timezones import zone
from backend.programs import adherence
from backend.programs.alerts import needs_attention
from backend.programs.models import (
    Alert,
    Assignment,
    AssignmentStatus,
    Program,
    ProgramItem,
    Session,
    SessionItem,
)
from backend.programs.sessions import HURT_SKIP_REASON, safety_for
from exercises.payloads import exercise_details
from exercises.selectors import exercise_translations, precaution_translations


def local_today(user: User, now: datetime | None = None) -> date:
    return timezone.localtime(now or timezone.now(), zone(user.timezone)).date()


def programs_for(user: User) -> QuerySet[Program]:
    if user.clinic_id is None:
        return Program.objects.none()
    return Program.objects.filter(clinic_id=user.clinic_id).order_by("-created_at")


def program_items(language: str) -> Prefetch:
    """Items of a program version with everything the player shows, in fixed queries."""
    return Prefetch(
        "items",
        queryset=ProgramItem.objects.select_related(
            "exercise", "exercise__progression", "exercise__regression"
        ).prefetch_related(
            Prefetch("exercise__translations", queryset=exercise_translations(language).queryset),
            Prefetch(
                "exercise__precautions__translations",
                queryset=precaution_translations(language).queryset,
            ),
        ),
    )


def assignments_for(user: User) -> QuerySet[Assignment]:
    """Patients see their own; physios and clinic admins those of patients they may see."""
    if user.role == "patient":
        return Assignment.objects.filter(patient=user)
    return Assignment.objects.filter(patient__in=patients_visible_to(user))


def _pauses(assignment: Assignment) -> list[tuple[date, date | None]]:
    return [(p.paused_on, p.resumed_on) for p in assignment.pauses.all()]


def scheduled_until(assignment: Assignment, until: date, since: date | None = None) -> list[date]:
    """Program days up to ``until`` (from ``since`` when given: recent figures need not
    walk a long program's whole history)."""
    return adherence.scheduled_days(
        max(assignment.start_date, since) if since else assignment.start_date,
        assignment.end_date,
        frozenset(assignment.days_of_week),
        until,
        paused=_pauses(assignment),
    )


def is_due(assignment: Assignment, day: date) -> bool:
    if assignment.status != AssignmentStatus.ACTIVE:
        return False
    return adherence.is_program_day(
        assignment.start_date,
        assignment.end_date,
        frozenset(assignment.days_of_week),
        day,
        paused=_pauses(assignment),
    )


def active_phase(assignment: Assignment, day: date) -> int:
    version = assignment.program.current_version
    phases = version.phases if version else []
    week = (day - assignment.start_date).days // 7 + 1
    started = [p["number"] for p in phases if p["starts_week"] <= week]
    return max(started, default=1)


def today_for(patient: User, language: str, now: datetime | None = None) -> dict[str, Any]:
    """Five queries whatever the history: the patient's assignments (all of them: the
    streak counts ended ones too) with their pauses, the last 90 days of sessions (today's
    among them), and the program items of the active ones."""
    today = local_today(patient, now)
    every = list(
        Assignment.objects.filter(patient=patient)
        .select_related("program__current_version")
        .prefetch_related("pauses")
        .order_by("preferred_time", "pk")
    )
    assignments = [
        a
        for a in every
        if a.status == AssignmentStatus.ACTIVE
        and a.start_date <= today
        and (a.end_date is None or a.end_date >= today)
    ]
    done: dict[int, set[date]] = defaultdict(set)
    todays: dict[int, list[Session]] = defaultdict(list)
    for assignment_id, day, pk, completed_at, alert_reason in (
        Session.objects.filter(patient=patient, local_date__gte=today - timedelta(days=90))
        .order_by("completed_at")
        .values_list("assignment_id", "local_date", "id", "completed_at", "alert_reason")
    ):
        done[assignment_id].add(day)
        if day == today:
            todays[assignment_id].append(
                Session(
                    id=pk,
                    assignment_id=assignment_id,
                    local_date=day,
                    completed_at=completed_at,
                    alert_reason=alert_reason,
                )
            )
    for assignment in assignments:
        assignment.sessions_today = todays.get(assignment.pk, [])  # type: ignore[attr-defined]
    versions = [a.program.current_version for a in assignments if a.program.current_version]
    # Items carry only the exercise's id and version stamp: the full exercise payload comes
    # from exercises.payloads, built once per exercise and language, not per request.
    prefetch_related_objects(
        versions,
        Prefetch(
            "items",
            queryset=ProgramItem.objects.annotate(exercise_updated_at=F("exercise__updated_at")),
        ),
    )
    wanted = {
        (item.exercise_id, item.exercise_updated_at)  # type: ignore[attr-defined]
        for version in versions
        for item in version.items.all()
    }
    exercise_payloads = exercise_details(wanted, language, patient.clinic_id)
    result = []
    for assignment in assignments:
        phase = active_phase(assignment, today)
        version = assignment.program.current_version
        items = [i for i in version.items.all() if i.phase == phase] if version else []
        result.append(
            {
                "assignment": assignment,
                "due": is_due(assignment, today),
                "done": bool(assignment.sessions_today),  # type: ignore[attr-defined]
                "items": items,
                "phase": phase,
                "sessions_today": assignment.sessions_today,  # type: ignore[attr-defined]
            }
        )
    return {
        "date": today,
        "timezone": patient.timezone,
        "assignments": result,
        "progress": _today_progress(every, done, today),
        "exercise_payloads": exercise_payloads,
        "pain_alert": _pain_alert_today(
            patient,
            [a.sessions_today for a in assignments],  # type: ignore[attr-defined]
            language,
        ),
    }


def _pain_alert_today(
    patient: User, sessions: list[list[Session]], language: str = "en"
) -> dict[str, Any] | None:
    """After a session that raised a pain alert, Today keeps the advice up for the rest of
    that local day, says who was told and how to reach the clinic. Queries only then."""
    alerted = [s for day in sessions for s in day if s.alert_reason]
    if not alerted:
        return None
    latest = max(alerted, key=lambda s: s.completed_at)
    clinic = patient.clinic
    return {
        "session": str(latest.pk),
        "completed_at": latest.completed_at,
        "advice": safety_for(latest, language)["advice"],
        "physio_told": patient.physio_links.exists(),
        "clinic": None
        if clinic is None
        else {
            "name": clinic.name,
            "phone": clinic.phone,
            "email": clinic.email,
            "hours": clinic.hours,
        },
    }


def _today_progress(
    assignments: Sequence[Assignment], done: dict[int, set[date]], today: date
) -> dict[str, Any]:
    """The streak and last-7-days adherence shown on Today, from what today_for read."""
    scheduled: set[date] = set()
    for assignment in assignments:
        scheduled.update(scheduled_until(assignment, today, since=today - timedelta(days=89)))
    all_done = set().union(*done.values()) if done else set()
    return {
        "streak": adherence.current_streak(sorted(scheduled), all_done, today),
        "adherence_7d": _adherence_window(assignments, done, today - timedelta(days=6), today),
    }


def progress_for(patient: User, now: datetime | None = None) -> dict[str, Any]:
    today = local_today(patient, now)
    assignments = list(Assignment.objects.filter(patient=patient).prefetch_related("pauses"))
    sessions = list(
        Session.objects.filter(patient=patient)
        .order_by("completed_at")
        .values("assignment_id", "local_date", "pain_before", "pain_after", "difficulty")
    )
    return _progress(assignments, sessions, today)


def _progress(
    assignments: Sequence[Assignment], sessions: Sequence[Mapping[str, Any]], today: date
) -> dict[str, Any]:
    done_by_assignment: dict[int, set[date]] = defaultdict(set)
    for row in sessions:
        done_by_assignment[row["assignment_id"]].add(row["local_date"])
    weeks: dict[date, list[int]] = {}
    all_scheduled: set[date] = set()
    all_done: set[date] = set()
    for assignment in assignments:
        scheduled = scheduled_until(assignment, today)
        done = done_by_assignment[assignment.pk]
        all_scheduled.update(scheduled)
        all_done.update(done)
        for week in adherence.weekly_adherence(scheduled, done):
            bucket = weeks.setdefault(week.week_start, [0, 0])
            bucket[0] += week.prescribed
            bucket[1] += week.completed
    prescribed = sum(b[0] for b in weeks.values())
    completed = sum(b[1] for b in weeks.values())
    ordered_days = sorted(all_scheduled)
    return {
        "adherence_overall": completed / prescribed if prescribed else None,
        "streak": adherence.current_streak(ordered_days, all_done, today),
        "weeks": [
            {
                "week_start": start,
                "prescribed": p,
                "completed": c,
                "ratio": c / p if p else None,
            }
            for start, (p, c) in sorted(weeks.items())
        ],
        "pain": [
            {"date": r["local_date"], "before": r["pain_before"], "after": r["pain_after"]}
            for r in sessions
        ],
        "difficulty": [{"date": r["local_date"], "difficulty": r["difficulty"]} for r in sessions],
    }


def _adherence_window(
    assignments: Iterable[Assignment], done: dict[int, set[date]], first: date, last: date
) -> float | None:
    """Adherence over [first, last]; the last day counts only once it is done (the day is
    not over, so an open session today must not look like a miss)."""
    prescribed = completed = 0
    for assignment in assignments:
        scheduled = [
            d
            for d in scheduled_until(assignment, last, since=first)
            if d < last or d in done[assignment.pk]
        ]
        prescribed += len(scheduled)
        completed += len(set(scheduled) & done[assignment.pk])
    return completed / prescribed if prescribed else None


CASELOAD_ORDERINGS = {
    "name": lambda r: (r["full_name"].lower(),),
    "adherence_7d": lambda r: (r["adherence_7d"] is None, r["adherence_7d"] or 0),
    "-adherence_7d": lambda r: (r["adherence_7d"] is None, -(r["adherence_7d"] or 0)),
    "-last_session_at": lambda r: (r["last_session_at"] is None, _neg_time(r["last_session_at"])),
    "-open_alerts": lambda r: (-r["open_alerts"], r["full_name"].lower()),
}


def _neg_time(value: datetime | None) -> float:
    return -value.timestamp() if value else 0.0


def _has_current_program(assignments: Iterable[Assignment], today: date) -> bool:
    """An active or paused assignment that has not run out (an ended one needs a new plan)."""
    return any(
        a.status != AssignmentStatus.ENDED and (a.end_date is None or a.end_date >= today)
        for a in assignments
    )


def caseload_for(
    user: User,
    ordering: str = "name",
    now: datetime | None = None,
    *,
    only: int | None = None,
    search: str = "",
) -> list[dict[str, Any]]:
    """Every patient the caller may see (``search``: whose name or e-mail contains it) with
    adherence (7/28 days), last session, latest pain, alerts not yet looked at, and whether
    they need a program. Five queries whatever the caseload size; sorting by a computed
    figure needs them all, which is fine for a caseload (hundreds, not millions)."""
    now = now or timezone.now()
    latest = Session.objects.filter(patient=OuterRef("pk")).order_by("-completed_at")
    visible = patients_visible_to(user).filter(**({"pk": only} if only is not None else {}))
    if search.strip():
        words = search.split()
        for word in words:
            visible = visible.filter(Q(full_name__icontains=word) | Q(email__icontains=word))
    patients = list(
        visible.annotate(
            last_session_at=Max("sessions__completed_at"),
            latest_pain=Subquery(latest.values("pain_after")[:1]),
            open_alerts=Subquery(
                Alert.objects.filter(needs_attention(), patient=OuterRef("pk"))
                .values("patient")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            # Exercises skipped because they hurt, in the last 28 days.
            hurt_skips_28d=Subquery(
                SessionItem.objects.filter(
                    session__patient=OuterRef("pk"),
                    skipped=True,
                    skip_reason=HURT_SKIP_REASON,
                    session__completed_at__gte=now - timedelta(days=28),
                )
                .values("session__patient")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
        ).order_by("full_name", "pk")
    )
    ids = [p.pk for p in patients]
    assignments_by_patient: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in Assignment.objects.filter(patient_id__in=ids).prefetch_related("pauses"):
        assignments_by_patient[assignment.patient_id].append(assignment)
    oldest = timezone.localdate(now) - timedelta(days=30)
    done: dict[int, set[date]] = defaultdict(set)
    for assignment_id, day in Session.objects.filter(
        patient_id__in=ids, local_date__gte=oldest
    ).values_list("assignment_id", "local_date"):
        done[assignment_id].add(day)
    rows = []
    for patient in patients:
        today = local_today(patient, now)
        own = assignments_by_patient[patient.pk]
        rows.append(
            {
                "id": patient.pk,
                "full_name": patient.full_name,
                "email": patient.email,
                "adherence_7d": _adherence_window(own, done, today - timedelta(days=6), today),
                "adherence_28d": _adherence_window(own, done, today - timedelta(days=27), today),
                "last_session_at": patient.last_session_at,
                "latest_pain": patient.latest_pain,
                "open_alerts": patient.open_alerts or 0,
                "needs_program": not _has_current_program(own, today),
                "hurt_skips_28d": patient.hurt_skips_28d or 0,
            }
        )
    rows.sort(key=CASELOAD_ORDERINGS.get(ordering, CASELOAD_ORDERINGS["name"]))
    return rows


def open_alerts_for(patient: User) -> QuerySet[Alert]:
    return (
        Alert.objects.filter(patient=patient, resolved_at=None)
        .select_related("patient", "acknowledged_by", "resolved_by")
        .order_by("-created_at")
    )
