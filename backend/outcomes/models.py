"""Outcome measures: questionnaire schedules, the answers with their scores, and the item
wording a clinic holds a licence for. (Moved from ``programs``; the tables were renamed by
``outcomes/migrations/0001``, the rows kept.)"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class OutcomeSchedule(models.Model):
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outcome_schedules"
    )
    measure = models.CharField(max_length=30)
    every_weeks = models.PositiveSmallIntegerField(null=True, blank=True)  # null: baseline only
    start_date = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    # PSFS: the activities the patient named at baseline, asked again at every follow-up
    # (the physio may correct them).
    activities = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return f"{self.measure} for {self.patient_id}"


class OutcomeResponse(models.Model):
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outcome_responses"
    )
    measure = models.CharField(max_length=30)
    schedule = models.ForeignKey(
        OutcomeSchedule, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    answers = models.JSONField()
    # PSFS: the activity each answer rated, as asked.
    activities = models.JSONField(default=list, blank=True)
    score = models.FloatField()
    answered_at = models.DateTimeField(default=timezone.now)
    local_date = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["patient", "measure", "answered_at"])]

    def __str__(self) -> str:
        return f"{self.measure}={self.score} for {self.patient_id}"


class MeasureWording(models.Model):
    """Item wording for a questionnaire. NPRS, PSFS and the adherence self-report ship with
    our own wording; ODI and RMDQ wording is copyrighted, so a clinic loads the text it
    holds a licence for (``load_measure_wording``) and only that clinic sees it."""

    clinic = models.ForeignKey(
        "accounts.Clinic", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    measure = models.CharField(max_length=30)
    language = models.CharField(max_length=8, default="en")
    name = models.CharField(max_length=120)
    items = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "measure", "language"], name="measure_wording_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure}/{self.language}"
