"""Browser fixtures: the built PWA served by a live Django server, driven by Debian's Chromium.

The live server (pytest-django's ``live_server``) runs in a thread of this process against the
test database file, so a test must use ``transactional_db``: rows it writes are committed and the
server sees them, and what the browser stores through the API is visible to the test's queries.

Playwright never downloads a browser here: it launches ``/usr/bin/chromium``
(``scripts/ensure-chromium.sh`` installs it). The PWA must have been built (``make pwa``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    expect,
    sync_playwright,
)

from tests.support.browser_steps import TIMEOUT_MS, Contexts

CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def pwa_built() -> None:
    index = Path(settings.PWA_DIST_DIR) / "index.html"
    if not index.is_file():
        pytest.fail(
            f"The PWA is not built ({index} is missing): run `make pwa` before the e2e tests.",
            pytrace=False,
        )
    if settings.WHITENOISE_ROOT is None:
        pytest.fail(
            "frontend_pwa/dist appeared after Django's settings were loaded, so WhiteNoise "
            "does not serve it: run `make pwa` first, then pytest.",
            pytrace=False,
        )


# Session scope: one driver for the browser tests of every app. They run last (RUN_ORDER in
# tests/conftest.py), so no other test runs while its event loop and
# DJANGO_ALLOW_ASYNC_UNSAFE are set.
@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: run `bash scripts/ensure-chromium.sh` (installs Debian's "
            "chromium). Playwright's own browser downloads are not used.",
            pytrace=False,
        )
    # Playwright's sync API keeps an asyncio loop running in this thread; Django's ORM would
    # then refuse to run in the test body ("cannot call this from an async context"). The
    # calls are plain synchronous ones, so say so for as long as Playwright runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    driver = sync_playwright().start()
    try:
        yield driver
    finally:
        driver.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright, pwa_built: None) -> Iterator[Browser]:
    browser = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def server_url(live_server: Any, transactional_db: Any, library: Any) -> str:
    """The live server's origin (http://localhost:PORT: a secure context, so the service
    worker registers), with the committed library rows in place."""
    return str(live_server.url).replace("127.0.0.1", "localhost")


@pytest.fixture
def contexts(browser: Browser, server_url: str) -> Iterator[Contexts]:
    expect.set_options(timeout=TIMEOUT_MS)
    opened = Contexts(browser, server_url)
    try:
        yield opened
    finally:
        opened.close()
    assert not opened.errors, "uncaught errors in the page:\n" + "\n".join(opened.errors)


@pytest.fixture
def context(contexts: Contexts) -> BrowserContext:
    return contexts.new()


@pytest.fixture
def page(contexts: Contexts, context: BrowserContext) -> Page:
    return contexts.page(context)
