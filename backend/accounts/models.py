"""Users (e-mail login), clinics, roles, care teams and invites."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.contrib.sessions.base_session import AbstractBaseSession
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.timezone import now as utc_now
from django.utils.translation import gettext as _


class Role(models.TextChoices):
    PATIENT = "patient", "Patient"
    PHYSIO = "physio", "Physiotherapist"
    CLINIC_ADMIN = "clinic_admin", "Clinic administrator"


class Clinic(models.Model):
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=utc_now)
    updated_at = models.DateTimeField(auto_now=True)  # the FHIR export's lastUpdated
    # Physios and admins of this clinic must sign in with a second factor (TOTP).
    require_two_factor = models.BooleanField(default=False)
    # How a patient reaches the clinic (shown after a pain spike). Set by clinic admins.
    phone = models.CharField(max_length=40, blank=True, default="")
    email = models.EmailField(max_length=254, blank=True, default="")
    hours = models.CharField(
        max_length=200, blank=True, default="", help_text="Opening hours, e.g. Mon-Fri 8:00-18:00"
    )

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


def normalize_email(email: str) -> str:
    # The whole address is compared case-insensitively: people type their e-mail in
    # every capitalisation on phones, and no mail provider we serve is case-sensitive.
    return email.strip().lower()


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PATIENT)
    clinic = models.ForeignKey(
        Clinic, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    timezone = models.CharField(max_length=64, default="UTC")
    language = models.CharField(max_length=8, default="en")
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=utc_now)
    updated_at = models.DateTimeField(auto_now=True)  # the FHIR export's lastUpdated

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]
        indexes = [models.Index(fields=["clinic", "role"])]

    def __str__(self) -> str:
        return self.email

    def set_password(self, raw_password: str | None) -> None:
        # Marks a *change* of an existing account's password (not a new account's first
        # one) for backend.accounts.passwords, which Django calls once it is saved.
        super().set_password(raw_password)
        self.password_replaced = self.pk is not None


class CareLink(models.Model):
    """A physiotherapist assigned to a patient. A patient may have several."""

    patient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="physio_links")
    physio = models.ForeignKey(User, on_delete=models.CASCADE, related_name="patient_links")
    created_at = models.DateTimeField(default=utc_now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["patient", "physio"], name="carelink_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.physio_id} treats {self.patient_id}"

    def clean(self) -> None:
        """Both people belong to the same clinic, and the physio is a physio: a link
        across clinics would carry one clinic's patient's alerts to another clinic."""
        patient = self.patient if self.patient_id else None
        physio = self.physio if self.physio_id else None
        if patient is None or physio is None:
            return
        if physio.role != Role.PHYSIO:
            raise ValidationError({"physio": [_("That person is not a physiotherapist.")]})
        if patient.role != Role.PATIENT:
            raise ValidationError({"patient": [_("That person is not a patient.")]})
        if patient.clinic_id is None or patient.clinic_id != physio.clinic_id:
            raise ValidationError(
                {"physio": [_("The physiotherapist and the patient must be of the same clinic.")]}
            )


class Invite(models.Model):
    code = models.CharField(max_length=16, unique=True)
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="invites")
    role = models.CharField(max_length=20, choices=Role.choices)
    email = models.EmailField(blank=True)
    note = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invites_sent")
    created_at = models.DateTimeField(default=utc_now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.role} invite {self.code}"

    def is_valid(self, now: Any = None) -> bool:
        return self.used_at is None and self.expires_at > (now or utc_now())


class AuditEvent(models.Model):
    """One read of a patient's record by a physiotherapist or clinic administrator.

    Append-only. When either person's account is deleted the row stays (that an access
    happened is the clinic's record) but points at nobody, and it holds no personal text:
    ``path`` is the URL path alone (ids, never a query string or a name).
    """

    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    patient = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=40)
    path = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=utc_now)

    class Meta:
        indexes = [models.Index(fields=["patient", "created_at"])]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.action} {self.patient_id}"


class ApiToken(models.Model):
    """An API token (``Authorization: Token <key>``), one per signed-in client.

    Only a SHA-256 digest of the key is stored: a database dump does not hand out
    working credentials. ``prefix`` (the key's first characters) lets the owner tell
    their tokens apart. A token unused for ``API_TOKEN_IDLE_DAYS`` stops working.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    name = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=utc_now)
    last_used_at = models.DateTimeField(default=utc_now)

    class Meta:
        indexes = [models.Index(fields=["user", "last_used_at"])]

    def __str__(self) -> str:
        return f"token {self.prefix}… of {self.user_id}"


class UserSession(AbstractBaseSession):
    """A browser session, with the user it belongs to (backend.accounts.sessions)."""

    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    @classmethod
    def get_session_store_class(cls) -> Any:
        from backend.accounts.sessions import SessionStore

        return SessionStore
