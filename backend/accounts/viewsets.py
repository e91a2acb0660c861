"""Base viewsets that apps above accounts extend (not routed themselves)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from backend.accounts import selectors, services
from backend.accounts.models import User
from backend.accounts.permissions import IsClinicAdmin, IsClinicStaff
from backend.accounts.serializers import CareLinkCreateSerializer, PatientSerializer
from backend.api import request_user


class PatientViewSet(viewsets.ReadOnlyModelViewSet[User]):
    """The caller's patients: a physio's caseload, or a clinic's patients for its admin."""

    serializer_class = PatientSerializer
    permission_classes = (IsClinicStaff,)

    def get_queryset(self) -> QuerySet[User]:
        return selectors.patients_visible_to(request_user(self.request)).order_by("full_name", "id")

    @extend_schema(request=CareLinkCreateSerializer, responses={201: PatientSerializer})
    @action(detail=True, methods=["post"], permission_classes=[IsClinicAdmin])
    def physios(self, request: Request, pk: str) -> Response:
        patient = self.get_object()
        body = CareLinkCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        assert isinstance(request.user, User)
        physio = get_object_or_404(
            selectors.physios_of_clinic(request.user), pk=body.validated_data["physio"]
        )
        services.care_link_add(actor=request.user, patient=patient, physio=physio)
        return Response(PatientSerializer(patient).data, status=status.HTTP_201_CREATED)
