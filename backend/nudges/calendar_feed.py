"""Calendar busy times: a patient's private iCalendar feed, fetched safely, parsed with
``icalendar`` + ``recurring-ical-events`` (RRULEs, exceptions, time zones) into
``BusyWindow`` rows that the dispatcher holds nudges in.

Fetching a URL a user typed is a server-side request forgery risk, so:

* https only (plain http to 127.0.0.1 only with ``CALENDAR_ALLOW_LOOPBACK_HTTP``, a
  setting for tests; never on in production);
* the host is resolved and *every* address must be public (``endpoint_policy``, the
  same check as push endpoints); the connection goes to exactly the checked address;
* a redirect is followed only a few times, and each target is checked the same way;
* connect/read time limits and a size limit; no proxy from the environment.
"""

from __future__ import annotations

import ipaddress
import logging
from datetime import UTC, datetime, timedelta
from time import monotonic
from typing import Any
from urllib.parse import urljoin, urlsplit

import icalendar
import recurring_ical_events
import urllib3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.celery import app
from backend.inbox.endpoint_policy import EndpointRefused, address_refused, resolve_public
from backend.nudges import texts
from backend.nudges.models import BusySource, BusyWindow, CalendarFeed

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 3
HORIZON = timedelta(hours=48)
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class FeedError(Exception):
    pass


def _loopback_ok() -> bool:
    return bool(settings.CALENDAR_ALLOW_LOOPBACK_HTTP)


def url_error(url: str, *, resolve: bool = True) -> str | None:
    """Why this feed address is refused, or None. With ``resolve`` the host is looked up
    and every address it has is checked."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return str(texts.CALENDAR_INVALID)
    if not host or parts.username or parts.password:
        return str(texts.CALENDAR_INVALID)
    loopback = _loopback_ok() and host in _LOOPBACK
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
        return str(texts.CALENDAR_HTTPS)
    try:
        ipaddress.ip_address(host)
        literal = True
    except ValueError:
        literal = False
    if literal:
        reason = address_refused(host, allow_loopback=loopback)
        if reason:
            return texts.CALENDAR_UNSAFE.format(reason=texts.ADDRESS_REASONS.get(reason, reason))
    if resolve:
        try:
            resolve_public(host, port, allow_loopback=loopback)
        except EndpointRefused as exc:
            return texts.CALENDAR_UNSAFE.format(reason=str(exc))
    return None


def _request(
    pool: urllib3.PoolManager, url: str, timeout: urllib3.Timeout
) -> urllib3.BaseHTTPResponse:
    """One hop: the URL checked, then a GET to its checked address (redirects not followed)."""
    problem = url_error(url, resolve=False)
    if problem:
        raise FeedError(problem)
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        loopback = _loopback_ok() and host in _LOOPBACK
        address = resolve_public(host, port, allow_loopback=loopback)
    except EndpointRefused as exc:
        raise FeedError(texts.CALENDAR_UNSAFE.format(reason=str(exc))) from exc
    tls = {"server_hostname": host, "assert_hostname": host}
    connection = pool.connection_from_host(
        address, port, parts.scheme, pool_kwargs=tls if parts.scheme == "https" else None
    )
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    default_port = port == (443 if parts.scheme == "https" else 80)
    headers = {
        "Host": host if default_port else f"{host}:{port}",
        "Accept": "text/calendar",
        "User-Agent": "Upright calendar reader",
    }
    try:
        return connection.urlopen(
            "GET",
            path,
            headers=headers,
            timeout=timeout,
            retries=False,
            redirect=False,
            preload_content=False,
        )
    except urllib3.exceptions.HTTPError as exc:
        raise FeedError(str(texts.CALENDAR_NO_CONNECTION)) from exc


def _read_body(response: urllib3.BaseHTTPResponse, limit: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FeedError(str(texts.CALENDAR_TOO_LARGE))
    body = b""
    # A server dripping bytes slowly is cut off too, not only a silent one.
    deadline = monotonic() + float(settings.CALENDAR_READ_TIMEOUT_SECONDS)
    try:
        for chunk in response.stream(64 * 1024):
            body += chunk
            if len(body) > limit:
                raise FeedError(str(texts.CALENDAR_TOO_LARGE))
            if monotonic() > deadline:
                raise FeedError(str(texts.CALENDAR_TIMED_OUT))
    except urllib3.exceptions.HTTPError as exc:
        raise FeedError(str(texts.CALENDAR_TIMED_OUT)) from exc
    return body


def fetch(url: str, *, pool: urllib3.PoolManager | None = None) -> bytes:
    """The feed's body. Every hop (the URL and each redirect target) is checked and
    connected to by its checked address; raises ``FeedError``."""
    pool = pool or urllib3.PoolManager()
    timeout = urllib3.Timeout(
        connect=float(settings.CALENDAR_CONNECT_TIMEOUT_SECONDS),
        read=float(settings.CALENDAR_READ_TIMEOUT_SECONDS),
    )
    limit = int(settings.CALENDAR_MAX_BYTES)
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        response = _request(pool, current, timeout)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise FeedError(str(texts.CALENDAR_BAD_REDIRECT))
                current = urljoin(current, location)
                continue
            if response.status != 200:
                raise FeedError(texts.CALENDAR_STATUS.format(status=response.status))
            return _read_body(response, limit)
        finally:
            response.release_conn()
    raise FeedError(str(texts.CALENDAR_TOO_MANY_REDIRECTS))


def _instant(value: object, tz_name: str) -> datetime | None:
    if isinstance(value, datetime):
        if value.tzinfo is None:  # floating time: the patient's own zone
            value = value.replace(tzinfo=zone(tz_name))
        return value.astimezone(UTC)
    return None  # an all-day date: not a meeting (holidays, birthdays) — never held for


def busy_windows(
    body: bytes, *, start: datetime, end: datetime, tz_name: str
) -> list[tuple[datetime, datetime]]:
    """Busy (start, end) pairs in UTC of the events between ``start`` and ``end``:
    recurring events expanded (in their own zones, so a weekly 10:00 meeting stays at
    10:00 local across a DST change); free ("transparent"), cancelled and all-day events
    left out. Raises ``FeedError`` for a body that is not a calendar."""
    try:
        calendar = icalendar.Calendar.from_ical(body)
        events = recurring_ical_events.of(calendar).between(start, end)
    except Exception as exc:  # the libraries raise many kinds for bad input
        raise FeedError(str(texts.CALENDAR_NOT_A_CALENDAR)) from exc
    windows: list[tuple[datetime, datetime]] = []
    for event in events:
        if event.name != "VEVENT":
            continue
        if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
            continue
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        begin = _instant(event.get("DTSTART").dt if event.get("DTSTART") else None, tz_name)
        finish_field = event.get("DTEND")
        finish = _instant(finish_field.dt, tz_name) if finish_field else None
        if finish is None and begin is not None and event.get("DURATION"):
            finish = begin + event.get("DURATION").dt
        if begin is None or finish is None or finish <= begin:
            continue
        windows.append((max(begin, start), min(finish, end)))
    return sorted(w for w in windows if w[1] > w[0])


@transaction.atomic
def _store(feed: CalendarFeed, windows: list[tuple[datetime, datetime]], now: datetime) -> None:
    BusyWindow.objects.filter(user_id=feed.user_id, source=BusySource.CALENDAR).delete()
    BusyWindow.objects.bulk_create(
        BusyWindow(user_id=feed.user_id, start=s, end=e, source=BusySource.CALENDAR)
        for s, e in windows
    )
    feed.last_fetched_at = now
    feed.last_error = ""
    feed.next_fetch_at = now + timedelta(minutes=settings.CALENDAR_FETCH_MINUTES)
    feed.save(update_fields=["last_fetched_at", "last_error", "next_fetch_at"])


def feed_refresh(feed: CalendarFeed, *, now: datetime | None = None) -> bool:
    """Fetch one feed and replace its busy windows (the next ``HORIZON``). On failure
    the old windows stay and the reason is kept for the patient to see, in their language."""
    now = now or timezone.now()
    try:
        with translation.override(feed.user.language or settings.LANGUAGE_CODE):
            body = fetch(feed.url)
            windows = busy_windows(body, start=now, end=now + HORIZON, tz_name=feed.user.timezone)
    except FeedError as exc:
        feed.last_error = str(exc)[:300]
        feed.next_fetch_at = now + timedelta(minutes=settings.CALENDAR_FETCH_MINUTES)
        feed.save(update_fields=["last_error", "next_fetch_at"])
        logger.info("calendar of user %s not read: %s", feed.user_id, exc)
        return False
    _store(feed, windows, now)
    return True


def refresh_due_feeds(*, now: datetime | None = None, limit: int = 500) -> int:
    """The beat job: every feed whose next fetch is due (an indexed range)."""
    now = now or timezone.now()
    feeds = list(
        CalendarFeed.objects.filter(next_fetch_at__lte=now)
        .select_related("user")
        .order_by("next_fetch_at")[:limit]
    )
    for feed in feeds:
        feed_refresh(feed, now=now)
    return len(feeds)


# --- the patient's settings -------------------------------------------------------------


def calendar_set(user: User, url: str, *, now: datetime | None = None) -> CalendarFeed:
    url = url.strip()
    problem = url_error(url)
    if problem:
        raise ValidationError({"url": [problem]})
    feed, _ = CalendarFeed.objects.update_or_create(
        user=user,
        defaults={
            "url": url,
            "host": (urlsplit(url).hostname or "").lower(),
            "last_error": "",
            "last_fetched_at": None,
            "next_fetch_at": now or timezone.now(),
        },
    )
    transaction.on_commit(lambda: _enqueue_refresh(feed.pk), robust=True)
    return feed


def _enqueue_refresh(feed_id: int) -> None:
    # By name: the tasks module imports this one.
    app.signature("nudges.calendar_refresh").delay(feed_id)


@transaction.atomic
def calendar_clear(user: User) -> None:
    CalendarFeed.objects.filter(user=user).delete()
    BusyWindow.objects.filter(user=user, source=BusySource.CALENDAR).delete()


def calendar_state(user: User, *, now: datetime | None = None) -> dict[str, Any]:
    now = now or timezone.now()
    feed = CalendarFeed.objects.filter(user=user).first()
    busy = BusyWindow.objects.filter(user=user, end__gt=now, start__lt=now + timedelta(hours=24))
    return {
        "configured": feed is not None,
        "host": feed.host if feed else None,
        "last_fetched_at": feed.last_fetched_at if feed else None,
        "last_error": (feed.last_error or None) if feed else None,
        "busy": [{"start": w.start, "end": w.end} for w in busy.order_by("start")],
    }
