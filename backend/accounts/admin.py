"""Django admin for staff and for clinic administrators (limited to their clinic)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from backend.accounts import services, throttle, two_factor
from backend.accounts.models import AuditEvent, CareLink, Clinic, Invite, Role, User


def scope_related_queryset(request: HttpRequest, related: type[models.Model], qs: Any) -> Any:
    """The choices a clinic admin may pick for a relation: people and the clinic of their
    own clinic only. Superusers choose from everything."""
    if request.user.is_superuser:
        return qs
    clinic_id = getattr(request.user, "clinic_id", None)
    if related is User:
        return qs.filter(clinic_id=clinic_id) if clinic_id else qs.none()
    if related is Clinic:
        return qs.filter(pk=clinic_id) if clinic_id else qs.none()
    # Any other related table has no clinic wall we know of: offer nothing.
    return qs.none()


# Any model: these two bases serve every app's admin.
class SuperuserOnlyAdmin(admin.ModelAdmin[Any]):
    """Support tables with no clinic wall (devices, inboxes, the library): superusers
    only, whatever model permissions a staff account was given."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return bool(request.user.is_superuser)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)


class ClinicScopedAdmin(admin.ModelAdmin[Any]):
    """Superusers see everything; a clinic admin sees and edits only their clinic."""

    clinic_field = "clinic"

    def _is_clinic_admin(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and getattr(user, "role", None) == Role.CLINIC_ADMIN)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(**{self.clinic_field: getattr(request.user, "clinic_id", None)})

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or self._is_clinic_admin(request)

    def formfield_for_foreignkey(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> forms.ModelChoiceField[Any] | None:
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = scope_related_queryset(request, db_field.related_model, field.queryset)
        return field

    def formfield_for_manytomany(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> forms.ModelMultipleChoiceField[Any] | None:
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = scope_related_queryset(request, db_field.related_model, field.queryset)
        return field

    def get_list_filter(self, request: HttpRequest) -> Any:
        """Relation filters list every related row; for a clinic admin they list only the
        rows their own (scoped) list refers to."""
        filters = super().get_list_filter(request)
        if request.user.is_superuser:
            return filters
        scoped: list[Any] = []
        for item in filters:
            if isinstance(item, str) and self.model._meta.get_field(item).is_relation:
                scoped.append((item, admin.RelatedOnlyFieldListFilter))
            else:
                scoped.append(item)
        return scoped

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not request.user.is_superuser:
            self.check_within_clinic(request, obj)
        super().save_model(request, obj, form, change)

    def check_within_clinic(self, request: HttpRequest, obj: Any) -> None:
        """The saved row must still belong to the admin's clinic (defence in depth behind
        the scoped choices)."""
        value: Any = obj
        for part in self.clinic_field.split("__"):
            value = getattr(value, part, None)
        clinic_id = value.pk if isinstance(value, models.Model) else value
        if clinic_id != getattr(request.user, "clinic_id", None):
            raise PermissionDenied(_("That belongs to another clinic."))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)


class ClinicScopedReadOnlyAdmin(ClinicScopedAdmin):
    """Scoped like ``ClinicScopedAdmin``, and read-only for everyone: for rows that only
    the application's services write (they keep derived rows and jobs in step)."""

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ClinicScopedReadOnlyInline(admin.TabularInline[Any, Any]):
    """Rows shown under a scoped parent (the parent's clinic wall holds), never edited."""

    extra = 0
    can_delete = False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        user = request.user
        clinic_admin = user.is_active and getattr(user, "role", None) == Role.CLINIC_ADMIN
        return bool(user.is_superuser or clinic_admin)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(ClinicScopedAdmin, BaseUserAdmin[User]):
    ordering = ("email",)
    list_display = ("email", "full_name", "role", "clinic", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("email", "full_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("full_name", "role", "clinic", "timezone", "language")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
    )
    add_fieldsets = ((None, {"fields": ("email", "password1", "password2", "role", "clinic")}),)

    actions = ("send_password_reset",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if request.user.is_superuser:
            return ()
        return ("email", "role", "clinic", "is_staff", "is_superuser", "groups", "password")

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> Any:
        """Only superusers set a password by hand; a clinic admin who could would be able
        to sign in as any member, silently. They send a reset e-mail instead."""
        if not request.user.is_superuser:
            raise PermissionDenied(_("Send a password-reset e-mail instead."))
        return super().user_change_password(request, id, form_url)

    @admin.action(description=gettext_lazy("Send a password-reset e-mail"))
    def send_password_reset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        sent = 0
        for user in queryset:
            if services.password_reset_request(user.email):
                sent += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d password-reset e-mail sent.",
                "%(count)d password-reset e-mails sent.",
                sent,
            )
            % {"count": sent},
        )


@admin.register(Clinic)
class ClinicAdmin(ClinicScopedAdmin):
    clinic_field = "id"
    list_display = ("name", "phone", "email", "created_at")
    fields = ("name", "phone", "email", "hours")


@admin.register(Invite)
class InviteAdmin(ClinicScopedAdmin):
    list_display = ("code", "role", "clinic", "email", "expires_at", "used_at")
    readonly_fields = ("code", "clinic", "role", "created_by", "used_at", "used_by")


@admin.register(CareLink)
class CareLinkAdmin(ClinicScopedAdmin):
    clinic_field = "patient__clinic"
    list_display = ("patient", "physio", "created_at")
    list_filter = ("physio",)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not request.user.is_superuser:
            assert isinstance(request.user, User)
            services.care_link_check(actor=request.user, patient=obj.patient, physio=obj.physio)
        super().save_model(request, obj, form, change)


@admin.register(AuditEvent)
class AuditEventAdmin(ClinicScopedAdmin):
    """Read-only: the access log is written by the application, never edited by hand."""

    clinic_field = "patient__clinic"
    list_display = ("created_at", "actor", "action", "patient", "path")
    list_filter = ("action",)
    date_hierarchy = "created_at"
    readonly_fields = ("actor", "patient", "action", "path", "created_at")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ThrottledAdminLoginForm(AdminAuthenticationForm):
    """The admin's sign-in counts against the same per-account and per-address throttle
    as the API's (backend.accounts.throttle), before the password is checked, and asks
    for the two-factor code of an enrolled account."""

    otp = forms.CharField(
        label=gettext_lazy("Two-factor code"),
        required=False,
        max_length=16,
        help_text=gettext_lazy(
            "From your authenticator app, if you set one up (or a recovery code)."
        ),
    )

    def clean(self) -> dict[str, Any]:
        email = str(self.cleaned_data.get("username") or "")
        request = self.request
        if (
            email
            and request is not None
            and not throttle.register_attempt(email, throttle.client_ip(request))
        ):
            raise ValidationError(throttle.TOO_MANY_ATTEMPTS, code="throttled")
        cleaned = super().clean()
        user = self.get_user()
        if isinstance(user, User):
            if two_factor.is_enrolled(user):
                code = str(cleaned.get("otp") or "")
                device = two_factor.verify(user, code) if code else None
                if device is None:
                    message = two_factor.CODE_WRONG if code else two_factor.CODE_REQUIRED
                    raise ValidationError(message, code="otp")
                user.otp_device = device  # type: ignore[attr-defined]  # kept in the session
            elif two_factor.is_required(user):
                raise ValidationError(
                    _("Your clinic requires two-factor sign-in: set it up in the app first."),
                    code="otp_setup",
                )
        if email:
            throttle.reset_account(email)
        return cleaned


admin.site.login_form = ThrottledAdminLoginForm
admin.site.login_template = "admin/upright_login.html"
