"""The check and the import of an uploaded file run as tasks of the task queue
(plans/tasks.py), not in the request: the upload queues the check, the confirmation queues
the import, and the preview page shows the work under way until its outcome is kept on the
upload. Here the database backend queues them and the test runs what a worker would run
(plans.imports.services.import_check_run / import_run); test_imports.py covers the same
pages with the immediate backend, and test_imports_worker.py a real worker process."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from plans.access import NOT_ALLOWED
from plans.imports import services
from plans.models import AuditEntry, ImportUpload, Province, School
from tests import factories
from tests.plans.import_files import school, table, xlsx

pytestmark = pytest.mark.django_db

OFFICE = "test-office"
CHECKING = "กำลังตรวจสอบไฟล์"
IMPORTING = "กำลังนำเข้า"
REFRESH = '<meta http-equiv="refresh" content="2">'


@pytest.fixture(autouse=True)
def _queue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def signed_in(client, planner):
    for name in ("พิษณุโลก", "อุตรดิตถ์"):
        Province.objects.create(name=name)
    client.force_login(planner)
    return client


def url(name: str, office: str = OFFICE) -> str:
    return f"{reverse(f'imports:{name}', kwargs={'kind': 'schools'})}?office={office}"


def upload(client, rows=(("1001", "โรงเรียนหนึ่ง"), ("1002", "โรงเรียนสอง"))):
    content = xlsx(table([school(code, name) for code, name in rows]))
    file = SimpleUploadedFile("schools.xlsx", content)
    return client.post(url("upload"), {"file": file, "office": OFFICE})


def tasks() -> list[tuple[str, str, dict]]:
    return [
        (t.task_path, t.status, t.args_kwargs["kwargs"])
        for t in DBTaskResult.objects.order_by("enqueued_at")
    ]


def run_check() -> ImportUpload:
    """What the worker runs for the queued check."""
    stored = ImportUpload.objects.get()
    services.import_check_run(upload_id=stored.pk, attempt=stored.attempt)
    stored.refresh_from_db()
    return stored


def test_the_upload_queues_the_check_and_the_page_says_it_is_checking(signed_in):
    response = upload(signed_in)
    assert response.status_code == 302 and response["Location"] == url("preview")
    stored = ImportUpload.objects.get()
    assert (stored.status, stored.attempt, stored.outcome) == ("checking", 1, None)
    assert tasks() == [
        ("plans.tasks.import_upload_check", "READY", {"upload_id": stored.pk, "attempt": 1})
    ]
    assert stored.task_id == str(DBTaskResult.objects.get().pk)
    page = signed_in.get(url("preview")).content.decode()
    assert f"{CHECKING} <strong>schools.xlsx</strong> …" in page and REFRESH in page
    assert "ยืนยันนำเข้า" not in page and not School.objects.exists()


def test_the_checks_outcome_is_kept_and_shown(signed_in):
    upload(signed_in, [("1001", "หนึ่ง"), ("1001", "หนึ่งซ้ำ"), ("1002", "สอง")])
    stored = run_check()
    assert stored.status == "refused" and stored.finished_at is not None
    assert stored.outcome["counts"] == {"created": 2, "changed": 0, "unchanged": 0, "issues": 1}
    assert stored.outcome["created"] == [[2, "1001 หนึ่ง", []], [4, "1002 สอง", []]]
    assert stored.outcome["issues"] == [
        [3, "รหัสโรงเรียน", "1001", "ซ้ำกับแถวที่ ๒ ในไฟล์นี้ (หนึ่งรายการต้องมีเพียงแถวเดียว)"]
    ]
    page = signed_in.get(url("preview"))
    text = page.content.decode()
    assert REFRESH not in text and "ต้องแก้ไขก่อนนำเข้า: ๑ แถว ๑ จุด" in text
    assert "จะเพิ่มใหม่ ๒ รายการ" in text and "ยืนยันนำเข้า" not in text
    # A task run twice (a retried one) does nothing more.
    services.import_check_run(upload_id=stored.pk, attempt=stored.attempt)
    assert ImportUpload.objects.get().finished_at == stored.finished_at


def test_the_confirmation_queues_the_import_which_writes_as_the_user(signed_in, planner, office):
    upload(signed_in)
    stored = run_check()
    assert stored.status == "checked"
    response = signed_in.post(url("preview"), {"digest": stored.digest, "office": OFFICE})
    assert response.status_code == 302 and response["Location"] == url("preview")
    stored.refresh_from_db()
    assert (stored.status, stored.attempt) == ("importing", 2)
    assert tasks()[1] == (
        "plans.tasks.import_upload_import",
        "READY",
        {"upload_id": stored.pk, "attempt": 2},
    )
    page = signed_in.get(url("preview")).content.decode()
    assert f"{IMPORTING}ข้อมูลโรงเรียนและนักเรียนรายปีจากไฟล์" in page and REFRESH in page
    assert not School.objects.exists()
    # Confirmed twice (a second click): one import.
    signed_in.post(url("preview"), {"digest": stored.digest, "office": OFFICE})
    assert len(tasks()) == 2

    services.import_run(upload_id=stored.pk, attempt=2)  # the worker: no request, no user
    assert sorted(School.objects.filter(office=office).values_list("code", flat=True)) == [
        "1001",
        "1002",
    ]
    entries = AuditEntry.objects.filter(object_type="plans.school")
    assert {(e.user_id, e.note) for e in entries} == {
        (planner.pk, "นำเข้าข้อมูลโรงเรียนและนักเรียนรายปี จากไฟล์ schools.xlsx")
    }
    stored.refresh_from_db()
    assert (stored.status, stored.file.name, stored.outcome["counts"]["created"]) == ("done", "", 2)
    done = signed_in.get(url("preview"), follow=True)
    assert "จากไฟล์ schools.xlsx แล้ว: เพิ่มใหม่ ๒ รายการ" in done.content.decode()
    assert not ImportUpload.objects.exists()


def test_an_import_that_finds_errors_now_writes_nothing_and_shows_them(signed_in):
    upload(signed_in)
    stored = run_check()
    signed_in.post(url("preview"), {"digest": stored.digest, "office": OFFICE})
    Province.objects.filter(name="พิษณุโลก").update(name="พิษณุโลก (เดิม)")
    services.import_run(upload_id=stored.pk, attempt=2)
    stored.refresh_from_db()
    assert stored.status == "refused" and not School.objects.exists()
    text = signed_in.get(url("preview")).content.decode()
    assert text.count("ไม่พบจังหวัด “พิษณุโลก” ในระบบ") == 2 and "ยืนยันนำเข้า" not in text


def test_a_stale_import_is_ended_as_failed_and_its_late_task_writes_nothing(signed_in):
    upload(signed_in)
    stored = run_check()
    signed_in.post(url("preview"), {"digest": stored.digest, "office": OFFICE})
    # Its worker took it and died: started longer ago than the bound.
    started = timezone.now() - services.STALE_AFTER - timedelta(seconds=1)
    ImportUpload.objects.update(started_at=started)
    page = signed_in.get(url("preview")).content.decode()
    stored.refresh_from_db()
    assert (stored.status, stored.error) == ("failed", services.INTERRUPTED)
    assert services.INTERRUPTED in page and REFRESH not in page
    assert "กรุณาอัปโหลดไฟล์แล้วลองใหม่อีกครั้ง" in services.INTERRUPTED
    ImportUpload.objects.update(started_at=None)  # had it never started, it now never does
    services.import_run(upload_id=stored.pk, attempt=2)
    assert not School.objects.exists()
    assert ImportUpload.objects.get().status == "failed"


def test_a_new_upload_waits_for_the_import_under_way(signed_in):
    upload(signed_in)
    stored = run_check()
    signed_in.post(url("preview"), {"digest": stored.digest, "office": OFFICE})
    response = upload(signed_in, [("1003", "สาม")])
    assert response.status_code == 200
    assert "กำลังนำเข้าไฟล์ schools.xlsx อยู่ กรุณารอให้เสร็จก่อนอัปโหลดไฟล์ใหม่" in (response.content.decode())
    assert ImportUpload.objects.get().pk == stored.pk


def test_another_offices_upload_is_not_reached(client, signed_in, office, planner):
    other = factories.office("other-office")
    upload(signed_in)
    stored = run_check()
    for name in ("preview", "upload"):
        assert signed_in.get(url(name, "other-office")).status_code == 404
    outsider = factories.member(other, "planner-b", "planning")
    client.force_login(outsider)
    assert client.get(url("preview")).status_code == 404  # not one of their offices
    response = client.post(url("preview"), {"digest": stored.digest, "office": OFFICE})
    assert response.status_code == 404
    assert ImportUpload.objects.get().status == "checked" and len(tasks()) == 1


def test_the_task_checks_the_users_right_again(signed_in, planner, office):
    upload(signed_in)
    planner.memberships.filter(office=office).update(role="director")  # reads, never imports
    stored = run_check()
    assert stored.status == "failed" and stored.outcome is None
    assert stored.error == NOT_ALLOWED
