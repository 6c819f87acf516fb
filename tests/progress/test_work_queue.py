"""The work queue (/progress/queue/): a group director's and an office director's reports
waiting for a decision across quarters, staff's returned reports first, four eyes, the
outsider seeing nothing of ours, and a fixed number of queries."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from plans import versions
from plans.models import Role
from progress.models import QuarterlyReport, ReportDeadline
from tests import factories
from tests.progress import factories as pf
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db
Status = QuarterlyReport.Status
URL = reverse("progress:queue")


def _submitted(project, quarter, by):
    return pf.report(
        project, quarter, status=Status.SUBMITTED, submitted_by=by, submitted_at=timezone.now()
    )


def _section(html: str, testid: str) -> str:
    start = html.find(f'data-testid="{testid}"')
    if start < 0:
        return ""
    return html[start : html.find("</table>", start)]


def test_group_director_sees_every_quarter_waiting_for_him(
    client, group_director, staff_user, project
):
    _submitted(project, 1, staff_user)
    _submitted(project, 2, staff_user)
    pf.report(project, 3)  # a draft waits for nobody
    client.force_login(group_director)
    html = client.get(URL, {"year": 2565}).content.decode()
    waiting = _section(html, "queue-waiting")
    assert "ไตรมาสที่ ๑" in waiting and "ไตรมาสที่ ๒" in waiting
    assert "ไตรมาสที่ ๓" not in waiting
    assert waiting.count(reverse("progress:report", args=[project.pk, 1])) == 1
    assert "รอพิจารณา (๒)" in html
    assert "ไม่มีรายงานที่ถูกส่งกลับให้คุณแก้ไข" in html


def test_office_director_sees_every_group(client, director, staff_user, project, other_group):
    other = pf.reportable_project(project.plan, other_group, 2)
    _submitted(project, 1, staff_user)
    _submitted(other, 1, staff_user)
    client.force_login(director)
    waiting = _section(client.get(URL).content.decode(), "queue-waiting")
    assert project.name in waiting and other.name in waiting


def test_a_group_director_does_not_see_another_groups_reports(
    client, group_director, staff_user, plan, other_group
):
    other = pf.reportable_project(plan, other_group, 2)
    _submitted(other, 1, staff_user)
    client.force_login(group_director)
    html = client.get(URL).content.decode()
    assert other.name not in html
    assert "ไม่มีรายงานที่รอให้คุณพิจารณา" in html


def test_four_eyes_own_submission_is_not_in_my_queue(client, group_director, project):
    _submitted(project, 1, group_director)
    client.force_login(group_director)
    html = client.get(URL).content.decode()
    assert _section(html, "queue-waiting") == ""
    assert "รายงานที่คุณส่งเองอีก ๑ ฉบับ" in html


def test_staff_see_returned_reports_first_with_the_reason(
    client, staff_user, group_director, project
):
    pf.report(project, 1, status=Status.RETURNED, last_reason="ตัวเลขไม่ตรงกับหลักฐาน")
    _submitted(project, 2, group_director)  # staff do not decide: not in their queue
    client.force_login(staff_user)
    html = client.get(URL).content.decode()
    returned = _section(html, "queue-returned")
    assert "ตัวเลขไม่ตรงกับหลักฐาน" in returned
    assert reverse("progress:report", args=[project.pk, 1]) in returned
    assert html.index("queue-returned") < html.index("รอพิจารณา (")
    assert _section(html, "queue-waiting") == ""


def test_read_only_role_sees_empty_queues(client, office, project, staff_user):
    finance = factories.member(office, "finance", Role.FINANCE)
    _submitted(project, 1, staff_user)
    pf.report(project, 2, status=Status.RETURNED, last_reason="แก้")
    client.force_login(finance)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert project.name not in html
    assert "ไม่มีรายงานที่รอให้คุณพิจารณา" in html


def test_outsider_sees_nothing_of_ours(client, outsider, project, staff_user):
    _submitted(project, 1, staff_user)
    client.force_login(outsider)
    response = client.get(URL)
    assert response.status_code == 200
    assert project.name not in response.content.decode()
    assert client.get(URL, {"office": project.plan.office.code}).status_code == 404


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_no_plan_is_an_empty_state(client, db):
    office = factories.office(code="empty", name="สำนักงานว่าง")
    client.force_login(factories.member(office, "lonely", Role.DIRECTOR))
    assert "ยังไม่มีแผนปฏิบัติการ" in client.get(URL).content.decode()


@pytest.mark.parametrize("size", [1, 3])
def test_queue_queries_do_not_grow(
    client, plan, group, staff_user, group_director, size, django_assert_max_num_queries
):
    for number in range(1, size + 1):
        project = pf.reportable_project(plan, group, number)
        _submitted(project, 1, staff_user)
        pf.report(project, 2, status=Status.RETURNED, last_reason="แก้")
    client.force_login(group_director)  # returned, overdue (Q3, Q4) and waiting rows
    with django_assert_max_num_queries(8 + REQUEST_EXTRA):
        response = client.get(URL, {"year": 2565})
    html = response.content.decode()
    assert html.count("ไตรมาสที่ ๑</td>") == size
    assert html.count("ไตรมาสที่ ๒</td>") == size
    assert html.count("ไตรมาสที่ ๔</td>") == size


def test_the_summary_page_tells_the_reader_what_waits(client, group_director, staff_user, project):
    _submitted(project, 1, staff_user)
    _submitted(project, 2, staff_user)
    _submitted(project, 3, staff_user)
    pf.report(project, 4, status=Status.RETURNED, last_reason="แก้")
    summary = reverse("reports:plan_summary", args=[2565])
    client.force_login(group_director)
    html = client.get(summary).content.decode()
    assert "งานที่รอคุณ: รายงานที่ถูกส่งกลับให้แก้ไข ๑ ฉบับ · รายงานรอพิจารณา ๓ ฉบับ" in html
    assert f"{URL}?year=2565" in html
    client.force_login(factories.member(project.plan.office, "fin", Role.FINANCE))
    assert 'data-testid="work-waiting"' not in client.get(summary).content.decode()


def test_staff_see_their_quarters_past_the_deadline(client, staff_user, project):
    _submitted(project, 1, staff_user)  # sent: not overdue
    pf.report(project, 2)  # a draft past its deadline
    pf.report(project, 3, status=Status.RETURNED, last_reason="แก้")  # listed as returned
    client.force_login(staff_user)  # the FY2565 deadlines have all passed; Q4 not started
    html = client.get(URL).content.decode()
    overdue = _section(html, "queue-overdue")
    assert "ไตรมาสที่ ๒" in overdue and "ไตรมาสที่ ๔" in overdue
    assert "ไตรมาสที่ ๑" not in overdue and "ไตรมาสที่ ๓" not in overdue
    assert "ร่าง" in overdue and "ยังไม่เริ่ม" in overdue
    assert "เลยกำหนดส่ง ยังไม่ได้ส่ง (๒)" in html
    assert html.index("queue-returned") < html.index("queue-overdue")


def test_nothing_is_overdue_before_its_deadline(client, staff_user, project):
    for quarter in (1, 2, 3, 4):
        ReportDeadline.objects.create(
            fiscal_year=project.plan.fiscal_year, quarter=quarter, due_on=date(2099, 1, quarter)
        )
    client.force_login(staff_user)
    html = client.get(URL).content.decode()
    assert _section(html, "queue-overdue") == ""
    assert "ไม่มีรายงานที่เลยกำหนดส่ง" in html


def test_the_planning_group_sees_its_own_work_not_every_projects(
    client, planner, staff_user, project, plan, other_group
):
    other = pf.reportable_project(plan, other_group, 2)
    pf.report(project, 1, status=Status.RETURNED, last_reason="ของกลุ่มอื่น")
    pf.report(other, 1, status=Status.RETURNED, last_reason="ท่านส่งเอง", submitted_by=planner)
    client.force_login(planner)  # enters every report, but only its own are its work
    html = client.get(URL).content.decode()
    returned = _section(html, "queue-returned")
    assert "ท่านส่งเอง" in returned and "ของกลุ่มอื่น" not in returned
    assert _section(html, "queue-overdue") == ""  # the follow-up page lists the office's


def test_the_office_administrator_decides_but_owes_nothing(client, office, staff_user, project):
    admin = factories.member(office, "officeadmin", Role.ADMIN)
    _submitted(project, 1, staff_user)
    client.force_login(admin)
    html = client.get(URL).content.decode()
    assert "รอพิจารณา (๑)" in html
    assert _section(html, "queue-returned") == "" and _section(html, "queue-overdue") == ""


def _menu(client) -> str:
    html = client.get(reverse("reports:home"), follow=True).content.decode()
    start = html.find('data-testid="menu-waiting"')
    return "" if start < 0 else html[html.rfind("<a ", 0, start) : html.find("</a>", start)]


def test_the_menu_counts_what_waits_and_opens_its_year(client, group_director, staff_user, project):
    """The group director's menu counts the reports he decides (not his own submission);
    the staff member's counts their returned report; nothing waiting shows nothing."""
    client.force_login(group_director)
    assert _menu(client) == ""
    _submitted(project, 1, staff_user)
    _submitted(project, 2, staff_user)
    _submitted(project, 3, group_director)  # four eyes: not his to decide
    menu = _menu(client)
    assert "งานรอดำเนินการ" in menu and ">๒</span>" in menu
    assert f"{URL}?year=2565" in menu  # the year the reports are of (the calendar's is later)
    client.force_login(staff_user)
    assert _menu(client) == ""  # staff decide nothing; nothing is returned to them
    QuarterlyReport.objects.filter(quarter=1).update(status=Status.RETURNED)
    versions.bump(project.plan.office_id)  # owed by every QuerySet.update (plans/versions.py)
    assert ">๑</span>" in _menu(client)
