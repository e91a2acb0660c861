"""Typed helpers that read settings from the environment.

Every knob of Upright comes from the environment through these functions, so the
parsing rules are the same everywhere and are unit-tested in one place.
A secret may also be given as ``NAME_FILE=/path``: the file's content (stripped)
is used, which is how container orchestrators hand out secrets.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse, urlsplit, urlunsplit

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class EnvError(ValueError):
    """A setting in the environment has a value we cannot use."""


def _raw(name: str, environ: Mapping[str, str] | None) -> str | None:
    env = os.environ if environ is None else environ
    file_path = env.get(f"{name}_FILE")
    if file_path:
        try:
            return Path(file_path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise EnvError(f"{name}_FILE: cannot read {file_path}: {exc.strerror}") from exc
    return env.get(name)


def env_str(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> str:
    value = _raw(name, environ)
    return default if value is None else value


def env_bool(name: str, default: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    value = _raw(name, environ)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise EnvError(f"{name}: expected a boolean (1/0, true/false, yes/no, on/off), got {value!r}")


def env_int(
    name: str,
    default: int,
    environ: Mapping[str, str] | None = None,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int:
    value = _raw(name, environ)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value.strip())
    except ValueError as exc:
        raise EnvError(f"{name}: expected a whole number, got {value!r}") from exc
    if minimum is not None and number < minimum:
        raise EnvError(f"{name}: must be at least {minimum}, got {number}")
    if maximum is not None and number > maximum:
        raise EnvError(f"{name}: must be at most {maximum}, got {number}")
    return number


def env_list(
    name: str, default: list[str] | None = None, environ: Mapping[str, str] | None = None
) -> list[str]:
    value = _raw(name, environ)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url: str) -> dict[str, object]:
    """Django DATABASES entry for a ``postgres://`` or ``sqlite:///`` URL."""
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql", "pgsql"}:
        options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "OPTIONS": options,
        }
    if parsed.scheme == "sqlite":
        # sqlite:////abs/path.db or sqlite:///relative.db
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(url[len("sqlite:///") :])}
    raise EnvError(
        f"DATABASE_URL: unsupported scheme {parsed.scheme!r} (use postgres:// or sqlite:///)"
    )


def beat_every(task: str, seconds: float, *, expires: float | None = None) -> dict[str, Any]:
    """A Celery beat entry running ``task`` every ``seconds``; a run not started within
    ``expires`` (default 90 % of the interval) is dropped, so ticks never pile up."""
    return {
        "task": task,
        "schedule": float(seconds),
        "options": {"expires": seconds * 0.9 if expires is None else expires},
    }


REDIS_DATABASES = 16  # Redis's default ``databases``


def redis_url_for_test_worker(url: str, worker: str) -> str:
    """The Redis URL of one pytest-xdist worker (``gw0``, ``gw1``...): the same server,
    database ``base - n`` wrapping round (CI's base 15 gives 15, 14); unchanged for an
    empty URL or outside xdist (``worker`` empty)."""
    if not url or not worker or not url.startswith(("redis://", "rediss://")):
        return url
    parts = urlsplit(url)
    path = parts.path.strip("/")
    base = int(path) if path.isdigit() else 0
    number = int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{(base - number) % REDIS_DATABASES}"))
