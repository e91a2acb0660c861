"""Every user-facing sentence of the micro-break nudges and their API, in one place
(short, calm, for people in pain; never a diagnosis), so they are easy to translate.
Lazy: each is worded in the language active where it is used (``translation.override``
for a nudge's recipient)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MOVE_TITLE = _("Time to move: {name}")
MOVE_BODY = _("{dose}. A short break for your back. {summary}")
GENERAL_TITLE = _("Time to stand up and move")
GENERAL_BODY = _("You have been sitting for a while. Stand up, stretch and walk for a minute.")
BREAK_TIP_TITLE = _("Time for a short break")
TIP_TITLE = _("A tip for your back: {title}")
STAND_TITLE = _("Time to stand")
STAND_BODY = _("Stand at your desk for the next {minutes} minutes. Shift your weight now and then.")
SIT_TITLE = _("Time to sit")
SIT_BODY = _("You can sit down again. Sit back in your chair with your feet flat.")

DOSE_REPS = _("{sets} × {reps}")  # noqa: RUF001
DOSE_HOLD = _("{sets} × {hold} s hold")  # noqa: RUF001
DOSE_REPS_HOLD = _("{sets} × {reps}, hold {hold} s")  # noqa: RUF001

NOT_DESK_FRIENDLY = _("{slug}: not a desk-friendly exercise of the library or of this program.")
CONFLICT = _("{slug}: not suitable for this patient (recorded precaution: {codes}).")
CONFLICT_REASON = _("Recorded precaution: {codes}")
DUPLICATE = _("{slug} is listed twice.")
BOTH_LISTED = _("{slug} cannot be both prescribed and excluded.")
UNKNOWN_EXCLUDED = _("{slug}: not one of the suggested micro-breaks.")

BUSY_CHOICE = _("Choose 15, 30 or 60 minutes, or until the end of the day.")
CALENDAR_HTTPS = _("The calendar address must start with https://.")
CALENDAR_INVALID = _("This is not a valid calendar address.")
CALENDAR_UNSAFE = _("This address cannot be used for a calendar ({reason}).")
CALENDAR_NO_CONNECTION = _("The calendar could not be read: no connection.")
CALENDAR_BAD_REDIRECT = _("The calendar could not be read: the server sent a bad redirect.")
CALENDAR_STATUS = _("The calendar could not be read: the server answered {status}.")
CALENDAR_TOO_LARGE = _("The calendar could not be read: it is too large.")
CALENDAR_TIMED_OUT = _("The calendar could not be read: it timed out.")
CALENDAR_TOO_MANY_REDIRECTS = _("The calendar could not be read: too many redirects.")
CALENDAR_NOT_A_CALENDAR = _("The calendar could not be read: it is not a calendar.")

# The reasons ``endpoint_policy.address_refused`` gives (English there, shared with push),
# worded for a calendar address in the reader's language.
ADDRESS_REASONS = {
    "not an IP address": _("not an IP address"),
    "a loopback address": _("a loopback address"),
    "a multicast address": _("a multicast address"),
    "a link-local address": _("a link-local address"),
    "a private address": _("a private address"),
    "a reserved address": _("a reserved address"),
}
