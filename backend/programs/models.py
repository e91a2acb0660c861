"""Programs, their versions, assignments, logged sessions and alerts.

A program is edited by creating a new ``ProgramVersion``; items belong to a version and
are never changed in place, so a session logged against version 2 still shows what was
prescribed in version 2 after the physio moves on to version 3.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import TypeVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q, prefetch_related_objects
from django.utils import timezone

from backend.programs.adherence import ProgramDays


class Difficulty(models.TextChoices):
    TOO_EASY = "too_easy", "Too easy"
    ABOUT_RIGHT = "about_right", "About right"
    TOO_HARD = "too_hard", "Too hard"


class Program(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="programs_created"
    )
    name = models.CharField(max_length=120)
    current_version = models.ForeignKey(
        "ProgramVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)  # the FHIR export's lastUpdated

    def __str__(self) -> str:
        return self.name


class ProgramVersion(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    notes = models.TextField(blank=True)
    # [{"number": 1, "label": "Weeks 1-2", "starts_week": 1}, ...]; empty = one phase.
    phases = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["program", "number"], name="program_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.program_id} v{self.number}"


class ProgramItem(models.Model):
    version = models.ForeignKey(ProgramVersion, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    phase = models.PositiveSmallIntegerField(default=1)
    exercise = models.ForeignKey("exercises.Exercise", on_delete=models.PROTECT, related_name="+")
    sets = models.PositiveSmallIntegerField()
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    rest_seconds = models.PositiveSmallIntegerField(default=0)
    per_side = models.BooleanField(default=False)
    tempo = models.CharField(max_length=40, blank=True)
    notes = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ("phase", "position")
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="program_item_position"),
            models.CheckConstraint(
                # Reps, a hold, or both: reps with a hold is a hold per rep.
                condition=Q(reps__isnull=False) | Q(hold_seconds__isnull=False),
                name="program_item_reps_or_hold",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version_id}#{self.position}"


# "Work out this assignment's next reminder at the next tick": long past, so the reminder
# job's index finds it at once (see backend/nudges/reminders.py).
REMINDER_RECHECK = datetime(1970, 1, 1, tzinfo=UTC)


class AssignmentStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    ENDED = "ended", "Ended"


class Assignment(models.Model):
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="assignments")
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    days_of_week = models.JSONField(default=list)  # ISO weekdays, 1 = Monday
    preferred_time = models.TimeField(null=True, blank=True)  # patient's local time
    notes = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=AssignmentStatus.choices, default=AssignmentStatus.ACTIVE
    )
    # A private iCalendar feed: the token is the credential; a new one revokes the old.
    calendar_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)  # the FHIR export's lastUpdated
    # When the reminder job looks at this assignment next (null: never, no reminders).
    next_reminder_at = models.DateTimeField(null=True, blank=True, default=REMINDER_RECHECK)
    # When the adherence scan looks at this assignment next: the local midnight after which a
    # third scheduled session in a row will have been missed (null: active or not, nothing
    # can be missed without a change, which sets it again). ``summary.adherence_check_at``.
    adherence_check_at = models.DateTimeField(null=True, blank=True)
    # Set by ``assignment_pause`` with the pause's row, never cleared. Most assignments are
    # never paused, and Today and Progress read the pauses (``with_pauses``) only of those
    # that were: a query and its compile saved on a patient's every load. The database's
    # own default too, for rows written by code that does not know the column (a process
    # of the previous release during a deploy, bulk COPY seeds).
    was_paused = models.BooleanField(default=False, db_default=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="assignment_dates_in_order",
            ),
        ]
        indexes = [
            models.Index(fields=["patient", "status"]),
            # The reminder tick reads only assignments whose moment has come.
            models.Index(
                fields=["next_reminder_at"],
                name="assignment_reminder_due",
                condition=Q(next_reminder_at__isnull=False),
            ),
            # The adherence scan reads only assignments whose check has come.
            models.Index(
                fields=["adherence_check_at"],
                name="assignment_adherence_due",
                condition=Q(adherence_check_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program_id} for {self.patient_id}"

    # The arithmetic is the pure ``adherence`` module's; these read the row and its pauses
    # (``pauses.all()``, if it was ever paused: ``with_pauses`` for many assignments).
    def program_days(self) -> ProgramDays:
        paused = self.pauses.all() if self.was_paused else ()
        return ProgramDays(
            start=self.start_date,
            end=self.end_date,
            weekdays=frozenset(int(day) for day in self.days_of_week),
            paused=tuple((p.paused_on, p.resumed_on) for p in paused),
        )

    def scheduled_days(self, until: date, *, since: date | None = None) -> list[date]:
        """Program days up to ``until`` (from ``since`` when given), whatever the status."""
        return self.program_days().scheduled(until, since=since)

    def is_program_day(self, day: date) -> bool:
        """Whether ``day`` is one of the program's days, whatever the status."""
        return self.program_days().includes(day)


_Rows = TypeVar("_Rows", bound=Assignment)


def with_pauses(assignments: Iterable[_Rows]) -> list[_Rows]:
    """The assignments, with the pauses of those ever paused read in one query (none if
    none was), as ``program_days`` reads them."""
    rows = list(assignments)
    prefetch_related_objects([a for a in rows if a.was_paused], "pauses")
    return rows


class AssignmentPause(models.Model):
    """A pause from ``paused_on`` (inclusive) to ``resumed_on`` (exclusive; null = ongoing).
    Paused days are not prescribed, so they never count against adherence."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="pauses")
    paused_on = models.DateField()
    resumed_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.assignment_id} paused {self.paused_on}"


class Session(models.Model):
    # The row's own key: the client's id when no other row has it, else a fresh one, so one
    # patient's id never decides what another patient's request answers.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sessions"
    )
    # Made by the client, so a session logged offline and sent twice is stored once; unique
    # per patient (the API's "id").
    client_id = models.UUIDField(default=uuid.uuid4)
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="sessions")
    program_version = models.ForeignKey(
        ProgramVersion, on_delete=models.PROTECT, related_name="sessions"
    )
    started_at = models.DateTimeField()
    completed_at = models.DateTimeField()
    # The patient's calendar day of completed_at, in their zone at logging time.
    local_date = models.DateField()
    pain_before = models.PositiveSmallIntegerField()
    pain_after = models.PositiveSmallIntegerField()
    difficulty = models.CharField(max_length=12, choices=Difficulty.choices)
    notes = models.TextField(blank=True)
    # SHA-256 of the canonical request body: a replay with another body is a conflict.
    body_hash = models.CharField(max_length=64)
    alert_reason = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(pain_before__lte=10) & Q(pain_after__lte=10), name="session_pain_range"
            ),
            models.CheckConstraint(
                condition=Q(completed_at__gte=F("started_at")), name="session_times_in_order"
            ),
            models.UniqueConstraint(
                fields=["patient", "client_id"], name="session_client_id_per_patient"
            ),
        ]
        # The caseload and progress read a patient's sessions by day.
        indexes = [
            models.Index(fields=["patient", "local_date"]),
            models.Index(fields=["assignment", "local_date"]),
            # The latest session of a patient (last session, latest pain): one index probe.
            models.Index(fields=["patient", "completed_at"], name="session_patient_completed"),
        ]

    def __str__(self) -> str:
        return str(self.id)


class SessionItem(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    exercise = models.ForeignKey("exercises.Exercise", on_delete=models.PROTECT, related_name="+")
    program_item = models.ForeignKey(
        ProgramItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sets_done = models.PositiveSmallIntegerField(default=0)
    reps_done = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds_done = models.PositiveSmallIntegerField(null=True, blank=True)
    skipped = models.BooleanField(default=False)
    skip_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ("position",)

    def __str__(self) -> str:
        return f"{self.session_id}#{self.position}"


class AlertKind(models.TextChoices):
    PAIN = "pain", "Pain"
    ADHERENCE = "adherence", "Missed sessions"
    RED_FLAG = "red_flag", "Red flag (urgent)"
    SKIPPED_HURT = "skipped_hurt", "Exercises skipped because they hurt"


class Alert(models.Model):
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts"
    )
    kind = models.CharField(max_length=12, choices=AlertKind.choices)
    reason = models.CharField(max_length=40)
    message = models.CharField(max_length=300)
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts"
    )
    assignment = models.ForeignKey(
        Assignment, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts"
    )
    # For adherence: the first missed day of the run, so one run raises one alert.
    run_started_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    # The physio's review: "acknowledged" (seen, being handled) clears the caseload badge;
    # "resolved" closes the alert. Both keep who did it and an optional note.
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_note = models.CharField(max_length=1000, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "kind"], condition=Q(session__isnull=False), name="alert_session"
            ),
            models.UniqueConstraint(
                fields=["assignment", "kind", "run_started_on"],
                condition=Q(run_started_on__isnull=False),
                name="alert_adherence_run",
            ),
        ]
        indexes = [models.Index(fields=["patient", "resolved_at"])]

    def __str__(self) -> str:
        return f"{self.kind} alert for {self.patient_id}"


class CaseloadSummary(models.Model):
    """One row per patient with the figures the caseload is sorted by, so the database
    orders and pages the caseload (``programs/caseload.py``). Written by the session,
    alert and assignment services in their own transaction; ``fresh_until`` is the
    patient's next local midnight, when the 7-day window moves on without any write, and
    the refresh job (beat) recomputes the rows whose moment has come."""

    patient = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="caseload_summary",
    )
    last_session_at = models.DateTimeField(null=True, blank=True)
    open_alerts = models.PositiveIntegerField(default=0)
    adherence_7d = models.FloatField(null=True, blank=True)
    fresh_until = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["fresh_until"], name="caseload_summary_stale")]

    def __str__(self) -> str:
        return f"caseload summary of {self.patient_id}"


class RedFlagScreening(models.Model):
    """The short safety check a patient answers before the first session, and again when
    the physio re-issues it. Stored with the questions as they were asked."""

    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="screenings"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    # [{"code", "question", "answer": bool}] in the order asked
    answers = models.JSONField(default=list, blank=True)
    flagged = models.JSONField(default=list, blank=True)  # codes answered "yes"

    class Meta:
        indexes = [models.Index(fields=["patient", "-requested_at"])]

    def __str__(self) -> str:
        return f"screening {self.pk} of {self.patient_id}"


class PatientPrecautions(models.Model):
    """Precautions a physio marked for one patient (codes of exercises/content/
    precautions.yaml, e.g. ``extension-intolerance``): exercises that carry one of them are
    never sent to this patient as a movement nudge."""

    patient = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="precautions_marked"
    )
    codes = models.JSONField(default=list, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"precautions of {self.patient_id}"
