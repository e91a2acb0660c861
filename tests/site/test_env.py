from pathlib import Path

import pytest

from backend.env import (
    EnvError,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    redis_url_for_test_worker,
)


@pytest.mark.parametrize("raw", ["1", "true", "YES", " on "])
def test_truthy_words_read_as_true(raw: str) -> None:
    assert env_bool("X", False, {"X": raw}) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "off", ""])
def test_falsy_words_read_as_false(raw: str) -> None:
    assert env_bool("X", True, {"X": raw}) is False


def test_unset_bool_uses_default() -> None:
    assert env_bool("X", True, {}) is True


def test_bool_rejects_unknown_words() -> None:
    with pytest.raises(EnvError, match="X: expected a boolean"):
        env_bool("X", False, {"X": "maybe"})


def test_int_parses_and_checks_bounds() -> None:
    assert env_int("N", 3, {"N": " 42 "}) == 42
    assert env_int("N", 3, {}) == 3
    with pytest.raises(EnvError, match="at least 5"):
        env_int("N", 10, {"N": "4"}, minimum=5)
    with pytest.raises(EnvError, match="at most 9"):
        env_int("N", 1, {"N": "10"}, maximum=9)
    with pytest.raises(EnvError, match="whole number"):
        env_int("N", 1, {"N": "ten"})


def test_list_splits_on_commas_and_drops_blanks() -> None:
    assert env_list("L", None, {"L": "a.example, b.example,,"}) == ["a.example", "b.example"]
    assert env_list("L", ["x"], {}) == ["x"]


def test_secret_is_read_from_file(tmp_path: Path) -> None:
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    assert (
        env_str("SECRET_KEY", "", {"SECRET_KEY_FILE": str(secret), "SECRET_KEY": "no"}) == "s3cret"
    )


def test_unreadable_secret_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EnvError, match="SECRET_KEY_FILE"):
        env_str("SECRET_KEY", "", {"SECRET_KEY_FILE": str(tmp_path / "missing")})


def test_postgres_url_becomes_django_database() -> None:
    db = database_from_url("postgres://app:p%40ss@db.internal:6543/upright?sslmode=require")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"]) == ("upright", "app", "p@ss")
    assert (db["HOST"], db["PORT"]) == ("db.internal", "6543")
    assert db["OPTIONS"] == {"sslmode": "require"}


def test_sqlite_url_and_unknown_scheme() -> None:
    assert database_from_url("sqlite:////tmp/u.db")["NAME"] == "/tmp/u.db"
    with pytest.raises(EnvError, match="unsupported scheme"):
        database_from_url("mysql://x/y")


def test_each_test_worker_gets_a_redis_database_of_its_own() -> None:
    base = "redis://127.0.0.1:6379/15"
    urls = [redis_url_for_test_worker(base, f"gw{n}") for n in range(3)]
    assert urls == [
        "redis://127.0.0.1:6379/15",
        "redis://127.0.0.1:6379/14",
        "redis://127.0.0.1:6379/13",
    ]
    # Wrapping round below database 0; no database in the URL is database 0.
    assert redis_url_for_test_worker("redis://h:1/0", "gw1") == "redis://h:1/15"
    assert redis_url_for_test_worker("redis://h:1", "gw2") == "redis://h:1/14"


def test_outside_a_test_worker_or_redis_the_url_is_unchanged() -> None:
    assert redis_url_for_test_worker("redis://h:1/3", "") == "redis://h:1/3"
    assert redis_url_for_test_worker("", "gw1") == ""
    amqp = "amqp://guest:guest@127.0.0.1:5672//"
    assert redis_url_for_test_worker(amqp, "gw1") == amqp
