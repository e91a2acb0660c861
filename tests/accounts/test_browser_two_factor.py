"""A physio turns on two-factor sign-in in the browser, reloads to see it kept, then signs
in again with a recovery code at the login screen's code step."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from django_otp.oath import totp
from playwright.sync_api import Page, expect

from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import login

SHOTS = Path("/tmp/shots/security")


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((390, 844), (1280, 800)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)


def _code_for(secret: str) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


def test_physio_enrols_reloads_and_signs_in_with_the_second_factor(page: Page, cast: Any) -> None:
    login(page, "phil@example.com", TEST_PASSWORD)
    page.goto("/settings")
    page.get_by_role("link", name="Set up two-factor sign-in").click()
    expect(page.get_by_role("heading", level=1, name="Two-factor sign-in")).to_be_visible()
    page.get_by_role("button", name="Set up two-factor sign-in").click()
    secret = page.locator("code").inner_text()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    _shot(page, "two-factor-setup")
    page.get_by_label("6-digit code").fill(_code_for(secret))
    page.get_by_role("button", name="Turn on").click()
    codes = page.locator(".recovery-codes li")
    expect(codes).to_have_count(10)
    recovery = codes.first.inner_text()
    expect(page.get_by_text("Status: on")).to_be_visible()
    _shot(page, "two-factor-codes")

    page.reload()
    expect(page.get_by_text("Recovery codes left: 10")).to_be_visible()

    # Sign out (a fresh browser context has no session), then in again: the code step.
    page.context.clear_cookies()
    page.goto("/login")
    page.get_by_label("Email").fill("phil@example.com")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    code_field = page.get_by_label("Code from your authenticator app")
    expect(code_field).to_be_visible()
    _shot(page, "login-code-step")
    code_field.fill(recovery)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)
    expect(page.get_by_role("heading", level=1, name="Your patients")).to_be_visible()
