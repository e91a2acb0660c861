"""The Django admin: every registered model's list opens; clinic admins see their clinic."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from backend.accounts.models import User

pytestmark = pytest.mark.django_db


def test_every_admin_list_opens_for_a_superuser(cast: Any) -> None:
    root = User.objects.create_superuser("root@example.com", "a long root passphrase")
    client = Client()
    client.force_login(root)
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url


def test_a_clinic_admin_sees_only_their_clinics_people(cast: Any) -> None:
    client = Client()
    client.force_login(cast.adam)
    page = client.get(reverse("admin:accounts_user_changelist"))
    assert page.status_code == 200
    assert b"pat@example.com" in page.content
    assert b"hana@example.com" not in page.content
