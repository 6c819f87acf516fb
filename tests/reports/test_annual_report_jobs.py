"""The annual report's PDF as a job on the task queue: request, progress, joining, download,
failure, a worker lost mid-render, permissions. Here tasks run in the test's process (the
immediate backend, or none at all with the dummy one); test_report_worker.py runs them in a
real worker process."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from plans import versions
from reports import services
from reports.models import ReportJob
from tests import factories

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def media(tmp_path, settings):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path


@pytest.fixture
def small_plan(plan, group):
    factories.project(plan, 1, group=group, budget="375000.00")
    return plan


@pytest.fixture
def no_worker(settings):
    """Tasks are queued and nobody runs them (django-tasks' dummy backend keeps them)."""
    settings.TASKS = DUMMY
    from django_tasks import default_task_backend

    return default_task_backend


def url(name, *args):
    return reverse(f"reports:{name}", args=[2565, *args])


def test_request_then_done_then_download(client, small_plan, director):
    client.force_login(director)
    assert "จัดทำรายงาน PDF" in client.get(url("report_job_request")).content.decode()
    response = client.post(url("report_job_request"))
    job = ReportJob.objects.get()
    assert response.url == url("report_job_status", job.pk)
    assert (job.status, job.progress, job.requested_by, job.attempts) == ("done", 100, director, 1)
    assert job.finished_at is not None and job.task_id
    page = client.get(response.url).content.decode()
    assert "เสร็จแล้ว" in page and url("report_job_download", job.pk) in page
    assert 'http-equiv="refresh"' not in page
    download = client.get(url("report_job_download", job.pk))
    assert download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF")  # served by sendfile, like every file
    assert download["Content-Disposition"] == (
        'attachment; filename="annual-report-test-office-2565.pdf"'
    )


def test_a_queued_job_refreshes_its_page_until_a_worker_runs_it(
    client, small_plan, director, no_worker
):
    client.force_login(director)
    client.post(url("report_job_request"))
    job = ReportJob.objects.get()
    assert job.status == "queued"
    [queued] = no_worker.results
    assert (queued.task.name, queued.kwargs) == ("report_job_render", {"job_id": job.pk})
    assert job.task_id == queued.id
    page = client.get(url("report_job_status", job.pk)).content.decode()
    assert 'http-equiv="refresh"' in page and "รอคิว" in page
    assert client.get(url("report_job_download", job.pk)).status_code == 404
    assert client.get(url("annual_report_pdf")).url == url("report_job_status", job.pk)
    assert "รอคิวนานผิดปกติ" not in page
    # Minutes in the queue: no worker takes work. The page says so and asks less often.
    ReportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=3))
    page = client.get(url("report_job_status", job.pk)).content.decode()
    assert "รอคิวนานผิดปกติ" in page and '<meta http-equiv="refresh" content="10">' in page
    queued.task.call(**queued.kwargs)  # what the worker runs
    job.refresh_from_db()
    assert job.status == "done" and job.file
    assert client.get(url("report_job_status", job.pk)).status_code == 200


def test_a_second_request_while_queued_joins_the_first(
    client, small_plan, director, planner, no_worker
):
    first = services.report_job_request(plan=small_plan, user=director)
    second = services.report_job_request(plan=small_plan, user=planner)
    client.force_login(planner)
    response = client.post(url("report_job_request"))
    assert second == first and response.url == url("report_job_status", first.pk)
    assert ReportJob.objects.count() == 1 and len(no_worker.results) == 1


def test_a_task_for_a_job_that_is_not_queued_does_nothing(small_plan, director, monkeypatch):
    job = services.report_job_request(plan=small_plan, user=director)
    renders = []
    monkeypatch.setattr(services.printing, "html_to_pdf", lambda *a, **k: renders.append(1))
    assert services.report_job_run(job_id=job.pk) is None  # done already: a duplicate task
    job.refresh_from_db()
    assert (job.status, job.attempts, renders) == ("done", 1, [])


def test_failure_is_shown_in_thai_and_the_page_stops_reloading(
    client, small_plan, director, monkeypatch
):
    def broken(html, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.printing, "html_to_pdf", broken)  # the outside world fails
    job = services.report_job_request(plan=small_plan, user=director)
    client.force_login(director)
    page = client.get(url("report_job_status", job.pk)).content.decode()
    assert services.FAILED_MESSAGE in page
    assert "disk full" not in page  # Python's words go to the log, not to the reader
    assert 'http-equiv="refresh"' not in page


def _lose_worker(job: ReportJob, *, attempts: int, seconds_ago: float = 61) -> None:
    """The job as a worker killed mid-render leaves it: running, its heartbeat old."""
    beat = timezone.now() - timedelta(seconds=seconds_ago)
    ReportJob.objects.filter(pk=job.pk).update(
        status="running",
        progress=40,
        attempts=attempts,
        heartbeat_at=beat,
        data_version=versions.data_version(job.plan.office_id),
    )


def test_a_job_whose_worker_died_is_queued_again_when_its_page_is_read(
    client, small_plan, director, no_worker
):
    job = services.report_job_request(plan=small_plan, user=director)
    _lose_worker(job, attempts=1)
    client.force_login(director)
    page = client.get(url("report_job_status", job.pk)).content.decode()
    job.refresh_from_db()
    assert (job.status, job.progress, job.heartbeat_at) == ("queued", 0, None)
    assert len(no_worker.results) == 2 and job.task_id == no_worker.results[1].id
    assert "เข้าคิวใหม่" in page and 'http-equiv="refresh"' in page
    no_worker.results[1].task.call(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("done", 2)


def test_a_job_alive_is_left_alone(small_plan, director, no_worker):
    job = services.report_job_request(plan=small_plan, user=director)
    _lose_worker(job, attempts=1, seconds_ago=5)  # its heartbeat is recent
    assert services.report_jobs_recover() == []
    job.refresh_from_db()
    assert job.status == "running"
    assert services.report_job_request(plan=small_plan, user=director) == job  # joined


def test_after_the_last_attempt_the_job_fails_in_thai(
    client, small_plan, director, no_worker, settings
):
    settings.REPORT_JOB_MAX_ATTEMPTS = 2
    job = services.report_job_request(plan=small_plan, user=director)
    _lose_worker(job, attempts=2)
    client.force_login(director)
    page = client.get(url("report_job_status", job.pk)).content.decode()
    job.refresh_from_db()
    assert (job.status, job.error) == ("failed", services.INTERRUPTED_MESSAGE)
    assert services.INTERRUPTED_MESSAGE in page and 'http-equiv="refresh"' not in page
    assert len(no_worker.results) == 1  # not queued again
    # Asking again makes a new job: the failed one is never joined.
    again = services.report_job_request(plan=small_plan, user=director)
    assert again != job and again.status == "queued"


def test_a_superseded_attempt_writes_nothing(small_plan, director, no_worker):
    """A worker that was only slow (its job given to another attempt meanwhile) finishes
    after the new attempt started: its writes are refused."""
    job = services.report_job_request(plan=small_plan, user=director)
    _lose_worker(job, attempts=1)
    services.report_jobs_recover()
    services._claim(job.pk)  # attempt 2 starts
    assert services._attempt_update(job.pk, 1, status="done", progress=100) is False
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("running", 2)


def test_outsider_gets_404(client, small_plan, director, outsider, no_worker):
    job = services.report_job_request(plan=small_plan, user=director)
    client.force_login(outsider)
    assert client.get(url("report_job_request")).status_code == 404
    assert client.post(url("report_job_request")).status_code == 404
    assert client.get(url("report_job_status", job.pk)).status_code == 404
    assert client.get(url("report_job_download", job.pk)).status_code == 404
    assert client.get(url("annual_report_pdf")).status_code == 404
    assert ReportJob.objects.count() == 1


def test_an_unchanged_report_is_downloaded_again_without_rendering(
    client, small_plan, director, planner, monkeypatch
):
    renders = []
    render = services.printing.html_to_pdf

    def counted(html, **kwargs):
        renders.append(1)
        return render(html, **kwargs)

    monkeypatch.setattr(services.printing, "html_to_pdf", counted)
    client.force_login(director)
    first = client.get(url("annual_report_pdf"))
    assert first["Content-Type"] == "application/pdf" and len(renders) == 1
    job = ReportJob.objects.get()
    client.force_login(planner)
    second = client.get(url("annual_report_pdf"))
    assert second.content == first.content and len(renders) == 1  # the kept file
    assert client.post(url("report_job_request")).url == url("report_job_status", job.pk)
    assert ReportJob.objects.count() == 1
    # Any change of the office's data (here a project's name) makes the next one new.
    project = small_plan.projects.get()
    project.name = "โครงการที่เปลี่ยนชื่อ"
    project.save()
    page = client.get(url("report_job_status", job.pk)).content.decode()
    assert "เปลี่ยนแปลงหลังจัดทำฉบับนี้" in page  # the old one says it is older
    third = client.get(url("annual_report_pdf"))
    assert third["Content-Type"] == "application/pdf" and len(renders) == 2
    assert ReportJob.objects.count() == 2
    newest = ReportJob.objects.order_by("-pk").first()
    page = client.get(url("report_job_status", newest.pk)).content.decode()
    assert "เปลี่ยนแปลงหลังจัดทำฉบับนี้" not in page


def test_a_change_in_another_office_keeps_the_pdf(client, small_plan, director, outsider):
    job = services.report_job_request(plan=small_plan, user=director)
    other = outsider.memberships.get().office
    factories.project(factories.plan(other), 1, budget="1.00")
    assert services.report_job_request(plan=small_plan, user=director) == job


def test_old_jobs_are_pruned_but_each_plans_newest_pdf_and_waiting_jobs_stay(
    small_plan, director, settings
):
    from django.core.management import call_command

    jobs = []
    for _ in range(3):
        jobs.append(services.report_job_request(plan=small_plan, user=director))
        versions.bump(small_plan.office_id)  # a change: the next request renders anew
    failed = ReportJob.objects.create(plan=small_plan, status="failed", error="x")
    settings.TASKS = DUMMY
    waiting = services.report_job_request(plan=small_plan, user=director)
    files = [job.file.name for job in jobs]
    ReportJob.objects.update(created_at=timezone.now() - timedelta(days=31))
    recent = services.report_job_request(plan=small_plan, user=director)  # joins `waiting`
    call_command("prune_report_jobs", "--days", "30", stdout=io.StringIO())
    assert recent == waiting
    assert set(ReportJob.objects.values_list("pk", flat=True)) == {jobs[-1].pk, waiting.pk}
    assert not ReportJob.objects.filter(pk=failed.pk).exists()
    storage = jobs[0].file.storage
    assert [storage.exists(name) for name in files] == [False, False, True]


def test_a_queued_job_whose_task_ended_without_it_is_queued_again(small_plan, director, settings):
    """The database failed while a worker claimed the job: its task ended (FAILED) and the
    job stayed queued. Once it has waited REPORT_JOB_STALE_SECONDS it gets a new task, and
    after the last attempt it fails in Thai; a task still waiting in the queue is left."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    job = services.report_job_request(plan=small_plan, user=director)
    old = timezone.now() - timedelta(seconds=61)
    ReportJob.objects.filter(pk=job.pk).update(created_at=old)
    assert services.report_jobs_recover() == []  # its task is READY: it just waits
    DBTaskResult.objects.filter(id=job.task_id).update(status="FAILED")
    assert services.report_jobs_recover() == [job]
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("queued", 1)
    assert DBTaskResult.objects.get(id=job.task_id).status == "READY"
    DBTaskResult.objects.filter(id=job.task_id).update(status="SUCCESSFUL")
    services.report_jobs_recover()
    job.refresh_from_db()
    assert (job.status, job.error) == ("failed", services.INTERRUPTED_MESSAGE)
