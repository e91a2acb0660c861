"""The FHIR export of a patient with 3 years of daily sessions (1,000 sessions, 80
questionnaire responses), on a PostgreSQL database of its own.

Ours: ``GET /api/me/export/?format=fhir`` in-process (Django test client, the stream read
to its end): the queries, the mapping to FHIR resources and the JSON writing.
Baseline, in the same run: the same rows read by the same selectors, then one plain
``json.dumps`` of them (no FHIR shape, no streaming): what any export of this data costs.
Also: peak Python memory while the bundle streams against the bundle's size (streaming
means the whole document is never held), and the queries of the 3-year patient against
those of a patient with one week of history (must be equal).

Settings: BENCH_DATABASE_URL (a PostgreSQL server; default from DATABASE_URL or a local
one). Target: at most 2 s for the 3-year export.
"""

from __future__ import annotations

import json
import os
import time
import tracemalloc
from typing import Any

from bench import Result
from bench.api_support import own_database

DB_NAME = "upright_bench_fhir"
REPEATS = 3
TARGET_SECONDS = 2.0


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from exercises.services import library_load

    library_load()


def _people() -> dict[str, Any]:
    from backend.accounts.models import CareLink, Clinic, User
    from tests.interop.history import three_year_history

    clinic = Clinic.objects.create(name="Bench clinic")
    physio = User.objects.create_user(
        "physio@bench.test", None, role="physio", clinic=clinic, full_name="Bench Physio"
    )
    people = {}
    for tag, sessions, responses in (("week", 7, 2), ("three_years", 1000, 80)):
        patient = User.objects.create_user(
            f"{tag}@bench.test", None, role="patient", clinic=clinic, full_name=f"P {tag}"
        )
        CareLink.objects.create(patient=patient, physio=physio)
        three_year_history(physio, patient, sessions=sessions, responses=responses)
        people[tag] = patient
    return people


def _ours(patient: Any) -> tuple[int, int, int]:
    """(bytes, queries, chunks) of one full streamed export."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(patient)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/me/export/", {"format": "fhir"})
        size = chunks = 0
        for chunk in response.streaming_content:  # type: ignore[attr-defined]
            size += len(chunk)
            chunks += 1
    assert response.status_code == 200
    return size, len(queries), chunks


def _baseline(patient: Any) -> int:
    """The same rows through the same selectors, dumped as plain JSON in one piece."""
    from backend.interop import selectors

    record = selectors.patient_record(patient)
    sessions = list(selectors.sessions_since(patient, None))
    items = selectors.session_items(patient, None)
    responses = selectors.responses_since(patient, None)
    selectors.add_measures(record, patient.clinic_id, {r["measure"] for r in responses})
    rows = {
        "record": record.__dict__,
        "sessions": sessions,
        "items": list(items.values()),
        "responses": responses,
    }
    return len(json.dumps(rows, default=str))


def _best(fn: Any, *args: Any) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
    return best


def _peak_while_streaming(patient: Any) -> int:
    tracemalloc.start()
    try:
        _ours(patient)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run() -> list[Result]:
    with own_database(DB_NAME) as url:
        _setup(url)
        people = _people()
        patient = people["three_years"]
        _ours(patient)  # warm per-process caches (the shipped measure wording)
        size, queries, chunks = _ours(patient)
        _, week_queries, _ = _ours(people["week"])
        ours = _best(_ours, patient)
        baseline = _best(_baseline, patient)
        peak = _peak_while_streaming(patient)
        from django.db import connections

        connections.close_all()
    mb = 1024 * 1024
    print(
        f"3-year FHIR export: {size / mb:.1f} MB in {chunks} chunks, {queries} queries; "
        f"ours {ours:.2f} s, plain json.dumps of the rows {baseline:.2f} s",
        flush=True,
    )
    return [
        Result(
            "FHIR export, 3-year patient (1,000 sessions, 80 responses)",
            ours,
            baseline,
            f"<= {TARGET_SECONDS:.0f} s",
            "s",
            higher_is_better=False,
            baseline_label="plain json.dumps of the same rows",
            met=ours <= TARGET_SECONDS,
        ),
        Result(
            "FHIR export, peak Python memory while streaming",
            peak / mb,
            size / mb,
            "< bundle size",
            "MB",
            higher_is_better=False,
            baseline_label="size of the bundle",
            met=peak < size,
        ),
        Result(
            "FHIR export, SQL queries, 3 years vs 1 week",
            queries,
            week_queries,
            "= 1 week (no growth)",
            "queries",
            higher_is_better=False,
            baseline_label="1 week of history",
            met=queries <= week_queries,
        ),
    ]


if __name__ == "__main__":
    from bench.__main__ import RESULT_PREFIX

    for result in run():
        print(RESULT_PREFIX + result.to_json(), flush=True)
