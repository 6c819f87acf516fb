"""The directors' dashboard lists as Excel (indicators, projects, overdue reports): the
rows the page shows under the same filters, as numbers, with the page's access and a fixed
number of queries."""

from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from budget.models import ProjectDisbursement
from plans.models import Role
from progress.models import QuarterlyReport
from reports.dashboard.filters import Filters
from reports.dashboard.overview import overview_page
from tests import factories, xlsx
from tests.progress import factories as progress_factories
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db
EXPORTS = [
    "dashboard_indicators_xlsx",
    "dashboard_projects_xlsx",
    "dashboard_overdue_xlsx",
    "dashboard_areas_xlsx",
    "dashboard_groups_xlsx",
]


def url(name, **query):
    return reverse(f"reports:{name}") + ("?" + urlencode(query) if query else "")


@pytest.fixture
def seed_director(fy2565_db):
    return factories.member(fy2565_db.office, "seed-director", Role.DIRECTOR)


def test_each_list_links_its_export_with_its_filters(client, fy2565_db, seed_director):
    client.force_login(seed_director)
    html = client.get(
        url("dashboard_indicators", year=2565, quarter=4, verdict="not_achieved")
    ).content.decode()
    link = url("dashboard_indicators_xlsx", year=2565, quarter=4, verdict="not_achieved")
    assert link.replace("&", "&amp;") in html
    html = client.get(url("dashboard_projects", year=2565, quarter=4, area=4)).content.decode()
    assert (
        url("dashboard_projects_xlsx", year=2565, quarter=4, area=4).replace("&", "&amp;") in html
    )
    html = client.get(url("dashboard_overdue", year=2565, quarter=4)).content.decode()
    assert url("dashboard_overdue_xlsx", year=2565, quarter=4).replace("&", "&amp;") in html


def test_the_indicators_not_achieved_in_fy2565(client, fy2565_db, seed_director):
    client.force_login(seed_director)
    response = client.get(
        url("dashboard_indicators_xlsx", year=2565, quarter=4, verdict="not_achieved")
    )
    code = fy2565_db.office.code
    assert f'filename="{code}-2565-dashboard-indicators.xlsx"' in response["Content-Disposition"]
    sheet = xlsx.book(response).active
    assert sheet["A3"].value == "แสดง: ไม่บรรลุ"
    rows = xlsx.body(sheet)
    assert [r[0].value for r in rows] == [4, 9]  # the two the report counts as not achieved
    assert {r[9].value for r in rows} == {"ไม่บรรลุ"}
    assert all(r[4].data_type == "n" for r in rows)
    every = xlsx.values(
        xlsx.book(client.get(url("dashboard_indicators_xlsx", year=2565, quarter=4))).active
    )
    assert len(every) == 51


def test_the_projects_have_the_dashboards_money(client, fy2565_db, seed_director):
    data = overview_page(fy2565_db, Filters(year=2565, quarter=4), [2565], today=date(2024, 1, 1))
    client.force_login(seed_director)
    sheet = xlsx.book(client.get(url("dashboard_projects_xlsx", year=2565, quarter=4))).active
    rows = xlsx.body(sheet)
    assert [r[0].value for r in rows] == list(range(1, 15))
    first = data.plan.projects[0]
    assert Decimal(str(rows[0][6].value)) == first.allocated == Decimal("375000.00")
    assert (rows[0][6].number_format, rows[0][8].number_format) == ("#,##0.00", "0.00")
    assert [(r[4].value, r[5].value) for r in rows] == [
        (p.counts.achieved, p.counts.reported) for p in data.plan.projects
    ]


def test_the_overdue_reports_of_a_quarter(client, plan, group, director):
    _missing, draft, sent = (
        progress_factories.reportable_project(plan, group, n) for n in (1, 2, 3)
    )
    progress_factories.report(draft, 2, last_reason="=ขาดเอกสาร")
    progress_factories.report(sent, 2, status=QuarterlyReport.Status.SUBMITTED)
    client.force_login(director)
    sheet = xlsx.book(client.get(url("dashboard_overdue_xlsx", year=2565, quarter=2))).active
    assert sheet["A1"].value == "รายงานไตรมาสที่ ๒ที่เกินกำหนดส่ง ปีงบประมาณ พ.ศ. ๒๕๖๕"
    rows = xlsx.body(sheet)
    assert [[c.value for c in r][:5] for r in rows] == [
        [1, "โครงการทดสอบ 1", "กลุ่มส่งเสริมการจัดการศึกษา", "ยังไม่เริ่ม", "15/04/2565"],
        [2, "โครงการทดสอบ 2", "กลุ่มส่งเสริมการจัดการศึกษา", "ร่าง", "15/04/2565"],
    ]
    assert (rows[1][5].value, rows[1][5].quotePrefix) == ("=ขาดเอกสาร", True)


def test_another_offices_user_gets_404(client, plan, group, outsider):
    progress_factories.reportable_project(plan, group)
    client.force_login(outsider)
    for name in EXPORTS:
        assert client.get(url(name, year=2565, office=plan.office.code)).status_code == 404


@pytest.mark.parametrize("size", [1, 6])
def test_the_exports_run_a_fixed_number_of_queries(
    client, plan, group, director, size, django_assert_max_num_queries
):
    for number in range(1, size + 1):
        project = factories.project(plan, number, group=group, budget="1000.50")
        factories.indicator(project, 1, target="80", result="90")
        ProjectDisbursement.objects.create(
            project=project, paid_on=date(2022, 1, 10), amount=Decimal("10")
        )
    client.force_login(director)
    for name in EXPORTS:
        with django_assert_max_num_queries(14 + REQUEST_EXTRA):
            response = client.get(url(name, year=2565, quarter=4))
        assert response.status_code == 200, name
    rows = xlsx.values(xlsx.book(client.get(url(EXPORTS[1], year=2565, quarter=4))).active)
    assert len(rows) == size


def test_the_sets_by_area_and_by_group_in_the_pages_order(client, fy2565_db, seed_director):
    client.force_login(seed_director)
    page = client.get(url("dashboard_areas", year=2565, quarter=4, sort="-allocated"))
    link = url("dashboard_areas_xlsx", year=2565, quarter=4, sort="-allocated")
    assert link.replace("&", "&amp;") in page.content.decode()
    sheet = xlsx.book(client.get(link)).active
    assert xlsx.headers(sheet)[:3] == ["ด้านนโยบาย", "โครงการ", "บรรลุ"]
    rows = xlsx.values(sheet)
    allocated = [r[6] for r in rows]
    assert allocated == sorted(allocated, reverse=True)
    assert sum(r[1] for r in rows) == 14
    assert Decimal(str(sum(Decimal(str(a)) for a in allocated))) == Decimal("1570474.20")
    groups = xlsx.book(client.get(url("dashboard_groups_xlsx", year=2565, quarter=4))).active
    assert xlsx.headers(groups)[0] == "กลุ่มงาน"
    assert sum(r[1] for r in xlsx.values(groups)) == 14


def test_the_schools_page_links_tables_1_to_6(client, fy2565_db, seed_director):
    client.force_login(seed_director)
    html = client.get(url("dashboard_schools", year=2565)).content.decode()
    assert reverse("reports:school_tables_xlsx", args=[2565]) in html
