"""axe-core on the screens the other accessibility tests do not open: password reset, an
invite, tips, help, questionnaires and messages (patient); the two-factor page and the
program editor (physio). Same WCAG 2 A/AA rules, 0 violations, on a phone."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from backend.accounts.services import invite_create
from tests.factories import TEST_PASSWORD
from tests.support.browser_steps import (
    PHONE,
    Contexts,
    axe_violations,
    describe,
    login,
    patient_program,
)


def _checked(page: Page, screen: str, found: dict[str, Any]) -> None:
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    expect(
        page.get_by_role("status").filter(has_text=re.compile(r"Loading|Working out"))
    ).to_have_count(0)
    violations = axe_violations(page)
    if violations:
        found[screen] = violations


def test_the_remaining_screens_have_no_wcag_violations(contexts: Contexts, cast: Any) -> None:
    assignment = patient_program(cast.phil, cast.pat)
    invite = invite_create(inviter=cast.phil, role="patient", email="new@example.com")
    found: dict[str, Any] = {}

    anonymous = contexts.page(contexts.new(bypass_csp=True, viewport=PHONE))
    anonymous.goto("/forgot-password")
    _checked(anonymous, "forgot password", found)
    anonymous.goto(f"/invite/{invite.code}")
    expect(anonymous.get_by_label("Email")).to_have_value("new@example.com")
    _checked(anonymous, "invite", found)

    patient = contexts.page(contexts.new(bypass_csp=True, viewport=PHONE))
    login(patient, "pat@example.com", TEST_PASSWORD)
    for path in ("/tips", "/help", "/outcomes", "/messages"):
        patient.goto(path)
        _checked(patient, path, found)

    physio = contexts.page(contexts.new(bypass_csp=True, viewport=PHONE))
    login(physio, "phil@example.com", TEST_PASSWORD)
    physio.goto("/physio/security")
    _checked(physio, "two-factor", found)
    physio.goto(f"/physio/programs/{assignment.program_id}/edit?patient={cast.pat.pk}")
    expect(
        physio.get_by_role("button", name=re.compile("Remove Bird dog|Bird dog"))
    ).not_to_have_count(0)
    _checked(physio, "program editor", found)
    assert not found, describe([{"screen": k, "violations": v} for k, v in found.items()])
