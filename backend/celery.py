"""The Celery application. Tasks import ``app`` from here and stay thin."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")

app = Celery("upright")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
