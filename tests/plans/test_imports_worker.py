"""The real task path of an import: its check and its import queued in the database and run
by `manage.py run_worker` in a process of its own (the worker environment of
tests/reports/test_report_worker.py)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans.models import AuditEntry, ImportUpload, Province, School
from tests.plans.import_files import school, table, xlsx
from tests.reports.test_report_worker import finish, queue, worker  # noqa: F401 -- fixture

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def test_a_worker_process_checks_and_imports_a_schools_file(client, planner, office, queue):  # noqa: F811
    for name in ("พิษณุโลก", "อุตรดิตถ์"):
        Province.objects.create(name=name)
    client.force_login(planner)
    page = f"{reverse('imports:preview', kwargs={'kind': 'schools'})}?office={office.code}"
    content = xlsx(table([school("1001", "โรงเรียนหนึ่ง"), school("1002", "โรงเรียนสอง")]))
    client.post(
        page.replace("preview/", ""),
        {"file": SimpleUploadedFile("schools.xlsx", content), "office": office.code},
    )
    assert "กำลังตรวจสอบไฟล์" in client.get(page).content.decode()

    finish(worker(queue, "--batch"))
    stored = ImportUpload.objects.get()
    assert stored.status == "checked"
    assert "จะเพิ่มใหม่ ๒ รายการ" in client.get(page).content.decode()

    client.post(page, {"digest": stored.digest, "office": office.code})
    assert "กำลังนำเข้า" in client.get(page).content.decode()
    assert not School.objects.exists()
    finish(worker(queue, "--batch"))
    done = client.get(page, follow=True).content.decode()
    assert "จากไฟล์ schools.xlsx แล้ว: เพิ่มใหม่ ๒ รายการ" in done
    assert sorted(School.objects.values_list("code", flat=True)) == ["1001", "1002"]
    assert set(
        AuditEntry.objects.filter(object_type="plans.school").values_list("user_id", flat=True)
    ) == {planner.pk}
    assert not ImportUpload.objects.exists()
