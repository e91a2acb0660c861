"""The PDF and iCalendar builders on hand-made data: no database, no HTTP."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time, timedelta

import icalendar
import pytest
from pypdf import PdfReader

from backend.programs.handouts import (
    SAFETY_FOOTER,
    CalendarFeed,
    Handout,
    HandoutExercise,
    PosePicture,
    calendar_ics,
    dosage_text,
    handout_pdf,
)
from exercises.pose_shapes import pose_figure

STANDING = {
    "key": "stand",
    "view": "side",
    "props": [],
    "angles": {
        "trunk": 0,
        "neck": 0,
        "shoulder_near": 0,
        "shoulder_far": 0,
        "elbow_near": 0,
        "elbow_far": 0,
        "hip_near": 0,
        "hip_far": 0,
        "knee_near": 0,
        "knee_far": 0,
    },
}


def feed(**overrides: object) -> CalendarFeed:
    values: dict[str, object] = {
        "assignment_id": 12,
        "program_name": "Back care; daily, gentle",
        "clinic_name": "Riverside",
        "timezone": "Europe/London",
        "preferred_time": time(7, 30),
        "days": [date(2026, 10, 23), date(2026, 10, 26)],
        "stamp": datetime(2026, 10, 20, 8, 0, tzinfo=UTC),
    }
    values.update(overrides)
    return CalendarFeed(**values)  # type: ignore[arg-type]


def test_dosage_reads_as_a_sentence() -> None:
    assert dosage_text(2, 10, None, 30, True) == (
        "2 sets of 10 repetitions, on each side, rest 30 seconds between sets"
    )
    assert dosage_text(1, None, 20, 0, False) == "hold for 20 seconds, once"


def test_a_hold_dose_reads_naturally_not_as_sets_of_hold() -> None:
    text = dosage_text(2, None, 5, 10, False)
    assert text == "hold for 5 seconds, twice, rest 10 seconds between holds"
    assert "sets of hold" not in text
    assert dosage_text(3, None, 1, 0, True) == "hold for 1 second, 3 times, on each side"
    assert dosage_text(1, 1, None, 30, False) == "1 set of 1 repetition"


def test_ics_lines_are_crlf_folded_and_escaped() -> None:
    text = calendar_ics(feed(clinic_name="Rückenzentrum Zürich-Höngg " * 4))
    assert text.endswith("\r\n")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert "SUMMARY:Back care\\; daily\\, gentle\r\n" in text
    calendar = icalendar.Calendar.from_ical(text)
    assert "Rückenzentrum Zürich-Höngg" in str(calendar.walk("VEVENT")[0]["DESCRIPTION"])


def test_folding_never_splits_a_character() -> None:
    text = calendar_ics(feed(program_name="é" * 100))
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    for line in lines:
        line.encode("utf-8").decode("utf-8")  # every folded piece is whole characters
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "é" * 100


def test_control_characters_and_line_breaks_cannot_start_a_property() -> None:
    name = "Core\rEND:VEVENT\r\nX-EVIL:1\nSUMMARY:x\x00\x1b; done"
    text = calendar_ics(feed(program_name=name, clinic_name="Clinic\rX-EVIL:2"))
    assert "\x00" not in text and "\x1b" not in text
    assert not any(line.startswith(("X-EVIL", "END:VEVENT\r")) for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    plain = "Core\nEND:VEVENT\nX-EVIL:1\nSUMMARY:x; done"
    # An X- property is read back as written: escaped, on one line.
    assert str(calendar["X-WR-CALNAME"]) == "Core\\nEND:VEVENT\\nX-EVIL:1\\nSUMMARY:x\\; done"
    assert "X-EVIL" not in calendar
    events = calendar.walk("VEVENT")
    assert len(events) == 2 and all("X-EVIL" not in e for e in events)
    assert str(events[0]["SUMMARY"]) == plain
    assert str(events[0]["DESCRIPTION"]).startswith("Your home exercises from Clinic\nX-EVIL:2.")


def test_the_time_zone_block_carries_the_clocks_going_back() -> None:
    text = calendar_ics(feed())
    calendar = icalendar.Calendar.from_ical(text)
    # London leaves summer time at 02:00 local (01:00 UTC) on 25 October 2026.
    (zone,) = calendar.walk("VTIMEZONE")
    change = next(o for o in zone.walk("STANDARD") if o.decoded("DTSTART").day == 25)
    assert change.decoded("DTSTART") == datetime(2026, 10, 25, 2, 0)
    assert (change.decoded("TZOFFSETFROM"), change.decoded("TZOFFSETTO")) == (
        timedelta(hours=1),
        timedelta(0),
    )
    first, second = (event.decoded("DTSTART") for event in calendar.walk("VEVENT"))
    assert first.astimezone(UTC).time() == time(6, 30)  # 07:30 BST
    assert second.astimezone(UTC).time() == time(7, 30)  # 07:30 GMT
    assert first.tzinfo is not None and "London" in str(first.tzinfo)


def test_a_zone_without_changes_has_one_observance() -> None:
    text = calendar_ics(feed(timezone="Asia/Kolkata"))
    assert text.count("BEGIN:STANDARD") == 1 and "BEGIN:DAYLIGHT" not in text
    assert "TZOFFSETTO:+0530" in text


def test_all_day_events_need_no_time_zone() -> None:
    text = calendar_ics(feed(preferred_time=None))
    assert "VTIMEZONE" not in text
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert [e.decoded("DTSTART") for e in events] == [date(2026, 10, 23), date(2026, 10, 26)]
    assert {e.decoded("DTEND") - e.decoded("DTSTART") for e in events} == {timedelta(days=1)}


def test_an_empty_feed_is_still_a_calendar() -> None:
    calendar = icalendar.Calendar.from_ical(calendar_ics(feed(days=[])))
    assert calendar.walk("VEVENT") == []


def test_the_pdf_groups_exercises_by_phase() -> None:
    pose = PosePicture("Stand tall", "side", pose_figure(STANDING))
    exercise = HandoutExercise(
        name="Wall stand",
        summary="Stand with your back to a wall.",
        dosage="2 sets of 5 repetitions",
        phase=2,
        steps=["Stand up.", "Breathe.", "Relax."],
        safety_notes=["Stop if it hurts."],
        precautions=[("Balance", "Hold on to something steady.")],
        poses=[pose, pose],
    )
    handout = Handout(
        clinic_name="Hilltop Physio",
        patient_name="Hana Hilltop",
        program_name="Posture plan",
        version=3,
        days_of_week=range(1, 8),
        start_date=date(2026, 1, 5),
        end_date=date(2026, 3, 1),
        preferred_time=None,
        timezone="Europe/Berlin",
        printed_on=date(2026, 1, 4),
        phases=[
            {"number": 1, "label": "Start", "starts_week": 1},
            {"number": 2, "label": "Build", "starts_week": 3},
        ],
        exercises=[exercise],
    )
    pdf = handout_pdf(handout)
    assert pdf == handout_pdf(handout)  # deterministic
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    for expected in (
        "Posture plan (version 3)",
        "Every day",
        "From 5 January 2026 to 1 March 2026",
        "Phase 2: Build (from week 3)",
        "Stand tall",
        "Balance: Hold on to something steady.",
        SAFETY_FOOTER,
    ):
        assert expected in text, expected


def test_every_page_prints_when_to_get_help_from_the_safety_file() -> None:
    from exercises.safety_content import safety_content

    pose = PosePicture("Stand tall", "side", pose_figure(STANDING))
    exercises = [
        HandoutExercise(
            name=f"Exercise {n}",
            summary="A summary. " * 20,
            dosage="2 sets of 10 repetitions",
            notes="",
            phase=1,
            steps=["Do this slowly and with care."] * 6,
            safety_notes=["Stop if it hurts."],
            precautions=[],
            poses=[pose, pose],
        )
        for n in range(8)
    ]
    handout = Handout(
        clinic_name="Hilltop Physio",
        patient_name="Hana Hilltop",
        program_name="Long plan",
        version=1,
        days_of_week=range(1, 8),
        start_date=date(2026, 1, 5),
        end_date=None,
        preferred_time=None,
        timezone="Europe/Berlin",
        printed_on=date(2026, 1, 4),
        phases=[{"number": 1, "label": "", "starts_week": 1}],
        exercises=exercises,
    )
    pages = PdfReader(io.BytesIO(handout_pdf(handout))).pages
    assert len(pages) > 1
    for page in pages:
        text = " ".join((page.extract_text() or "").split())
        assert SAFETY_FOOTER in text
        for flag in safety_content().red_flags:
            assert " ".join(flag.label.split()[:4]) in text, flag.code


def test_pose_drawings_are_printed_at_a_readable_size() -> None:
    from reportlab.lib.units import mm

    from backend.programs.handouts import pose_drawing

    drawing = pose_drawing(PosePicture("Stand tall", "side", pose_figure(STANDING)))
    assert drawing.height >= 40 * mm  # the old thumbnails were 28 mm squares of a tiny figure
    figure = pose_figure(STANDING)
    assert drawing.width / drawing.height == pytest.approx(
        figure["width"] / figure["height"], rel=0.01
    )
