"""The annual report's PDF as a job: request, progress, download, failure, permissions."""

from __future__ import annotations

import gc
import threading

import pytest
from django.test import override_settings
from django.urls import reverse

from reports import services
from reports.models import ReportJob
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(tmp_path, settings):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path


@pytest.fixture
def small_plan(plan, group):
    factories.project(plan, 1, group=group, budget="375000.00")
    return plan


def url(name, *args):
    return reverse(f"reports:{name}", args=[2565, *args])


@override_settings(REPORT_PDF_MODE="immediate")
def test_request_then_done_then_download(client, small_plan, director):
    client.force_login(director)
    assert "จัดทำรายงาน PDF" in client.get(url("report_job_request")).content.decode()
    response = client.post(url("report_job_request"))
    job = ReportJob.objects.get()
    assert response.url == url("report_job_status", job.pk)
    assert (job.status, job.progress, job.requested_by) == ("done", 100, director)
    assert job.finished_at is not None
    page = client.get(response.url).content.decode()
    assert "เสร็จแล้ว" in page and url("report_job_download", job.pk) in page
    assert 'http-equiv="refresh"' not in page
    download = client.get(url("report_job_download", job.pk))
    assert download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF")  # served by sendfile, like every file
    assert download["Content-Disposition"] == (
        'attachment; filename="annual-report-test-office-2565.pdf"'
    )


@override_settings(REPORT_PDF_MODE="background")
def test_background_job_is_queued_and_the_page_refreshes(client, small_plan, director):
    client.force_login(director)
    client.post(url("report_job_request"))  # no commit in this test: the thread waits (below)
    job = ReportJob.objects.get()
    assert job.status == "queued"
    page = client.get(url("report_job_status", job.pk)).content.decode()
    assert 'http-equiv="refresh"' in page and "รอคิว" in page
    assert client.get(url("report_job_download", job.pk)).status_code == 404
    services.report_job_run(job_id=job.pk)  # what the thread runs
    job.refresh_from_db()
    assert job.status == "done" and job.file
    assert client.get(url("annual_report_pdf")).url == url("report_job_request")


def test_failure_is_shown_in_thai(client, small_plan, director, monkeypatch):
    def broken(html, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.printing, "html_to_pdf", broken)  # the outside world fails
    job = services.report_job_request(plan=small_plan, user=director)
    services.report_job_run(job_id=job.pk)
    client.force_login(director)
    page = client.get(url("report_job_status", job.pk)).content.decode()
    assert services.FAILED_MESSAGE in page
    assert "disk full" not in page  # Python's words go to the log, not to the reader


def test_outsider_gets_404(client, small_plan, director, outsider):
    job = services.report_job_request(plan=small_plan, user=director)
    client.force_login(outsider)
    assert client.get(url("report_job_request")).status_code == 404
    assert client.post(url("report_job_request")).status_code == 404
    assert client.get(url("report_job_status", job.pk)).status_code == 404
    assert client.get(url("report_job_download", job.pk)).status_code == 404
    assert ReportJob.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@override_settings(REPORT_PDF_MODE="background")
def test_a_background_request_is_run_by_its_thread_once_committed(client, small_plan, director):
    """The path the portal takes today (a thread of the web process; issue 14 moves it to a
    task queue): the request commits, the thread renders, nobody calls the job here."""
    started = set(threading.enumerate())
    client.force_login(director)
    response = client.post(url("report_job_request"))
    job = ReportJob.objects.get()
    assert response.url == url("report_job_status", job.pk)
    for thread in set(threading.enumerate()) - started:
        if thread.name == f"report-job-{job.pk}":
            thread.join(timeout=60)
    gc.collect()  # the ended thread's database connection: closed, not left to the teardown
    job.refresh_from_db()
    assert (job.status, job.progress, job.error) == ("done", 100, "")
    with job.file.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_the_mode_is_the_settings_and_an_unknown_one_is_the_default(settings):
    """What each environment gives is tests/test_settings.py's; here, what the service does
    with the setting."""
    settings.DEMO_MODE = False
    for mode in ("immediate", "background"):
        settings.REPORT_PDF_MODE = mode
        assert services.report_pdf_mode() == mode
    settings.REPORT_PDF_MODE = "backgruond"  # mistyped in the environment
    assert services.report_pdf_mode() == "background"
    settings.DEMO_MODE = True
    assert services.report_pdf_mode() == "immediate"
