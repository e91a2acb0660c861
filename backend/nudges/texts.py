"""Every user-facing sentence of the micro-break nudges and their API, in one place
(short, calm, for people in pain; never a diagnosis), so they are easy to translate."""

from __future__ import annotations

MOVE_TITLE = "Time to move: {name}"
MOVE_BODY = "{dose}. A short break for your back. {summary}"
GENERAL_TITLE = "Time to stand up and move"
GENERAL_BODY = "You have been sitting for a while. Stand up, stretch and walk for a minute."
BREAK_TIP_TITLE = "Time for a short break"
TIP_TITLE = "A tip for your back: {title}"
STAND_TITLE = "Time to stand"
STAND_BODY = "Stand at your desk for the next {minutes} minutes. Shift your weight now and then."
SIT_TITLE = "Time to sit"
SIT_BODY = "You can sit down again. Sit back in your chair with your feet flat."

DOSE_REPS = "{sets} × {reps}"  # noqa: RUF001
DOSE_HOLD = "{sets} × {hold} s hold"  # noqa: RUF001
DOSE_REPS_HOLD = "{sets} × {reps}, hold {hold} s"  # noqa: RUF001

NOT_DESK_FRIENDLY = "{slug}: not a desk-friendly exercise of the library or of this program."
CONFLICT = "{slug}: not suitable for this patient (recorded precaution: {codes})."
CONFLICT_REASON = "Recorded precaution: {codes}"
DUPLICATE = "{slug} is listed twice."
BOTH_LISTED = "{slug} cannot be both prescribed and excluded."
UNKNOWN_EXCLUDED = "{slug}: not one of the suggested micro-breaks."

BUSY_CHOICE = "Choose 15, 30 or 60 minutes, or until the end of the day."
CALENDAR_HTTPS = "The calendar address must start with https://."
CALENDAR_INVALID = "This is not a valid calendar address."
CALENDAR_UNSAFE = "This address cannot be used for a calendar ({reason})."
CALENDAR_UNREACHABLE = "The calendar could not be read: {reason}."
