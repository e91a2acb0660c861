"""A patient with one of everything we can hold about a person, for the privacy tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType

from backend.accounts import audit
from backend.accounts.models import Invite, User
from backend.accounts.tokens import token_issue
from backend.inbox.models import InboxMessage, PushSubscription
from backend.messaging.models import Consent, Message
from backend.nudges.models import Break, Nudge, NudgePlan
from backend.outcomes.models import OutcomeResponse, OutcomeSchedule
from backend.programs.services import session_log
from tests.factories import assign_program, session_data

NOW = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)


def log_session(patient: User, assignment: Any, *, pain_after: int, notes: str = "") -> Any:
    done = datetime(2026, 11, 23, 18, 20, tzinfo=UTC)
    data = session_data(assignment, completed_at=done, pain_after=pain_after, notes=notes)
    session, _ = session_log(patient=patient, data=data, now=NOW)
    return session


@pytest.fixture
def pat_world(cast: Any, library: Any) -> Any:
    """Pat's records in every table, and her name and address wherever a real app would
    copy them: alert messages in Phil's inbox, an invite addressed to her, the admin log."""
    pat, phil = cast.pat, cast.phil
    assignment = assign_program(
        phil,
        pat,
        name="Daily core",
        start=date(2026, 11, 2),
        days=[1, 3, 5],
        preferred_time=time(18, 0),
        notes="Pat Patient: go gently",
    )
    program = assignment.program
    log_session(pat, assignment, pain_after=2, notes="Felt fine, pat@example.com")
    log_session(pat, assignment, pain_after=9)  # a pain alert → a message in Phil's inbox
    schedule = OutcomeSchedule.objects.create(
        patient=pat, measure="nprs", every_weeks=2, start_date=date(2026, 11, 2), created_by=phil
    )
    OutcomeResponse.objects.create(
        patient=pat,
        measure="nprs",
        schedule=schedule,
        answers=[4],
        score=4,
        local_date=date(2026, 11, 20),
    )
    plan = NudgePlan.objects.create(user=pat)
    nudge = Nudge.objects.create(
        plan=plan, user=pat, slot=datetime(2026, 11, 24, 10, 0, tzinfo=UTC), content="tip:walk"
    )
    nudge.message = InboxMessage.objects.create(
        user=pat, kind="nudge", title="Time to move", extra=nudge.inbox_extra()
    )
    nudge.save(update_fields=["message"])
    Break.objects.create(user=pat, nudge=nudge)
    PushSubscription.objects.create(
        user=pat, endpoint="https://push.example.org/pat-device", p256dh="k" * 20, auth="a" * 16
    )
    token_issue(pat, name="Pat's phone")
    Message.objects.create(
        patient=pat, sender=pat, sender_is_patient=True, body="Sore today", body_hash="x"
    )
    Consent.objects.create(
        patient=pat, given_on=date(2026, 11, 2), method="written", recorded_by=phil
    )
    Invite.objects.create(
        code="PATINVITE1",
        clinic=pat.clinic,
        role="patient",
        email="pat@example.com",
        note="For Pat Patient",
        created_by=phil,
        expires_at=NOW,
        used_at=NOW,
        used_by=pat,
    )
    LogEntry.objects.create(
        user=cast.adam,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(pat.pk),
        object_repr=str(pat),
        action_flag=CHANGE,
        change_message="Changed full_name.",
    )
    audit.record_patient_access(phil, pat, audit.PATIENT_DETAIL, f"/api/patients/{pat.pk}/")
    # Olive (Carla's patient) has her own records, which must survive Pat's erasure.
    olive_assignment = assign_program(
        cast.carla,
        cast.olive,
        name="Olive's plan",
        items=[{"exercise": "glute-bridge", "sets": 1, "reps": 5, "rest_seconds": 30}],
        start=date(2026, 11, 2),
        days=[1],
    )
    log_session(cast.olive, olive_assignment, pain_after=9)
    from backend.programs.precautions import patient_precautions_set
    from backend.programs.screening import screening_answer
    from exercises.safety_content import safety_content

    screening_answer(patient=cast.pat, answers={f.code: False for f in safety_content().red_flags})
    patient_precautions_set(patient=cast.pat, codes=["extension-intolerance"], actor=cast.phil)
    cast.assignment = assignment
    cast.program = program
    return cast
