"""The Django admin keeps clinic admins inside their clinic, and its sign-in is throttled.

Walks every registered admin's list, change and add form as Riverside's clinic admin and
asserts no Hilltop person (e-mail or name) or the Hilltop clinic appears anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin
from django.core import mail
from django.test import Client
from django.urls import reverse

from backend.accounts.models import CareLink, User
from backend.inbox.models import InboxMessage
from backend.messaging.models import AlertNotice
from backend.messaging.services import alerts_notify
from backend.nudges.models import BreakPrescription, BusyWindow, CalendarFeed
from backend.outcomes.models import MeasureWording
from backend.outcomes.services import response_submit, schedule_create
from backend.programs.models import Alert, Assignment
from backend.programs.services import physios_notify, session_log
from tests.factories import TEST_PASSWORD, assign_program, session_data

pytestmark = pytest.mark.django_db


def _foreign_markers(cast: Any) -> list[bytes]:
    markers = [b"Hilltop"]
    for person in (cast.hugo, cast.hana, cast.heidi):
        markers += [person.email.encode(), person.full_name.encode()]
    return markers


def _admin_urls(model: Any, objects: list[Any]) -> list[str]:
    meta = model._meta
    urls = [reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")]
    urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
    for obj in objects:
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]))
    return urls


def _feed_url(patient: User) -> str:
    return f"https://calendar.example.org/private-{patient.pk}-s3cr3t/basic.ics"


def _rows_of_every_kind(physio: User, patient: User, clinic_name: str) -> Assignment:
    """A program, assignment, session with its pain alert, questionnaire, licensed
    wording, break prescription, busy window and calendar feed of this clinic."""
    assignment = assign_program(physio, patient, preferred_time=time(18, 0))
    done = datetime(2024, 3, 4, 10, 20, tzinfo=UTC)
    session_log(
        patient=patient,
        data=session_data(assignment, completed_at=done, pain_after=9, difficulty="too_hard"),
    )
    schedule = schedule_create(
        actor=physio,
        patient_id=patient.pk,
        measure="nprs",
        every_weeks=2,
        start_date=date(2024, 3, 1),
    )
    response_submit(patient=patient, measure="nprs", answers=[4], schedule_id=schedule.pk)
    MeasureWording.objects.create(
        clinic=physio.clinic, measure="odi", language="en", name=f"{clinic_name} ODI", items=[]
    )
    BreakPrescription.objects.create(assignment=assignment, updated_by=physio)
    BusyWindow.objects.create(user=patient, start=done, end=done.replace(hour=11))
    CalendarFeed.objects.create(user=patient, url=_feed_url(patient), host="calendar.example.org")
    return assignment


def test_every_admin_form_as_a_clinic_admin_shows_no_other_clinic(cast: Any, library: Any) -> None:
    # A row of every kind on both sides of the wall.
    _rows_of_every_kind(cast.phil, cast.pat, "Riverside")
    _rows_of_every_kind(cast.hugo, cast.hana, "Hilltop")
    client = Client()
    client.force_login(cast.adam)
    # A calendar feed's URL is a credential: not even this clinic's is shown.
    markers = [*_foreign_markers(cast), b"s3cr3t"]
    walked = 0
    for model in admin.site._registry:
        objects = list(model._default_manager.all()[:50])
        for url in _admin_urls(model, objects):
            page = client.get(url)
            assert page.status_code < 500, url
            if page.status_code == 200:
                walked += 1
                for marker in markers:
                    assert marker not in page.content, (url, marker)
    # The walk is real: Riverside's own users and care links were opened.
    assert walked > 10


def _patients_clinic(obj: Any) -> int | None:
    return obj.patient.clinic_id


def _users_clinic(obj: Any) -> int | None:
    return obj.user.clinic_id


# Each new admin page and whose clinic a row of it belongs to.
NEW_ADMIN_PAGES: list[tuple[str, Callable[[Any], int | None]]] = [
    ("programs.program", lambda obj: obj.clinic_id),
    ("programs.programversion", lambda obj: obj.program.clinic_id),
    ("programs.assignment", _patients_clinic),
    ("programs.session", _patients_clinic),
    ("programs.alert", _patients_clinic),
    ("outcomes.outcomeschedule", _patients_clinic),
    ("outcomes.outcomeresponse", _patients_clinic),
    ("outcomes.measurewording", lambda obj: obj.clinic_id),
    ("nudges.breakprescription", lambda obj: obj.assignment.patient.clinic_id),
    ("nudges.busywindow", _users_clinic),
    ("nudges.calendarfeed", _users_clinic),
]


@pytest.mark.parametrize(
    ("model", "clinic_of"), NEW_ADMIN_PAGES, ids=[m for m, _ in NEW_ADMIN_PAGES]
)
def test_the_new_admin_pages_show_this_clinic_only_and_change_nothing(
    cast: Any, library: Any, model: str, clinic_of: Callable[[Any], int | None]
) -> None:
    _rows_of_every_kind(cast.phil, cast.pat, "Riverside")
    _rows_of_every_kind(cast.hugo, cast.hana, "Hilltop")
    rows = list(apps.get_model(model)._default_manager.all())
    assert {clinic_of(row) for row in rows} == {cast.pat.clinic_id, cast.hana.clinic_id}
    client = Client()
    client.force_login(cast.adam)
    name = model.replace(".", "_")
    listing = client.get(reverse(f"admin:{name}_changelist"))
    assert listing.status_code == 200
    assert b"Hilltop" not in listing.content and b"s3cr3t" not in listing.content
    for row in rows:
        page = client.get(reverse(f"admin:{name}_change", args=[row.pk]))
        if clinic_of(row) == cast.adam.clinic_id:
            assert page.status_code == 200, model  # shown, read-only
        else:
            # Another clinic's row does not exist for this admin: back to the index.
            assert (page.status_code, page["Location"]) == (302, reverse("admin:index"))
    # Nothing can be added, and a posted change is refused.
    assert client.get(reverse(f"admin:{name}_add")).status_code == 403
    own = next(row for row in rows if clinic_of(row) == cast.adam.clinic_id)
    assert client.post(reverse(f"admin:{name}_change", args=[own.pk]), {}).status_code == 403


def test_the_care_link_form_offers_only_this_clinics_people(cast: Any) -> None:
    link = CareLink.objects.get(patient=cast.pat, physio=cast.phil)
    client = Client()
    client.force_login(cast.adam)
    page = client.get(reverse("admin:accounts_carelink_change", args=[link.pk]))
    assert page.status_code == 200
    assert b"phil@example.com" in page.content  # the choices are there …
    assert b"hugo@example.com" not in page.content  # … but only Riverside's


def test_saving_a_care_link_to_another_clinics_patient_is_refused(cast: Any) -> None:
    link = CareLink.objects.get(patient=cast.pat, physio=cast.phil)
    client = Client()
    client.force_login(cast.adam)
    url = reverse("admin:accounts_carelink_change", args=[link.pk])
    page = client.post(
        url,
        {
            "patient": cast.hana.pk,
            "physio": cast.phil.pk,
            "created_at_0": "2026-01-01",
            "created_at_1": "10:00:00",
        },
    )
    assert page.status_code in (200, 403)  # the form shows an error, or it is refused
    link.refresh_from_db()
    assert link.patient_id == cast.pat.pk


def test_a_cross_clinic_care_link_is_invalid_in_the_model(cast: Any) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        CareLink(patient=cast.hana, physio=cast.phil).clean()


def test_alerts_skip_a_physio_of_another_clinic(cast: Any, library: Any) -> None:
    # A link made across clinics by hand, behind every check.
    CareLink.objects.create(patient=cast.pat, physio=cast.hugo)
    alert = Alert.objects.create(patient=cast.pat, kind="pain", reason="pain_high", message="Pain")
    physios_notify(cast.pat, alert, "Pain alert")  # programs: the inbox
    alerts_notify([alert])  # messaging, once programs has returned: push, e-mail, ledger
    assert InboxMessage.objects.filter(user=cast.phil).count() == 1
    assert not InboxMessage.objects.filter(user=cast.hugo).exists()
    assert not AlertNotice.objects.filter(user=cast.hugo).exists()
    assert AlertNotice.objects.filter(user=cast.phil).exists()


def test_a_clinic_admin_cannot_set_a_members_password(cast: Any) -> None:
    client = Client()
    client.force_login(cast.adam)
    url = reverse("admin:auth_user_password_change", args=[cast.phil.pk])
    assert client.get(url).status_code == 403
    page = client.post(
        url, {"password1": "a brand new pass 42", "password2": "a brand new pass 42"}
    )
    assert page.status_code == 403
    cast.phil.refresh_from_db()
    assert cast.phil.check_password(TEST_PASSWORD)


def test_a_clinic_admin_can_send_a_reset_email(cast: Any) -> None:
    client = Client()
    client.force_login(cast.adam)
    page = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "send_password_reset", "_selected_action": [cast.phil.pk]},
    )
    assert page.status_code == 302
    assert [m.to for m in mail.outbox] == [["phil@example.com"]]


def test_admin_login_is_throttled_like_the_api(cast: Any, settings: Any) -> None:
    client = Client()
    url = reverse("admin:login")
    limit = settings.LOGIN_THROTTLE_ACCOUNT_LIMIT
    for n in range(limit):
        page = client.post(url, {"username": "adam@example.com", "password": f"guess {n}"})
        assert page.status_code == 200 and b"Too many" not in page.content
    # Over the limit, even the right password is not checked.
    page = client.post(url, {"username": "adam@example.com", "password": TEST_PASSWORD})
    assert page.status_code == 200
    assert b"Too many sign-in attempts" in page.content
    assert "_auth_user_id" not in client.session


def test_admin_and_api_share_one_account_counter(cast: Any, settings: Any) -> None:
    client = Client()
    limit = settings.LOGIN_THROTTLE_ACCOUNT_LIMIT
    for n in range(limit):
        client.post(
            "/api/auth/token/",
            {"email": "adam@example.com", "password": f"guess {n}"},
            content_type="application/json",
        )
    page = client.post(
        reverse("admin:login"), {"username": "adam@example.com", "password": TEST_PASSWORD}
    )
    assert b"Too many sign-in attempts" in page.content


def test_admin_login_still_works_within_the_limit(cast: Any) -> None:
    client = Client()
    page = client.post(
        reverse("admin:login"), {"username": "adam@example.com", "password": TEST_PASSWORD}
    )
    assert page.status_code == 302
    assert int(client.session["_auth_user_id"]) == cast.adam.pk
    assert User.objects.get(pk=cast.adam.pk).last_login is not None
