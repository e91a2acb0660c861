"""``GET /api/health/``: can we reach the database and the broker?"""

from __future__ import annotations

import logging

from django.db import connection
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

log = logging.getLogger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        log.warning("health: database unreachable", exc_info=True)
        return False


def broker_ok() -> bool:
    try:
        from backend.celery import app

        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=0, timeout=1)
        return True
    except Exception:
        log.warning("health: broker unreachable", exc_info=True)
        return False


class HealthView(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()

    @extend_schema(
        responses=inline_serializer(
            "Health",
            {
                "status": serializers.ChoiceField(choices=["ok", "degraded"]),
                "database": serializers.ChoiceField(choices=["ok", "error"]),
                "broker": serializers.ChoiceField(choices=["ok", "error"]),
            },
        )
    )
    def get(self, request: Request) -> Response:
        db, broker = database_ok(), broker_ok()
        body = {
            "status": "ok" if db and broker else "degraded",
            "database": "ok" if db else "error",
            "broker": "ok" if broker else "error",
        }
        # Without the database nothing works: tell load balancers to route elsewhere.
        # Without the broker the API still serves (nudges catch up), so it stays 200.
        return Response(body, status=200 if db else 503, headers={"Cache-Control": "no-store"})
