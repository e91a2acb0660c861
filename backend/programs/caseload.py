"""The physio's caseload: ordered and paged in the database, rows built for one page.

Why a summary row: every ordering the API offers must be answered by the database so a
page of 20 costs the same at 20 and 20,000 patients. Name, last session and open alerts
are plain columns; adherence over the last 7 days is not (it depends on each program's
days, pauses and the patient's own calendar day), and it must be the figure of the tested
pure function in ``programs/adherence.py``. So each patient has a ``CaseloadSummary`` row
holding the sort keys (last session, open alerts, 7-day adherence, computed by the same
code as the page shows). The alert and assignment services rewrite it in their own
transaction (``summary_refresh``); a calm session only marks it stale
(``summary.after_session``); the 7-day window also moves at the patient's local
midnight without any write, so the row says until when it is fresh (``fresh_until``) and
the refresh job (beat, ``refresh_stale_summaries``) recomputes only the rows whose moment
has come, by index. A page request refreshes the few of its caller's rows that are stale
(a bounded number) before it orders, so the order is right even between two
runs of the job.

The rows of the page itself (adherence 7/28 days, latest pain, skipped-because-it-hurt,
needs a program) are computed live for those 20 patients only, in a fixed number of
queries: what is shown is always current.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import (
    Count,
    F,
    OrderBy,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone

from backend.accounts.models import User
from backend.accounts.selectors import patients_visible_to
from backend.programs.adherence import adherence_between
from backend.programs.models import (
    Alert,
    Assignment,
    AssignmentStatus,
    Session,
    SessionItem,
    with_pauses,
)
from backend.programs.safety import HURT_SKIP_REASON
from backend.programs.selectors import needs_attention
from backend.programs.summary import days_and_done, local_today, summary_refresh

# How many stale or missing summary rows one page request refreshes before ordering.
REFRESH_ON_READ = 100

_NAME = (Lower("full_name").asc(), F("pk").asc())
CASELOAD_ORDERINGS: dict[str, tuple[OrderBy, ...]] = {
    "name": _NAME,
    "adherence_7d": (F("caseload_summary__adherence_7d").asc(nulls_last=True), *_NAME),
    "-adherence_7d": (F("caseload_summary__adherence_7d").desc(nulls_last=True), *_NAME),
    "-last_session_at": (F("caseload_summary__last_session_at").desc(nulls_last=True), *_NAME),
    "-open_alerts": (
        Coalesce(F("caseload_summary__open_alerts"), Value(0)).desc(),
        *_NAME,
    ),
}


def _has_current_program(assignments: Sequence[Assignment], today: date) -> bool:
    """An active or paused assignment that has not run out (an ended one needs a new plan)."""
    return any(
        a.status != AssignmentStatus.ENDED and (a.end_date is None or a.end_date >= today)
        for a in assignments
    )


def _assignments_and_days(
    ids: Sequence[int], oldest: date
) -> tuple[dict[int, list[Assignment]], dict[int, set[date]]]:
    by_patient: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in with_pauses(Assignment.objects.filter(patient_id__in=ids)):
        by_patient[assignment.patient_id].append(assignment)
    done: dict[int, set[date]] = defaultdict(set)
    for assignment_id, day in Session.objects.filter(
        patient_id__in=ids, local_date__gte=oldest
    ).values_list("assignment_id", "local_date"):
        done[assignment_id].add(day)
    return by_patient, done


# -- the sort keys before a read -----------------------------------------------------------


def refresh_for_page(patients: QuerySet[User], now: datetime) -> int:
    """Before ordering a caller's caseload: their stale rows, a bounded number. A patient
    without a row has had no session, alert or assignment (the services write one): the
    ordering treats a missing row as nothing yet (no adherence, no session, no alert)."""
    stale = list(
        patients.filter(caseload_summary__fresh_until__lte=now).values_list("pk", flat=True)[
            :REFRESH_ON_READ
        ]
    )
    summary_refresh(stale, now)
    return len(stale)


# -- reads ------------------------------------------------------------------------------------


def caseload_patients(user: User, search: str = "") -> QuerySet[User]:
    """The patients the caller may see (``search``: whose name or e-mail has every word)."""
    visible = patients_visible_to(user)
    for word in search.split():
        visible = visible.filter(Q(full_name__icontains=word) | Q(email__icontains=word))
    return visible


def caseload_order(patients: QuerySet[User], ordering: str) -> QuerySet[User]:
    """Patient ids in the caseload order, for the paginator (the database sorts and pages)."""
    keys = CASELOAD_ORDERINGS.get(ordering, CASELOAD_ORDERINGS["name"])
    return patients.order_by(*keys)


def caseload_rows(ids: Sequence[int], now: datetime | None = None) -> list[dict[str, Any]]:
    """The caseload rows of these patients, in the given order (five queries)."""
    now = now or timezone.now()
    latest = Session.objects.filter(patient=OuterRef("pk")).order_by("-completed_at")
    patients = {
        p.pk: p
        for p in User.objects.filter(pk__in=ids).annotate(
            last_session_at=Subquery(latest.values("completed_at")[:1]),
            latest_pain=Subquery(latest.values("pain_after")[:1]),
            open_alerts=Subquery(
                Alert.objects.filter(needs_attention(), patient=OuterRef("pk"))
                .values("patient")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            # Exercises skipped because they hurt, in the last 28 days.
            hurt_skips_28d=Subquery(
                SessionItem.objects.filter(
                    session__patient=OuterRef("pk"),
                    skipped=True,
                    skip_reason=HURT_SKIP_REASON,
                    session__completed_at__gte=now - timedelta(days=28),
                )
                .values("session__patient")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
        )
    }
    by_patient, done = _assignments_and_days(ids, timezone.localdate(now) - timedelta(days=30))
    rows = []
    for pk in ids:
        patient = patients[pk]
        today = local_today(patient, now)
        own = by_patient[pk]
        days = days_and_done(own, done)
        rows.append(
            {
                "id": patient.pk,
                "full_name": patient.full_name,
                "email": patient.email,
                "adherence_7d": adherence_between(days, today - timedelta(days=6), today),
                "adherence_28d": adherence_between(days, today - timedelta(days=27), today),
                "last_session_at": patient.last_session_at,
                "latest_pain": patient.latest_pain,
                "open_alerts": patient.open_alerts or 0,
                "needs_program": not _has_current_program(own, today),
                "hurt_skips_28d": patient.hurt_skips_28d or 0,
            }
        )
    return rows


def caseload_for(
    user: User,
    ordering: str = "name",
    now: datetime | None = None,
    *,
    only: int | None = None,
    search: str = "",
) -> list[dict[str, Any]]:
    """The whole caseload as rows (or the one row of ``only``): for small reads and tests;
    the API pages ``caseload_order`` instead."""
    now = now or timezone.now()
    patients = caseload_patients(user, search)
    if only is not None:
        patients = patients.filter(pk=only)
    else:
        refresh_for_page(patients, now)
    ids = list(caseload_order(patients, ordering).values_list("pk", flat=True))
    return caseload_rows(ids, now)
