"""Messaging tests reuse the nudges fixtures: the loopback push service and the worker."""

from __future__ import annotations

from tests.nudges.conftest import (  # noqa: F401  (fixtures)
    _loopback_push_allowed,
    device_factory,
    push_service,
    shared_worker,
    worker,
)
