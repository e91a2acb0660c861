"""Printable handouts (PDF) and private calendar feeds (iCalendar) of an assignment.

``handout_for`` and ``calendar_feed_for`` load the rows (a fixed number of queries) into
plain dataclasses; ``handout_pdf`` and ``calendar_ics`` turn those into bytes and text with
no database access, so they are tested directly.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import icalendar
from django.db.models import prefetch_related_objects
from django.utils import formats
from django.utils.translation import get_language, gettext_noop, override
from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Circle, Drawing, Polygon, PolyLine
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from backend.accounts.timezones import zone
from backend.i18n import language_of
from backend.programs.handout_text import date_text, days_text
from backend.programs.handout_text import dosage_text as dosage_text  # part of the handout API
from backend.programs.models import Assignment
from backend.programs.selectors import local_today, program_items
from exercises.models import pick_translation
from exercises.pose_shapes import cached_figure
from exercises.safety_content import safety_for

SAFETY_FOOTER = gettext_noop("When to get help")  # rendered with gettext(SAFETY_FOOTER)


def red_flag_lines() -> list[str]:
    """The red flags of the safety content file, grouped by what to do (every page), in
    the active language (the handout renders inside ``override(handout.language)``)."""
    content = safety_for(get_language())
    lines = []
    for action in ("urgent", "today"):
        labels = "; ".join(f.label for f in content.red_flags if f.action == action)
        lines.append(
            f"{content.actions[action]} " + _("If you have: %(signs)s.") % {"signs": labels}
        )
    lines.append(content.advice["exercise_worse"])
    return lines


FEED_PAST_DAYS = 14
FEED_FUTURE_DAYS = 12 * 7
EVENT_MINUTES = 30


@dataclass(frozen=True)
class PosePicture:
    label: str
    view: str
    # The same shapes the SVG and the app draw (exercises/pose_shapes.pose_figure).
    figure: Mapping[str, Any]


@dataclass(frozen=True)
class HandoutExercise:
    name: str
    summary: str
    dosage: str
    phase: int
    steps: Sequence[str]
    safety_notes: Sequence[str]
    precautions: Sequence[tuple[str, str]]
    poses: Sequence[PosePicture]
    notes: str = ""


@dataclass(frozen=True)
class Handout:
    clinic_name: str
    patient_name: str
    program_name: str
    version: int
    days_of_week: Sequence[int]
    start_date: date
    end_date: date | None
    preferred_time: time | None
    timezone: str
    printed_on: date
    language: str = "en"  # the words of the PDF (the exercises' texts are loaded in it)
    notes: str = ""
    program_notes: str = ""
    phases: Sequence[Mapping[str, Any]] = ()
    exercises: Sequence[HandoutExercise] = field(default_factory=list)


@dataclass(frozen=True)
class CalendarFeed:
    assignment_id: int
    program_name: str
    clinic_name: str
    timezone: str
    preferred_time: time | None
    days: Sequence[date]
    stamp: datetime
    language: str = "en"  # the patient's: the feed has no signed-in reader


# -- loading ----------------------------------------------------------------------------------


def handout_for(assignment: Assignment, language: str) -> Handout:
    """Everything the handout prints, loaded in a fixed number of queries."""
    with override(language):
        return _handout_for(assignment, language)


def _handout_for(assignment: Assignment, language: str) -> Handout:
    program = assignment.program
    version = program.current_version
    assert version is not None
    prefetch_related_objects([version], program_items(language))
    exercises = []
    for item in version.items.all():
        exercise = item.exercise
        text = pick_translation(exercise, language)
        pictures = [
            PosePicture(
                label=str(text.pose_labels.get(pose["key"], "")),
                view=str(pose["view"]),
                figure=cached_figure(pose),
            )
            for pose in exercise.poses
        ]
        precautions = []
        for precaution in exercise.precautions.all():
            words = pick_translation(precaution, language)
            precautions.append((words.label, words.detail))
        exercises.append(
            HandoutExercise(
                name=text.name,
                summary=text.summary,
                dosage=dosage_text(
                    item.sets, item.reps, item.hold_seconds, item.rest_seconds, item.per_side
                ),
                phase=item.phase,
                steps=list(text.steps),
                safety_notes=list(text.safety_notes),
                precautions=precautions,
                poses=pictures,
                notes=" ".join(part for part in (item.tempo, item.notes) if part),
            )
        )
    patient = assignment.patient
    return Handout(
        clinic_name=program.clinic.name,
        patient_name=patient.full_name or patient.email,
        program_name=program.name,
        version=version.number,
        days_of_week=list(assignment.days_of_week),
        start_date=assignment.start_date,
        end_date=assignment.end_date,
        preferred_time=assignment.preferred_time,
        timezone=patient.timezone,
        printed_on=local_today(patient),
        language=language,
        notes=assignment.notes,
        program_notes=version.notes,
        phases=list(version.phases),
        exercises=exercises,
    )


def calendar_feed_for(assignment: Assignment, now: datetime | None = None) -> CalendarFeed:
    """Program days from two weeks ago to twelve weeks ahead, in the patient's days."""
    now = now or datetime.now(UTC)
    today = local_today(assignment.patient, now)
    first = today - timedelta(days=FEED_PAST_DAYS)
    days = assignment.scheduled_days(today + timedelta(days=FEED_FUTURE_DAYS - 1))
    return CalendarFeed(
        assignment_id=assignment.pk,
        program_name=assignment.program.name,
        clinic_name=assignment.program.clinic.name,
        timezone=str(zone(assignment.patient.timezone).key),
        preferred_time=assignment.preferred_time,
        days=[day for day in days if day >= first],
        stamp=now,
        language=language_of(assignment.patient),
    )


# -- the PDF ----------------------------------------------------------------------------------


POSE_HEIGHT = 42 * mm  # readable on paper: a figure about the height of a thumb's length
POSE_MAX_WIDTH = 82 * mm


def _paint(value: str) -> Any:
    return None if value == "none" else colors.HexColor(value)


def pose_drawing(pose: PosePicture, height: float = POSE_HEIGHT) -> Drawing:
    """The pose's shapes drawn at a readable size, keeping its aspect ratio (y flipped)."""
    x0, y0, width, box_height = (float(v) for v in pose.figure["view_box"])
    scale = min(height / box_height, POSE_MAX_WIDTH / width)
    drawing = Drawing(width * scale, box_height * scale)

    def at(point: Sequence[float]) -> list[float]:
        return [(point[0] - x0) * scale, (y0 + box_height - point[1]) * scale]

    for shape in pose.figure["shapes"]:
        stroke, fill = _paint(shape["stroke"]), _paint(shape["fill"])
        width_pt = float(shape["w"]) * scale
        if "c" in shape:
            cx, cy = at(shape["c"])
            drawing.add(
                Circle(
                    cx,
                    cy,
                    float(shape["r"]) * scale,
                    fillColor=fill,
                    strokeColor=stroke,
                    strokeWidth=width_pt,
                )
            )
            continue
        flat = [v for point in shape["p"] for v in at(point)]
        common = {
            "strokeColor": stroke,
            "strokeWidth": width_pt,
            "strokeLineCap": 1,
            "strokeLineJoin": 1,
        }
        if shape["closed"]:
            drawing.add(Polygon(flat, fillColor=fill, **common))
        else:
            drawing.add(PolyLine(flat, **common))
    return drawing


def _pose_row(poses: Sequence[PosePicture], style: ParagraphStyle) -> Table:
    drawings = [pose_drawing(p) for p in poses]
    per_row = 2 if sum(d.width for d in drawings) > 170 * mm else len(drawings)
    cells: list[list[Any]] = []
    for start in range(0, len(drawings), per_row):
        chunk = range(start, min(start + per_row, len(drawings)))
        cells.append([drawings[i] for i in chunk])
        cells.append([Paragraph(f"{i + 1}. {escape(poses[i].label)}", style) for i in chunk])
    width = max(d.width for d in drawings) + 4 * mm
    table = Table(cells, colWidths=[width] * per_row, hAlign="LEFT")
    table.setStyle(
        TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    )
    return table


_FOOTER_STYLE = ParagraphStyle("footer", fontName="Helvetica", fontSize=7, leading=8.4)


def _footer(canvas: Canvas, doc: Any) -> None:
    canvas.saveState()
    width = A4[0] - 36 * mm
    blocks = [Paragraph(f"<b>{escape(_(SAFETY_FOOTER))}</b>", _FOOTER_STYLE)]
    blocks += [Paragraph(escape(line), _FOOTER_STYLE) for line in red_flag_lines()]
    y = 46 * mm
    canvas.setStrokeColorRGB(0.7, 0.1, 0.1)
    canvas.line(18 * mm, y + 1 * mm, A4[0] - 18 * mm, y + 1 * mm)
    for block in blocks:
        _width, height = block.wrap(width, 40 * mm)
        y -= height
        block.drawOn(canvas, 18 * mm, y)
    canvas.setFont("Helvetica", 8)
    canvas.drawRightString(A4[0] - 18 * mm, 7 * mm, _("Page %(number)d") % {"number": doc.page})
    canvas.restoreState()


def handout_pdf(handout: Handout) -> bytes:
    """The printable handout as PDF bytes (deterministic for the same handout), in the
    handout's language."""
    with override(handout.language):
        return _handout_pdf(handout)


def _handout_pdf(handout: Handout) -> bytes:
    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], ParagraphStyle("small", fontSize=8, leading=10)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)

    schedule = days_text(handout.days_of_week)
    if handout.preferred_time is not None:
        schedule += ", " + _("at %(time)s (%(zone)s time)") % {
            "time": formats.time_format(handout.preferred_time, "H:i"),
            "zone": handout.timezone,
        }
    start = date_text(handout.start_date)
    if handout.end_date:
        dates = _("From %(start)s to %(end)s") % {
            "start": start,
            "end": date_text(handout.end_date),
        }
    else:
        dates = _("From %(start)s (no end date set)") % {"start": start}
    version = {"name": handout.program_name, "version": handout.version}
    facts = [
        (_("Patient"), handout.patient_name),
        (_("Clinic"), handout.clinic_name),
        (_("Program"), _("%(name)s (version %(version)d)") % version),
        (_("Days"), schedule),
        (_("Dates"), dates),
    ]
    story: list[Any] = [
        p(handout.program_name, styles["Title"]),
        p(_("Your home exercise program from %(clinic)s") % {"clinic": handout.clinic_name}),
        Table([[p(k, styles["Heading5"]), p(v)] for k, v in facts], colWidths=[30 * mm, 140 * mm]),
    ]
    notes = [text for text in (handout.program_notes, handout.notes) if text.strip()]
    if notes:
        story.append(p(_("Notes from your clinician"), styles["Heading3"]))
        for text in notes:
            story += [p(line) for line in text.splitlines() if line.strip()]
    phase_names = {int(ph["number"]): ph for ph in handout.phases}
    current_phase = None
    for number, exercise in enumerate(handout.exercises, start=1):
        if len(phase_names) > 1 and exercise.phase != current_phase:
            current_phase = exercise.phase
            phase = phase_names.get(exercise.phase, {})
            words = {"number": exercise.phase, "week": phase.get("starts_week", 1)}
            if phase.get("label"):
                words["label"] = phase["label"]
                title = _("Phase %(number)d: %(label)s (from week %(week)d)") % words
            else:
                title = _("Phase %(number)d (from week %(week)d)") % words
            story.append(p(title, styles["Heading2"]))
        block: list[Any] = [
            p(f"{number}. {exercise.name}", styles["Heading3"]),
            p(exercise.summary),
            p(
                _("Dose: %(dose)s") % {"dose": exercise.dosage}
                + (f". {exercise.notes}" if exercise.notes else "")
            ),
        ]
        if exercise.poses:
            block.append(
                _pose_row(exercise.poses, ParagraphStyle("caption", fontSize=10, leading=12))
            )
        block.append(
            ListFlowable([p(step) for step in exercise.steps], bulletType="1", leftIndent=12)
        )
        story.append(KeepTogether(block))
        safety = [p(note) for note in exercise.safety_notes]
        safety += [p(f"{label}: {detail}") for label, detail in exercise.precautions]
        if safety:
            story.append(p(_("Safety"), styles["Heading5"]))
            story.append(ListFlowable(safety, bulletType="bullet", start="•", leftIndent=12))
        story.append(Spacer(1, 4 * mm))
    story.append(p(_("Printed on %(day)s.") % {"day": date_text(handout.printed_on)}, small))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=50 * mm,  # room for "When to get help" on every page
        title=handout.program_name,
        author=handout.clinic_name,
        invariant=1,
    )
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()


# -- the iCalendar feed -----------------------------------------------------------------------


_ICS_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _ics_text(value: str) -> str:
    """Text for a TEXT property: line breaks (CR, LF, CRLF) become one LF and other control
    characters are dropped; icalendar then escapes it (RFC 5545), so a name can never
    start a new property or event."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _ICS_CONTROL.sub("", value)


def event_uid(assignment_id: int, day: date) -> str:
    return f"assignment-{assignment_id}-{day.isoformat()}@upright"


def calendar_ics(feed: CalendarFeed) -> str:
    """The feed as iCalendar text (built with icalendar: CRLF lines, folded, escaped): one
    event per program day, at the preferred time in the patient's zone or all day."""
    summary = _ics_text(feed.program_name)
    with override(feed.language):
        words = _("Your home exercises from %(clinic)s. Open Upright to start.") % {
            "clinic": feed.clinic_name
        }
        description = _ics_text(f"{words} {_(SAFETY_FOOTER)}")
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Upright//Home exercise program//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", icalendar.vText(summary))
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    tz = ZoneInfo(feed.timezone)
    if feed.preferred_time is not None and feed.days:
        calendar.add_component(
            icalendar.Timezone.from_tzinfo(
                tz,
                tzid=feed.timezone,
                first_date=feed.days[0] - timedelta(days=1),
                last_date=feed.days[-1] + timedelta(days=1),
            )
        )
    stamp = feed.stamp.astimezone(UTC)
    for day in feed.days:
        event = icalendar.Event()
        event.add("uid", event_uid(feed.assignment_id, day))
        event.add("dtstamp", stamp)
        if feed.preferred_time is None:
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
        else:
            event.add("dtstart", datetime.combine(day, feed.preferred_time, tzinfo=tz))
            event.add("duration", timedelta(minutes=EVENT_MINUTES))
        event.add("summary", summary)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()  # icalendar leaves to_ical() unannotated
    return ical.decode("utf-8")
