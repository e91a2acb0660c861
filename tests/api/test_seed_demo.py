from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from backend.accounts.models import CareLink, User

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_demo_people_and_is_repeatable(db: Any) -> None:
    out = StringIO()
    call_command("seed_demo", "--password", "demo password 123", stdout=out)
    call_command("seed_demo", "--password", "demo password 123", stdout=StringIO())
    assert "physio@example.com" in out.getvalue()
    assert User.objects.filter(email__in=["physio@example.com", "patient@example.com"]).count() == 2
    assert (
        CareLink.objects.filter(
            patient__email="patient@example.com", physio__email="physio@example.com"
        ).count()
        == 1
    )
    client = APIClient()
    login = {"email": "patient@example.com", "password": "demo password 123"}
    assert client.post("/api/auth/login/", login).status_code == 200
    # An active program (created once, however often the command runs) and a nudge plan.
    today = client.get("/api/today/").json()
    assert len(today["assignments"]) == 1
    assert today["assignments"][0]["items"]
    assert client.get("/api/nudges/plan/").status_code == 200


def test_seed_demo_prints_a_random_password_when_none_is_given(db: Any) -> None:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    login = {"email": "physio@example.com", "password": password}
    assert APIClient().post("/api/auth/login/", login).status_code == 200
