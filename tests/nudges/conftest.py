"""Fixtures for the nudges tests: plans, fake devices, a Web Push service on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.nudges.pushservice import FakeDevice, FakePushService


@pytest.fixture(autouse=True)
def _loopback_push_allowed(settings: Any) -> None:
    settings.PUSH_ALLOW_LOOPBACK_HTTP = True


@pytest.fixture
def push_service() -> Iterator[FakePushService]:
    service = FakePushService()
    service.start()
    yield service
    service.stop()


@pytest.fixture
def device_factory(push_service: FakePushService) -> Any:
    def make(name: str = "phone") -> FakeDevice:
        return push_service.new_device(name)

    return make


class _SharedWorker:
    """One real Celery worker reused by the delivery tests that do not kill it (a worker
    takes seconds to start). Tests that kill workers stop it first: on one queue, it
    would otherwise take their tasks."""

    worker: Any = None

    @classmethod
    def get(cls) -> Any:
        from tests.nudges.worker import CeleryWorker, purge_broker

        if cls.worker is None:
            purge_broker()
            cls.worker = CeleryWorker().start()
        return cls.worker

    @classmethod
    def stop(cls) -> None:
        if cls.worker is not None:
            cls.worker.stop()
            cls.worker = None


@pytest.fixture(scope="session")
def shared_worker(django_db_setup: Any) -> Iterator[type[_SharedWorker]]:
    yield _SharedWorker
    _SharedWorker.stop()


@pytest.fixture
def worker(shared_worker: type[_SharedWorker], transactional_db: Any) -> Any:
    return shared_worker.get()


@pytest.fixture
def worker_factory(shared_worker: type[_SharedWorker], transactional_db: Any) -> Iterator[Any]:
    """Start real Celery workers (subprocesses) on the settings' broker; all stopped after."""
    from tests.nudges.worker import CeleryWorker, purge_broker

    shared_worker.stop()
    purge_broker()
    workers: list[CeleryWorker] = []

    def start(*, as_deployed: bool = False, **env: str) -> CeleryWorker:
        worker = CeleryWorker(as_deployed=as_deployed, **env).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()
