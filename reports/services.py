"""Writes of the reports app: requesting and running a PDF rendering of the annual report.

A request is a ``ReportJob`` and a task of the project's task queue (django-tasks,
``reports.tasks.report_job_render``): with the database backend a worker process
(``manage.py run_worker``) renders it, one job at a time per worker; with the immediate
backend (the tests, a machine without a worker) the request renders it before it returns.
No thread of the web process renders anything.

- **Joining**: a request for a plan whose job is still queued gets that job (one render
  for everyone who asked meanwhile); so does one whose job is running, or done, on the
  office's current data version (``plans.versions.data_version``, recorded when the render
  starts): while nothing the report reads has changed, the finished PDF is downloaded at
  once and nothing is rendered again.
- **Surviving a restart**: a running job writes a heartbeat every
  ``REPORT_JOB_HEARTBEAT_SECONDS``. A job whose heartbeat is older than
  ``REPORT_JOB_STALE_SECONDS`` lost its worker (killed, machine restarted):
  :func:`report_jobs_recover` queues it again, or, after ``REPORT_JOB_MAX_ATTEMPTS`` tries,
  ends it as failed with a Thai message. It runs when a worker starts, when a job's status
  page is read and before a request joins a job, so no job stays "running" for ever.
- **One attempt wins**: every write of a run names its attempt; a run whose job was given
  to another attempt meanwhile writes nothing and throws its file away.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import close_old_connections, transaction
from django.db.models import Q
from django.utils import timezone

from plans import versions
from plans.models import Plan
from reports import printing, selectors
from reports.models import ReportJob

logger = logging.getLogger(__name__)
# The reader is told it failed and what to do; what failed (Python's words) goes to the log.
FAILED_MESSAGE = "จัดทำรายงาน PDF ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง หากยังไม่สำเร็จโปรดแจ้งผู้ดูแลระบบ"
INTERRUPTED_MESSAGE = (
    "การจัดทำรายงาน PDF ถูกขัดจังหวะ (เครื่องประมวลผลหยุดทำงานระหว่างจัดทำ) หลายครั้ง "
    "กรุณาขอจัดทำใหม่อีกครั้ง หากยังไม่สำเร็จโปรดแจ้งผู้ดูแลระบบ"
)


def heartbeat_seconds() -> float:
    return float(getattr(settings, "REPORT_JOB_HEARTBEAT_SECONDS", 10))


def stale_after() -> timedelta:
    return timedelta(seconds=float(getattr(settings, "REPORT_JOB_STALE_SECONDS", 60)))


def max_attempts() -> int:
    return max(1, int(getattr(settings, "REPORT_JOB_MAX_ATTEMPTS", 2)))


@transaction.atomic
def report_job_request(*, plan: Plan, user) -> ReportJob:
    """The plan's PDF job for ``user``: the one queued, or running or done on the current
    data, else a new one, queued in the same transaction (its task commits with it, or
    neither does)."""
    # One request per plan at a time decides whether to join, so two never both queue.
    Plan.objects.select_for_update().filter(pk=plan.pk).values_list("pk").first()
    report_jobs_recover(plan=plan)
    current = versions.data_version(plan.office_id)
    joined = (
        ReportJob.objects.filter(plan=plan)
        .filter(
            Q(status=ReportJob.Status.QUEUED)
            | Q(status__in=(ReportJob.Status.RUNNING, ReportJob.Status.DONE), data_version=current)
        )
        .exclude(status=ReportJob.Status.DONE, file="")
        .order_by("-pk")
        .first()
    )
    if joined is not None:
        return joined
    job = ReportJob(plan=plan, requested_by=user)
    job.full_clean()
    job.save()
    _enqueue(job)
    job.refresh_from_db()  # the immediate backend has run it already
    return job


def _enqueue(job: ReportJob) -> None:
    from reports.tasks import report_job_render

    result = report_job_render.enqueue(job_id=job.pk)
    ReportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))


@transaction.atomic
def report_jobs_recover(*, plan: Plan | None = None) -> list[ReportJob]:
    """Jobs whose worker stopped mid-render (no heartbeat for ``REPORT_JOB_STALE_SECONDS``),
    and queued jobs whose task is no longer in the queue (it ended without starting the job:
    the database failed as it claimed it): queued again with a new task, or failed with a
    Thai message after the last attempt. Returns the jobs it changed."""
    cutoff = timezone.now() - stale_after()
    stale = ReportJob.objects.select_for_update().filter(
        status=ReportJob.Status.RUNNING, heartbeat_at__lt=cutoff
    )
    waiting = ReportJob.objects.select_for_update().filter(
        status=ReportJob.Status.QUEUED, created_at__lt=cutoff
    )
    if plan is not None:
        stale, waiting = stale.filter(plan=plan), waiting.filter(plan=plan)
    changed = []
    orphans = _without_task(list(waiting))
    for job in orphans:
        # Counted as an attempt, so that a task that keeps ending early ends the job too.
        _update(job, attempts=job.attempts + 1)
    for job in [*stale, *orphans]:
        _abandon_task(job.task_id)
        if job.attempts < max_attempts():
            logger.warning("report job %s lost its worker: queued again", job.pk)
            _update(job, status=ReportJob.Status.QUEUED, progress=0, heartbeat_at=None)
            _enqueue(job)
        else:
            logger.error("report job %s lost its worker %s times: failed", job.pk, job.attempts)
            _update(
                job,
                status=ReportJob.Status.FAILED,
                error=INTERRUPTED_MESSAGE,
                finished_at=timezone.now(),
            )
        changed.append(job)
    return changed


def _without_task(jobs: list[ReportJob]) -> list[ReportJob]:
    """Those of the queued ``jobs`` whose task in the database queue has ended (or is gone);
    jobs of another backend are left alone."""
    if not jobs or not apps.is_installed("django_tasks_db"):
        return []
    from django_tasks_db.models import DBTaskResult

    ids = {}
    for job in jobs:
        try:
            ids[job.pk] = uuid.UUID(job.task_id)
        except ValueError:  # a task of another backend (the tests' dummy one)
            continue
    live = set(
        DBTaskResult.objects.filter(
            id__in=ids.values(), status__in=("READY", "RUNNING")
        ).values_list("id", flat=True)
    )
    return [job for job in jobs if job.pk in ids and ids[job.pk] not in live]


def _abandon_task(task_id: str) -> None:
    """The queue's own record of a task whose worker died stays RUNNING; end it as failed
    (the job has been dealt with above)."""
    if not task_id or not apps.is_installed("django_tasks_db"):
        return
    from django_tasks_db.models import DBTaskResult

    try:
        task_uuid = uuid.UUID(task_id)
    except ValueError:  # a task of another backend (the tests' dummy one)
        return
    DBTaskResult.objects.filter(id=task_uuid, status="RUNNING").update(
        status="FAILED", finished_at=timezone.now()
    )


def _update(job: ReportJob, **fields) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=list(fields))


def _attempt_update(job_id: int, attempt: int, **fields) -> bool:
    """Write ``fields`` if the job still belongs to this attempt (and is running)."""
    return bool(
        ReportJob.objects.filter(
            pk=job_id, attempts=attempt, status=ReportJob.Status.RUNNING
        ).update(**fields)
    )


def _claim(job_id: int) -> ReportJob | None:
    """Mark a queued job running as a new attempt; None when it is not queued (a second task
    for a job that another one runs or ran)."""
    with transaction.atomic():
        job = (
            ReportJob.objects.select_for_update()
            .select_related("plan__office", "plan__fiscal_year")
            .filter(pk=job_id)
            .first()
        )
        if job is None or job.status != ReportJob.Status.QUEUED:
            return None
        _update(
            job,
            status=ReportJob.Status.RUNNING,
            attempts=job.attempts + 1,
            progress=5,
            heartbeat_at=timezone.now(),
            # Read before the report's data: a change committed meanwhile makes the PDF
            # newer than its version (rendered again later), never older.
            data_version=versions.data_version(job.plan.office_id),
        )
        return job


@contextmanager
def _heartbeat(job_id: int, attempt: int) -> Iterator[None]:
    """While the block runs, a thread of the worker process refreshes the job's heartbeat:
    WeasyPrint's layout holds the render for many seconds between progress steps."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(heartbeat_seconds()):
                _attempt_update(job_id, attempt, heartbeat_at=timezone.now())
        finally:
            close_old_connections()

    thread = threading.Thread(target=beat, name=f"report-job-{job_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def report_job_run(*, job_id: int, heartbeat: bool = False) -> ReportJob | None:
    """Render the job's PDF, saving progress as it goes; a failure is kept on the job.

    What a task runs (``reports.tasks``); ``heartbeat`` in a worker process. Returns None
    when the job was not queued (nothing to do)."""
    job = _claim(job_id)
    if job is None:
        return None
    attempt = job.attempts
    with _heartbeat(job_id, attempt) if heartbeat else _nothing():
        try:
            report = selectors.annual_report(job.plan)
            _attempt_update(job_id, attempt, progress=20, heartbeat_at=timezone.now())
            html = printing.annual_report_html(report)
            _attempt_update(job_id, attempt, progress=40, heartbeat_at=timezone.now())
            pdf = printing.html_to_pdf(html, files=printing.report_files(report))
            name = printing.annual_report_filename(report, "pdf")
            job.file.save(name, ContentFile(pdf), save=False)
            if not _attempt_update(
                job_id,
                attempt,
                file=job.file.name,
                status=ReportJob.Status.DONE,
                progress=100,
                finished_at=timezone.now(),
            ):
                logger.warning("report job %s attempt %s was superseded", job_id, attempt)
                job.file.delete(save=False)
        except Exception:
            logger.exception("report job %s failed", job_id)
            _attempt_update(
                job_id,
                attempt,
                status=ReportJob.Status.FAILED,
                error=FAILED_MESSAGE,
                finished_at=timezone.now(),
            )
    job.refresh_from_db()
    return job


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def report_jobs_prune(*, older_than: timedelta) -> int:
    """Delete the PDF jobs asked for more than ``older_than`` ago, with their files, except
    each plan's newest finished PDF and any job still queued or running. Returns how many
    went. (The data version makes every change a new PDF: without this the files pile up.)"""
    cutoff = timezone.now() - older_than
    newest = (
        ReportJob.objects.filter(status=ReportJob.Status.DONE)
        .order_by("plan_id", "-pk")
        .values("plan_id", "pk")
    )
    keep = {row["pk"] for row in _first_per_plan(newest)}
    old = ReportJob.objects.filter(created_at__lt=cutoff).exclude(pk__in=keep)
    old = old.exclude(status__in=(ReportJob.Status.QUEUED, ReportJob.Status.RUNNING))
    count = 0
    for job in old.iterator():
        if job.file:
            job.file.delete(save=False)
        job.delete()
        count += 1
    return count


def _first_per_plan(rows) -> list[dict]:
    seen, first = set(), []
    for row in rows:
        if row["plan_id"] not in seen:
            seen.add(row["plan_id"])
            first.append(row)
    return first
