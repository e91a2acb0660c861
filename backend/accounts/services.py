"""Operations that change accounts: invites, acceptance, profile, passwords, signing in
and out, and erasing an account."""

from __future__ import annotations

import logging
import secrets
import smtplib
from datetime import datetime

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import authenticate, login, logout, password_validation
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from backend.accounts import throttle, tokens, two_factor
from backend.accounts.models import ApiToken, CareLink, Clinic, Invite, Role, User, normalize_email
from backend.accounts.privacy import installed
from backend.accounts.sessions import sessions_end_all
from backend.accounts.timezones import is_valid_timezone
from backend.accounts.tokens import tokens_revoke_all
from backend.i18n import speaking

# Letters and digits that cannot be mistaken for each other when read aloud or typed
# from a printed card (no 0/O, 1/I/L).
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_LENGTH = 10
logger = logging.getLogger(__name__)


def _new_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))


def invite_url(invite: Invite) -> str:
    return f"{settings.SITE_URL}/invite/{invite.code}"


def invite_create(*, inviter: User, role: str, email: str = "", note: str = "") -> Invite:
    allowed = {
        Role.PHYSIO: {Role.PATIENT},
        Role.CLINIC_ADMIN: {Role.PATIENT, Role.PHYSIO},
    }.get(Role(inviter.role), set())
    if role not in allowed or inviter.clinic_id is None:
        raise ValidationError({"role": [_("You cannot invite this kind of account.")]})
    return Invite.objects.create(
        code=_new_code(),
        clinic_id=inviter.clinic_id,
        role=role,
        email=normalize_email(email) if email else "",
        note=note,
        created_by=inviter,
        expires_at=timezone.now() + settings.INVITE_TTL,
    )


INVITE_EMAIL_SUBJECT = gettext_lazy("Your invitation to Upright from %(clinic)s")


def invite_email_send(invite: Invite) -> bool:
    """E-mail the invite link to the address it is for, through the configured e-mail
    backend. Returns whether it went out; a failure is logged and the invite still works
    (the physio can share the link or QR code instead)."""
    if not invite.email:
        return False
    # The invitee has no account yet: the e-mail speaks the language active when it is
    # sent (the inviting clinician's, in the API).
    hours = int(settings.INVITE_TTL.total_seconds() // 3600)
    words = {"inviter": invite.created_by.full_name, "clinic": invite.clinic.name}
    if invite.role == Role.PHYSIO:
        invited = _("%(inviter)s at %(clinic)s has invited you to Upright as a physiotherapist.")
    else:
        invited = _("%(inviter)s at %(clinic)s has invited you to Upright as a patient.")
    if not invite.created_by.full_name:
        invited = _("%(clinic)s has invited you to Upright.")
    body = "\n\n".join(
        [
            _("Hello,"),
            (invited % words)
            + "\n"
            + _(
                "Upright shows the home exercises your physiotherapist sets for you, with "
                "timers, and keeps track of how they go."
            ),
            ngettext(
                "To create your account, open this link within %(hours)d hour:",
                "To create your account, open this link within %(hours)d hours:",
                hours,
            )
            % {"hours": hours}
            + "\n"
            + invite_url(invite),
            _("Or enter this code on the sign-in page: %(code)s") % {"code": invite.code},
            _("If you were not expecting this e-mail, you can ignore it."),
        ]
    )
    try:
        sent = send_mail(
            INVITE_EMAIL_SUBJECT % {"clinic": invite.clinic.name}, body, None, [invite.email]
        )
    except (OSError, smtplib.SMTPException):
        logger.warning("The invite e-mail to invite %s could not be sent", invite.pk, exc_info=True)
        return False
    return sent == 1


def _validate_new_account(email: str, full_name: str, password: str, tz: str) -> None:
    errors: dict[str, list[str]] = {}
    if not full_name.strip():
        errors["full_name"] = [_("Please tell us your name.")]
    if not is_valid_timezone(tz):
        errors["timezone"] = [
            _("%(zone)s is not a known IANA time zone (e.g. Europe/London).") % {"zone": repr(tz)}
        ]
    try:
        password_validation.validate_password(password, User(email=email, full_name=full_name))
    except ValidationError as exc:
        errors["password"] = list(exc.messages)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def invite_accept(
    *, code: str, email: str, full_name: str, password: str, tz: str, now: datetime | None = None
) -> User:
    """Create the invited account. The invite is claimed with a conditional UPDATE, so
    two people racing with the same code cannot both succeed; any error rolls back the
    claim and leaves the invite usable."""
    now = now or timezone.now()
    email = normalize_email(email)
    invite = Invite.objects.select_related("created_by").filter(code=code.strip().upper()).first()
    if invite is None:
        raise ValidationError({"code": [_("This invite code does not exist.")]})
    if invite.used_at is not None:
        raise ValidationError({"code": [_("This invite has already been used.")]})
    if invite.expires_at <= now:
        raise ValidationError({"code": [_("This invite has expired. Ask for a new one.")]})
    if invite.email and invite.email != email:
        raise ValidationError({"email": [_("Use the e-mail address the invite was sent to.")]})
    _validate_new_account(email, full_name, password, tz)
    if User.objects.filter(email=email).exists():
        raise ValidationError({"email": [_("An account with this e-mail already exists.")]})

    claimed = Invite.objects.filter(pk=invite.pk, used_at=None, expires_at__gt=now).update(
        used_at=now
    )
    if claimed != 1:
        raise ValidationError({"code": [_("This invite has already been used.")]})
    try:
        user = User.objects.create_user(
            email,
            password,
            full_name=full_name.strip(),
            role=invite.role,
            clinic_id=invite.clinic_id,
            timezone=tz,
        )
    except IntegrityError as exc:  # the same e-mail registered a moment ago
        raise ValidationError(
            {"email": [_("An account with this e-mail already exists.")]}
        ) from exc
    Invite.objects.filter(pk=invite.pk).update(used_by=user)
    if user.role == Role.PATIENT and invite.created_by.role == Role.PHYSIO:
        CareLink.objects.create(patient=user, physio=invite.created_by)
    return user


def profile_update(user: User, **changes: str) -> User:
    if "timezone" in changes and not is_valid_timezone(changes["timezone"]):
        raise ValidationError({"timezone": [_("Not a known IANA time zone (e.g. Europe/London).")]})
    for field, value in changes.items():
        setattr(user, field, value)
    user.save(update_fields=[*changes, "updated_at"])
    return user


CLINIC_CONTACT_FIELDS = ("phone", "email", "hours")


def clinic_contact_update(*, actor: User, **changes: str) -> Clinic:
    """A clinic admin sets how patients reach their clinic."""
    if actor.role != Role.CLINIC_ADMIN or actor.clinic is None:
        raise ValidationError({"detail": [_("Only a clinic administrator can change these.")]})
    clinic = actor.clinic
    fields = [name for name in CLINIC_CONTACT_FIELDS if name in changes]
    for name in fields:
        setattr(clinic, name, changes[name].strip())
    if fields:
        clinic.save(update_fields=[*fields, "updated_at"])
    return clinic


def care_link_check(*, actor: User, patient: User, physio: User) -> None:
    """A care link joins a patient and a physio of the actor's own clinic."""
    if actor.role != Role.CLINIC_ADMIN or actor.clinic_id is None:
        raise ValidationError({"physio": [_("Only a clinic administrator links care teams.")]})
    if not actor.clinic_id == patient.clinic_id == physio.clinic_id:
        raise ValidationError({"physio": [_("Choose a physiotherapist of your clinic.")]})
    CareLink(patient=patient, physio=physio).clean()


def care_link_add(*, actor: User, patient: User, physio: User) -> CareLink:
    care_link_check(actor=actor, patient=patient, physio=physio)
    link, _ = CareLink.objects.get_or_create(patient=patient, physio=physio)
    return link


def password_reset_request(email: str) -> bool:
    """Mail a reset link if the account exists and none was mailed within the cooldown.
    The API says nothing either way to the caller; True when an e-mail went out."""
    user = User.objects.filter(email=normalize_email(email), is_active=True).first()
    if user is None or not throttle.reset_mail_allowed(user.email):
        return False
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = f"{settings.SITE_URL}/forgot-password?uid={uid}&token={token}"
    with speaking(user):
        send_mail(
            _("Reset your Upright password"),
            _("Someone asked to reset the password of your Upright account.")
            + "\n\n"
            + _("To choose a new password, open this link within a few hours:")
            + f"\n{link}\n\n"
            + _("If it was not you, ignore this e-mail; your password stays as it is."),
            None,
            [user.email],
        )
    return True


def password_reset_confirm(*, uid: str, token: str, new_password: str) -> User:
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uid))), is_active=True)
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        raise ValidationError({"token": [_("This reset link is invalid or has expired.")]})
    try:
        password_validation.validate_password(new_password, user)
    except ValidationError as exc:
        raise ValidationError({"new_password": list(exc.messages)}) from exc
    user.set_password(new_password)
    user.save(update_fields=["password"])  # → password_changed(): tokens, sessions, e-mail
    return user


def password_changed(user: User) -> None:
    """After any password change: every API token and session of the user ends (a stolen
    one must not outlive the change meant to lock its holder out), and the user is told,
    so a change they did not make does not go unnoticed."""
    tokens_revoke_all(user)
    sessions_end_all(user)
    with speaking(user):
        send_mail(
            _("Your Upright password was changed"),
            _(
                "The password of your Upright account was just changed, and every device "
                "signed in to it was signed out."
            )
            + "\n\n"
            + _(
                "If you did not do this, reset your password now from the sign-in page and "
                "tell your clinic."
            ),
            None,
            [user.email],
        )


# --- Signing in and out -------------------------------------------------------------------
class SignInRefused(Exception):
    """Why a sign-in (or a password confirmation) was refused; the API renders it."""


class TooManyAttempts(SignInRefused):
    pass


class BadCredentials(SignInRefused):
    pass


class CodeRefused(SignInRefused):
    """Two-factor is on: the code is missing (``required``) or not right."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def sign_in_check(
    request: HttpRequest, *, email: str, password: str, otp: str = "", ip: str
) -> User:
    """The account these credentials (and, when enrolled, the two-factor code) open,
    counted against the sign-in throttle per account and address. The count is reset only
    on full success: two-factor codes are throttled exactly like passwords."""
    if not throttle.register_attempt(email, ip):
        raise TooManyAttempts
    user = authenticate(request, username=email.strip().lower(), password=password)
    if user is None:
        raise BadCredentials
    assert isinstance(user, User)
    if two_factor.is_enrolled(user):
        device = two_factor.verify(user, otp) if otp else None
        if device is None:
            raise CodeRefused(str(two_factor.CODE_WRONG if otp else two_factor.CODE_REQUIRED))
        user.otp_device = device  # type: ignore[attr-defined]
    throttle.reset_account(email)
    return user


def session_sign_in(request: HttpRequest, **credentials: str) -> User:
    """Sign in to a session (the PWA): checks the credentials, then starts the session."""
    user = sign_in_check(request, **credentials)
    login(request, user)
    return user


def token_sign_in(request: HttpRequest, *, agent: str, **credentials: str) -> tuple[ApiToken, str]:
    """A new API token (and its key, shown once) for these credentials."""
    user = sign_in_check(request, **credentials)
    return tokens.token_issue(user, name=agent)


def sign_out(request: HttpRequest, auth: object) -> None:
    """End the session; signed out with a token, that token is deleted as well."""
    if isinstance(auth, ApiToken):
        tokens.token_revoke(auth)
    logout(request)


# --- Erasing an account -------------------------------------------------------------------
class AccountInUse(Exception):
    """The account still owns records other people depend on (a clinician's programs)."""


def _about_patient_messages(user: User) -> Q:
    """Messages to clinicians about this patient (alerts carry the patient's name)."""
    condition = Q(url__regex=rf"^/physio/patients/{user.pk}([/?#].*)?$")
    alert_model = installed("programs.Alert")
    if alert_model is not None:
        alert_ids = alert_model._default_manager.filter(patient=user).values_list("pk", flat=True)
        condition |= Q(dedupe_key__in=[f"alert:{pk}" for pk in alert_ids])
    return condition


@transaction.atomic
def account_delete(user: User) -> None:
    """Erase ``user`` and every piece of personal data we hold about them."""
    inbox = installed("inbox.InboxMessage")
    if inbox is not None:
        # Only messages linked to this patient by id (their alerts, links to their
        # record). Never by text: a patient named "Pain alert" must not erase every
        # physio's pain alerts.
        inbox._default_manager.exclude(user=user).filter(_about_patient_messages(user)).delete()
    Invite.objects.filter(Q(used_by=user) | Q(email__iexact=user.email)).exclude(
        created_by=user
    ).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).delete()
    try:
        with transaction.atomic():
            user.delete()
    except ProtectedError as exc:
        raise AccountInUse from exc


class WrongPassword(SignInRefused):
    pass


def account_erase(request: HttpRequest, user: User, *, password: str, ip: str) -> None:
    """``DELETE /api/me/``: the password confirms it is really the person (a borrowed,
    unlocked phone must not be enough); attempts count against the sign-in throttle. Then
    every piece of their personal data is erased and the session ends."""
    if not throttle.register_attempt(user.email, ip):
        raise TooManyAttempts
    if not user.check_password(password):
        raise WrongPassword
    account_delete(user)
    throttle.reset_account(user.email)
    logout(request)
