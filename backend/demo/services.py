"""``seed_demo``'s one operation: each app's demo service, in the order of the layers."""

from __future__ import annotations

from django.db import transaction

from backend.accounts.demo import DemoPeople, demo_people
from backend.messaging.services import alerts_notify
from backend.nudges.services import plan_for
from backend.outcomes.demo import demo_outcomes
from backend.programs.demo import demo_history
from backend.programs.models import Alert
from backend.programs.services import demo_assignment


@transaction.atomic
def demo_seed(password: str) -> DemoPeople:
    """Create (or refresh) the demo clinic; running it again changes nothing but the
    passwords."""
    people = demo_people(password)
    patient, physio = people.patient, people.physio
    plan_for(patient)  # what every patient has: a nudge plan (created on the first run)
    demo_assignment(patient=patient, physio=physio)
    demo_history(patient=patient, physio=physio)  # after the assignment it needs
    demo_outcomes(patient=patient, physio=physio)  # questionnaires over that history
    # The history's alerts reach the physio as any alert does (push, e-mail, the ledger).
    alerts_notify(Alert.objects.filter(patient=patient))
    return people
