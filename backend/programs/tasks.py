"""Celery tasks for programs: thin wrappers around services."""

from __future__ import annotations

from backend.celery import app
from backend.programs.summary import refresh_stale_summaries

# programs.scan_adherence is in messaging/tasks.py: its alerts reach the physios there.


@app.task(name="programs.refresh_caseload", ignore_result=True)
def refresh_caseload() -> int:
    return refresh_stale_summaries()
