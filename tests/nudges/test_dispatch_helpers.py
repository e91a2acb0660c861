"""A tick with a backlog gets help: the deployed worker (two processes), a tick finding more
due than one claim batch, and a helper task dispatching alongside it on PostgreSQL. Every
due plan gets one nudge, and the tasks' own reports add up to them."""

from __future__ import annotations

import ast
import re
from collections import Counter
from typing import Any

import pytest
from django.db import connection

from backend.inbox.models import InboxMessage
from backend.nudges.models import Nudge
from backend.nudges.tasks import dispatch_tick
from tests.nudges.test_delivery_worker import _patient_due_now
from tests.nudges.worker import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("library")]

DUE = 18


def _reports(log: str, task: str) -> list[dict[str, int]]:
    pattern = rf"Task nudges\.{task}\[[^\]]+\] succeeded in [\d.]+s: (\{{[^}}]*\}})"
    return [ast.literal_eval(found) for found in re.findall(pattern, log)]


def test_a_backlog_is_dispatched_by_the_tick_and_its_helper_exactly_once(
    worker_factory: Any,
) -> None:
    for i in range(DUE):
        _patient_due_now(f"backlog{i}", [])
    worker = worker_factory(
        as_deployed=True, NUDGE_CLAIM_BATCH_SIZE="3", NUDGE_DISPATCH_HELPERS="1"
    )
    dispatch_tick.delay()
    wait_until(lambda: Nudge.objects.count() == DUE, timeout=60, message="not dispatched")
    helped = connection.vendor == "postgresql"
    wait_until(
        lambda: (
            len(_reports(worker.output(), "dispatch_tick")) == 1
            and len(_reports(worker.output(), "dispatch_help")) == int(helped)
        ),
        timeout=30,
        message=worker.output()[-3000:],
    )
    log = worker.output()
    reports = _reports(log, "dispatch_tick") + _reports(log, "dispatch_help")
    assert sum(report["sent"] for report in reports) == DUE
    assert set(Counter(Nudge.objects.values_list("plan_id", flat=True)).values()) == {1}
    assert InboxMessage.objects.filter(kind="nudge").count() == DUE
    assert "ERROR" not in log
