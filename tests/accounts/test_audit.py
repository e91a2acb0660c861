"""The access log: clinic staff reading a patient's record leave a row; nobody edits it."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.test import RequestFactory

from backend.accounts.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("suffix", "action"), [("", "patient.detail"), ("sessions/", "patient.sessions")]
)
@pytest.mark.parametrize("reader", ["phil", "adam"])
def test_staff_reading_a_patient_record_is_logged(
    cast: Any, as_user: Any, reader: str, suffix: str, action: str
) -> None:
    path = f"/api/patients/{cast.pat.pk}/{suffix}"
    assert as_user(getattr(cast, reader)).get(path, {"q": "Pat Patient"}).status_code == 200
    event = AuditEvent.objects.get()
    assert (event.actor, event.patient, event.action) == (getattr(cast, reader), cast.pat, action)
    assert event.path == path  # the path only: no query string, no free text


@pytest.mark.parametrize("reader", ["carla", "hugo", "heidi", "olive"])
def test_a_refused_read_is_not_logged_as_an_access(cast: Any, as_user: Any, reader: str) -> None:
    response = as_user(getattr(cast, reader)).get(f"/api/patients/{cast.pat.pk}/")
    assert response.status_code in (403, 404)
    assert not AuditEvent.objects.exists()


def test_a_patient_reading_their_own_records_is_not_logged(cast: Any, as_user: Any) -> None:
    client = as_user(cast.pat)
    for path in ("/api/me/", "/api/today/", "/api/sessions/", "/api/progress/"):
        assert client.get(path).status_code == 200
    assert not AuditEvent.objects.exists()


def test_the_access_log_is_read_only_in_the_admin(cast: Any, client: Any) -> None:
    AuditEvent.objects.create(actor=cast.phil, patient=cast.pat, action="patient.detail", path="/")
    model_admin = admin.site._registry[AuditEvent]
    superuser: Any = UserFactory(is_superuser=True, is_staff=True, role="clinic_admin")
    request = RequestFactory().get("/admin/")
    request.user = superuser
    assert model_admin.has_view_permission(request)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, AuditEvent.objects.get())
    assert not model_admin.has_delete_permission(request, AuditEvent.objects.get())
    client.force_login(superuser)
    assert client.get("/admin/accounts/auditevent/").status_code == 200
    event = AuditEvent.objects.get()
    page = client.get(f"/admin/accounts/auditevent/{event.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content


def test_a_clinic_admin_sees_only_their_clinics_log(cast: Any, client: Any) -> None:
    AuditEvent.objects.create(actor=cast.phil, patient=cast.pat, action="patient.detail", path="/")
    AuditEvent.objects.create(actor=cast.hugo, patient=cast.hana, action="patient.detail", path="/")
    request = RequestFactory().get("/admin/")
    request.user = cast.heidi
    visible = admin.site._registry[AuditEvent].get_queryset(request)
    assert [e.patient for e in visible] == [cast.hana]
