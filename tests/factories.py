"""factory_boy factories: the smallest valid rows, overridable per test."""

from __future__ import annotations

import factory

from backend.accounts.models import CareLink, Clinic, Role, User

TEST_PASSWORD = "correct horse battery staple"


class ClinicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clinic

    name = factory.Sequence(lambda n: f"Clinic {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    role = Role.PATIENT
    clinic = factory.SubFactory(ClinicFactory)
    timezone = "Europe/London"
    password = factory.django.Password(TEST_PASSWORD)


class PhysioFactory(UserFactory):
    role = Role.PHYSIO


class ClinicAdminFactory(UserFactory):
    role = Role.CLINIC_ADMIN
    is_staff = True


class CareLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareLink

    patient = factory.SubFactory(UserFactory)
    physio = factory.SubFactory(PhysioFactory)
