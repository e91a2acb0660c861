"""Nudges app: plans, nudges, breaks, busy times and the reminder ledger.

The database is the source of truth for everything that is due or was sent: the broker
only carries work that can always be re-derived from these tables (see ``dispatch.py``).
"""

from __future__ import annotations

from datetime import time
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

DEFAULT_WORK_DAYS = [1, 2, 3, 4, 5]


def default_work_days() -> list[int]:
    return list(DEFAULT_WORK_DAYS)


class NudgePlan(models.Model):
    """One patient's "stand up and move" settings and the dispatcher's bookkeeping.

    Times are local wall times in the user's IANA zone (``user.timezone``); the schedule
    arithmetic lives in ``schedule.py``. ``next_due_at`` is the one column the dispatcher
    reads: null when the plan is disabled (so it is not in the index at all).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nudge_plan"
    )
    enabled = models.BooleanField(default=True)
    interval_minutes = models.PositiveSmallIntegerField(default=30)
    work_days = models.JSONField(default=default_work_days)  # ISO weekdays, 1 = Monday
    work_start = models.TimeField(default=time(9, 0))
    work_end = models.TimeField(default=time(17, 30))
    quiet_start = models.TimeField(null=True, blank=True)
    quiet_end = models.TimeField(null=True, blank=True)
    paused_until = models.DateTimeField(null=True, blank=True)
    snoozed_until = models.DateTimeField(null=True, blank=True)
    # The last "I moved": the interval restarts from here (schedule.next_nudge_after's anchor).
    anchor_at = models.DateTimeField(null=True, blank=True)
    reminders_enabled = models.BooleanField(default=True)
    reminder_follow_up = models.BooleanField(default=True)
    next_due_at = models.DateTimeField(null=True, blank=True)
    # Content rotation: the position in the content pool and the last thing suggested,
    # so two nudges in a row never suggest the same.
    content_cursor = models.PositiveIntegerField(default=0)
    last_content = models.CharField(max_length=90, blank=True)
    # No repeat within a local day: the day and the exercises suggested on it so far.
    content_day = models.DateField(null=True, blank=True)
    content_today = models.JSONField(
        default=list, blank=True, db_default=models.Value([], output_field=models.JSONField())
    )
    # The one-tap "busy" pause (15/30/60 min or end of day): nudges are held until then.
    busy_until = models.DateTimeField(null=True, blank=True)
    # Standing desk: every fourth nudge says "stand", a "sit" follows stand_minutes later.
    sit_stand_enabled = models.BooleanField(default=False, db_default=False)
    stand_minutes = models.PositiveSmallIntegerField(default=30, db_default=30)
    standing_until = models.DateTimeField(null=True, blank=True)
    # Set while the next nudge is the first after a hold (busy time): it restarts the
    # interval from itself (anchor_at), so the next regular one is not minutes later.
    held_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            # Why this index exists: every dispatcher tick asks "which plans are due now?"
            # (next_due_at <= now, oldest first, LIMIT batch). With this index that is a
            # range scan over the due rows only, so a tick costs O(due), not O(users).
            # Partial: disabled plans (next_due_at null) are not in it at all.
            models.Index(
                fields=["next_due_at"],
                name="nudgeplan_due",
                condition=Q(next_due_at__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(interval_minutes__gte=15, interval_minutes__lte=120),
                name="nudgeplan_interval_range",
            ),
            models.CheckConstraint(
                condition=Q(stand_minutes__gte=5, stand_minutes__lte=120),
                name="nudgeplan_stand_minutes_range",
            ),
        ]

    def __str__(self) -> str:
        return f"nudge plan of {self.user_id}"


class AckAction(models.TextChoices):
    MOVED = "moved", "Moved"
    SNOOZE = "snooze", "Snooze"
    DISMISS = "dismiss", "Dismiss"


class NudgeKind(models.TextChoices):
    MOVE = "move", "Move"
    TIP = "tip", "Tip"
    STAND = "stand", "Stand"
    SIT = "sit", "Sit"


class Nudge(models.Model):
    """One nudge sent for one slot of a plan. (plan, slot) is unique: a slot is sent once,
    however many dispatchers run and however often a tick is retried."""

    # Neither key has an index of its own: (plan, slot) and (user, slot) lead with them, and
    # each index is one more insert for every nudge the dispatcher writes.
    plan = models.ForeignKey(
        NudgePlan, on_delete=models.CASCADE, related_name="nudges", db_index=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    slot = models.DateTimeField()
    # "exercise:<slug>" or "tip:<slug>": what the nudge suggested (for rotation and stats).
    content = models.CharField(max_length=90)
    kind = models.CharField(
        max_length=5, choices=NudgeKind.choices, default=NudgeKind.MOVE, db_default="move"
    )
    # The dose suggested with a move (from the prescription, the program or the library).
    sets = models.PositiveSmallIntegerField(null=True, blank=True)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    action = models.CharField(max_length=10, choices=AckAction.choices, blank=True)
    snooze_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    # Its inbox item. The nudge points at the message (not the other way round), so the
    # inbox knows nothing of nudges; erasing a message leaves the nudge and its stats.
    message = models.OneToOneField(
        "inbox.InboxMessage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nudge",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "slot"], name="nudge_plan_slot"),
        ]
        # The day summary reads one user's nudges by time.
        indexes = [models.Index(fields=["user", "slot"])]

    def __str__(self) -> str:
        return f"nudge {self.plan_id}@{self.slot.isoformat()}"

    @property
    def exercise(self) -> str | None:
        return self.content.split(":", 1)[1] if self.content.startswith("exercise:") else None

    def inbox_extra(self) -> dict[str, Any]:
        return inbox_extra(
            self.pk, self.kind, self.content, self.sets, self.reps, self.hold_seconds
        )


def inbox_extra(
    nudge_id: int,
    kind: str | None,
    content: str,
    sets: int | None,
    reps: int | None,
    hold_seconds: int | None,
) -> dict[str, Any]:
    """What a nudge adds to its inbox item and push payload (``InboxMessage.extra``):
    its id, kind (move/tip/stand/sit), ``exercise`` (slug or None) and ``dose``."""
    exercise = content.split(":", 1)[1] if content.startswith("exercise:") else None
    dose = (
        {"sets": sets, "reps": reps, "hold_seconds": hold_seconds} if exercise is not None else None
    )
    return {"nudge": nudge_id, "nudge_kind": kind, "exercise": exercise, "dose": dose}


class Break(models.Model):
    """A break the patient took ("I moved"), with or without a nudge."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    nudge = models.OneToOneField(
        Nudge, null=True, blank=True, on_delete=models.SET_NULL, related_name="break_taken"
    )
    taken_at = models.DateTimeField(default=timezone.now)
    # The micro-break done, if any (slug of the exercise); "walk" for a confirmed walk.
    exercise = models.CharField(max_length=80, blank=True, default="", db_default="")
    kind = models.CharField(max_length=10, blank=True, default="move", db_default="move")

    class Meta:
        indexes = [models.Index(fields=["user", "taken_at"])]

    def __str__(self) -> str:
        return f"break of {self.user_id} at {self.taken_at.isoformat()}"


class BreakPrescription(models.Model):
    """The micro-breaks a physio prescribed for one assignment, for the patient's workday.

    ``items``: ``[{"exercise": slug, "sets", "reps", "hold_seconds", "every_nth"}]``;
    ``excluded``: slugs never suggested. No items: the defaults (desk-friendly library
    micro-breaks and the program's desk-friendly items), minus exclusions and conflicts.
    """

    assignment = models.OneToOneField(
        "programs.Assignment", on_delete=models.CASCADE, related_name="break_prescription"
    )
    items = models.JSONField(default=list, blank=True)
    excluded = models.JSONField(default=list, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"breaks of assignment {self.assignment_id}"


class BusySource(models.TextChoices):
    CALENDAR = "calendar", "Calendar"


class BusyWindow(models.Model):
    """A busy stretch (a calendar event) during which nudges are held; the first nudge
    after it goes out a few minutes after it ends. Replaced on every feed fetch."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    end = models.DateTimeField()
    source = models.CharField(max_length=10, choices=BusySource.choices, default="calendar")

    class Meta:
        # The dispatcher reads the windows of a batch's users around their slots.
        indexes = [models.Index(fields=["user", "end"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="busy_in_order")
        ]

    def __str__(self) -> str:
        return f"busy {self.user_id} {self.start.isoformat()}-{self.end.isoformat()}"


class CalendarFeed(models.Model):
    """A patient's private iCalendar feed (busy times). The URL is a credential: it is
    never shown back, only its host."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    url = models.CharField(max_length=2000)
    host = models.CharField(max_length=255)
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    next_fetch_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["next_fetch_at"])]

    def __str__(self) -> str:
        return f"calendar of {self.user_id} at {self.host}"


class ReminderKind(models.TextChoices):
    ROUTINE = "routine", "Routine reminder"
    FOLLOW_UP = "follow_up", "Follow-up reminder"


class ReminderSent(models.Model):
    """Ledger of routine reminders: one of each kind per assignment and local day."""

    assignment = models.ForeignKey(
        "programs.Assignment", on_delete=models.CASCADE, related_name="+"
    )
    local_date = models.DateField()
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    message = models.ForeignKey(
        "inbox.InboxMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "local_date", "kind"], name="reminder_once_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.assignment_id} on {self.local_date}"
