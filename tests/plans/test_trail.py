"""The office's audit trail page (/people/history/): its administrator sees who changed what
and when across the office, filters by person, kind, dates and words, exports what is
filtered; another office's entries never show; every other role is refused; a fixed number
of queries."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from plans.models import AuditEntry, Role
from tests import factories
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db
URL = reverse("trail:list")


@pytest.fixture
def officeadmin(office):
    return factories.member(office, "officeadmin", Role.ADMIN)


@pytest.fixture
def changes(office, plan, planner):
    """Two edits by the planner, in the office's trail (written by the audit signals)."""
    from plans import audit

    with audit.acting(user=planner, note="ปรับชื่อตามคำสั่ง"):
        project = factories.project(plan, 1, name="โครงการเดิม")
        project.name = "โครงการที่แก้ชื่อ"
        project.save()
    return project


def _rows(html: str) -> str:
    start = html.find('data-testid="trail"')
    return "" if start < 0 else html[start : html.find("</table>", start)]


def test_the_administrator_reads_who_changed_what(client, officeadmin, changes, planner):
    client.force_login(officeadmin)
    html = client.get(URL).content.decode()
    rows = _rows(html)
    assert "โครงการเดิม → โครงการที่แก้ชื่อ" in rows
    assert (planner.get_full_name() or planner.username) in rows
    assert "ปรับชื่อตามคำสั่ง" in rows
    assert "แก้ไข" in rows and "เพิ่ม" in rows


def test_filters_by_person_kind_dates_and_words(client, officeadmin, changes, planner, office):
    client.force_login(officeadmin)
    other = factories.member(office, "someone", Role.FINANCE)
    mine = client.get(URL, {"user": other.pk}).content.decode()
    assert "ไม่พบการเปลี่ยนแปลงที่ตรงกับตัวกรอง" in mine
    by_planner = _rows(client.get(URL, {"user": planner.pk}).content.decode())
    assert "โครงการที่แก้ชื่อ" in by_planner
    assert "โครงการที่แก้ชื่อ" in _rows(
        client.get(URL, {"object_type": "projects.project"}).content.decode()
    )
    assert _rows(client.get(URL, {"object_type": "budget.budgettransfer"}).content.decode()) == ""
    today = timezone.localdate()
    be = f"{today.day}/{today.month}/{today.year + 543}"
    assert "โครงการที่แก้ชื่อ" in _rows(client.get(URL, {"since": be, "until": be}).content.decode())
    tomorrow = today + timedelta(days=1)
    later = f"{tomorrow.day}/{tomorrow.month}/{tomorrow.year + 543}"
    assert _rows(client.get(URL, {"since": later}).content.decode()) == ""
    assert "โครงการที่แก้ชื่อ" in _rows(client.get(URL, {"q": "คำสั่ง"}).content.decode())
    bad = client.get(URL, {"since": later, "until": be}).content.decode()
    assert "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น" in bad


def test_another_offices_changes_never_show(client, officeadmin, changes):
    elsewhere = factories.office(code="elsewhere", name="สำนักงานอื่น")
    other_plan = factories.plan(elsewhere)
    factories.project(other_plan, 1, name="โครงการของสำนักงานอื่น")
    client.force_login(officeadmin)
    html = client.get(URL).content.decode()
    assert "โครงการของสำนักงานอื่น" not in html
    assert client.get(URL, {"office": "elsewhere"}).status_code == 404


@pytest.mark.parametrize("role", [Role.PLANNING, Role.DIRECTOR, Role.FINANCE])
def test_other_roles_are_refused(client, office, role):
    user = factories.member(office, "someone", role)
    client.force_login(user)
    assert client.get(URL).status_code == 403
    assert client.get(reverse("trail:export")).status_code == 403


def test_the_export_holds_what_is_filtered(client, officeadmin, changes, office):
    client.force_login(officeadmin)
    response = client.get(reverse("trail:export"), {"q": "คำสั่ง"})
    assert response.status_code == 200
    assert f"{office.code}-audit-trail.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    headers = next(r for r in values if r[0] == "เวลา")
    assert headers == ["เวลา", "ผู้ดำเนินการ", "การกระทำ", "รายการ", "รายละเอียด", "หมายเหตุ/เหตุผล"]
    body = values[values.index(headers) + 1 :]
    assert any("โครงการเดิม → โครงการที่แก้ชื่อ" in (row[4] or "") for row in body)
    assert all(row[5] == "ปรับชื่อตามคำสั่ง" for row in body)
    year = str(timezone.localdate().year + 543)
    assert all(year in row[0] for row in body)


def test_the_page_makes_as_many_queries_for_many_entries_as_for_few(
    client, officeadmin, changes, plan, django_assert_max_num_queries
):
    client.force_login(officeadmin)
    client.get(URL)
    with django_assert_max_num_queries(6 + REQUEST_EXTRA):
        client.get(URL)
    for number in range(2, 40):
        factories.project(plan, number)
    assert AuditEntry.objects.count() > 40
    with django_assert_max_num_queries(6 + REQUEST_EXTRA):
        assert client.get(URL).status_code == 200
