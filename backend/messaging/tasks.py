"""Thin Celery wrappers around messaging services."""

from __future__ import annotations

from celery import shared_task

from backend.messaging import services


@shared_task(name="messaging.email_alert", ignore_result=True)
def email_alert(notice_id: int) -> bool:
    return services.alert_email_send(notice_id)


# Named as before (the beat entry "programs-scan-adherence", queued tasks): it lives here
# because the alerts it raises are told to the physios by messaging.
@shared_task(name="programs.scan_adherence", ignore_result=True)
def scan_adherence() -> int:
    return services.adherence_scan()


@shared_task(name="messaging.digest_tick", ignore_result=True)
def digest_tick() -> int:
    return services.digest_send()
