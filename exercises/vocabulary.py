"""The words each field of the library's content may hold: languages, categories, body
regions, positions, equipment, tip topics and precaution codes (models, the API's filters
and ``content_schema`` read them)."""

from __future__ import annotations


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


LANGUAGES: tuple[str, ...] = ("en", "es", "de")
REQUIRED_LANGUAGE = "en"
EXERCISE_CATEGORIES = words("core posture mobility micro-break")
BODY_REGIONS = words("lower-back core hips upper-back neck shoulders legs full-body")
POSITIONS = words("standing seated floor desk")
EQUIPMENT = words("mat chair wall towel band pillow table broomstick")
TIP_TOPICS = words(
    "sitting-posture desk-setup lifting lying-sleeping body-weight breaks heat-cold "
    "pain-education pain-relief treatment-options flare-up walking"
)
PRECAUTION_CODES = words(
    "no-direct-pressure stop-if-leg-symptoms avoid-supine-late-pregnancy "
    "osteoporosis-flexion-caution needs-balance-support wrist-load knee-load shoulder-caution "
    "osteoporosis-twist-caution extension-intolerance"
)
# Tips about moving: the only tips a "stand up and move" nudge may send as a movement prompt.
MOVEMENT_TIP_TOPICS = words("breaks walking")
# Tips that make sense at a desk during the working day (the others stay in the app).
DESK_TIP_TOPICS = words("sitting-posture desk-setup breaks walking")
