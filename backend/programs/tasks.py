"""Celery tasks for programs: thin wrappers around services."""

from __future__ import annotations

from backend.celery import app
from backend.programs.services import adherence_scan
from backend.programs.summary import refresh_stale_summaries


@app.task(name="programs.scan_adherence", ignore_result=True)
def scan_adherence() -> int:
    return adherence_scan()


@app.task(name="programs.refresh_caseload", ignore_result=True)
def refresh_caseload() -> int:
    return refresh_stale_summaries()
