"""Building programs and assigning them: versions, pauses, the calendar feed token."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from datetime import date, time, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from backend.accounts.models import Role, User
from backend.accounts.selectors import patients_visible_to
from backend.programs.models import (
    REMINDER_RECHECK,
    Assignment,
    AssignmentPause,
    AssignmentStatus,
    Program,
    ProgramItem,
    ProgramVersion,
)
from backend.programs.selectors import local_today
from backend.programs.summary import after_change
from exercises.models import Exercise, Routine

ITEM_FIELDS = ("sets", "reps", "hold_seconds", "rest_seconds", "per_side", "tempo", "notes")


def _require_physio(actor: User) -> int:
    """The physio's clinic id; anyone else is refused."""
    if actor.role != Role.PHYSIO or actor.clinic_id is None:
        raise ValidationError({"detail": [_("Only a physiotherapist can do this.")]})
    return actor.clinic_id


def _items_from_routine(slug: str, clinic_id: int | None) -> list[dict[str, Any]]:
    routine = (
        Routine.objects.filter(Q(clinic=None) | Q(clinic_id=clinic_id), slug=slug, retired_at=None)
        .prefetch_related("items__exercise")
        .first()
    )
    if routine is None:
        raise ValidationError(
            {"routine": [_("There is no routine %(slug)s.") % {"slug": repr(slug)}]}
        )
    return [
        {
            "exercise": item.exercise.slug,
            "sets": item.sets,
            "reps": item.reps,
            "hold_seconds": item.hold_seconds,
            "rest_seconds": item.rest_seconds,
            "per_side": item.per_side,
            "phase": 1,
        }
        for item in routine.items.all()
    ]


def _check_phases(phases: Sequence[Mapping[str, Any]], items: Sequence[Mapping[str, Any]]) -> None:
    numbers = [p["number"] for p in phases]
    if len(set(numbers)) != len(numbers):
        raise ValidationError({"phases": [_("Each phase needs its own number.")]})
    starts = [p["starts_week"] for p in sorted(phases, key=lambda p: p["number"])]
    if starts != sorted(starts) or (phases and starts[0] != 1):
        raise ValidationError(
            {"phases": [_("Phase 1 starts in week 1 and later phases start in later weeks.")]}
        )
    known = set(numbers) or {1}
    unknown = sorted({item.get("phase", 1) for item in items} - known)
    if unknown:
        raise ValidationError(
            {
                "items": [
                    _("Items refer to phases that do not exist: %(phases)s.") % {"phases": unknown}
                ]
            }
        )


def _create_version(
    program: Program,
    *,
    actor: User,
    notes: str,
    phases: Sequence[Mapping[str, Any]],
    items: Sequence[Mapping[str, Any]],
    keep_retired: bool = False,
) -> ProgramVersion:
    """The program's next version (number 1 for a new program). ``keep_retired``: the
    items are the current version's, unchanged; an exercise retired since may stay (only
    new choices must come from the live catalogue)."""
    current = program.current_version
    number = current.number + 1 if current is not None else 1
    if not items:
        raise ValidationError({"items": [_("A program needs at least one exercise.")]})
    _check_phases(phases, items)
    slugs = {item["exercise"] for item in items}
    exercises = {
        e.slug: e
        for e in Exercise.objects.filter(
            Q(clinic=None) | Q(clinic_id=actor.clinic_id),
            slug__in=slugs,
            **({} if keep_retired else {"retired_at": None}),
        )
    }
    missing = sorted(slugs - set(exercises))
    if missing:
        raise ValidationError(
            {"items": [_("Unknown exercises: %(slugs)s.") % {"slugs": ", ".join(missing)}]}
        )
    version = ProgramVersion.objects.create(
        program=program,
        number=number,
        notes=notes,
        phases=[dict(p) for p in sorted(phases, key=lambda p: p["number"])],
        created_by=actor,
    )
    ProgramItem.objects.bulk_create(
        ProgramItem(
            version=version,
            position=position,
            phase=item.get("phase", 1),
            exercise=exercises[item["exercise"]],
            **{name: item[name] for name in ITEM_FIELDS if name in item},
        )
        for position, item in enumerate(items, start=1)
    )
    program.current_version = version
    program.save(update_fields=["current_version", "updated_at"])
    return version


@transaction.atomic
def program_create(
    *,
    actor: User,
    name: str,
    notes: str = "",
    items: Sequence[Mapping[str, Any]] | None = None,
    routine: str | None = None,
    phases: Sequence[Mapping[str, Any]] = (),
) -> Program:
    clinic_id = _require_physio(actor)
    if bool(items) == bool(routine):
        raise ValidationError({"items": [_("Give either a list of items or a routine, not both.")]})
    program_items = list(items or _items_from_routine(str(routine), clinic_id))
    program = Program.objects.create(clinic_id=clinic_id, created_by=actor, name=name)
    _create_version(program, actor=actor, notes=notes, phases=phases, items=program_items)
    return program


@transaction.atomic
def program_revise(
    program: Program,
    *,
    actor: User,
    name: str | None = None,
    notes: str | None = None,
    items: Sequence[Mapping[str, Any]] | None = None,
    phases: Sequence[Mapping[str, Any]] | None = None,
) -> Program:
    """An edit makes a new version; the old one stays for the sessions logged against it.
    Only the program's author edits it: colleagues may use it, but a change would alter
    another physio's patients' plans behind their back."""
    _require_physio(actor)
    if program.created_by_id != actor.pk:
        raise PermissionDenied(_("Only the physiotherapist who built this program can change it."))
    program = Program.objects.select_for_update().get(pk=program.pk)
    current = program.current_version
    assert current is not None
    if name is not None and name != program.name:
        program.name = name
        program.save(update_fields=["name", "updated_at"])
    if items is None and phases is None and notes is None:
        return program
    reuse_items = items is None
    if items is None:
        items = [
            {
                "exercise": i.exercise.slug,
                "phase": i.phase,
                **{f: getattr(i, f) for f in ITEM_FIELDS},
            }
            for i in current.items.select_related("exercise")
        ]
    _create_version(
        program,
        actor=actor,
        notes=current.notes if notes is None else notes,
        phases=current.phases if phases is None else phases,
        items=items,
        keep_retired=reuse_items,
    )
    return program


# One keyword per field of the assignment, as Model.objects.create takes them; grouping
# them would change every caller (API, demo, tests, benchmarks) for no clearer call.
@transaction.atomic
def assignment_create(  # noqa: PLR0913
    *,
    actor: User,
    program: Program,
    patient_id: int,
    start_date: date,
    end_date: date | None,
    days_of_week: Sequence[int],
    preferred_time: time | None = None,
    notes: str = "",
) -> Assignment:
    _require_physio(actor)
    patient = patients_visible_to(actor).filter(pk=patient_id).first()
    if patient is None:
        raise ValidationError({"patient": [_("Choose one of your patients.")]})
    if program.clinic_id != actor.clinic_id:
        raise ValidationError({"program": [_("Choose a program of your clinic.")]})
    if end_date is not None and end_date < start_date:
        raise ValidationError({"end_date": [_("The end date must not be before the start date.")]})
    days = sorted(set(days_of_week))
    if not days or any(d < 1 or d > 7 for d in days):
        raise ValidationError(
            {"days_of_week": [_("Pick days as numbers 1 (Monday) to 7 (Sunday).")]}
        )
    assignment = Assignment.objects.create(
        program=program,
        patient=patient,
        assigned_by=actor,
        start_date=start_date,
        end_date=end_date,
        days_of_week=days,
        preferred_time=preferred_time,
        notes=notes,
    )
    after_change([assignment])
    return assignment


@transaction.atomic
def assignment_pause(assignment: Assignment, *, today: date) -> Assignment:
    if assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError({"status": [_("Only an active assignment can be paused.")]})
    AssignmentPause.objects.create(assignment=assignment, paused_on=today)
    assignment.status = AssignmentStatus.PAUSED
    assignment.was_paused = True  # from now on its days are read with its pauses
    assignment.save(update_fields=["status", "was_paused", "updated_at"])
    after_change([assignment])
    return assignment


@transaction.atomic
def assignment_resume(assignment: Assignment, *, today: date) -> Assignment:
    if assignment.status != AssignmentStatus.PAUSED:
        raise ValidationError({"status": [_("Only a paused assignment can be resumed.")]})
    AssignmentPause.objects.filter(assignment=assignment, resumed_on=None).update(resumed_on=today)
    assignment.status = AssignmentStatus.ACTIVE
    assignment.next_reminder_at = REMINDER_RECHECK  # reminders start again
    assignment.save(update_fields=["status", "next_reminder_at", "updated_at"])
    after_change([assignment])
    return assignment


@transaction.atomic
def assignment_end(assignment: Assignment, *, today: date) -> Assignment:
    if assignment.status == AssignmentStatus.ENDED:
        raise ValidationError({"status": [_("This assignment has already ended.")]})
    AssignmentPause.objects.filter(assignment=assignment, resumed_on=None).update(resumed_on=today)
    assignment.status = AssignmentStatus.ENDED
    if assignment.end_date is None or assignment.end_date > today:
        assignment.end_date = max(today, assignment.start_date)
    assignment.save(update_fields=["status", "end_date", "updated_at"])
    after_change([assignment])
    return assignment


def calendar_feed_rotate(assignment: Assignment) -> str:
    """A new private feed token; the previous URL stops working at once."""
    assignment.calendar_token = secrets.token_urlsafe(32)
    assignment.save(update_fields=["calendar_token"])
    return assignment.calendar_token


def calendar_feed_revoke(assignment: Assignment) -> None:
    assignment.calendar_token = None
    assignment.save(update_fields=["calendar_token"])


DEMO_ROUTINE = "core-foundation-two-weeks"


def demo_assignment(*, patient: User, physio: User) -> Assignment | None:
    """The demo patient gets an active daily program (once; seed_demo may run again)."""
    if Assignment.objects.filter(patient=patient, status=AssignmentStatus.ACTIVE).exists():
        return None
    program = program_create(actor=physio, name="Core foundation", routine=DEMO_ROUTINE)
    today = local_today(patient)
    return assignment_create(
        actor=physio,
        program=program,
        patient_id=patient.pk,
        # Four weeks back: seed_demo also writes four weeks of history (programs.demo).
        start_date=today - timedelta(days=28),
        end_date=None,
        days_of_week=[1, 2, 3, 4, 5, 6, 7],
        preferred_time=time(18, 0),
        notes="Go gently. Stop and tell me if the pain spreads or gets worse.",
    )
