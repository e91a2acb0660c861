"""Library API: list, filter and search exercises; routines; tips; pose SVGs."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from backend.accounts.permissions import IsClinicStaff
from backend.api import ConditionalGetMixin, StrictSerializer, request_language, request_user
from exercises import selectors, services
from exercises.models import ErgonomicTip, Exercise, Routine, pick_translation
from exercises.pose_shapes import render_pose_svg, stored_pose
from exercises.serializers import (
    ClinicExerciseInSerializer,
    ClinicRoutineInSerializer,
    ExerciseSerializer,
    ExerciseSummarySerializer,
    RoutineSerializer,
    TipSerializer,
)
from exercises.vocabulary import EQUIPMENT, EXERCISE_CATEGORIES, POSITIONS, TIP_TOPICS


class ExerciseFilters(StrictSerializer):
    category = serializers.ChoiceField(choices=EXERCISE_CATEGORIES, required=False)
    position = serializers.ChoiceField(choices=POSITIONS, required=False)
    equipment = serializers.ChoiceField(choices=EQUIPMENT, required=False)
    difficulty = serializers.IntegerField(min_value=1, max_value=5, required=False)
    desk_friendly = serializers.BooleanField(required=False, allow_null=True, default=None)
    search = serializers.CharField(max_length=100, required=False, allow_blank=True)
    page = serializers.IntegerField(min_value=1, required=False)
    page_size = serializers.IntegerField(min_value=1, max_value=100, required=False)


class TipFilters(StrictSerializer):
    topic = serializers.ChoiceField(choices=TIP_TOPICS, required=False)
    page = serializers.IntegerField(min_value=1, required=False)
    page_size = serializers.IntegerField(min_value=1, max_value=100, required=False)


class _LibraryViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet[Any]):
    lookup_field = "slug"

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "language": request_language(self.request)}

    def clinic_id(self) -> int | None:
        return request_user(self.request).clinic_id


class _ClinicEntriesMixin:
    """Clinic staff add their own entries (the body has the shape of a library file's
    entry, checked by the same rules) and retire them; library entries are read-only."""

    create_entry: Any
    action: str
    request: Any

    def get_permissions(self) -> list[Any]:
        if self.action in {"create", "destroy"}:
            return [IsClinicStaff()]
        return [IsAuthenticated()]

    def _created(self, entry: Any) -> Response:
        fresh = self.get_queryset().get(pk=entry.pk)  # type: ignore[attr-defined]
        serializer = self.get_serializer(fresh)  # type: ignore[attr-defined]
        return Response(serializer.data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        entry = self.get_object()  # type: ignore[attr-defined]
        if entry.clinic_id is None:
            raise PermissionDenied(_("Library entries are read-only."))
        services.clinic_entry_retire(entry)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(list=extend_schema(parameters=[ExerciseFilters]))
class ExerciseViewSet(_ClinicEntriesMixin, mixins.CreateModelMixin, _LibraryViewSet):
    """The exercise library plus the caller's clinic's own exercises."""

    @extend_schema(request=ClinicExerciseInSerializer, responses={201: ExerciseSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = ClinicExerciseInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        entry = dict(body.validated_data)
        return self._created(
            services.clinic_exercise_create(actor=request_user(request), entry=entry)
        )

    def get_serializer_class(self) -> Any:
        return ExerciseSerializer if self.action == "retrieve" else ExerciseSummarySerializer

    def get_queryset(self) -> QuerySet[Exercise]:
        language = request_language(self.request)
        if self.action in {"retrieve", "destroy"}:
            # Retired entries stay readable: programs and sessions still point at them.
            return selectors.exercises_for(
                self.clinic_id(), language, include_retired=True, detail=True
            )
        filters = ExerciseFilters(data=self.request.query_params.dict())
        filters.is_valid(raise_exception=True)
        return selectors.exercise_filter(
            selectors.exercises_for(self.clinic_id(), language), language, filters.validated_data
        )


@extend_schema(parameters=[TipFilters])
class TipViewSet(_LibraryViewSet):
    serializer_class = TipSerializer

    def get_queryset(self) -> QuerySet[ErgonomicTip]:
        filters = TipFilters(data=self.request.query_params.dict())
        filters.is_valid(raise_exception=True)
        return selectors.tips_for(
            self.clinic_id(),
            request_language(self.request),
            filters.validated_data.get("topic"),
        )


class RoutineViewSet(_ClinicEntriesMixin, mixins.CreateModelMixin, _LibraryViewSet):
    serializer_class = RoutineSerializer

    @extend_schema(request=ClinicRoutineInSerializer, responses={201: RoutineSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = ClinicRoutineInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        entry = dict(body.validated_data)
        return self._created(
            services.clinic_routine_create(actor=request_user(request), entry=entry)
        )

    def get_queryset(self) -> QuerySet[Routine]:
        return selectors.routines_for(self.clinic_id(), request_language(self.request))


@lru_cache(maxsize=512)
def _cached_svg(pose_json: str, title: str) -> str:
    # Poses change only when the library is reloaded; the JSON itself is the cache key,
    # so a reload can never serve a stale picture.
    return render_pose_svg(json.loads(pose_json), title=title)


class PoseSvgView(ConditionalGetMixin, viewsets.ViewSet):
    cache_max_age = 86400

    @extend_schema(
        responses={(200, "image/svg+xml"): OpenApiTypes.STR},
        parameters=[
            OpenApiParameter("slug", str, OpenApiParameter.PATH),
            OpenApiParameter("key", str, OpenApiParameter.PATH),
        ],
    )
    def retrieve(self, request: Request, slug: str, key: str) -> HttpResponse:
        language = request_language(request)
        exercise = get_object_or_404(
            selectors.exercises_for(
                request_user(request).clinic_id, language, include_retired=True
            ),
            slug=slug,
        )
        pose = next((p for p in exercise.poses if p["key"] == key), None)
        if pose is None:
            raise Http404(_("No such pose."))
        label = pick_translation(exercise, language).pose_labels.get(key, key)
        name = pick_translation(exercise, language).name
        body = stored_pose(pose)
        try:
            svg = _cached_svg(json.dumps(body, sort_keys=True), f"{name}: {label}")
        except ValueError as error:  # stored before the current pose rules
            raise Http404(_("This pose has no drawing.")) from error
        return HttpResponse(svg, content_type="image/svg+xml")
