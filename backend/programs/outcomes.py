"""Outcome measures: questionnaire wording, schedules, what is due, and responses.

Services write (``wording_load``, ``library_wording_load``, ``schedule_create``,
``response_submit``); selectors read (``measures_for``, ``schedules_for``, ``due_for``,
``responses_for``, ``change_of``). Scores come from the pure ``scoring`` module.

Wording files are YAML, read with the library's strict loader (duplicate keys refused)::

    - measure: odi
      translations:
        en:
          name: Oswestry Disability Index
          items:
            - text: ...                 # every item: its text
              choices: [..., ...]       # "choice" measures: one label per answer value
              low_label: ...            # "scale" measures, optional: labels of both ends
              high_label: ...
          yes_label: ...                # "yes_no" measures: the two answer labels
          no_label: ...

A file is checked completely before anything is written; every problem is reported with
file, entry (the measure) and field, and a refused file changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.accounts.models import Clinic, Role, User
from backend.accounts.selectors import patients_visible_to
from backend.programs import psfs
from backend.programs.models import MeasureWording, OutcomeResponse, OutcomeSchedule
from backend.programs.scoring import MEASURES, MeasureSpec, ScoringError, change_from_baseline
from backend.programs.scoring import score as score_answers
from backend.programs.selectors import local_today
from exercises.content_schema import ContentError, ContentIssue, parse_strict_yaml
from exercises.services import CONTENT_DIR

MEASURE_CONTENT_DIR = CONTENT_DIR / "measures"
ITEM_KINDS: dict[str, str] = {
    "nprs": "scale",
    "psfs": "scale",
    "odi": "choice",
    "rmdq": "yes_no",
    "adherence_self_report": "choice",
}
# Copyrighted questionnaires: Upright ships only placeholders, so they can be scheduled only
# for a clinic that loaded the wording it holds a licence for (``load_measure_wording``).
LICENSED_MEASURES = frozenset({"odi", "rmdq"})
NEEDS_LICENSED_WORDING = gettext_lazy(
    "This needs your clinic's licensed wording, which has not been loaded yet "
    "(an administrator runs load_measure_wording)."
)
FALLBACK_LANGUAGE = "en"
MAX_EVERY_WEEKS = 52
_LANGUAGE_RE = re.compile(r"^[a-z]{2}$")


class WordingError(ContentError):
    """A wording file was refused; ``issues`` names file, entry and field of each problem."""

    def __str__(self) -> str:
        count = len(self.issues)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the measure wording:"]
        lines.extend(f"  {issue}" for issue in self.issues)
        return "\n".join(lines)


@dataclass(frozen=True)
class Wording:
    measure: str
    language: str
    name: str
    items: list[dict[str, Any]]


def _answer_bounds(spec: MeasureSpec) -> tuple[int | None, int | None]:
    if spec.answer_range == "yes_no":
        return None, None
    return spec.answer_range


class _WordingChecker:
    def __init__(self, file: str, *, require_english: bool) -> None:
        self.file, self.entry = file, ""
        self.require_english = require_english
        self.issues: list[ContentIssue] = []
        self.found: list[Wording] = []

    def add(self, field: str, message: str) -> None:
        self.issues.append(ContentIssue(self.file, self.entry, field, message))

    def keys(self, obj: Any, required: Sequence[str], optional: Sequence[str], at: str) -> bool:
        if not isinstance(obj, Mapping):
            self.add(at, "must be a mapping")
            return False
        for key in required:
            if key not in obj:
                self.add(f"{at}.{key}".lstrip("."), "is required")
        allowed = (*required, *optional)
        for key in obj:
            if key not in allowed:
                self.add(
                    f"{at}.{key}".lstrip("."), f"unknown field (allowed: {', '.join(allowed)})"
                )
        return True

    def text(self, value: Any, field: str, max_len: int) -> str:
        if isinstance(value, bool):
            self.add(
                field, "must be text: put it in quotes (YAML reads Yes/No/On/Off as true/false)"
            )
            return ""
        if not isinstance(value, str) or not value.strip():
            self.add(field, "must be non-empty text")
            return ""
        if len(value) > max_len:
            self.add(field, f"is {len(value)} characters; the limit is {max_len}")
        return value.strip()

    def check(self, document: Any) -> None:
        if not isinstance(document, list) or not document:
            self.add("", "must be a non-empty list of measures")
            return
        seen: set[str] = set()
        for index, entry in enumerate(document):
            code = entry.get("measure") if isinstance(entry, Mapping) else None
            self.entry = code if isinstance(code, str) and code else f"#{index + 1}"
            if not self.keys(entry, ("measure", "translations"), (), ""):
                continue
            spec = MEASURES.get(code) if isinstance(code, str) else None
            if spec is None:
                self.add("measure", f"{code!r} is not one of {', '.join(MEASURES)}")
            elif spec.code in seen:
                self.add("measure", "this measure is given twice in the file")
            else:
                seen.add(spec.code)
                self.translations(spec, entry.get("translations"))

    def translations(self, spec: MeasureSpec, value: Any) -> None:
        if not isinstance(value, Mapping) or not value:
            self.add("translations", "must map language codes to wording")
            return
        if self.require_english and FALLBACK_LANGUAGE not in value:
            self.add(f"translations.{FALLBACK_LANGUAGE}", "is required")
        kind = ITEM_KINDS[spec.code]
        labels = ("yes_label", "no_label") if kind == "yes_no" else ()
        for language, texts in value.items():
            at = f"translations.{language}"
            if not isinstance(language, str) or not _LANGUAGE_RE.match(language):
                self.add(at, "language code must be two lowercase letters")
                continue
            if not self.keys(texts, ("name", "items", *labels), (), at):
                continue
            before = len(self.issues)
            name = self.text(texts["name"], f"{at}.name", 120) if "name" in texts else ""
            label_text = {
                key: self.text(texts[key], f"{at}.{key}", 40) for key in labels if key in texts
            }
            items = self.items(spec, kind, texts.get("items"), f"{at}.items", label_text)
            if language != FALLBACK_LANGUAGE:
                self.matches_english(language, texts, value.get(FALLBACK_LANGUAGE))
            if len(self.issues) == before:
                self.found.append(Wording(spec.code, language, name, items))

    def matches_english(self, language: str, texts: Mapping[str, Any], english: Any) -> None:
        """A translation words every label the English wording has (the item count and the
        choices are fixed by the measure already)."""
        if not isinstance(english, Mapping) or not isinstance(english.get("items"), list):
            return
        raw = texts.get("items")
        ours: list[Any] = raw if isinstance(raw, list) else []
        for index, (item, theirs) in enumerate(zip(ours, english["items"], strict=False)):
            if not isinstance(item, Mapping) or not isinstance(theirs, Mapping):
                continue
            for key in ("low_label", "high_label"):
                if key in theirs and key not in item:
                    self.add(
                        f"translations.{language}.items[{index}].{key}",
                        f"is missing from the '{language}' translation; the English wording has it",
                    )

    def items(
        self, spec: MeasureSpec, kind: str, value: Any, at: str, labels: Mapping[str, str]
    ) -> list[dict[str, Any]]:
        wanted = spec.item_count[1]
        if not isinstance(value, list) or len(value) != wanted:
            got = f"{len(value)}" if isinstance(value, list) else "no list"
            self.add(at, f"{spec.code} has exactly {wanted} items; got {got}")
            return []
        low, high = _answer_bounds(spec)
        required = ("text", "choices") if kind == "choice" else ("text",)
        optional = ("low_label", "high_label") if kind == "scale" else ()
        result = []
        for index, item in enumerate(value):
            where = f"{at}[{index}]"
            if not self.keys(item, required, optional, where):
                continue
            choices: list[dict[str, Any]] = []
            if kind == "yes_no":
                choices = [
                    {"value": True, "label": labels.get("yes_label", "")},
                    {"value": False, "label": labels.get("no_label", "")},
                ]
            elif kind == "choice" and low is not None and high is not None:
                if "choices" in item:
                    choices = self.choices(item["choices"], f"{where}.choices", low, high)
            else:
                for end, key in ((low, "low_label"), (high, "high_label")):
                    if key in item:
                        label = self.text(item[key], f"{where}.{key}", 120)
                        choices.append({"value": end, "label": label})
            text = self.text(item["text"], f"{where}.text", 600) if "text" in item else ""
            result.append(
                {"index": index, "text": text, "kind": kind, "min": low, "max": high}
                | {"choices": choices}
            )
        return result

    def choices(self, value: Any, at: str, low: int, high: int) -> list[dict[str, Any]]:
        count = high - low + 1
        if not isinstance(value, list) or len(value) != count:
            self.add(at, f"needs {count} labels, one for each answer {low} to {high}")
            return []
        return [
            {"value": low + offset, "label": self.text(label, f"{at}[{offset}]", 300)}
            for offset, label in enumerate(value)
        ]


def read_wording(path: Path, *, library: bool = False, shown_as: str = "") -> list[Wording]:
    """Parse and check one wording file; raise ``WordingError`` listing every problem."""
    shown = shown_as or str(path)
    try:
        document = parse_strict_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise WordingError(
            [ContentIssue(shown, "", "", f"cannot be read: {exc.strerror}")]
        ) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        issue = ContentIssue(shown, "", "", f"YAML syntax error{where}: {exc.problem}")
        raise WordingError([issue]) from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise WordingError([ContentIssue(shown, "", "", f"cannot be read: {exc}")]) from exc
    checker = _WordingChecker(shown, require_english=library)
    checker.check(document)
    if checker.issues:
        raise WordingError(checker.issues)
    return checker.found


def read_library_wording(content_dir: Path = MEASURE_CONTENT_DIR) -> list[Wording]:
    """Our shipped wording: every file must be valid and every measure present."""
    wordings: list[Wording] = []
    issues: list[ContentIssue] = []
    for path in sorted(content_dir.glob("*.yaml")):
        try:
            wordings += read_wording(path, library=True, shown_as=f"measures/{path.name}")
        except WordingError as exc:
            issues += exc.issues
    found = {(w.measure, w.language) for w in wordings}
    for code in MEASURES:
        if not issues and (code, FALLBACK_LANGUAGE) not in found:
            issues.append(ContentIssue("measures/", code, "", "no wording for this measure"))
    if issues:
        raise WordingError(issues)
    return wordings


@lru_cache(maxsize=1)
def _shipped_wording() -> tuple[Wording, ...]:
    return tuple(read_library_wording())


@transaction.atomic
def _wording_save(wordings: Sequence[Wording], clinic: Clinic | None) -> int:
    measures = sorted({w.measure for w in wordings})
    MeasureWording.objects.filter(clinic=clinic, measure__in=measures).delete()
    MeasureWording.objects.bulk_create(
        MeasureWording(
            clinic=clinic, measure=w.measure, language=w.language, name=w.name, items=w.items
        )
        for w in wordings
    )
    return len(wordings)


def wording_load(path: Path, *, clinic: Clinic) -> int:
    """Load a clinic's licensed wording (replacing its earlier wording of those measures).
    Only that clinic sees it. Returns how many (measure, language) rows were stored."""
    return _wording_save(read_wording(path), clinic)


def library_wording_load(content_dir: Path = MEASURE_CONTENT_DIR) -> int:
    """Load our own wording (and the ODI/RMDQ placeholders) as library wording."""
    return _wording_save(read_library_wording(content_dir), None)


# -- selectors: measures ----------------------------------------------------------------------


def measures_for(clinic_id: int | None, language: str) -> list[dict[str, Any]]:
    """Every measure with its best wording: the clinic's, then the library's, then the
    shipped files; within each, the caller's language before English."""
    scope = Q(clinic=None) if clinic_id is None else Q(clinic=None) | Q(clinic_id=clinic_id)
    languages = {language, FALLBACK_LANGUAGE}
    candidates: dict[str, list[tuple[tuple[int, int], str, list[dict[str, Any]]]]] = {}
    for row in MeasureWording.objects.filter(scope, language__in=languages):
        rank = (0 if row.clinic_id else 1, 0 if row.language == language else 1)
        candidates.setdefault(row.measure, []).append((rank, row.name, row.items))
    for wording in _shipped_wording():
        if wording.language in languages:
            rank = (2, 0 if wording.language == language else 1)
            candidates.setdefault(wording.measure, []).append((rank, wording.name, wording.items))
    licensed = licensed_measures_of(clinic_id)
    result = []
    for code, spec in MEASURES.items():
        _, name, items = min(candidates[code], key=lambda c: c[0])
        available = code not in LICENSED_MEASURES or code in licensed
        result.append(
            {
                "code": code,
                "name": name,
                "min_items": spec.item_count[0],
                "max_items": spec.item_count[1],
                "lower_is_better": spec.lower_is_better,
                "items": items,
                "available": available,
                "unavailable_reason": None if available else NEEDS_LICENSED_WORDING,
            }
        )
    return result


def licensed_measures_of(clinic_id: int | None) -> set[str]:
    """The copyrighted measures whose wording this clinic has loaded."""
    if clinic_id is None:
        return set()
    return set(
        MeasureWording.objects.filter(clinic_id=clinic_id, measure__in=LICENSED_MEASURES)
        .values_list("measure", flat=True)
        .distinct()
    )


# -- schedules and what is due ----------------------------------------------------------------


def schedule_create(
    *,
    actor: User,
    patient_id: int,
    measure: str,
    every_weeks: int | None,
    start_date: date | None = None,
) -> OutcomeSchedule:
    """Baseline on ``start_date`` (default: the patient's today), then every N weeks after
    the last answer. A new schedule replaces the patient's active one for that measure."""
    if actor.role != Role.PHYSIO or actor.clinic_id is None:
        raise ValidationError(
            {"detail": [_("Only a physiotherapist can schedule questionnaires.")]}
        )
    patient = patients_visible_to(actor).filter(pk=patient_id).first()
    if patient is None:
        raise ValidationError({"patient": [_("Choose one of your patients.")]})
    if measure not in MEASURES:
        raise ValidationError(
            {"measure": [_("Choose one of %(choices)s.") % {"choices": ", ".join(MEASURES)}]}
        )
    if measure in LICENSED_MEASURES and measure not in licensed_measures_of(actor.clinic_id):
        raise ValidationError({"measure": [NEEDS_LICENSED_WORDING]})
    if every_weeks is not None and not 1 <= every_weeks <= MAX_EVERY_WEEKS:
        raise ValidationError(
            {"every_weeks": [_("Choose 1 to %(most)d weeks, or null.") % {"most": MAX_EVERY_WEEKS}]}
        )
    with transaction.atomic():
        OutcomeSchedule.objects.filter(patient=patient, measure=measure, active=True).update(
            active=False
        )
        return OutcomeSchedule.objects.create(
            patient=patient,
            measure=measure,
            every_weeks=every_weeks,
            start_date=start_date or local_today(patient),
            created_by=actor,
        )


def schedules_for(user: User) -> QuerySet[OutcomeSchedule]:
    return OutcomeSchedule.objects.filter(
        patient__in=patients_visible_to(user), active=True
    ).order_by("patient_id", "measure")


def next_due(schedule: OutcomeSchedule, last_answered: date | None) -> date | None:
    """When ``schedule`` is next due, given the patient's latest answer of its measure."""
    if last_answered is None or last_answered < schedule.start_date:
        return schedule.start_date
    if schedule.every_weeks is None:
        return None
    return last_answered + timedelta(weeks=schedule.every_weeks)


def due_for(patient: User, today: date | None = None) -> list[dict[str, Any]]:
    """The patient's questionnaires due on or before ``today`` (their local day)."""
    today = today or local_today(patient)
    schedules = OutcomeSchedule.objects.filter(patient=patient, active=True).order_by(
        "start_date", "pk"
    )
    latest = dict(
        OutcomeResponse.objects.filter(patient=patient)
        .values("measure")
        .annotate(last=Max("local_date"))
        .values_list("measure", "last")
    )
    due = []
    for schedule in schedules:
        due_date = next_due(schedule, latest.get(schedule.measure))
        if due_date is not None and due_date <= today:
            entry = {"schedule": schedule.pk, "measure": schedule.measure, "due_date": due_date}
            if schedule.measure == psfs.PSFS:
                entry["activities"] = psfs.psfs_activities(patient)
            due.append(entry)
    return due


# -- responses --------------------------------------------------------------------------------


def response_submit(
    *,
    patient: User,
    measure: str,
    answers: Sequence[Any],
    schedule_id: int | None = None,
    now: datetime | None = None,
    activities: Any | None = None,
) -> OutcomeResponse:
    """Score and store a patient's answers; invalid answers write nothing. PSFS answers
    rate the activities named at baseline (``backend/programs/psfs.py``)."""
    if patient.role != Role.PATIENT:
        raise ValidationError({"detail": [_("Only a patient answers questionnaires.")]})
    try:
        value = score_answers(measure, answers)
    except ScoringError as exc:
        raise ValidationError({exc.field: [exc.message]}) from exc
    schedule = None
    if schedule_id is not None:
        schedule = OutcomeSchedule.objects.filter(pk=schedule_id, patient=patient).first()
        if schedule is None:
            raise ValidationError({"schedule": [_("You have no such questionnaire schedule.")]})
        if schedule.measure != measure:
            raise ValidationError(
                {
                    "schedule": [
                        _("This schedule is for %(measure)s.") % {"measure": schedule.measure}
                    ]
                }
            )
    rated = (
        psfs.activities_for_answers(patient, answers, activities) if measure == psfs.PSFS else []
    )
    answered_at = now or timezone.now()
    return OutcomeResponse.objects.create(
        patient=patient,
        measure=measure,
        schedule=schedule,
        answers=list(answers),
        activities=rated,
        score=value,
        answered_at=answered_at,
        local_date=local_today(patient, answered_at),
    )


def responses_for(user: User) -> QuerySet[OutcomeResponse]:
    """Responses the caller may see, each annotated with its measure's baseline."""
    first = OutcomeResponse.objects.filter(
        patient=OuterRef("patient"), measure=OuterRef("measure")
    ).order_by("answered_at", "pk")
    return (
        OutcomeResponse.objects.filter(patient__in=patients_visible_to(user))
        .annotate(
            baseline_id=Subquery(first.values("pk")[:1]),
            baseline_score=Subquery(first.values("score")[:1]),
        )
        .order_by("-answered_at", "-pk")
    )


def _one_decimal(value: float) -> float:
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def change_of(response: OutcomeResponse) -> dict[str, Any] | None:
    """Change from the patient's first response of the measure; null for the baseline
    itself. ``response`` comes from ``responses_for`` (baseline annotated)."""
    baseline_id = getattr(response, "baseline_id", None)
    if baseline_id is None or baseline_id == response.pk:
        return None
    change = change_from_baseline(response.measure, response.baseline_score, response.score)  # type: ignore[attr-defined]
    return {
        "delta": change.delta,
        "percent": None if change.percent is None else _one_decimal(change.percent),
        "direction": change.direction,
        "meaningful": change.meaningful,
    }
