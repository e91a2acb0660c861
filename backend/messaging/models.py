"""Patient-physio threads, alert notices, consent to remote monitoring and the time log.

A thread is keyed by its patient: the patient and every physio assigned to them take part.
Read state is one high-water mark per (thread, participant), so unread counts are one
indexed count, whatever the history length.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy


class ClinicMessagingSettings(models.Model):
    clinic = models.OneToOneField(
        "accounts.Clinic", on_delete=models.CASCADE, related_name="messaging_settings"
    )
    # Off by default: a thread is between a patient and their physios.
    admins_read_threads = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"messaging settings of clinic {self.clinic_id}"


class NotifyPrefs(models.Model):
    """A physio's e-mail choices (push and the inbox are always on)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notify_prefs"
    )
    email_alerts = models.BooleanField(default=False)
    email_digest = models.BooleanField(default=False)
    digest_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"notify prefs of {self.user_id}"


class Message(models.Model):
    # Made by the client, so a message queued offline and sent twice is stored once.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sender_is_patient = models.BooleanField()
    body = models.TextField()
    body_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    no_reply_needed_at = models.DateTimeField(null=True, blank=True)
    no_reply_needed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["patient", "-created_at"])]

    def __str__(self) -> str:
        return str(self.id)


class ThreadRead(models.Model):
    """Everything in ``patient``'s thread up to ``read_until`` has been read by ``user``."""

    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_until = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["patient", "user"], name="thread_read_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.patient_id} until {self.read_until}"


class AlertNotice(models.Model):
    """One clinical alert brought to one physio: the ledger that makes the push and the
    e-mail go out once. Who acknowledged the alert, and when, is on the alert itself
    (``programs.Alert.acknowledged_by`` / ``acknowledged_at``)."""

    alert = models.ForeignKey("programs.Alert", on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    notified_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alert", "user"], name="alert_notice_unique"),
        ]

    def __str__(self) -> str:
        return f"alert {self.alert_id} to {self.user_id}"


class ConsentMethod(models.TextChoices):
    IN_APP = "in_app", gettext_lazy("Given in the app")
    VERBAL = "verbal", gettext_lazy("Verbal")
    WRITTEN = "written", gettext_lazy("Written")


class Consent(models.Model):
    """Consent to remote monitoring. Revoking keeps the row (it is the record)."""

    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="monitoring_consents"
    )
    given_on = models.DateField()
    method = models.CharField(max_length=10, choices=ConsentMethod.choices)
    note = models.CharField(max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_on = models.DateField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["patient", "given_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["patient"], condition=Q(revoked_on__isnull=True), name="consent_one_active"
            ),
        ]

    def __str__(self) -> str:
        return f"consent of {self.patient_id} from {self.given_on}"


class TimeCategory(models.TextChoices):
    REVIEW = "review", gettext_lazy("Reviewing data")
    PROGRAM = "program", gettext_lazy("Editing the program")
    MESSAGING = "messaging", gettext_lazy("Messaging")
    CALL = "call", gettext_lazy("A call")


class TimeEntry(models.Model):
    physio = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="time_entries"
    )
    category = models.CharField(max_length=10, choices=TimeCategory.choices)
    # Null while a timer runs.
    minutes = models.PositiveIntegerField(null=True, blank=True)
    # The physio's calendar day of the work (their zone): the month it counts in.
    on_date = models.DateField()
    timer_started_at = models.DateTimeField(null=True, blank=True)
    timer_stopped_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["patient", "on_date"])]

    def __str__(self) -> str:
        return f"{self.minutes} min on {self.patient_id}"


class TimeEntryRevision(models.Model):
    """Append-only audit trail of a time entry: every create, edit, timer stop."""

    entry = models.ForeignKey(TimeEntry, on_delete=models.CASCADE, related_name="revisions")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=10)
    values = models.JSONField()

    class Meta:
        ordering = ("changed_at", "pk")

    def __str__(self) -> str:
        return f"{self.action} of entry {self.entry_id}"
