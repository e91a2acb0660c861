"""The red-flag safety check: due before the first session and whenever the physio
re-issues it. Any "yes" stops the session flow with the advice of that flag, raises an
urgent alert to the physio, and is stored with the questions and answers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.i18n import speaking
from backend.inbox.models import InboxKind
from backend.inbox.services import inbox_post
from backend.programs.models import Alert, AlertKind, RedFlagScreening
from backend.programs.summary import summary_refresh
from backend.rawsql import quoted_names
from exercises.safety_content import safety_content, safety_for

RED_FLAG_REASON = "red_flag"


def latest_screening(patient: User) -> RedFlagScreening | None:
    return patient.screenings.order_by("-requested_at", "-pk").first()


@cache
def _latest_answer_sql() -> str:
    """``latest_screening``, written out: its key and the two columns ``screening_state``
    needs. Today asks on every load, and the ORM compiling this statement afresh each time
    cost twice its round trip (about 0.3 of 0.45 ms); a raw query still has its columns
    converted by the model's fields on every backend."""
    table, column = quoted_names(RedFlagScreening)
    return (
        f"SELECT {column['id']}, {column['answered_at']}, {column['flagged']} "  # noqa: S608
        f"FROM {table} WHERE {column['patient']} = %s "
        f"ORDER BY {column['requested_at']} DESC, {column['id']} DESC LIMIT 1"
    )


def screening_state(patient: User) -> dict[str, Any]:
    """``due``: the patient must answer before a session; ``blocked``: the last answers had
    a "yes", so sessions stay stopped until the physio re-issues the check."""
    latest = next(iter(RedFlagScreening.objects.raw(_latest_answer_sql(), [patient.pk])), None)
    answered_at = latest.answered_at if latest is not None else None
    flagged = list(latest.flagged or []) if latest is not None and answered_at is not None else []
    return {
        "due": answered_at is None,
        "blocked": bool(flagged),
        "flagged": flagged,
        "answered_at": answered_at,
    }


def advice_for(codes: list[str], language: str | None = None) -> list[dict[str, str]]:
    """What to do for each flagged sign, in ``language`` (else English)."""
    content = safety_for(language)
    return [
        {
            "code": flag.code,
            "label": flag.label,
            "action": flag.action,
            "advice": content.actions[flag.action],
        }
        for flag in content.red_flags
        if flag.code in codes
    ]


def _clean_answers(answers: Any) -> dict[str, bool]:
    codes = [flag.code for flag in safety_content().red_flags]
    if not isinstance(answers, Mapping):
        raise ValidationError({"answers": [_("Give an answer (true or false) for each question.")]})
    errors: dict[str, list[str]] = {}
    for key in answers:
        if key not in codes:
            errors[f"answers.{str(key)[:40]}"] = [_("Not a question of this check.")]
    for code in codes:
        if code not in answers:
            errors[f"answers.{code}"] = [_("Please answer yes or no.")]
        elif not isinstance(answers[code], bool):
            errors[f"answers.{code}"] = [_("Must be true (yes) or false (no).")]
    if errors:
        raise ValidationError(errors)
    return {code: bool(answers[code]) for code in codes}


@transaction.atomic
def screening_answer(
    *, patient: User, answers: Any, now: datetime | None = None
) -> RedFlagScreening:
    """Store the patient's answers (into the open request, or a new row); raise the urgent
    alert when any answer is "yes"."""
    clean = _clean_answers(answers)
    now = now or timezone.now()
    screening = latest_screening(patient)
    if screening is None or screening.answered_at is not None:
        screening = RedFlagScreening(patient=patient, requested_at=now)
    content = safety_content()
    screening.answers = [
        {"code": f.code, "question": f.question, "answer": clean[f.code]} for f in content.red_flags
    ]
    screening.flagged = [code for code, yes in clean.items() if yes]
    screening.answered_at = now
    screening.save()
    if screening.flagged:
        _raise_red_flag_alert(patient, screening)
    return screening


def screening_request(
    *, patient: User, physio: User, now: datetime | None = None
) -> RedFlagScreening:
    """The physio asks the patient to answer the check again (also lifts a stop once the
    patient answers "no" to everything)."""
    latest = latest_screening(patient)
    if latest is not None and latest.answered_at is None:
        return latest
    return RedFlagScreening.objects.create(
        patient=patient, requested_by=physio, requested_at=now or timezone.now()
    )


def _raise_red_flag_alert(patient: User, screening: RedFlagScreening) -> Alert:
    items = advice_for(list(screening.flagged))
    urgent = any(item["action"] == "urgent" for item in items)
    labels = "; ".join(item["label"] for item in items)
    with translation.override(settings.LANGUAGE_CODE):  # the stored record: the default
        message = (_("Safety check answered yes: %(labels)s") % {"labels": labels})[:300]
    alert = Alert.objects.create(
        patient=patient, kind=AlertKind.RED_FLAG, reason=RED_FLAG_REASON, message=message
    )
    summary_refresh([patient.pk])
    who = patient.full_name or patient.email
    for link in patient.physio_links.select_related("physio"):
        with speaking(link.physio):
            if urgent:
                title = _("URGENT red flag: %(who)s") % {"who": who}
            else:
                title = _("Red flag, contact today: %(who)s") % {"who": who}
            inbox_post(
                link.physio,
                kind=InboxKind.ALERT,
                title=title,
                body=(_("Safety check answered yes: %(labels)s") % {"labels": labels})[:300],
                url=f"/physio/patients/{patient.pk}",
                dedupe_key=f"alert:{alert.pk}",
            )
    return alert
