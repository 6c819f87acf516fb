"""The progress lists' Excel files (my projects, my work queue): the page's rows with the
same access, Thai headers, B.E. dates and a fixed number of queries."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from progress.models import QuarterlyReport
from tests import xlsx
from tests.progress import factories as pf
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db
Status = QuarterlyReport.Status
MINE = reverse("progress:project_list_export")
QUEUE = reverse("progress:queue_export")


def test_my_projects_workbook(client, staff_user, project):
    pf.report(project, 2, status=Status.RETURNED, last_reason="=แก้ตัวเลข")
    client.force_login(staff_user)
    page = client.get(reverse("progress:project_list"), {"year": 2565, "quarter": 2})
    assert f"{MINE}?year=2565&amp;quarter=2" in page.content.decode()
    response = client.get(MINE, {"year": 2565, "quarter": 2})
    assert 'filename="test-office-2565-my-projects-q2.xlsx"' in response["Content-Disposition"]
    sheet = xlsx.book(response).active
    assert sheet["A1"].value == "โครงการของฉัน สถานะรายงานไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๕"
    assert xlsx.headers(sheet) == [
        "ที่",
        "โครงการ",
        "กลุ่มงานที่รับผิดชอบ",
        "สถานะ",
        "กำหนดส่ง",
        "เลยกำหนด",
        "เหตุผลล่าสุด",
    ]
    (row,) = xlsx.body(sheet)
    assert [c.value for c in row][:5] == [
        1,
        "โครงการทดสอบ 1",
        "กลุ่มส่งเสริมการจัดการศึกษา",
        "ส่งกลับแก้ไข",
        "15/04/2565",
    ]
    assert (row[0].data_type, row[0].number_format) == ("n", "#,##0")
    assert (row[6].value, row[6].data_type, row[6].quotePrefix) == ("=แก้ตัวเลข", "s", True)


def test_the_work_queue_workbook_lists_the_three_lists_in_the_pages_order(
    client, group_director, staff_user, project
):
    pf.report(
        project,
        1,
        status=Status.SUBMITTED,
        submitted_by=staff_user,
        submitted_at=timezone.now(),
    )
    pf.report(project, 2, status=Status.RETURNED, last_reason="ขาดภาพ")
    client.force_login(group_director)
    page = client.get(reverse("progress:queue"), {"year": 2565}).content.decode()
    assert f"{QUEUE}?year=2565" in page and "ส่งออก Excel" in page
    sheet = xlsx.book(client.get(QUEUE, {"year": 2565})).active
    assert xlsx.headers(sheet)[:4] == ["รายการ", "ไตรมาส", "ที่", "โครงการ"]
    rows = xlsx.values(sheet)
    assert [(r[0], r[1]) for r in rows] == [
        ("ถูกส่งกลับให้แก้ไข", 2),
        ("เลยกำหนดส่ง ยังไม่ได้ส่ง", 3),
        ("เลยกำหนดส่ง ยังไม่ได้ส่ง", 4),
        ("รอพิจารณา", 1),
    ]
    assert rows[0][5] == "ขาดภาพ"
    assert rows[1][6] == "15/07/2565"
    assert rows[3][7] == (staff_user.get_full_name() or staff_user.username)
    assert re.fullmatch(r"\d\d/\d\d/25\d\d \d\d:\d\d", rows[3][8])  # B.E. and local time


def test_another_offices_user_gets_404(client, outsider, project):
    client.force_login(outsider)
    assert client.get(MINE, {"year": 2565}).status_code == 404
    assert client.get(QUEUE, {"year": 2565}).status_code == 404


@pytest.mark.parametrize("size", [1, 4])
def test_the_exports_run_a_fixed_number_of_queries(
    client, plan, group, staff_user, group_director, size, django_assert_max_num_queries
):
    for number in range(1, size + 1):
        project = pf.reportable_project(plan, group, number)
        pf.report(
            project,
            1,
            status=Status.SUBMITTED,
            submitted_by=staff_user,
            submitted_at=timezone.now(),
        )
        pf.report(project, 2, status=Status.RETURNED, last_reason="แก้")
    client.force_login(group_director)
    with django_assert_max_num_queries(6 + REQUEST_EXTRA):
        mine = client.get(MINE, {"year": 2565})
    with django_assert_max_num_queries(8 + REQUEST_EXTRA):
        queue = client.get(QUEUE, {"year": 2565})
    assert len(xlsx.values(xlsx.book(mine).active)) == size
    assert len(xlsx.values(xlsx.book(queue).active)) == 4 * size
