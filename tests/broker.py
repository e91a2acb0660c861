"""Point this (test, producer) process's Celery app at another broker for a while."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from backend.celery import app


def _apply(url: str, options: dict[str, Any] | None) -> None:
    from kombu import pools

    conf: Any = app.conf
    # Celery fills broker_read_url/broker_write_url from broker_url when the config is
    # first read; connections use those, so all three must change together.
    conf.update(broker_url=url, broker_read_url=url, broker_write_url=url)
    if options is not None:
        conf.broker_transport_options = options
    pools.reset()  # drop every cached connection and producer, so new ones use the URL
    celery_app: Any = app
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def broker_kind(url: str | None = None) -> str:
    """ "redis", "amqp" (RabbitMQ) or "filesystem": the broker the tests run against."""
    conf: Any = app.conf
    scheme = str(url if url is not None else conf.broker_url).split("://", 1)[0]
    if scheme in {"amqp", "amqps", "pyamqp"}:
        return "amqp"
    return "redis" if scheme in {"redis", "rediss"} else "filesystem"


@contextmanager
def use_broker(url: str, options: dict[str, Any] | None = None) -> Iterator[None]:
    conf: Any = app.conf
    saved = (conf.broker_url, dict(conf.broker_transport_options or {}))
    _apply(url, options)
    try:
        yield
    finally:
        _apply(*saved)
