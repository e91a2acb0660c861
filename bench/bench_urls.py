"""Bare Django views: the framework's own limit for ``GET /api/today/``,
``POST /api/sessions/``, ``GET /api/inbox/`` and ``POST /api/nudges/<id>/ack/`` (the load
test's mix). Same server, same middleware, same token authentication (the
query our token authentication makes), the same kind of queries and writes, but no DRF,
no serializers, no validation beyond what the write needs.

Routed only when ``UPRIGHT_BENCH_VIEWS=1`` (``backend/urls.py``): never in production.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from backend.accounts.models import ApiToken
from backend.accounts.timezones import zone
from backend.inbox.models import InboxMessage
from backend.nudges.models import Break, Nudge, NudgePlan
from backend.programs.models import Assignment, ProgramItem, Session, SessionItem


def _user(request: HttpRequest) -> Any:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not header.startswith("Token "):
        return None
    digest = hashlib.sha256(header[6:].encode()).hexdigest()
    token = ApiToken.objects.select_related("user").filter(key_digest=digest).first()
    return token.user if token and token.user.is_active else None


def bare_today(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return JsonResponse({"detail": "Authentication credentials were not provided."}, status=401)
    today = timezone.localtime(timezone.now(), zone(user.timezone)).date()
    assignments = list(
        Assignment.objects.filter(patient=user, status="active", start_date__lte=today)
        .select_related("program__current_version")
        .order_by("preferred_time", "pk")
    )
    versions = [a.program.current_version_id for a in assignments]
    items: dict[int, list[dict[str, Any]]] = {}
    for row in (
        ProgramItem.objects.filter(version_id__in=versions)
        .select_related("exercise")
        .values(
            "version_id", "id", "position", "phase", "sets", "reps", "hold_seconds",
            "rest_seconds", "per_side", "notes", "exercise__slug", "exercise__difficulty",
        )
    ):  # fmt: skip
        entry: dict[str, Any] = dict(row)
        items.setdefault(entry.pop("version_id"), []).append(entry)
    done = {
        (s["assignment_id"]): s
        for s in Session.objects.filter(patient=user, local_date=today).values(
            "assignment_id", "id", "completed_at"
        )
    }
    return JsonResponse(
        {
            "date": today,
            "timezone": user.timezone,
            "assignments": [
                {
                    "id": a.pk,
                    "program_name": a.program.name,
                    "items": items.get(a.program.current_version_id or 0, []),
                    "done": a.pk in done,
                }
                for a in assignments
            ],
        }
    )


@csrf_exempt
def bare_sessions(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return JsonResponse({"detail": "Authentication credentials were not provided."}, status=401)
    data = json.loads(request.body)
    session_id = uuid.UUID(data["id"])
    existing = Session.objects.filter(pk=session_id).values("id", "local_date").first()
    if existing is not None:
        return JsonResponse(existing, status=200)
    assignment = Assignment.objects.select_related("program__current_version").get(
        pk=data["assignment"], patient=user
    )
    version = assignment.program.current_version
    assert version is not None
    by_slug = {
        slug: (pk, exercise_id)
        for pk, exercise_id, slug in ProgramItem.objects.filter(version=version).values_list(
            "pk", "exercise_id", "exercise__slug"
        )
    }
    completed = datetime.fromisoformat(data["completed_at"])
    with transaction.atomic():
        session = Session.objects.create(
            id=session_id,
            patient=user,
            assignment=assignment,
            program_version=version,
            started_at=datetime.fromisoformat(data["started_at"]),
            completed_at=completed,
            local_date=timezone.localtime(completed, zone(user.timezone)).date(),
            pain_before=data["pain_before"],
            pain_after=data["pain_after"],
            difficulty=data["difficulty"],
            notes=data.get("notes", ""),
            body_hash="",
        )
        SessionItem.objects.bulk_create(
            SessionItem(
                session=session,
                position=n,
                exercise_id=by_slug[item["exercise"]][1],
                program_item_id=by_slug[item["exercise"]][0],
                sets_done=item.get("sets_done", 0),
                reps_done=item.get("reps_done"),
            )
            for n, item in enumerate(data.get("items", []), start=1)
        )
    return JsonResponse({"id": str(session.id), "local_date": session.local_date}, status=201)


def bare_inbox(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return JsonResponse({"detail": "Authentication credentials were not provided."}, status=401)
    messages = InboxMessage.objects.filter(user=user)
    if request.GET.get("unread") == "true":
        messages = messages.filter(read_at__isnull=True)
    fields = ("id", "kind", "title", "body", "created_at", "read_at", "extra", "url")
    rows = [
        dict(
            ("nudge", value.get("nudge")) if name == "extra" else (name, value)
            for name, value in zip(fields, row, strict=True)
        )
        for row in messages.order_by("-created_at", "-id").values_list(*fields)[:20]
    ]
    return JsonResponse({"count": messages.count(), "next": None, "results": rows})


@csrf_exempt
def bare_ack(request: HttpRequest, pk: int) -> JsonResponse:
    """The same writes as answering "moved": the nudge, its inbox row, a break, the plan."""
    user = _user(request)
    if user is None:
        return JsonResponse({"detail": "Authentication credentials were not provided."}, status=401)
    now = timezone.now()
    with transaction.atomic():
        nudge = Nudge.objects.select_for_update().filter(pk=pk, user=user).first()
        if nudge is None:
            return JsonResponse({"detail": "Not found."}, status=404)
        if nudge.acknowledged_at is None:
            Nudge.objects.filter(pk=pk).update(acknowledged_at=now, action="moved")
            if nudge.message_id is not None:
                unread = InboxMessage.objects.filter(pk=nudge.message_id, read_at__isnull=True)
                unread.update(read_at=now)
            Break.objects.create(user=user, nudge=nudge, taken_at=now)
            plan = NudgePlan.objects.select_for_update().get(pk=nudge.plan_id)
            NudgePlan.objects.filter(pk=plan.pk).update(
                anchor_at=now,
                snoozed_until=None,
                next_due_at=now + timedelta(minutes=plan.interval_minutes),
            )
    return JsonResponse({"id": pk, "action": "moved", "acknowledged_at": now})


urlpatterns = [
    path("today/", bare_today, name="bench-today"),
    path("sessions/", bare_sessions, name="bench-sessions"),
    path("inbox/", bare_inbox, name="bench-inbox"),
    path("nudges/<int:pk>/ack/", bare_ack, name="bench-ack"),
]
