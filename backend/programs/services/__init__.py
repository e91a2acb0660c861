"""Every write to programs: building and assigning programs (``assignments``), logging
sessions (``sessions``) and raising and reviewing alerts (``alerts``). Callers import the
verbs from here."""

from backend.programs.services.alerts import (
    adherence_alert_if_due,
    adherence_scan,
    alert_acknowledge,
    alert_resolve,
    pain_alert_message,
    physios_notify,
)
from backend.programs.services.assignments import (
    assignment_create,
    assignment_end,
    assignment_pause,
    assignment_resume,
    calendar_feed_revoke,
    calendar_feed_rotate,
    demo_assignment,
    program_create,
    program_revise,
)
from backend.programs.services.sessions import SessionConflict, session_log

__all__ = [
    "SessionConflict",
    "adherence_alert_if_due",
    "adherence_scan",
    "alert_acknowledge",
    "alert_resolve",
    "assignment_create",
    "assignment_end",
    "assignment_pause",
    "assignment_resume",
    "calendar_feed_revoke",
    "calendar_feed_rotate",
    "demo_assignment",
    "pain_alert_message",
    "physios_notify",
    "program_create",
    "program_revise",
    "session_log",
]
