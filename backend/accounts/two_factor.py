"""Two-factor sign-in (TOTP, RFC 6238) with django-otp: enrolment, recovery codes, the
check at sign-in, and the clinic setting that makes it compulsory for clinicians.

- Optional for anyone; required for the physios and admins of a clinic whose
  ``require_two_factor`` is on. Until such a clinician has enrolled, their signed-in
  requests reach only enrolment (``setup_pending``).
- Enrolment: ``totp_begin`` makes an unconfirmed device (QR with segno); the first right
  code confirms it and issues ten single-use recovery codes (django-otp's static device).
- Sign-in (API session, API token, admin): when enrolled, the code is required with the
  password in the same request, and every attempt counts against the sign-in throttle.
"""

from __future__ import annotations

import io
from typing import Any

import segno
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy
from django_otp import devices_for_user, match_token, user_has_device
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.exceptions import PermissionDenied

from backend.accounts.models import Role, User

RECOVERY_CODES = 10
CODE_REQUIRED = gettext_lazy(
    "Enter the 6-digit code from your authenticator app (or a recovery code)."
)
CODE_WRONG = gettext_lazy("That code is not right. Codes change every 30 seconds.")


def is_enrolled(user: User) -> bool:
    return bool(user.pk) and bool(user_has_device(user, confirmed=True))


def is_required(user: User) -> bool:
    """The clinic asks every clinician (physio, clinic admin) to use a second factor."""
    if user.role not in (Role.PHYSIO, Role.CLINIC_ADMIN) or user.clinic_id is None:
        return False
    clinic = user.clinic
    return bool(clinic is not None and clinic.require_two_factor)


def setup_pending(user: User) -> bool:
    """Signed in with the password only, but the clinic requires a second factor."""
    return is_required(user) and not is_enrolled(user)


def status_for(user: User) -> dict[str, Any]:
    static = StaticDevice.objects.filter(user=user, confirmed=True).first()
    return {
        "enrolled": is_enrolled(user),
        "required_by_clinic": is_required(user),
        "recovery_codes_left": static.token_set.count() if static else 0,
    }


def verify(user: User, code: str) -> Device | None:
    """The device that accepts ``code`` (TOTP or a recovery code, used up), or None.
    django-otp's own throttling (growing delays after failures) applies as well."""
    code = "".join(code.split())
    if not code or len(code) > 16:
        return None
    with transaction.atomic():
        return match_token(user, code)


def totp_begin(user: User) -> dict[str, str]:
    """A new, unconfirmed authenticator for ``user`` (replacing an unconfirmed one)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    url = device.config_url
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer,
        kind="svg",
        border=2,
        xmldecl=False,
        omitsize=True,  # scales to its container (a viewBox, no fixed size)
        title=gettext("Two-factor set-up code"),
    )
    secret = url.split("secret=", 1)[1].split("&", 1)[0]
    return {"otpauth_url": url, "secret": secret, "qr_svg": buffer.getvalue().decode()}


@transaction.atomic
def totp_confirm(user: User, code: str) -> list[str]:
    """Confirm the pending authenticator with its first code; returns the recovery codes
    (shown once). Raises ValidationError on a wrong code or nothing pending."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).last()
    if device is None:
        raise ValidationError({"code": [gettext("Start the set-up first.")]})
    allowed, _ = device.verify_is_allowed()
    if not allowed or not device.verify_token("".join(code.split())):
        raise ValidationError({"code": [CODE_WRONG]})
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    return recovery_codes_renew(user)


@transaction.atomic
def recovery_codes_renew(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


def disable(user: User) -> None:
    if is_required(user):
        raise ValidationError({"detail": [gettext("Your clinic requires two-factor sign-in.")]})
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()


# What a clinician whose clinic requires two-factor may reach before enrolling.
_SETUP_PATHS = ("/api/me/", "/api/auth/logout/", "/api/auth/csrf/")
SETUP_REQUIRED = gettext_lazy(
    "Your clinic requires two-factor sign-in. Set it up under Account before going on."
)


def enforce_setup(path: str, user: User) -> None:
    """Called by the API's authentication: a clinician who must enrol reaches only the
    enrolment (and their profile, to learn that they must)."""
    if path in _SETUP_PATHS or path.startswith("/api/me/two-factor/"):
        return
    if setup_pending(user):
        raise PermissionDenied(SETUP_REQUIRED)
