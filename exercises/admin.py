from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from backend.accounts.admin import SuperuserOnlyAdmin
from exercises.models import (
    ErgonomicTip,
    Exercise,
    ExerciseTranslation,
    Routine,
    RoutineItem,
    pick_translation,
)
from exercises.pose_shapes import render_pose_svg, stored_pose


class ExerciseTranslationInline(admin.StackedInline[ExerciseTranslation, Exercise]):
    model = ExerciseTranslation
    extra = 0


@admin.register(Exercise)
class ExerciseAdmin(SuperuserOnlyAdmin):
    list_display = ("slug", "category", "position", "difficulty", "clinic", "retired_at")
    list_filter = ("category", "position", "desk_friendly", "retired_at")
    search_fields = ("slug", "translations__name")
    inlines = (ExerciseTranslationInline,)
    readonly_fields = ("pose_drawings",)

    @admin.display(description=gettext_lazy("Poses"))
    def pose_drawings(self, exercise: Exercise) -> str:
        """Each pose as the patient sees it (the same SVG the app and the handout use)."""
        if not exercise.pk or not exercise.poses:
            return "-"
        labels = (
            pick_translation(exercise, "en").pose_labels if exercise.translations.exists() else {}
        )
        cells = []
        for index, pose in enumerate(exercise.poses, start=1):
            label = str(labels.get(pose["key"], pose["key"]))
            try:
                # Our own markup from numbers and an escaped title: safe to embed.
                svg = mark_safe(render_pose_svg(stored_pose(pose), title=label))  # noqa: S308
            except ValueError:
                svg = mark_safe("<em>no drawing</em>")
            cells.append((svg, index, label, pose["view"]))
        items = format_html_join(
            "",
            '<figure class="pose-cell" style="margin:0;width:220px;text-align:center">'
            '<div style="height:180px;display:flex;align-items:flex-end;justify-content:center">'
            "{}</div><figcaption>{}. {} ({} view)</figcaption></figure>",
            cells,
        )
        return format_html(
            "<style>.pose-cell svg{{max-width:210px;max-height:180px;width:auto;height:auto}}"
            '</style><div style="display:flex;flex-wrap:wrap;gap:12px">{}</div>',
            items,
        )


class RoutineItemInline(admin.TabularInline[RoutineItem, Routine]):
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
