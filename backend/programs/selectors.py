"""Reads for the patient's day, progress and the physio's caseload.

Each read loads rows in a fixed number of queries (prefetches, not per-row queries) and
does the date arithmetic in Python with the pure ``adherence`` module.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypedDict

from django.db.models import (
    CharField,
    DateField,
    F,
    Field,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    prefetch_related_objects,
)
from django.db.models.expressions import Combinable, CombinedExpression
from django.db.models.functions import Mod

from backend.accounts.models import User
from backend.accounts.selectors import patients_visible_to
from backend.programs import adherence
from backend.programs.day_numbers import BitOr, DayNumber, SortKey, from_day_number
from backend.programs.models import (
    Alert,
    Assignment,
    AssignmentStatus,
    Program,
    ProgramItem,
    Session,
    with_pauses,
)
from backend.programs.safety import safety_for
from backend.programs.summary import days_and_done
from backend.programs.summary import local_today as local_today  # re-exported: programs' read API
from exercises.payloads import exercise_details
from exercises.selectors import exercise_translations, precaution_translations


class TodayProgress(TypedDict):
    streak: int
    adherence_7d: float | None


class ClinicContact(TypedDict):
    name: str
    phone: str
    email: str
    hours: str


class PainAlertToday(TypedDict):
    session: str
    completed_at: datetime
    advice: str
    physio_told: bool
    clinic: ClinicContact | None


class ProgressWeek(TypedDict):
    week_start: date
    prescribed: int
    completed: int
    ratio: float | None


class PainPoint(TypedDict):
    date: date
    before: int
    after: int


class DifficultyPoint(TypedDict):
    date: date
    difficulty: str


class Progress(TypedDict):
    adherence_overall: float | None
    streak: int
    weeks: list[ProgressWeek]
    pain: list[PainPoint]
    difficulty: list[DifficultyPoint]


@dataclass(frozen=True)
class TodayEntry:
    """One assignment on Today: due today, done today, the items of its current phase."""

    assignment: Assignment
    due: bool
    done: bool
    items: list[ProgramItem]
    phase: int
    sessions_today: list[Session]


@dataclass(frozen=True)
class Today:
    date: date
    timezone: str
    assignments: list[TodayEntry]
    progress: TodayProgress
    # exercise id -> full payload, for the items (``exercises.payloads``).
    exercise_payloads: Mapping[int, Mapping[str, Any]]
    pain_alert: PainAlertToday | None


def programs_for(user: User) -> QuerySet[Program]:
    if user.clinic_id is None:
        return Program.objects.none()
    return Program.objects.filter(clinic_id=user.clinic_id).order_by("-created_at")


def program_items(language: str) -> Prefetch[str, QuerySet[ProgramItem], str]:
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


def is_due(assignment: Assignment, day: date) -> bool:
    return assignment.status == AssignmentStatus.ACTIVE and assignment.is_program_day(day)


def active_phase(assignment: Assignment, day: date) -> int:
    version = assignment.program.current_version
    phases = version.phases if version else []
    week = (day - assignment.start_date).days // 7 + 1
    started = [p["number"] for p in phases if p["starts_week"] <= week]
    return max(started, default=1)


def today_for(patient: User, language: str, now: datetime | None = None) -> Today:
    """Four queries whatever the history (five if a program was ever paused): the
    patient's assignments (all of them: the streak counts ended ones too) with their
    pauses, the last 90 days of sessions (today's among them), and the program items of
    the active ones."""
    today = local_today(patient, now)
    every = with_pauses(
        Assignment.objects.filter(patient=patient)
        .select_related("program__current_version")
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
        sessions_today = todays.get(assignment.pk, [])
        result.append(
            TodayEntry(
                assignment=assignment,
                due=is_due(assignment, today),
                done=bool(sessions_today),
                items=items,
                phase=phase,
                sessions_today=sessions_today,
            )
        )
    return Today(
        date=today,
        timezone=patient.timezone,
        assignments=result,
        progress=_today_progress(every, done, today),
        exercise_payloads=exercise_payloads,
        pain_alert=_pain_alert_today(patient, [e.sessions_today for e in result], language),
    )


def _pain_alert_today(
    patient: User, sessions: list[list[Session]], language: str = "en"
) -> PainAlertToday | None:
    """After a session that raised a pain alert, Today keeps the advice up for the rest of
    that local day, says who was told and how to reach the clinic. Queries only then."""
    alerted = [s for day in sessions for s in day if s.alert_reason]
    if not alerted:
        return None
    latest = max(alerted, key=lambda s: s.completed_at)
    clinic = patient.clinic
    return PainAlertToday(
        session=str(latest.pk),
        completed_at=latest.completed_at,
        advice=safety_for(latest, language)["advice"],
        physio_told=patient.physio_links.exists(),
        clinic=None
        if clinic is None
        else ClinicContact(
            name=clinic.name, phone=clinic.phone, email=clinic.email, hours=clinic.hours
        ),
    )


def _today_progress(
    assignments: Sequence[Assignment], done: dict[int, set[date]], today: date
) -> TodayProgress:
    """The streak and last-7-days adherence shown on Today, from what today_for read."""
    scheduled: set[date] = set()
    for assignment in assignments:
        scheduled.update(assignment.scheduled_days(today, since=today - timedelta(days=89)))
    all_done = set().union(*done.values()) if done else set()
    return TodayProgress(
        streak=adherence.current_streak(sorted(scheduled), all_done, today),
        adherence_7d=adherence.adherence_between(
            days_and_done(assignments, done), today - timedelta(days=6), today
        ),
    )


# Progress holds the sessions of the last ~13 weeks one by one (from the Monday of the week
# 90 days back); older weeks come as one row per program and week computed in SQL, and the
# rest of the history is paged (``GET /api/progress/history/``, ``/api/patients/{id}/sessions/``).
PROGRESS_DAYS = 90


def progress_for(patient: User, now: datetime | None = None) -> Progress:
    """Adherence per week (all of it), the streak, and pain and difficulty per session of
    the recent weeks, in two queries whatever the history (three if a program was ever
    paused): the assignments, their pauses, and the recent sessions together with the
    older weeks. Cost grows with weeks of history (one aggregate row per program and
    week), not with sessions or days."""
    today = local_today(patient, now)
    cutoff = adherence.week_start(today - timedelta(days=PROGRESS_DAYS - 1))
    assignments = with_pauses(Assignment.objects.filter(patient=patient))
    sessions, older = _sessions_and_older_weeks(patient, cutoff)
    return _progress(assignments, sessions, older, today)


def _sessions_and_older_weeks(
    patient: User, cutoff: date
) -> tuple[list[Mapping[str, Any]], dict[tuple[int, date], int]]:
    """The sessions from ``cutoff`` (a Monday) one by one, in the order they were done, and
    for the weeks before it (assignment, Monday) → ``adherence.days_mask`` of the days with
    a session, computed by the database (``day_numbers``). One UNION ALL query: both halves
    are range scans of the (patient, local_date) index, on either side of the cutoff. The
    cutoff is a Monday, so no week is split between the halves: each week's mask is whole."""
    recent = Session.objects.filter(patient=patient, local_date__gte=cutoff).values(
        "assignment_id",
        "local_date",
        "pain_before",
        "pain_after",
        "difficulty",
        done_at=SortKey("completed_at"),
        # Placeholders for the older weeks' columns. The first half's fields decide how
        # every row is read: plain Fields, so no per-row int() conversion for them.
        week=Value(0, output_field=Field()),
        days=Value(0, output_field=Field()),
    )
    older = (
        Session.objects.filter(patient=patient, local_date__lt=cutoff)
        .annotate(n=DayNumber("local_date"))
        .values(
            "assignment_id",
            no_date=Value(None, output_field=DateField()),
            no_before=Value(None, output_field=IntegerField()),
            no_after=Value(None, output_field=IntegerField()),
            no_difficulty=Value("", output_field=CharField()),
            no_time=Value(None, output_field=Field()),
            week=F("n") - Mod("n", 7),  # the Monday's day number
        )
        # Several sessions on a day give the same bit: the OR counts the day once.
        .annotate(days=BitOr(CombinedExpression(Value(1), Combinable.BITLEFTSHIFT, Mod("n", 7))))
    )
    sessions: list[Mapping[str, Any]] = []
    weeks: dict[tuple[int, date], int] = {}
    for row in recent.union(older, all=True).order_by("done_at", "local_date"):
        if row["done_at"] is None:  # a week before the cutoff
            weeks[(row["assignment_id"], from_day_number(row["week"]))] = row["days"]
        else:
            sessions.append(row)
    return sessions, weeks


def _progress(
    assignments: Sequence[Assignment],
    sessions: Sequence[Mapping[str, Any]],
    older: Mapping[tuple[int, date], int],
    today: date,
) -> Progress:
    """The figures from weekly day masks (``adherence.week_masks``): per program and week
    the program days and the days done; a day counts for a program when one of its own
    sessions fell on it, and for the streak when any session did."""
    recent: dict[tuple[int, date], set[date]] = defaultdict(set)
    for row in sessions:
        recent[(row["assignment_id"], adherence.week_start(row["local_date"]))].add(
            row["local_date"]
        )
    done = {**older, **{key: adherence.days_mask(days) for key, days in recent.items()}}
    done_any: dict[date, int] = defaultdict(int)
    for (_, monday), mask in done.items():
        done_any[monday] |= mask
    weeks: dict[date, list[int]] = {}
    scheduled_any: dict[date, int] = defaultdict(int)
    for assignment in assignments:
        pk = assignment.pk
        for monday, mask in adherence.week_masks(assignment.program_days(), today):
            bucket = weeks.setdefault(monday, [0, 0])
            bucket[0] += mask.bit_count()
            bucket[1] += (mask & done.get((pk, monday), 0)).bit_count()
            scheduled_any[monday] |= mask
    streak = adherence.streak_by_weeks(
        [(monday, mask, done_any.get(monday, 0)) for monday, mask in scheduled_any.items()],
        today,
    )
    prescribed = sum(b[0] for b in weeks.values())
    completed = sum(b[1] for b in weeks.values())
    return Progress(
        adherence_overall=adherence.share(prescribed, completed),
        streak=streak,
        weeks=[
            ProgressWeek(week_start=start, prescribed=p, completed=c, ratio=adherence.share(p, c))
            for start, (p, c) in sorted(weeks.items())
        ],
        pain=[
            PainPoint(date=r["local_date"], before=r["pain_before"], after=r["pain_after"])
            for r in sessions
        ],
        difficulty=[
            DifficultyPoint(date=r["local_date"], difficulty=r["difficulty"]) for r in sessions
        ],
    )


def progress_history(patient: User) -> QuerySet[Session]:
    """Every session of the patient, newest first, for the paged history."""
    return (
        Session.objects.filter(patient=patient)
        .order_by("-completed_at", "pk")
        .only("id", "completed_at", "local_date", "pain_before", "pain_after", "difficulty")
    )


# -- alerts -----------------------------------------------------------------------------------

ALERT_STATUSES = ("new", "open", "acknowledged", "resolved", "all")


def alerts_visible_to(user: User, status: str = "open") -> QuerySet[Alert]:
    """Alerts of the caller's patients. ``new``: not yet looked at; ``open``: not resolved;
    ``acknowledged``: seen, not resolved; ``resolved``; ``all``."""
    queryset = Alert.objects.filter(patient__in=patients_visible_to(user))
    condition = {
        "new": Q(acknowledged_at=None, resolved_at=None),
        "open": Q(resolved_at=None),
        "acknowledged": Q(resolved_at=None) & ~Q(acknowledged_at=None),
        "resolved": ~Q(resolved_at=None),
        "all": Q(),
    }[status]
    return (
        queryset.filter(condition)
        .select_related("patient", "acknowledged_by", "resolved_by")
        .order_by("-created_at", "-pk")
    )


def needs_attention() -> Q:
    """The alerts counted on the caseload badge: neither acknowledged nor resolved."""
    return Q(acknowledged_at=None, resolved_at=None)
