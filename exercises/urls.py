"""Exercise library API routes: exercises, their pose drawings, routines, tips."""

from django.urls import URLPattern, URLResolver, include, path
from rest_framework.routers import DefaultRouter

from exercises import api

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("exercises", api.ExerciseViewSet, basename="exercise")
router.register("routines", api.RoutineViewSet, basename="routine")
router.register("tips", api.TipViewSet, basename="tip")

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "exercises/<slug:slug>/poses/<slug:key>.svg",
        api.PoseSvgView.as_view({"get": "retrieve"}),
        name="exercise-pose-svg",
    ),
    path("", include(router.urls)),
]
