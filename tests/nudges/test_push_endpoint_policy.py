"""Web Push endpoints cannot make the worker reach inside our network (SSRF).

Refused when subscribing (production policy: https, a known push service, no internal
literal address) and again at every send (the host is resolved; every address must be
public; the connection goes to the checked address). The tests' own push service runs on
127.0.0.1: allowed only with ``PUSH_ALLOW_LOOPBACK_HTTP`` on, which the tests show both
ways. Whether a push service answered "gone" is not observable through the API.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from backend.inbox import endpoint_policy
from backend.inbox.delivery import deliver_messages
from backend.inbox.models import InboxKind, InboxMessage, PushSubscription
from backend.inbox.services import inbox_post
from backend.inbox.transport import WebPushTransport

pytestmark = pytest.mark.django_db

GOOD_KEYS = {"p256dh": "B" + "A" * 86, "auth": "A" * 22}  # 65-byte point, 16-byte secret


@pytest.fixture
def production_policy(settings: Any) -> None:
    settings.PUSH_ALLOW_LOOPBACK_HTTP = False
    settings.PUSH_ALLOWED_HOSTS = list(endpoint_policy.KNOWN_PUSH_SERVICE_HOSTS)


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://127.0.0.1/push/x",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.7/push/x",
        "https://192.168.1.1/push/x",
        "https://[::1]/push/x",
        "https://[fe80::1]/push/x",
        "https://224.0.0.1/push/x",
        "https://evil.example.com/push/x",
        "https://fcm.googleapis.com.evil.example.com/push/x",
        "http://127.0.0.1:9/push/x",
    ],
)
def test_production_refuses_internal_and_unknown_endpoints(
    cast: Any, as_user: Any, production_policy: None, endpoint: str
) -> None:
    response = as_user(cast.pat).post(
        "/api/push/subscriptions/", {"endpoint": endpoint, "keys": GOOD_KEYS}
    )
    assert response.status_code == 400, endpoint
    assert "endpoint" in response.json()
    assert not PushSubscription.objects.exists()


def test_production_accepts_a_known_push_service(
    cast: Any, as_user: Any, production_policy: None
) -> None:
    body = {"endpoint": "https://fcm.googleapis.com/fcm/send/abc123", "keys": GOOD_KEYS}
    assert as_user(cast.pat).post("/api/push/subscriptions/", body).status_code == 201


def test_the_allow_list_is_configurable(cast: Any, as_user: Any, settings: Any) -> None:
    settings.PUSH_ALLOW_LOOPBACK_HTTP = False
    settings.PUSH_ALLOWED_HOSTS = ["push.example.net"]
    body = {"endpoint": "https://eu.push.example.net/abc", "keys": GOOD_KEYS}
    assert as_user(cast.pat).post("/api/push/subscriptions/", body).status_code == 201
    body = {"endpoint": "https://fcm.googleapis.com/fcm/send/abc", "keys": GOOD_KEYS}
    assert as_user(cast.pat).post("/api/push/subscriptions/", body).status_code == 400


def test_a_name_is_checked_after_resolving_it(settings: Any) -> None:
    settings.PUSH_ALLOW_LOOPBACK_HTTP = False
    settings.PUSH_ALLOWED_HOSTS = ["*"]
    # Accepted as a URL (a name) …
    assert endpoint_policy.endpoint_error("https://localhost:8443/push/x") is None
    # … but refused at send time: it resolves to a loopback address.
    with pytest.raises(endpoint_policy.EndpointRefused, match="loopback"):
        endpoint_policy.checked_address("https://localhost:8443/push/x")


def _one_push(cast: Any, endpoint: str, device: Any) -> Any:
    PushSubscription.objects.create(
        user=cast.pat, endpoint=endpoint, p256dh=device.p256dh, auth=device.auth
    )
    return _deliver(cast)


def _deliver(cast: Any) -> Any:
    message = inbox_post(cast.pat, kind=InboxKind.NUDGE, title="Time to move")
    InboxMessage.objects.filter(pk=message.pk).update(push_enqueued_at=timezone.now())
    outcome = deliver_messages([message.pk], transport=WebPushTransport(), owner="test")
    assert outcome.done == [message.pk]  # the batch really went through the sender
    return outcome


def test_send_time_refuses_a_stored_loopback_endpoint(
    cast: Any, push_service: Any, settings: Any
) -> None:
    # A row stored before the policy (or by hand): the worker still never sends to it.
    device = push_service.new_device("phone")
    settings.PUSH_ALLOW_LOOPBACK_HTTP = False
    outcome = _one_push(cast, device.endpoint, device)
    assert outcome.sent == 0
    assert push_service.requests == 0
    assert PushSubscription.objects.filter(user=cast.pat).count() == 1


def test_the_local_test_push_service_is_reached_when_allowed(
    cast: Any, push_service: Any, settings: Any
) -> None:
    device = push_service.new_device("phone")
    settings.PUSH_ALLOW_LOOPBACK_HTTP = True
    outcome = _one_push(cast, device.endpoint, device)
    assert outcome.sent == 1
    assert push_service.payloads(device)[0]["title"] == "Time to move"


def test_a_gone_answer_is_not_observable_through_the_api(
    cast: Any, as_user: Any, push_service: Any
) -> None:
    device = push_service.new_device("phone")
    client = as_user(cast.pat)
    assert client.post("/api/push/subscriptions/", device.subscription_json()).status_code == 201
    push_service.answer(device, 410)
    _deliver(cast)
    assert not PushSubscription.objects.exists()  # the service said gone: forgotten
    # … and the subscriber cannot tell: unsubscribing answers as for a live device.
    response = client.delete("/api/push/subscriptions/", {"endpoint": device.endpoint})
    assert response.status_code == 204


def test_an_endpoint_of_another_account_is_not_taken_over(
    cast: Any, as_user: Any, push_service: Any
) -> None:
    device = push_service.new_device("phone")
    assert (
        as_user(cast.pat).post("/api/push/subscriptions/", device.subscription_json()).status_code
        == 201
    )
    stolen = {"endpoint": device.endpoint, "keys": GOOD_KEYS}
    assert as_user(cast.olive).post("/api/push/subscriptions/", stolen).status_code == 400
    assert PushSubscription.objects.get().user_id == cast.pat.pk
    # The same browser (same keys) signing in as someone else moves it.
    same = device.subscription_json()
    assert as_user(cast.olive).post("/api/push/subscriptions/", same).status_code == 201
    assert PushSubscription.objects.get().user_id == cast.olive.pk
