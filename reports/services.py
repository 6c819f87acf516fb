"""Writes of the reports app: requesting and running a PDF rendering of the annual report.

Modes (setting ``REPORT_PDF_MODE``; when the settings do not name it, ``immediate`` in the
embedded demo mode and ``background`` otherwise):

- ``immediate``: the request renders the PDF before it returns (one process, no worker).
- ``background``: the request starts a daemon thread per job and returns at once; the status
  page shows the progress. The thread lives in the web process, so a job whose process
  stops (restart, deploy) stays "running": request it again. No extra service is needed;
  a deployment that wants a separate worker can run :func:`report_job_run` from one.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import close_old_connections, transaction
from django.utils import timezone

from plans.models import Plan
from reports import printing, selectors
from reports.models import ReportJob

logger = logging.getLogger(__name__)
IMMEDIATE, BACKGROUND = "immediate", "background"
# The reader is told it failed and what to do; what failed (Python's words) goes to the log.
FAILED_MESSAGE = "จัดทำรายงาน PDF ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง หากยังไม่สำเร็จโปรดแจ้งผู้ดูแลระบบ"


def report_pdf_mode() -> str:
    default = IMMEDIATE if getattr(settings, "DEMO_MODE", False) else BACKGROUND
    mode = getattr(settings, "REPORT_PDF_MODE", "") or default
    return mode if mode in (IMMEDIATE, BACKGROUND) else default


@transaction.atomic
def report_job_request(*, plan: Plan, user) -> ReportJob:
    """Queue a PDF of the plan's annual report; it starts once the transaction commits."""
    job = ReportJob(plan=plan, requested_by=user)
    job.full_clean()
    job.save()
    if report_pdf_mode() == BACKGROUND:
        transaction.on_commit(lambda: _start_thread(job.pk))
    return job


def _start_thread(job_id: int) -> None:
    threading.Thread(
        target=_run_in_thread, args=(job_id,), name=f"report-job-{job_id}", daemon=True
    ).start()


def _run_in_thread(job_id: int) -> None:
    try:
        report_job_run(job_id=job_id)
    finally:
        close_old_connections()


def _update(job: ReportJob, **fields) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=list(fields))


def report_job_run(*, job_id: int) -> ReportJob:
    """Render the job's PDF, saving progress as it goes; a failure is kept on the job."""
    job = ReportJob.objects.select_related("plan__office", "plan__fiscal_year").get(pk=job_id)
    _update(job, status=ReportJob.Status.RUNNING, progress=5)
    try:
        report = selectors.annual_report(job.plan)
        _update(job, progress=20)
        html = printing.annual_report_html(report)
        _update(job, progress=40)
        pdf = printing.html_to_pdf(html, files=printing.report_files(report))
        job.file.save(printing.annual_report_filename(report, "pdf"), ContentFile(pdf), save=False)
        _update(
            job,
            file=job.file,
            status=ReportJob.Status.DONE,
            progress=100,
            finished_at=timezone.now(),
        )
    except Exception:
        logger.exception("report job %s failed", job_id)
        _update(
            job,
            status=ReportJob.Status.FAILED,
            error=FAILED_MESSAGE,
            finished_at=timezone.now(),
        )
    return job
