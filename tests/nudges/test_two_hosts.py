"""The documented scale-out, tested: two worker "hosts" (separate network namespaces,
separate host names) on one database and one broker take a burst of due nudges, each
running a dispatcher tick and delivery tasks at the same time. Every nudge is recorded
once, has one inbox row, and reaches its device once."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection

from backend.inbox.models import InboxMessage, PushDelivery
from backend.nudges.models import Nudge
from backend.nudges.tasks import dispatch_tick
from tests.nudges.pushservice import FakePushService
from tests.nudges.test_delivery_worker import _patient_due_now, _pending
from tests.nudges.worker import CeleryWorker, purge_broker, wait_until
from tests.support.netns import Namespace

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("library")]

BURST = 40


def _loopback_ports(push_service: FakePushService) -> list[int]:
    """Every TCP service the workers use, all on this machine's loopback."""
    urls = [settings.CELERY_BROKER_URL, settings.REDIS_URL, push_service.origin]
    if connection.vendor == "postgresql":
        db: dict[str, Any] = connection.settings_dict
        urls.append(f"postgres://{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}")
    ports = set()
    for url in urls:
        parts = urlsplit(url)
        if parts.hostname in {"127.0.0.1", "localhost"}:
            default = {"redis": 6379, "amqp": 5672, "postgres": 5432}.get(parts.scheme, 80)
            ports.add(parts.port or default)
    return sorted(ports)


@pytest.fixture
def two_hosts(
    push_service: FakePushService, shared_worker: Any, transactional_db: Any
) -> Iterator[list[Namespace]]:
    shared_worker.stop()  # no worker on this host may take the tasks
    purge_broker()
    hosts = [Namespace(f"upright-host{i}-{os.getpid()}", i) for i in range(2)]
    try:
        ports = _loopback_ports(push_service)
        for host in hosts:
            host.create().relay(ports)
        yield hosts
    finally:
        for host in hosts:
            host.destroy()


def test_two_worker_hosts_deliver_a_burst_exactly_once(
    push_service: FakePushService, two_hosts: list[Namespace]
) -> None:
    devices = [push_service.new_device(f"phone{i}") for i in range(BURST)]
    for i, device in enumerate(devices):
        _patient_due_now(f"burst{i}", [device])

    env = {
        # Small claims and batches: the two dispatchers interleave, many delivery tasks.
        "NUDGE_CLAIM_BATCH_SIZE": "4",
        "NUDGE_DELIVERY_BATCH_SIZE": "3",
        "PUSH_ALLOW_LOOPBACK_HTTP": "1",
        # The sender of the held push below must wait out the hold. At
        # the default 10 s its sender gave up first (a slow CI machine), the message was
        # retried and sent again, and the held request was then accepted as well: two
        # arrivals of one nudge, as a real push service that answered after the sender's
        # timeout would also see (the Topic header is what collapses those out there).
        "PUSH_TIMEOUT_SECONDS": "150",
    }
    workers = [CeleryWorker(as_deployed=False, **env) for _ in two_hosts]
    for i, (worker, host) in enumerate(zip(workers, two_hosts, strict=True)):
        worker.prefix = list(host.prefix(f"worker-host-{i}"))
    try:
        for worker in workers:
            worker.start()
        for i, worker in enumerate(workers):
            # Really on its own host: its own name, and its own network (the database and
            # broker only through the veth link).
            assert f"@worker-host-{i}" in worker.output()
        # The first push to arrive hangs: the host sending it (one task at a time) is busy
        # until the other host has delivered everything else, so both hosts take part
        # whichever polls the broker first (a fast host would otherwise do the whole burst).
        push_service.hold_at = 0
        push_service.accept_held = True
        # Held for at most 15 s, then accepted: always before its sender's timeout (above),
        # and shorter than SQLite's 20 s lock wait (on SQLite the other writers wait while
        # the push is held: a longer hold made the dispatchers fail with "database is
        # locked").
        push_service.hold_seconds = 15
        # Two ticks at once: one each (prefetch 1, both idle), both claiming from the burst.
        dispatch_tick.delay()
        dispatch_tick.delay()
        try:
            wait_until(lambda: Nudge.objects.count() == BURST, timeout=60)
        except AssertionError:
            tails = "\n---\n".join(worker.output()[-2500:] for worker in workers)
            raise AssertionError(f"not dispatched ({Nudge.objects.count()})\n{tails}") from None
        wait_until(push_service.holding.is_set, timeout=60, message="no push arrived")
        wait_until(
            lambda: _pending() <= int(env["NUDGE_DELIVERY_BATCH_SIZE"]),
            timeout=90,
            message="the other host did not deliver the rest",
        )
        push_service.release.set()
        wait_until(lambda: _pending() == 0, timeout=90, message="the burst was not delivered")
        for worker in workers:
            assert worker.proc is not None and worker.proc.poll() is None, worker.output()[-3000:]
        logs = [worker.output() for worker in workers]
    finally:
        for worker in workers:
            worker.stop()

    assert InboxMessage.objects.filter(kind="nudge").count() == BURST
    per_user = Counter(InboxMessage.objects.values_list("user_id", flat=True))
    assert set(per_user.values()) == {1}
    assert PushDelivery.objects.count() == BURST
    for device in devices:
        received = Counter(p["nudge"] for p in push_service.payloads(device))
        assert list(received.values()) == [1], (device.name, received)
    assert len(push_service.payloads()) == BURST
    assert push_service.rejected == []
    # Both hosts took part: each ran tasks that succeeded.
    done = [len(re.findall(r"Task nudges\.\w+\[[^\]]+\] succeeded", log)) for log in logs]
    assert all(count > 0 for count in done), done
