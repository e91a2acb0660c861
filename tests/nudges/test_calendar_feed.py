"""Calendar busy times: the feed is read from a real (local) HTTP server, unsafe
addresses are refused, and nudges wait during meetings, including a weekly meeting that
keeps its local time across the change to summer time (Europe/Berlin, 29 March 2026)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from backend.nudges.calendar_feed import feed_refresh, refresh_due_feeds
from backend.nudges.dispatch import dispatch_due_nudges
from backend.nudges.models import BusyWindow, CalendarFeed, Nudge
from backend.nudges.services import plan_for
from backend.nudges.tasks import calendars_tick
from tests.nudges.feedserver import FeedServer

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
URL = "/api/nudges/calendar/"

# A weekly Monday meeting 10:00-11:00 Berlin time, first on 23 March 2026 (winter time,
# 09:00 UTC); after the change on 29 March it is at 08:00 UTC. A free (transparent)
# lunch and a cancelled event must not hold anything.
WEEKLY_MEETING = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Tests//Upright//EN\r
BEGIN:VTIMEZONE\r
TZID:Europe/Berlin\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
TZNAME:CEST\r
DTSTART:19700329T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
TZNAME:CET\r
DTSTART:19701025T030000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:weekly@tests\r
DTSTAMP:20260301T000000Z\r
DTSTART;TZID=Europe/Berlin:20260323T100000\r
DTEND;TZID=Europe/Berlin:20260323T110000\r
RRULE:FREQ=WEEKLY;BYDAY=MO\r
SUMMARY:Team meeting\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:lunch@tests\r
DTSTAMP:20260301T000000Z\r
DTSTART;TZID=Europe/Berlin:20260330T130000\r
DTEND;TZID=Europe/Berlin:20260330T140000\r
TRANSP:TRANSPARENT\r
SUMMARY:Lunch (free)\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:cancelled@tests\r
DTSTAMP:20260301T000000Z\r
DTSTART;TZID=Europe/Berlin:20260330T150000\r
DTEND;TZID=Europe/Berlin:20260330T160000\r
STATUS:CANCELLED\r
SUMMARY:Cancelled\r
END:VEVENT\r
END:VCALENDAR\r
"""


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


@pytest.fixture
def feeds(settings: Any) -> Iterator[FeedServer]:
    settings.CALENDAR_ALLOW_LOOPBACK_HTTP = True  # the tests' local server only
    server = FeedServer().start()
    yield server
    server.stop()


@pytest.fixture
def berliner(cast: Any) -> Any:
    cast.pat.timezone = "Europe/Berlin"
    cast.pat.save()
    with time_machine.travel(berlin(30, 6), tick=False):
        plan_for(cast.pat)
    return cast.pat


def test_a_weekly_meeting_holds_nudges_at_its_local_time_after_the_dst_change(
    feeds: FeedServer, berliner: Any, as_user: Any, library: Any
) -> None:
    url = feeds.serve("/team.ics", WEEKLY_MEETING)
    with time_machine.travel(berlin(30, 7), tick=False):
        answer = as_user(berliner).put(URL, {"url": url}, format="json")
        assert answer.status_code == 200, answer.content
        assert feed_refresh(CalendarFeed.objects.get(user=berliner)) is True
        state = as_user(berliner).get(URL).json()
        preview = as_user(berliner).get("/api/nudges/plan/preview/", {"count": 3}).json()
    assert state["configured"] and state["host"] == "127.0.0.1" and state["last_error"] is None
    # Only the meeting, at 10:00-11:00 Berlin summer time (08:00-09:00 UTC).
    assert state["busy"] == [{"start": "2026-03-30T08:00:00Z", "end": "2026-03-30T09:00:00Z"}]
    assert "url" not in state
    assert [(n["local"][11:16], n["held"]) for n in preview["nudges"]] == [
        ("09:30", None),
        ("10:00", {"reason": "calendar", "until": "2026-03-30T09:00:00Z"}),
        ("11:05", None),
    ]

    now = berlin(30, 9)
    while now <= berlin(30, 12):
        dispatch_due_nudges(now=now)
        now += timedelta(minutes=5)
    slots = [s.astimezone(BERLIN).strftime("%H:%M") for s in _slots(berliner)]
    assert slots == ["09:30", "11:05", "11:35"]


def _slots(user: Any) -> list[datetime]:
    return list(Nudge.objects.filter(user=user).order_by("slot").values_list("slot", flat=True))


def test_redirects_are_followed_only_to_safe_addresses(
    feeds: FeedServer, berliner: Any, library: Any, settings: Any
) -> None:
    target = feeds.serve("/moved.ics", WEEKLY_MEETING)
    feeds.serve("/old.ics", b"", status=302, Location=target)
    feeds.serve("/evil.ics", b"", status=302, Location="https://10.1.2.3/cal.ics")
    feeds.serve("/metadata.ics", b"", status=301, Location="http://169.254.169.254/latest")
    feed = CalendarFeed.objects.create(
        user=berliner, url=feeds.base + "/old.ics", host="127.0.0.1", next_fetch_at=berlin(30, 6)
    )
    with time_machine.travel(berlin(30, 7), tick=False):
        assert calendars_tick() == 1  # the beat job (settings.CELERY_BEAT_SCHEDULE)
        assert refresh_due_feeds() == 0  # read: due again in CALENDAR_FETCH_MINUTES
    assert settings.CELERY_BEAT_SCHEDULE["nudges-calendars"]["task"] == "nudges.calendars_tick"
    feed.refresh_from_db()
    assert feed.last_error == "" and BusyWindow.objects.filter(user=berliner).count() == 1
    for path in ("/evil.ics", "/metadata.ics"):
        feed.url = feeds.base + path
        feed.save()
        with time_machine.travel(berlin(30, 7), tick=False):
            assert feed_refresh(feed) is False
        feed.refresh_from_db()
        assert "cannot be used" in feed.last_error or "https" in feed.last_error, feed.last_error
    assert feeds.requests.count("/evil.ics") == 1
    # The busy times read earlier are kept while the feed fails.
    assert BusyWindow.objects.filter(user=berliner).count() == 1


def test_size_limit_and_bad_bodies_are_reported_not_raised(
    feeds: FeedServer, berliner: Any, settings: Any, library: Any
) -> None:
    settings.CALENDAR_MAX_BYTES = 2000
    feed = CalendarFeed.objects.create(user=berliner, url=feeds.serve("/big.ics", b"X" * 5000))
    assert feed_refresh(feed) is False
    assert "too large" in feed.last_error
    feed.url = feeds.serve("/junk.ics", b"<html>not a calendar</html>")
    feed.save()
    assert feed_refresh(feed) is False
    assert "not a calendar" in feed.last_error
    feed.url = feeds.serve("/gone.ics", b"", status=404)
    feed.save()
    assert feed_refresh(feed) is False and "404" in feed.last_error


def test_a_server_that_stops_sending_is_cut_off_by_the_time_limit(
    feeds: FeedServer, berliner: Any, settings: Any, library: Any
) -> None:
    settings.CALENDAR_READ_TIMEOUT_SECONDS = 1
    url = feeds.serve("/stall.ics", WEEKLY_MEETING)
    feeds.stalled.add("/stall.ics")
    feed = CalendarFeed.objects.create(user=berliner, url=url)
    assert feed_refresh(feed) is False
    assert "timed out" in feed.last_error


@pytest.mark.parametrize(
    "url",
    [
        "http://calendar.example.com/basic.ics",
        "ftp://calendar.example.com/basic.ics",
        "https://10.0.0.5/basic.ics",
        "https://192.168.1.20/basic.ics",
        "https://127.0.0.1/basic.ics",
        "https://[::1]/basic.ics",
        "https://169.254.169.254/latest/meta-data",
        "https://224.0.0.1/basic.ics",
        "https://0.0.0.0/basic.ics",
        "https://localhost/basic.ics",  # a name that resolves to loopback
        "https://user:secret@calendar.example.com/basic.ics",
        "not a url",
    ],
)
def test_unsafe_feed_addresses_are_refused_with_a_clear_400(
    cast: Any, as_user: Any, url: str
) -> None:
    answer = as_user(cast.pat).put(URL, {"url": url}, format="json")
    assert answer.status_code == 400
    [message] = answer.json()["url"]
    assert message.startswith(("The calendar address", "This address", "This is not")), message
    assert not CalendarFeed.objects.exists()


def test_loopback_http_is_refused_unless_the_test_setting_is_on(
    cast: Any, as_user: Any, settings: Any
) -> None:
    assert settings.CALENDAR_ALLOW_LOOPBACK_HTTP is False  # never on outside tests
    answer = as_user(cast.pat).put(URL, {"url": "http://127.0.0.1:8123/x.ics"}, format="json")
    assert answer.status_code == 400
    assert answer.json() == {"url": ["The calendar address must start with https://."]}


def test_the_feed_is_removed_with_its_busy_times(
    feeds: FeedServer, berliner: Any, as_user: Any, library: Any
) -> None:
    client = as_user(berliner)
    assert client.get(URL).json() == {
        "configured": False,
        "host": None,
        "last_fetched_at": None,
        "last_error": None,
        "busy": [],
    }
    url = feeds.serve("/team.ics", WEEKLY_MEETING)
    with time_machine.travel(berlin(30, 7), tick=False):
        assert client.put(URL, {"url": url}, format="json").status_code == 200
        feed_refresh(CalendarFeed.objects.get(user=berliner))
        assert client.put(URL, {}, format="json").json()["configured"] is True
        assert client.delete(URL).status_code == 204
        assert client.get(URL).json()["configured"] is False
    assert not BusyWindow.objects.filter(user=berliner).exists()
    assert as_user(berliner).put(URL, {"url": url, "x": 1}, format="json").status_code == 400
