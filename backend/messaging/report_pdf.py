"""The monthly monitoring report of one patient as a PDF (reportlab platypus)."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from backend.messaging.models import ConsentMethod, TimeCategory

BANDS = {"below": "below 2 days", "partial": "2-15 days", "full": "16 days or more"}


def _text(value: Any) -> str:
    return escape("" if value is None else str(value))


def report_pdf(report: dict[str, Any]) -> bytes:
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Monitoring report {report['month']}",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    patient = report["patient"]
    story: list[Any] = [
        Paragraph(f"Remote monitoring report, {_text(report['month'])}", styles["Title"]),
        Paragraph(f"Patient: {_text(patient['full_name'])} (id {patient['id']})", body),
        Paragraph(f"Time zone: {_text(report['timezone'])}", body),
        Paragraph(
            f"Start of monitoring: {_text(report['monitoring_start'] or 'no consent')}", body
        ),
        Spacer(1, 4 * mm),
        Paragraph("Consent", styles["Heading2"]),
    ]
    if report["consent"]:
        for c in report["consent"]:
            method = ConsentMethod(c["method"]).label
            line = (
                f"Given on {_text(c['given_on'])} ({_text(method)}), "
                f"recorded by {_text(c['recorded_by'] or '-')}"
            )
            if c["revoked_on"]:
                line += f"; revoked on {_text(c['revoked_on'])}"
            story.append(Paragraph(line, body))
    else:
        story.append(Paragraph("No consent recorded: no days are counted.", body))
    story += [
        Spacer(1, 4 * mm),
        Paragraph("Days with data per monitoring period", styles["Heading2"]),
    ]
    rows: list[list[str]] = [["Period", "From", "To", "Days with data", "Band"]]
    for p in report["periods"]:
        rows.append(
            [
                str(p["number"]),
                str(p["start"]),
                str(p["end"]),
                str(p["days_with_data"]),
                BANDS[p["band"]],
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
            f"Days with data in {_text(report['month'])}: {report['days_with_data_in_month']}", body
        ),
        Spacer(1, 4 * mm),
        Paragraph("Time and communication this calendar month", styles["Heading2"]),
        Paragraph(f"Minutes recorded: {report['minutes']['total']}", body),
    ]
    for category, minutes in sorted(report["minutes"]["by_category"].items()):
        story.append(Paragraph(f"{_text(TimeCategory(category).label)}: {minutes} min", body))
    story += [
        Paragraph(
            f"Messages from the patient: {report['messages']['from_patient']}; "
            f"from the clinic: {report['messages']['from_clinic']}",
            body,
        ),
        Paragraph(
            "Interactive communication: "
            + ("yes" if report["interactive_communication"] else "no"),
            body,
        ),
        Spacer(1, 6 * mm),
        Paragraph(_text(report["statement"]), styles["Italic"]),
    ]
    doc.build(story)
    return buffer.getvalue()
