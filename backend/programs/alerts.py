"""A physiotherapist's review of alerts: acknowledge (seen, being handled) and resolve.

An acknowledged alert no longer counts on the caseload badge; a resolved one is closed.
Both stay in the patient's history with who reviewed it, when, and an optional note.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.accounts.selectors import patients_visible_to
from backend.programs.models import Alert
from backend.programs.summary import summary_refresh

NOTE_MAX = 1000


def _with_note(alert: Alert, note: str) -> list[str]:
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(
            {"note": [_("Keep the note under %(count)d characters.") % {"count": NOTE_MAX}]}
        )
    if not note:
        return []
    alert.review_note = f"{alert.review_note}\n{note}".strip() if alert.review_note else note
    return ["review_note"]


@transaction.atomic
def alert_acknowledge(
    alert: Alert, *, actor: User | None, note: str = "", now: datetime | None = None
) -> Alert:
    """Mark the alert seen. Acknowledging twice keeps the first time; a resolved alert
    cannot be acknowledged again."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.resolved_at is not None:
        raise ValidationError({"detail": [_("This alert is already resolved.")]})
    fields = _with_note(alert, note)
    if alert.acknowledged_at is None:
        alert.acknowledged_at = now or timezone.now()
        alert.acknowledged_by = actor
        fields += ["acknowledged_at", "acknowledged_by"]
    if fields:
        alert.save(update_fields=fields)
        summary_refresh([alert.patient_id])
    return alert


@transaction.atomic
def alert_resolve(
    alert: Alert, *, actor: User | None = None, note: str = "", now: datetime | None = None
) -> Alert:
    """Close the alert (it counts as acknowledged too)."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.resolved_at is not None:
        raise ValidationError({"detail": [_("This alert is already resolved.")]})
    moment = now or timezone.now()
    fields = [*_with_note(alert, note), "resolved_at", "resolved_by"]
    alert.resolved_at, alert.resolved_by = moment, actor
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_by = moment, actor
        fields += ["acknowledged_at", "acknowledged_by"]
    alert.save(update_fields=fields)
    summary_refresh([alert.patient_id])
    return alert


# -- selectors --------------------------------------------------------------------------------

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
