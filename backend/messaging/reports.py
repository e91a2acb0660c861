"""The monthly remote-monitoring report: per patient (JSON, PDF) and per clinic (CSV).

A documentation aid: it counts what Upright holds. Which codes a clinic may bill, and
whether a patient is eligible, are the clinic's decisions.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext_lazy

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.messaging import rtm
from backend.messaging.models import Consent, Message, TimeCategory, TimeEntry
from backend.messaging.rules import monitoring_rules
from backend.messaging.selectors import consent_windows, data_days

STATEMENT = gettext_lazy(
    "This report is a documentation aid. It counts the monitoring data, time and messages "
    "recorded in Upright for the month shown. Billing rules, codes and patient eligibility "
    "are the clinic's responsibility."
)

CSV_COLUMNS = [
    "patient_id",
    "patient_name",
    "month",
    "monitoring_start",
    "consent_given_on",
    "consent_method",
    "consent_recorded_by",
    "consent_revoked_on",
    "period",
    "period_start",
    "period_end",
    "days_with_data",
    "band",
    "days_with_data_in_month",
    "minutes_in_month",
    "interactive_communication",
]

BATCH = 500


def parse_month(text: str) -> tuple[int, int] | None:
    try:
        year, month = (int(part) for part in text.split("-"))
        date(year, month, 1)
    except (TypeError, ValueError):
        return None
    if len(text) != 7 or not 2000 <= year <= 2100:
        return None
    return year, month


def _utc_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """Instants that surely cover every zone's [first, last] (a day's slack each side)."""
    return (
        datetime.combine(first - timedelta(days=1), time.min, tzinfo=UTC),
        datetime.combine(last + timedelta(days=2), time.min, tzinfo=UTC),
    )


def _batch_reports(patients: Sequence[User], year: int, month: int) -> list[dict[str, Any]]:
    """Reports for a batch of patients in a fixed number of queries."""
    rules = monitoring_rules()
    first, last = rtm.month_bounds(year, month)
    ids = [p.pk for p in patients]
    windows = consent_windows(ids)
    span_first = first - timedelta(days=rules.period_days - 1)
    span_last = last + timedelta(days=rules.period_days - 1)
    days = data_days(patients, span_first, span_last)
    consents: dict[int, list[Consent]] = defaultdict(list)
    for consent in (
        Consent.objects.filter(patient_id__in=ids)
        .select_related("recorded_by")
        .order_by("given_on")
    ):
        consents[consent.patient_id].append(consent)
    minutes: dict[int, dict[str, int]] = defaultdict(dict)
    for pid, category, total in (
        TimeEntry.objects.filter(
            patient_id__in=ids, on_date__range=(first, last), minutes__isnull=False
        )
        .values("patient_id", "category")
        .annotate(total=Sum("minutes"))
        .values_list("patient_id", "category", "total")
    ):
        minutes[pid][category] = int(total or 0)
    since, until = _utc_bounds(first, last)
    senders: dict[int, list[bool]] = defaultdict(list)
    zones = {p.pk: zone(p.timezone) for p in patients}
    for pid, from_patient, created in Message.objects.filter(
        patient_id__in=ids, created_at__gte=since, created_at__lt=until
    ).values_list("patient_id", "sender_is_patient", "created_at"):
        if first <= rtm.local_day(created, zones[pid]) <= last:
            senders[pid].append(from_patient)
    reports = []
    for patient in patients:
        own_windows = windows.get(patient.pk, [])
        own_days = days.get(patient.pk, set())
        by_category = minutes.get(patient.pk, {})
        calls = by_category.get(TimeCategory.CALL, 0) > 0
        exchange = rtm.interactive_exchange(senders.get(patient.pk, []))
        start = rtm.monitoring_start(own_windows)
        reports.append(
            {
                "patient": {"id": patient.pk, "full_name": patient.full_name},
                "month": f"{year:04d}-{month:02d}",
                "timezone": patient.timezone,
                "monitoring_start": start,
                "consent": [
                    {
                        "given_on": c.given_on,
                        "method": c.method,
                        "note": c.note,
                        "recorded_by": (c.recorded_by.full_name or c.recorded_by.email)
                        if c.recorded_by
                        else None,
                        "revoked_on": c.revoked_on,
                    }
                    for c in consents.get(patient.pk, [])
                ],
                "periods": [
                    asdict(p)
                    for p in rtm.periods_in_month(own_days, own_windows, first, last, rules)
                ],
                "days_with_data_in_month": rtm.days_in_range(own_days, own_windows, first, last),
                "minutes": {"total": sum(by_category.values()), "by_category": by_category},
                "messages": {
                    "from_patient": sum(1 for s in senders.get(patient.pk, []) if s),
                    "from_clinic": sum(1 for s in senders.get(patient.pk, []) if not s),
                },
                "interactive_communication": exchange or calls,
                "thresholds": asdict(rules),
                "statement": STATEMENT,
            }
        )
    return reports


def patient_report(patient: User, year: int, month: int) -> dict[str, Any]:
    (report,) = _batch_reports([patient], year, month)
    return report


class _Echo:
    def write(self, value: str) -> str:
        return value


def clinic_csv_lines(patients: Any, year: int, month: int) -> Iterator[str]:
    """CSV lines for every patient of the queryset, built batch by batch (a streamed
    response never holds the whole clinic in memory)."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    batch: list[User] = []
    for patient in (
        patients.only("pk", "full_name", "timezone").order_by("pk").iterator(chunk_size=BATCH)
    ):
        batch.append(patient)
        if len(batch) == BATCH:
            yield from _csv_rows(writer, batch, year, month)
            batch = []
    if batch:
        yield from _csv_rows(writer, batch, year, month)


def _csv_rows(writer: Any, batch: list[User], year: int, month: int) -> Iterator[str]:
    for report in _batch_reports(batch, year, month):
        consent = report["consent"][-1] if report["consent"] else {}
        base = [
            report["patient"]["id"],
            _safe_cell(report["patient"]["full_name"]),
            report["month"],
            report["monitoring_start"] or "",
            consent.get("given_on") or "",
            consent.get("method") or "",
            _safe_cell(consent.get("recorded_by") or ""),
            consent.get("revoked_on") or "",
        ]
        tail = [
            report["days_with_data_in_month"],
            report["minutes"]["total"],
            "yes" if report["interactive_communication"] else "no",
        ]
        periods = report["periods"] or [None]
        for period in periods:
            middle = (
                [
                    period["number"],
                    period["start"],
                    period["end"],
                    period["days_with_data"],
                    period["band"],
                ]
                if period
                else ["", "", "", "", ""]
            )
            yield writer.writerow([*base, *middle, *tail])


def _safe_cell(text: str) -> str:
    """A name starting with = + - @ would run as a formula in a spreadsheet."""
    return f"'{text}" if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text
