from __future__ import annotations

from django.contrib import admin

from backend.accounts.admin import SuperuserOnlyAdmin
from exercises.models import ErgonomicTip, Exercise, ExerciseTranslation, Routine, RoutineItem


class ExerciseTranslationInline(admin.StackedInline):
    model = ExerciseTranslation
    extra = 0


@admin.register(Exercise)
class ExerciseAdmin(SuperuserOnlyAdmin):
    list_display = ("slug", "category", "position", "difficulty", "clinic", "retired_at")
    list_filter = ("category", "position", "desk_friendly", "retired_at")
    search_fields = ("slug", "translations__name")
    inlines = (ExerciseTranslationInline,)


class RoutineItemInline(admin.TabularInline):
    model = RoutineItem
    extra = 0


@admin.register(Routine)
class RoutineAdmin(SuperuserOnlyAdmin):
    list_display = ("slug", "duration_minutes", "weeks", "clinic", "retired_at")
    inlines = (RoutineItemInline,)


@admin.register(ErgonomicTip)
class TipAdmin(SuperuserOnlyAdmin):
    list_display = ("slug", "topic", "retired_at")
    list_filter = ("topic",)
