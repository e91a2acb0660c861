"""Threads: posting, idempotent replays, read state, no-reply marks, inbox items."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from backend.inbox.models import InboxMessage
from backend.messaging.models import Message
from backend.messaging.services import clinic_settings_update

URL = "/api/messages/"


def _post(client: Any, body: str, patient: int | None = None, mid: str | None = None) -> Any:
    data: dict[str, Any] = {"id": mid or str(uuid.uuid4()), "body": body}
    if patient is not None:
        data["patient"] = patient
    return client.post(URL, data, format="json")


def test_patient_and_physio_exchange_messages_newest_first(cast: Any, as_user: Any) -> None:
    pat, phil = as_user(cast.pat), as_user(cast.phil)
    first = _post(pat, "My back is sore after the bridges.")
    assert first.status_code == 201, first.json()
    assert first.json()["from_patient"] is True and first.json()["mine"] is True
    reply = _post(phil, "Thanks, do half the reps this week.", patient=cast.pat.pk)
    assert reply.status_code == 201
    listing = pat.get(URL).json()
    assert [m["body"] for m in listing["results"]] == [
        "Thanks, do half the reps this week.",
        "My back is sore after the bridges.",
    ]
    assert listing["results"][0]["read"] is False and listing["results"][1]["read"] is True
    # Phil's list of the same thread reads the same.
    assert [m["id"] for m in phil.get(URL, {"patient": cast.pat.pk}).json()["results"]] == [
        m["id"] for m in listing["results"]
    ]


def test_replayed_message_returns_original_and_other_body_is_409(cast: Any, as_user: Any) -> None:
    pat = as_user(cast.pat)
    mid = str(uuid.uuid4())
    assert _post(pat, "Hello", mid=mid).status_code == 201
    again = _post(pat, "Hello", mid=mid)
    assert again.status_code == 200 and again.json()["id"] == mid
    assert _post(pat, "Something else", mid=mid).status_code == 409
    assert Message.objects.count() == 1
    # One inbox item for Phil, however often it was replayed.
    assert InboxMessage.objects.filter(user=cast.phil, kind="message").count() == 1
    # Another user reusing the id is a conflict too, never a look at the first message.
    assert _post(as_user(cast.olive), "Hello", mid=mid).status_code == 409


def test_new_message_reaches_the_other_side_inbox_only(cast: Any, as_user: Any) -> None:
    _post(as_user(cast.pat), "Question about the plank")
    item = InboxMessage.objects.get(user=cast.phil, kind="message")
    assert item.url == f"/physio/patients/{cast.pat.pk}" and "plank" in item.body
    assert not InboxMessage.objects.filter(user=cast.pat, kind="message").exists()
    assert not InboxMessage.objects.filter(user=cast.carla).exists()
    _post(as_user(cast.phil), "Keep your hips level.", patient=cast.pat.pk)
    assert InboxMessage.objects.get(user=cast.pat, kind="message").url == "/messages"


def test_text_is_stored_as_given_and_limits_are_enforced(cast: Any, as_user: Any) -> None:
    pat = as_user(cast.pat)
    html = "<script>alert(1)</script> & <b>bold</b>"
    assert _post(pat, html).json()["body"] == html  # text, not markup: the PWA renders text
    assert _post(pat, "x" * 2000).status_code == 201
    too_long = _post(pat, "x" * 2001)
    assert too_long.status_code == 400 and "body" in too_long.json()
    assert _post(pat, "   ").status_code == 400
    assert _post(pat, "bad\x00byte").status_code == 400
    assert pat.post(URL, {"id": "not-a-uuid", "body": "x"}, format="json").status_code == 400
    assert (
        pat.post(URL, {"id": str(uuid.uuid4()), "body": "x", "extra": 1}, format="json").status_code
        == 400
    )
    deep: Any = "x"
    for _ in range(200):
        deep = {"a": deep}
    assert pat.post(URL, {"id": str(uuid.uuid4()), "body": deep}, format="json").status_code == 400
    assert Message.objects.count() == 2


def test_unread_counts_and_marking_read(cast: Any, as_user: Any) -> None:
    pat, phil = as_user(cast.pat), as_user(cast.phil)
    for text in ("one", "two", "three"):
        _post(pat, text)
    assert phil.get("/api/messages/unread/").json() == {
        "total": 3,
        "patients": {str(cast.pat.pk): 3},
    }
    assert pat.get("/api/messages/unread/").json()["total"] == 0
    assert (
        phil.post("/api/messages/read/", {"patient": cast.pat.pk}, format="json").status_code == 204
    )
    assert phil.get("/api/messages/unread/").json()["total"] == 0
    # Pat sees her messages as seen by the other side.
    assert all(m["seen"] for m in pat.get(URL).json()["results"])
    _post(phil, "Got it", patient=cast.pat.pk)
    assert pat.get("/api/messages/unread/").json()["total"] == 1
    assert pat.post("/api/messages/read/", {}, format="json").status_code == 204
    assert pat.get("/api/messages/unread/").json()["total"] == 0


def test_physio_marks_a_message_as_needing_no_reply(cast: Any, as_user: Any) -> None:
    mid = _post(as_user(cast.pat), "Thanks!").json()["id"]
    answer = as_user(cast.phil).post(f"/api/messages/{mid}/no-reply/")
    assert answer.status_code == 200 and answer.json()["no_reply_needed"] is True
    assert as_user(cast.pat).post(f"/api/messages/{mid}/no-reply/").status_code == 403
    assert as_user(cast.hugo).post(f"/api/messages/{mid}/no-reply/").status_code == 404
    assert as_user(cast.carla).post(f"/api/messages/{mid}/no-reply/").status_code == 404


def test_paginated_newest_first(cast: Any, as_user: Any) -> None:
    pat = as_user(cast.pat)
    for i in range(25):
        _post(pat, f"message {i}")
    page = pat.get(URL).json()
    assert page["count"] == 25 and len(page["results"]) == 20 and page["next"]
    assert page["results"][0]["body"] == "message 24"
    assert pat.get(URL, {"page": 2}).json()["results"][-1]["body"] == "message 0"


READERS = ["pat", "phil", "carla", "olive", "adam", "hugo", "hana", "heidi"]


@pytest.mark.parametrize(
    ("who", "admins_read", "expected"),
    [
        ("pat", False, 200),  # own
        ("phil", False, 200),  # assigned physio
        ("carla", False, 404),  # same clinic, not assigned
        ("olive", False, 404),  # same clinic patient
        ("adam", False, 404),  # clinic admin, setting off
        ("adam", True, 200),  # clinic admin, setting on
        ("hugo", False, 404),  # other clinic physio
        ("hana", False, 404),  # other clinic patient
        ("heidi", True, 404),  # other clinic admin, even with her clinic's setting on
    ],
)
def test_who_reads_pats_thread(
    cast: Any, as_user: Any, who: str, admins_read: bool, expected: int
) -> None:
    _post(as_user(cast.pat), "private")
    user = getattr(cast, who)
    if admins_read:
        clinic_settings_update(user.clinic_id, admins_read_threads=True)
    answer = as_user(user).get(URL, {"patient": cast.pat.pk})
    assert answer.status_code == expected
    if expected == 200:
        assert answer.json()["results"][0]["body"] == "private"
    else:
        assert "private" not in answer.content.decode()


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("pat", 201),
        ("phil", 201),
        ("carla", 404),
        ("olive", 404),
        ("adam", 404),
        ("hugo", 404),
        ("hana", 404),
        ("heidi", 404),
    ],
)
def test_who_posts_to_pats_thread(cast: Any, as_user: Any, who: str, expected: int) -> None:
    answer = _post(as_user(getattr(cast, who)), "hi", patient=cast.pat.pk)
    assert answer.status_code == expected
    assert Message.objects.filter(patient=cast.pat).count() == (1 if expected == 201 else 0)


def test_clinic_admin_who_may_read_still_cannot_post(cast: Any, as_user: Any) -> None:
    clinic_settings_update(cast.adam.clinic_id, admins_read_threads=True)
    assert _post(as_user(cast.adam), "hi", patient=cast.pat.pk).status_code == 403


def test_clinic_setting_is_the_admins_to_change(cast: Any, as_user: Any) -> None:
    url = "/api/messaging/clinic-settings/"
    assert as_user(cast.adam).get(url).json() == {"admins_read_threads": False}
    assert (
        as_user(cast.adam).put(url, {"admins_read_threads": True}, format="json").status_code == 200
    )
    assert as_user(cast.adam).get(url).json() == {"admins_read_threads": True}
    assert as_user(cast.heidi).get(url).json() == {"admins_read_threads": False}
    assert (
        as_user(cast.phil).put(url, {"admins_read_threads": True}, format="json").status_code == 403
    )


def test_anonymous_is_refused(cast: Any, api: Any) -> None:
    assert api.get(URL).status_code in {401, 403}
