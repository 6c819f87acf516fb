"""The notices' background work (the task queue: reports/tasks.py says how tasks are
declared here): the e-mail of one notice, queued once the transaction that wrote it
commits (plans.notices.services.notify). The service is idempotent: a task run twice, or
after the daily sweep, sends nothing again."""

from __future__ import annotations

from django_tasks import task

from plans.notices import services


@task()
def notice_email_send(notice_id: int) -> bool:
    """E-mails one notice unless it was sent already
    (plans.notices.services.send_notice_email)."""
    return services.send_notice_email(notice_id)
