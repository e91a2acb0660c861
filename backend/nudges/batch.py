"""What the dispatcher preloads for one batch of claimed plans, in a fixed number of
queries whatever the batch size: the patients' micro-break pools, their calendar busy
windows, and the sessions and walks that push the next nudge back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from backend.nudges.breaks import BreakItem
from backend.nudges.bulk import with_ids
from backend.nudges.content import ContentPool
from backend.nudges.models import Break, BusyWindow
from backend.programs.models import Session

# Windows are read this far ahead: a hold's release may chain over later meetings.
WINDOW_AHEAD = timedelta(hours=24)
# Activity is read this far back: one (longest) interval plus the grace period.
ACTIVITY_BACK = timedelta(minutes=120)


@dataclass
class BatchContext:
    pools: dict[int, list[BreakItem]] = field(default_factory=dict)
    windows: dict[int, list[tuple[datetime, datetime]]] = field(default_factory=dict)
    activity: dict[int, list[tuple[datetime, str]]] = field(default_factory=dict)

    @classmethod
    def load(
        cls, user_ids: Iterable[int], pool: ContentPool, *, now: datetime, grace: timedelta
    ) -> BatchContext:
        ids = sorted(set(user_ids))
        if not ids:
            return cls()
        since = now - grace - ACTIVITY_BACK
        windows: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
        busy = BusyWindow.objects.filter(end__gt=since, start__lte=now + WINDOW_AHEAD)
        for user_id, start, end in with_ids(busy, "user_id", ids).values_list(
            "user_id", "start", "end"
        ):
            windows[user_id].append((start, end))
        activity: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
        sessions = Session.objects.filter(
            local_date__gte=(since - timedelta(days=1)).date(),
            completed_at__gt=since,
            completed_at__lte=now,
        )
        for patient_id, completed in with_ids(sessions, "patient_id", ids).values_list(
            "patient_id", "completed_at"
        ):
            activity[patient_id].append((completed, "session"))
        walks = Break.objects.filter(kind="walk", taken_at__gt=since, taken_at__lte=now)
        for user_id, taken in with_ids(walks, "user_id", ids).values_list("user_id", "taken_at"):
            activity[user_id].append((taken, "walk"))
        return cls(pool.pools(ids), dict(windows), dict(activity))
