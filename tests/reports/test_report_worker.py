"""The real task path: PDF jobs queued in the database and run by `manage.py run_worker` in
a process of its own, against the test run's database (a SQLite file or PostgreSQL; never
Django's in-memory SQLite, which another process cannot open). A killed worker leaves a
job that is queued again and rendered by the next worker, never one "running" for ever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse

from reports.models import ReportJob
from tests import factories

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


@pytest.fixture
def queue(settings, tmp_path):
    """The database backend in the test and the environment of a worker process sharing
    the test's database and media folder."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("a worker process cannot open an in-memory database")
    settings.TASKS = DATABASE
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path / "media"
    settings.REPORT_JOB_STALE_SECONDS = 1
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{db['NAME']}"
    else:
        auth = quote(db["USER"] or "", safe="")
        if db["PASSWORD"]:
            auth += ":" + quote(db["PASSWORD"], safe="")
        url = f"postgres://{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_TASKS_BACKEND": "database",
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "REPORT_JOB_HEARTBEAT_SECONDS": "0.2",
        "REPORT_JOB_STALE_SECONDS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def worker(env, *args: str, module: str | None = None) -> subprocess.Popen:
    command = [sys.executable, "-m", module] if module else [sys.executable, "manage.py"]
    if not module:
        command.append("run_worker")
    command += ["--no-startup-delay", "--interval", "0.1", *args]
    return subprocess.Popen(  # noqa: S603 - our own interpreter and command
        command,
        cwd=django_settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish(process: subprocess.Popen, timeout: float = 120) -> str:
    output, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, output
    return output


@pytest.fixture
def small_plan(plan, group):
    factories.project(plan, 1, group=group, budget="375000.00")
    return plan


def _tasks():
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.order_by("enqueued_at").values_list("id", "status"))


def test_a_queued_job_is_rendered_by_a_worker_process(client, small_plan, director, queue):
    client.force_login(director)
    first = client.post(reverse("reports:report_job_request", args=[2565]))
    second = client.post(reverse("reports:report_job_request", args=[2565]))  # joins
    job = ReportJob.objects.get()
    assert first.url == second.url and job.status == "queued"
    assert [status for _id, status in _tasks()] == ["READY"]
    finish(worker(queue, "--batch"))
    job.refresh_from_db()
    assert (job.status, job.progress, job.attempts, job.error) == ("done", 100, 1, "")
    assert Path(job.file.path).read_bytes().startswith(b"%PDF-")
    assert [status for _id, status in _tasks()] == ["SUCCESSFUL"]
    download = client.get(reverse("reports:report_job_download", args=[2565, job.pk]))
    assert download.content.startswith(b"%PDF-")
    # Asked again, nothing changed: the kept file at once, no job and no task more.
    again = client.get(reverse("reports:annual_report_pdf", args=[2565]))
    assert again.content == download.content
    assert ReportJob.objects.count() == 1 and len(_tasks()) == 1


def _wait_for(predicate, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_a_worker_killed_mid_render_leaves_a_job_that_is_retried(
    client, small_plan, director, queue
):
    client.force_login(director)
    client.post(reverse("reports:report_job_request", args=[2565]))
    job = ReportJob.objects.get()
    slow = worker(queue, module="tests.reports.slow_worker")
    try:
        # The render reaches WeasyPrint (progress 40) and the heartbeat goes on meanwhile.
        _wait_for(lambda: ReportJob.objects.filter(pk=job.pk, progress=40).exists())
        beat = ReportJob.objects.get(pk=job.pk).heartbeat_at
        _wait_for(lambda: ReportJob.objects.get(pk=job.pk).heartbeat_at > beat)
    finally:
        slow.send_signal(signal.SIGKILL)
        slow.communicate(timeout=30)
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("running", 1)  # what the dead worker left
    time.sleep(1.2)  # REPORT_JOB_STALE_SECONDS without a heartbeat
    page = client.get(reverse("reports:report_job_status", args=[2565, job.pk]))
    assert "เข้าคิวใหม่" in page.content.decode()
    job.refresh_from_db()
    assert job.status == "queued"
    assert [status for _id, status in _tasks()] == ["FAILED", "READY"]  # none left running
    finish(worker(queue, "--batch"))
    job.refresh_from_db()
    assert (job.status, job.attempts, job.progress) == ("done", 2, 100)
    assert [status for _id, status in _tasks()] == ["FAILED", "SUCCESSFUL"]


def test_a_worker_starting_finds_the_job_a_killed_one_left(client, small_plan, director, queue):
    """No page is read: the next worker's start deals with the job, and renders it."""
    client.force_login(director)
    client.post(reverse("reports:report_job_request", args=[2565]))
    job = ReportJob.objects.get()
    slow = worker(queue, module="tests.reports.slow_worker")
    try:
        _wait_for(lambda: ReportJob.objects.filter(pk=job.pk, progress=40).exists())
    finally:
        slow.send_signal(signal.SIGKILL)
        slow.communicate(timeout=30)
    time.sleep(1.2)
    output = finish(worker(queue, "--batch"))
    assert "dealt with" in output
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("done", 2)
