"""The monthly monitoring report of one patient as a PDF (reportlab platypus)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from backend.messaging.models import ConsentMethod, TimeCategory

BANDS = {
    "below": gettext_lazy("below 2 days"),
    "partial": gettext_lazy("2-15 days"),
    "full": gettext_lazy("16 days or more"),
}


def _text(value: Any) -> str:
    return escape("" if value is None else str(value))


def _day(value: Any) -> str:
    """A date as ISO 8601 in every language: the report is a record a clinic files and
    compares with its billing system, where 2026-03-10 cannot be misread."""
    return _text(value.isoformat() if isinstance(value, date) else value)


def report_pdf(report: dict[str, Any]) -> bytes:
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=_("Monitoring report %(month)s") % {"month": report["month"]},
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    patient = report["patient"]
    story: list[Any] = [
        Paragraph(
            _("Remote monitoring report, %(month)s") % {"month": _text(report["month"])},
            styles["Title"],
        ),
        Paragraph(
            _("Patient: %(name)s (id %(id)s)")
            % {"name": _text(patient["full_name"]), "id": patient["id"]},
            body,
        ),
        Paragraph(_("Time zone: %(zone)s") % {"zone": _text(report["timezone"])}, body),
        Paragraph(
            _("Start of monitoring: %(day)s")
            % {
                "day": _day(report["monitoring_start"])
                if report["monitoring_start"]
                else _("no consent")
            },
            body,
        ),
        Spacer(1, 4 * mm),
        Paragraph(_("Consent"), styles["Heading2"]),
    ]
    if report["consent"]:
        for c in report["consent"]:
            method = ConsentMethod(c["method"]).label
            line = _("Given on %(day)s (%(method)s), recorded by %(who)s") % {
                "day": _day(c["given_on"]),
                "method": _text(method),
                "who": _text(c["recorded_by"] or "-"),
            }
            if c["revoked_on"]:
                line += "; " + _("revoked on %(day)s") % {"day": _day(c["revoked_on"])}
            story.append(Paragraph(line, body))
    else:
        story.append(Paragraph(_("No consent recorded: no days are counted."), body))
    story += [
        Spacer(1, 4 * mm),
        Paragraph(_("Days with data per monitoring period"), styles["Heading2"]),
    ]
    rows: list[list[str]] = [[_("Period"), _("From"), _("To"), _("Days with data"), _("Band")]]
    for p in report["periods"]:
        rows.append(
            [
                str(p["number"]),
                _day(p["start"]),
                _day(p["end"]),
                str(p["days_with_data"]),
                str(BANDS[p["band"]]),
            ]
        )
    table = Table(rows, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
            ]
        )
    )
    story += [
        table,
        Spacer(1, 2 * mm),
        Paragraph(
            _("Days with data in %(month)s: %(count)s")
            % {"month": _text(report["month"]), "count": report["days_with_data_in_month"]},
            body,
        ),
        Spacer(1, 4 * mm),
        Paragraph(_("Time and communication this calendar month"), styles["Heading2"]),
        Paragraph(
            _("Minutes recorded: %(count)s")
            % {"count": formats.number_format(report["minutes"]["total"])},
            body,
        ),
    ]
    for category, minutes in sorted(report["minutes"]["by_category"].items()):
        label = _text(TimeCategory(category).label)
        story.append(
            Paragraph(_("%(label)s: %(count)s min") % {"label": label, "count": minutes}, body)
        )
    story += [
        Paragraph(
            _("Messages from the patient: %(patient)s; from the clinic: %(clinic)s")
            % {
                "patient": report["messages"]["from_patient"],
                "clinic": report["messages"]["from_clinic"],
            },
            body,
        ),
        Paragraph(
            _("Interactive communication: yes")
            if report["interactive_communication"]
            else _("Interactive communication: no"),
            body,
        ),
        Spacer(1, 6 * mm),
        Paragraph(_text(report["statement"]), styles["Italic"]),
    ]
    doc.build(story)
    return buffer.getvalue()
