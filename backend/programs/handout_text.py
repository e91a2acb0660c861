"""The handout's and the calendar feed's own phrases, in the active language: the dose as
a sentence, the program days, dates. Plain functions (no database), tested directly."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.utils import dateformat
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext


def seconds_text(n: int) -> str:
    return ngettext("%(count)d second", "%(count)d seconds", n) % {"count": n}


def times_text(n: int) -> str:
    if n == 1:
        return _("once")
    if n == 2:
        return _("twice")
    return ngettext("%(count)d time", "%(count)d times", n) % {"count": n}


def dosage_text(sets: int, reps: int | None, hold: int | None, rest: int, per_side: bool) -> str:
    """The dose as a phrase: "2 sets of 10 repetitions, on each side, rest 30 seconds
    between sets"; reps with a hold read "10 repetitions, holding each for 3 seconds"; a
    hold alone reads "hold for 5 seconds, twice, …, rest 10 seconds between holds" (not
    "2 sets of hold for 5 seconds")."""
    if reps is not None:
        amount = ngettext("%(count)d repetition", "%(count)d repetitions", reps) % {"count": reps}
        if hold is not None:
            amount += ", " + _("holding each for %(seconds)s") % {"seconds": seconds_text(hold)}
        words = {"count": sets, "amount": amount}
        parts = [
            ngettext("%(count)d set of %(amount)s", "%(count)d sets of %(amount)s", sets) % words
        ]
        between = _("rest %(seconds)s between sets")
    else:
        parts = [_("hold for %(seconds)s") % {"seconds": seconds_text(hold or 0)}, times_text(sets)]
        between = _("rest %(seconds)s between holds")
    if per_side:
        parts.append(_("on each side"))
    if rest and sets > 1:
        parts.append(between % {"seconds": seconds_text(rest)})
    return ", ".join(parts)


def list_text(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c" in the active language."""
    if len(items) <= 1:
        return "".join(items)
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def days_text(days: Sequence[int]) -> str:
    """ISO weekdays (1 = Monday) as words: "Monday, Wednesday and Friday", "Every day"."""
    if len(set(days)) == 7:
        return _("Every day")
    return list_text([str(WEEKDAYS[d - 1]) for d in sorted(days)])


def date_text(day: date) -> str:
    """A date as people write it: "5 January 2026", "5 de enero de 2026", "5. Januar 2026"."""
    # Translators: a date format of Django's ``date`` filter (j = day, F = month name).
    return dateformat.format(day, pgettext("handout date", "j F Y"))
