"""The red-flag safety check: due before the first session and whenever the physio
re-issues it. Any "yes" stops the session flow with the advice of that flag, raises an
urgent alert to the physio, and is stored with the questions and answers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from backend.accounts.models import User
from backend.nudges.inbox import inbox_post
from backend.nudges.models import InboxKind
from backend.programs.models import Alert, AlertKind, RedFlagScreening
from backend.programs.summary import summary_refresh
from exercises.safety_content import safety_content

RED_FLAG_REASON = "red_flag"


def latest_screening(patient: User) -> RedFlagScreening | None:
    return patient.screenings.order_by("-requested_at", "-pk").first()


def screening_state(patient: User) -> dict[str, Any]:
    """``due``: the patient must answer before a session; ``blocked``: the last answers had
    a "yes", so sessions stay stopped until the physio re-issues the check."""
    latest = latest_screening(patient)
    due = latest is None or latest.answered_at is None
    flagged = list(latest.flagged) if latest is not None and not due else []
    return {
        "due": due,
        "blocked": bool(flagged),
        "flagged": flagged,
        "answered_at": latest.answered_at if latest is not None else None,
    }


def advice_for(codes: list[str]) -> list[dict[str, str]]:
    content = safety_content()
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
        raise ValidationError({"answers": ["Give an answer (true or false) for each question."]})
    errors: dict[str, list[str]] = {}
    for key in answers:
        if key not in codes:
            errors[f"answers.{str(key)[:40]}"] = ["Not a question of this check."]
    for code in codes:
        if code not in answers:
            errors[f"answers.{code}"] = ["Please answer yes or no."]
        elif not isinstance(answers[code], bool):
            errors[f"answers.{code}"] = ["Must be true (yes) or false (no)."]
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
    message = f"Safety check answered yes: {labels}"[:300]
    alert = Alert.objects.create(
        patient=patient, kind=AlertKind.RED_FLAG, reason=RED_FLAG_REASON, message=message
    )
    summary_refresh([patient.pk])
    who = patient.full_name or patient.email
    title = f"URGENT red flag: {who}" if urgent else f"Red flag, contact today: {who}"
    for link in patient.physio_links.select_related("physio"):
        inbox_post(
            link.physio,
            kind=InboxKind.ALERT,
            title=title,
            body=message,
            url=f"/physio/patients/{patient.pk}",
            dedupe_key=f"alert:{alert.pk}",
        )
    return alert
