"""Costs that must not grow: the caseload is ordered and paged by the database, progress
is bounded (recent sessions, older weeks counted in SQL), the adherence scan is
incremental. Each result is compared with the whole computation it replaced."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import CareLink
from backend.programs import adherence, caseload, selectors, services
from backend.programs.models import Alert, Assignment, CaseloadSummary, Session
from backend.programs.services import adherence_scan, alert_acknowledge, session_log
from backend.programs.summary import refresh_stale_summaries
from tests.factories import UserFactory, assign_program, session_data

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)  # a Wednesday


def _log(patient: Any, assignment: Assignment, day: date, pain_after: int = 2) -> Session:
    done = datetime.combine(day, time(12, 0), tzinfo=UTC)
    data = session_data(assignment, completed_at=done, pain_after=pain_after)
    session, _ = session_log(patient=patient, data=data, now=NOW)
    return session


# -- the caseload ------------------------------------------------------------------------------

OLD_ORDERINGS = {  # the Python sort keys the database ordering replaced
    "name": lambda r: (r["full_name"].lower(), r["id"]),
    "adherence_7d": lambda r: (r["adherence_7d"] is None, r["adherence_7d"] or 0, r["full_name"]),
    "-adherence_7d": lambda r: (
        r["adherence_7d"] is None,
        -(r["adherence_7d"] or 0),
        r["full_name"],
    ),
    "-last_session_at": lambda r: (
        r["last_session_at"] is None,
        -r["last_session_at"].timestamp() if r["last_session_at"] else 0,
        r["full_name"],
    ),
    "-open_alerts": lambda r: (-r["open_alerts"], r["full_name"].lower()),
}


def _caseload(cast: Any, library: Any, size: int) -> list[Any]:
    patients = []
    for n in range(size):
        patient: Any = UserFactory(clinic=cast.phil.clinic, full_name=f"Patient {n:02d}")
        CareLink.objects.create(patient=patient, physio=cast.phil)
        patients.append(patient)
        if n % 5 == 4:
            continue  # no program, no sessions
        assignment = assign_program(cast.phil, patient, start=date(2026, 10, 1))
        for d in range(n % 7):  # 0..6 of the last 7 days done: distinct adherence
            _log(
                patient, assignment, date(2026, 11, 24) - timedelta(days=d), 9 if d == n % 3 else 2
            )
    return patients


@time_machine.travel(NOW, tick=False)
def test_every_ordering_pages_in_the_database_as_the_whole_sort_did(
    cast: Any, library: Any, as_user: Any
) -> None:
    _caseload(cast, library, 26)
    rows = caseload.caseload_rows(
        list(caseload.caseload_patients(cast.phil).values_list("pk", flat=True)), NOW
    )
    assert len({r["adherence_7d"] for r in rows}) >= 5 and any(r["open_alerts"] for r in rows)
    for ordering, key in OLD_ORDERINGS.items():
        expected = [r["id"] for r in sorted(rows, key=key)]
        got = []
        url: str | None = f"/api/patients/?ordering={ordering}&page_size=10"
        while url:
            body = as_user(cast.phil).get(url).json()
            assert body["count"] == len(rows)
            got += [r["id"] for r in body["results"]]
            url = body["next"]
        assert got == expected, ordering
        # The page shows the live figures of the same rows.
        first = as_user(cast.phil).get(f"/api/patients/?ordering={ordering}").json()["results"]
        by_id = {r["id"]: r for r in rows}
        assert all(r["adherence_7d"] == by_id[r["id"]]["adherence_7d"] for r in first)


@time_machine.travel(NOW, tick=False)
def test_a_caseload_page_costs_the_same_queries_at_6_and_60_patients(
    cast: Any, library: Any, as_user: Any
) -> None:
    counts = []
    for more in (5, 55):  # Pat and 5, then 60 patients
        _caseload(cast, library, more)
        with CaptureQueriesContext(connection) as queries:
            answer = as_user(cast.phil).get("/api/patients/?ordering=-adherence_7d")
        assert answer.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    # The adherence figures are not computed for patients off the page.
    assert len(answer.json()["results"]) == 20


@time_machine.travel(NOW, tick=False)
def test_the_services_keep_the_sort_keys_current(cast: Any, library: Any) -> None:
    patient = cast.pat
    assignment = assign_program(cast.phil, patient, start=date(2026, 11, 1))
    summary = CaseloadSummary.objects.get(patient=patient)
    assert (summary.adherence_7d, summary.open_alerts, summary.last_session_at) == (0.0, 0, None)
    session = _log(patient, assignment, date(2026, 11, 24), pain_after=9)  # a pain alert
    summary.refresh_from_db()
    assert summary.open_alerts == 1 and summary.last_session_at == session.completed_at
    assert summary.adherence_7d == pytest.approx(1 / 6)  # 19-24 Nov; today not over yet
    alert_acknowledge(Alert.objects.get(patient=patient), actor=cast.phil)
    summary.refresh_from_db()
    assert summary.open_alerts == 0
    services.assignment_pause(assignment, today=date(2026, 11, 25))
    services.assignment_end(assignment, today=date(2026, 11, 25))
    summary.refresh_from_db()
    assert summary.fresh_until == datetime(2026, 11, 26, tzinfo=UTC)


def test_the_refresh_job_reads_only_rows_whose_day_moved_on(cast: Any, library: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        patients = _caseload(cast, library, 5)
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        # A calm session marks its patient's row stale; the job recomputes each once.
        marked = set(CaseloadSummary.objects.filter(fresh_until__lte=NOW).values_list("pk"))
        assert marked
        assert refresh_stale_summaries() == len(marked)
        assert refresh_stale_summaries() == 0  # nothing stale any more
    assert CaseloadSummary.objects.get(patient=patients[3]).adherence_7d == 0.5  # 3 of 19-24
    with time_machine.travel(NOW + timedelta(days=6), tick=False):
        with CaptureQueriesContext(connection) as queries:
            refreshed = refresh_stale_summaries()
        assert refreshed == CaseloadSummary.objects.count() == 4  # one had nothing at all
        # Find, refresh all four (6: none was ever paused, so no pauses are read), find none.
        assert len(queries) == 8
        # Six days on without a session: none in the window (25-30 Nov) was done.
        assert CaseloadSummary.objects.get(patient=patients[3]).adherence_7d == 0.0


# -- progress ----------------------------------------------------------------------------------


def _whole_progress(patient: Any, today: date) -> dict[str, Any]:
    """Progress from every session and every program day, with the pure adherence
    functions day by day, as before the bound."""
    assignments = list(Assignment.objects.filter(patient=patient).prefetch_related("pauses"))
    sessions = Session.objects.filter(patient=patient).values_list("assignment_id", "local_date")
    weeks: dict[date, list[int]] = {}
    every_day: set[date] = set()
    for assignment in assignments:
        scheduled = assignment.scheduled_days(today)
        every_day.update(scheduled)
        done = [d for a, d in sessions if a == assignment.pk]
        for week in adherence.weekly_adherence(scheduled, done):
            bucket = weeks.setdefault(week.week_start, [0, 0])
            bucket[0] += week.prescribed
            bucket[1] += week.completed
    return {
        "adherence_overall": adherence.share(
            sum(p for p, _ in weeks.values()), sum(c for _, c in weeks.values())
        ),
        "streak": adherence.current_streak(sorted(every_day), [d for _, d in sessions], today),
        "weeks": [
            {"week_start": w, "prescribed": p, "completed": c, "ratio": adherence.share(p, c)}
            for w, (p, c) in sorted(weeks.items())
        ],
    }


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("gap", [True, False])
def test_bounded_progress_has_the_figures_of_the_whole_history(
    cast: Any, library: Any, gap: bool
) -> None:
    patient = cast.pat
    weekdays = assign_program(cast.phil, patient, start=date(2026, 1, 5), days=[1, 3, 5])
    daily = assign_program(cast.phil, patient, start=date(2026, 3, 2))
    services.assignment_pause(daily, today=date(2026, 5, 4))
    services.assignment_resume(daily, today=date(2026, 5, 18))
    day = date(2026, 1, 5)
    while day < date(2026, 11, 25):
        if not (gap and day == date(2026, 4, 7)):
            if day.isoweekday() in (1, 3, 5) or day.day % 4 == 0:
                _log(patient, weekdays, day)  # some on rest days: they do not count
            if day >= date(2026, 3, 2) and (day.day % 3 or not gap):
                _log(patient, daily, day)  # also during the pause
        day += timedelta(days=1)
    today = date(2026, 11, 25)
    with CaptureQueriesContext(connection) as queries:
        bounded = selectors.progress_for(patient)
    whole = _whole_progress(patient, today)
    for key in ("adherence_overall", "streak", "weeks"):
        assert bounded[key] == whole[key], key
    assert bounded["streak"] > (0 if gap else 150)
    oldest = min(p["date"] for p in bounded["pain"])
    assert date(2026, 8, 24) <= oldest <= date(2026, 8, 31)  # the Monday 13 weeks back
    assert len(queries) == 3  # assignments, pauses, recent sessions with the older weeks


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("miss_in_september", [True, False])
def test_progress_of_a_known_history(cast: Any, library: Any, miss_in_september: bool) -> None:
    """Worked by hand. Mondays, Wednesdays and Fridays from Monday 3 August; today is
    Wednesday 25 November, so the recent weeks start on Monday 24 August and the three
    weeks before come from the database's weekly rows."""
    assignment = assign_program(cast.phil, cast.pat, start=date(2026, 8, 3), days=[1, 3, 5])
    services.assignment_pause(assignment, today=date(2026, 8, 17))
    services.assignment_resume(assignment, today=date(2026, 8, 24))
    for n in (3, 5, 8, 10, 10, 12, 14, 19):  # Friday 7th missed; Sat 8th, Wed 19th don't count
        _log(cast.pat, assignment, date(2026, 8, n))
    day = date(2026, 8, 24)
    while day < date(2026, 11, 25):  # today not done yet
        if day.isoweekday() in (1, 3, 5) and not (miss_in_september and day == date(2026, 9, 9)):
            _log(cast.pat, assignment, day)
        day += timedelta(days=1)
    progress = selectors.progress_for(cast.pat)
    weeks = [(w["week_start"], w["prescribed"], w["completed"]) for w in progress["weeks"]]
    september = (date(2026, 9, 7), 3, 2 if miss_in_september else 3)
    assert weeks[:6] == [
        (date(2026, 8, 3), 3, 2),
        (date(2026, 8, 10), 3, 3),  # Monday twice counts once
        (date(2026, 8, 17), 0, 0),  # paused
        (date(2026, 8, 24), 3, 3),
        (date(2026, 8, 31), 3, 3),
        september,
    ]
    assert weeks[6:-1] == [(date(2026, 9, 14) + timedelta(weeks=n), 3, 3) for n in range(10)]
    assert weeks[-1] == (date(2026, 11, 23), 2, 1)  # today is due, not done yet
    assert progress["weeks"][2]["ratio"] is None
    completed = 44 if miss_in_september else 45
    assert progress["adherence_overall"] == completed / 47
    # Back from Monday 23 Nov: to Friday 11 Sep after the miss; without it through the
    # recent weeks (40 days), past the pause, the week of 10 Aug, to the missed 7 Aug.
    assert progress["streak"] == (32 if miss_in_september else 43)
    assert len(progress["pain"]) == len(progress["difficulty"]) == completed - 5
    assert progress["pain"][0]["date"] == date(2026, 8, 24)


@time_machine.travel(NOW, tick=False)
def test_progress_lists_the_recent_sessions_in_the_order_they_were_done(
    cast: Any, library: Any
) -> None:
    assignment = assign_program(cast.phil, cast.pat, start=date(2026, 11, 2))
    # Logged out of order (as an offline phone sends them): the evening one first.
    for hour, pain_after in ((19, 5), (7, 1), (12, 3)):
        done = datetime.combine(date(2026, 11, 20), time(hour), tzinfo=UTC)
        data = session_data(assignment, completed_at=done, pain_after=pain_after)
        session_log(patient=cast.pat, data=data, now=NOW)
    _log(cast.pat, assignment, date(2026, 11, 19), pain_after=0)
    progress = selectors.progress_for(cast.pat)
    assert [(p["date"].day, p["after"]) for p in progress["pain"]] == [
        (19, 0),
        (20, 1),
        (20, 3),
        (20, 5),
    ]


@time_machine.travel(NOW, tick=False)
def test_the_history_pages_every_session_newest_first(
    cast: Any, library: Any, as_user: Any
) -> None:
    assignment = assign_program(cast.phil, cast.pat, start=date(2026, 6, 1))
    for d in range(45):
        _log(cast.pat, assignment, date(2026, 11, 24) - timedelta(days=d), pain_after=d % 10)
    body = as_user(cast.pat).get("/api/progress/history/").json()
    assert body["count"] == 45 and len(body["results"]) == 20
    first = body["results"][0]
    assert (first["date"], first["before"], first["after"]) == ("2026-11-24", 2, 0)
    assert set(first) == {"id", "completed_at", "date", "before", "after", "difficulty"}
    seen = [r["id"] for r in body["results"]]
    while body["next"]:
        body = as_user(cast.pat).get(body["next"]).json()
        seen += [r["id"] for r in body["results"]]
    assert len(set(seen)) == 45
    assert as_user(cast.phil).get("/api/progress/history/").status_code == 403


# -- the adherence scan ------------------------------------------------------------------------


def test_the_adherence_scan_reads_only_assignments_whose_check_came(
    cast: Any, library: Any
) -> None:
    with time_machine.travel(datetime(2026, 11, 23, 8, tzinfo=UTC), tick=False):
        assignment = assign_program(cast.phil, cast.pat, start=date(2026, 11, 23))  # Monday
    # Three scheduled days missed (23, 24, 25 Nov) only on the 26th.
    assignment.refresh_from_db()
    assert assignment.adherence_check_at == datetime(2026, 11, 26, tzinfo=UTC)
    quiet = []
    for _ in range(5):
        other: Any = UserFactory(clinic=cast.phil.clinic)
        CareLink.objects.create(patient=other, physio=cast.phil)
        quiet.append(assign_program(cast.phil, other))
    Assignment.objects.filter(pk__in=[a.pk for a in quiet]).update(
        adherence_check_at=datetime(2027, 1, 1, tzinfo=UTC)
    )
    with CaptureQueriesContext(connection) as idle:
        assert adherence_scan(now=datetime(2026, 11, 25, 23, tzinfo=UTC)) == 0
    assert len(idle) == 1  # one index read that finds nothing
    # A session on the 24th leaves the stored look (the 26th) as a safe early one: the scan
    # finds nothing due then and moves it on (25, 26, 27 missed → the 28th).
    with time_machine.travel(datetime(2026, 11, 24, 19, tzinfo=UTC), tick=False):
        _log(cast.pat, assignment, date(2026, 11, 24))
    assignment.refresh_from_db()
    assert assignment.adherence_check_at == datetime(2026, 11, 26, tzinfo=UTC)
    assert adherence_scan(now=datetime(2026, 11, 26, 1, tzinfo=UTC)) == 0
    assignment.refresh_from_db()
    assert assignment.adherence_check_at == datetime(2026, 11, 28, tzinfo=UTC)
    assert adherence_scan(now=datetime(2026, 11, 27, 23, tzinfo=UTC)) == 0
    with time_machine.travel(datetime(2026, 11, 28, 1, tzinfo=UTC), tick=False):
        assert adherence_scan() == 1
        assignment.refresh_from_db()
        assert assignment.adherence_check_at is None  # reported; a session sets it again
        assert adherence_scan() == 0
    alert = Alert.objects.get(kind="adherence")
    assert alert.run_started_on == date(2026, 11, 25)
    # After the alert nothing could be missed until a session: the next one gives a look
    # at once, and the scan then sets the one after it.
    back = datetime(2026, 11, 28, 13, tzinfo=UTC)
    data = session_data(assignment, completed_at=datetime(2026, 11, 28, 12, tzinfo=UTC))
    session_log(patient=cast.pat, data=data, now=back)
    assignment.refresh_from_db()
    assert assignment.adherence_check_at == back
    assert adherence_scan(now=back + timedelta(hours=1)) == 0
    assignment.refresh_from_db()
    assert assignment.adherence_check_at is not None
    assert assignment.adherence_check_at > back + timedelta(days=1)
