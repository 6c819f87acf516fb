"""The director dashboards: the FY2565 numbers agree with the annual report's selectors,
filters in the URL change them, other offices are a 404, and every page runs a fixed number
of queries."""

import re
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from budget.models import DisbursementTarget, ProjectDisbursement
from indicators.models import IndicatorMilestone, IndicatorResult
from plans import versions
from plans.models import GradeEnrolment, Province, Role, School, SchoolYear
from progress.models import QuarterlyReport
from progress.services import report_return
from projects.models import Project
from reports.dashboard.charts import overview_charts, schools_charts
from reports.dashboard.filters import Filters
from reports.dashboard.overview import overview_page, year_lines
from reports.dashboard.project_detail import project_page
from reports.dashboard.rows import ProjectStatusCounts
from reports.dashboard.rules import ProjectStatus, project_status
from reports.dashboard.schools import schools_page
from reports.dashboard.sets import by_policy_area
from reports.selectors import VerdictCounts, office_budget, plan_summary
from tests import factories
from tests.progress import factories as progress_factories
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db

TODAY = date(2024, 1, 1)  # every FY2565 deadline has passed
PAGES = [
    "dashboard",
    "dashboard_indicators",
    "dashboard_projects",
    "dashboard_budget",
    "dashboard_areas",
    "dashboard_groups",
    "dashboard_schools",
]


def url(name, **query):
    return reverse(f"reports:{name}") + ("?" + urlencode(query) if query else "")


@pytest.fixture
def seed_director(fy2565_db):
    return factories.member(fy2565_db.office, "seed-director", Role.DIRECTOR)


def text_of(html: str, testid: str) -> str:
    """The text of the element with that data-testid, tags removed and spaces collapsed."""
    at = html.index(f'data-testid="{testid}"')
    opening = html.rindex("<", 0, at)
    tag = re.match(r"<(\w+)", html[opening:]).group(1)
    start = html.index(">", at) + 1
    end = html.index(f"</{tag}>", start)
    return " ".join(re.sub(r"<[^>]+>", " ", html[start:end]).split())


# -- FY2565: the report's numbers -------------------------------------------------------


def test_overview_shows_chapter_4_and_table_13_numbers(client, fy2565_db, seed_director):
    client.force_login(seed_director)
    html = client.get(url("dashboard", year=2565, quarter=4)).content.decode()
    assert text_of(html, "achieved") == "✔ บรรลุ ๔๙ / ๕๑ ร้อยละ ๙๖.๐๘ ของที่รายงานแล้ว"
    assert text_of(html, "not-achieved") == "✘ ไม่บรรลุ ๒ ร้อยละ ๓.๙๒ ของที่รายงานแล้ว"
    assert text_of(html, "allocated") == "ได้รับจัดสรร (บาท) ๓๑๘,๒๒๓,๙๓๘.๐๐"
    assert "๓๑๗,๔๘๙,๘๒๒.๕๖" in text_of(html, "disbursed")
    assert text_of(html, "rate").startswith("อัตราการเบิกจ่าย ร้อยละ ๙๙.๗๗")
    assert text_of(html, "project-money").startswith("งบประมาณโครงการตามแผน (บาท) ๑,๕๗๐,๔๗๔.๒๐")


def test_overview_data_is_the_report_selectors(fy2565_db):
    """One selector serves both: the same counts as plan_summary, table 13 as office_budget."""
    data = overview_page(fy2565_db, Filters(year=2565, quarter=4), [2565], today=TODAY)
    summary = plan_summary(fy2565_db)
    assert data.counts == summary.counts == VerdictCounts(49, 2, 0)
    assert data.counts.achieved_percent == Decimal("96.08")
    assert data.money.budget == office_budget(fy2565_db)
    assert (data.money.allocated, data.money.disbursed, data.money.rate) == (
        Decimal("318223938.00"),
        Decimal("317489822.56"),
        Decimal("99.77"),
    )
    assert data.plan.allocated == summary.budget == Decimal("1570474.20")
    # No project ledger in the seed: the status rests on the indicators only.
    assert data.money_tracked is False
    assert data.statuses == ProjectStatusCounts(on_track=13, behind=1, at_risk=0)
    behind = [p.number for p in data.plan.projects if p.status == ProjectStatus.BEHIND]
    assert behind == [9]


def test_overview_charts_send_codes_beside_the_thai_labels(fy2565_db):
    """The page colours the verdicts' and statuses' bars by code, never by label text."""
    data = overview_page(fy2565_db, Filters(year=2565, quarter=4), [2565], today=TODAY)
    charts = {c.id: c.as_json() for c in overview_charts(data)}
    verdicts, statuses = charts["chart-verdicts"], charts["chart-statuses"]
    assert verdicts["keys"] == ["achieved", "not_achieved", "not_reported", "not_due"]
    assert verdicts["labels"] == ["บรรลุ", "ไม่บรรลุ", "ยังไม่รายงาน", "ยังไม่ถึงกำหนดประเมิน"]
    assert verdicts["series"][0]["values"] == [49, 2, 0, 0]
    assert statuses["keys"] == ["on_track", "behind", "at_risk"]
    assert statuses["labels"] == ["ตามแผน", "ล่าช้า", "เสี่ยง"]
    assert statuses["series"][0]["values"] == [13, 1, 0]
    assert charts["chart-disbursement"]["keys"] == []  # quarters: the palette's colours


def test_schools_page_shows_tables_1_to_6(client, fy2565_db, seed_director):
    client.force_login(seed_director)
    html = client.get(url("dashboard_schools")).content.decode()
    assert text_of(html, "schools") == "โรงเรียน ๕๗"
    assert text_of(html, "students") == "นักเรียน (คน) ๔๒,๗๕๓"
    assert 'data-testid="students-total">๔๒,๗๕๓<' in html
    for table in range(1, 7):
        assert f'data-testid="table-{table}"' in html
    assert "คะแนนเฉลี่ย O-NET ม.๓ เทียบระดับประเทศ" in html
    assert "ประเทศ ๒๕๖๔" in html


def test_schools_page_data(fy2565_db):
    page = schools_page(fy2565_db.office, 2565)
    assert (page.stats.schools, page.stats.students) == (57, 42753)
    assert page.has_previous is False
    assert page.onet_years == [2563, 2564]
    thai = next(line for line in page.onet_m3 if line.subject == "ภาษาไทย")
    assert thai.nation == {2564: Decimal("51.19")}
    charts = {c.id: c for c in schools_charts(page)}
    sizes = charts["chart-sizes"]
    assert sum(v for d in sizes.datasets for v in d.values) == 57
    grades = charts["chart-grades"]
    assert sum(v for d in grades.datasets for v in d.values) == 42753


# -- filters ----------------------------------------------------------------------------


def test_quarter_filter_counts_only_results_reported_by_then(client, fy2565_db, seed_director):
    client.force_login(seed_director)
    html = client.get(url("dashboard", year=2565, quarter=3)).content.decode()
    # The seed's results are year-end (fourth-quarter) values and it has no milestones: no
    # indicator is judged at the third quarter.
    assert text_of(html, "achieved") == "✔ บรรลุ ๐ / ๐ ร้อยละ ของที่รายงานแล้ว"
    assert text_of(html, "not-reported") == "… ยังไม่รายงาน ๐ ร้อยละ ๐.๐๐ ของทั้งหมด"
    assert text_of(html, "not-due") == (
        "◷ ยังไม่ถึงกำหนดประเมิน ๕๑ ไม่มีเป้าหมายของไตรมาสที่ ๓ ไม่นับรวมในการประเมิน"
    )
    # Table 13's disbursements carry no date: they count at the year's end.
    assert "๐.๐๐" in text_of(html, "disbursed")
    assert 'value="3" selected' in html


def test_area_and_group_filters_narrow_the_numbers(client, fy2565_db, seed_director):
    client.force_login(seed_director)
    html = client.get(url("dashboard", year=2565, quarter=4, area=4)).content.decode()
    assert text_of(html, "achieved") == "✔ บรรลุ ๑๖ / ๑๗ ร้อยละ ๙๔.๑๒ ของที่รายงานแล้ว"
    assert "ด้านประสิทธิภาพ" in text_of(html, "scope")
    html = client.get(url("dashboard", year=2565, group="supervision_evaluation")).content.decode()
    assert text_of(html, "achieved") == "✔ บรรลุ ๑๙ / ๒๐ ร้อยละ ๙๕.๐๐ ของที่รายงานแล้ว"
    data = overview_page(
        fy2565_db,
        Filters(year=2565, quarter=4, group="supervision_evaluation"),
        [2565],
        today=TODAY,
    )
    assert [p.number for p in data.plan.projects] == [3, 4, 5, 14]


def test_tiles_link_to_their_lists(client, fy2565_db, seed_director):
    client.force_login(seed_director)
    html = client.get(url("dashboard_indicators", year=2565, quarter=4, verdict="not_achieved"))
    html = html.content.decode()
    assert text_of(html, "count") == "(๒ ตัวชี้วัด)"
    assert "๔. โครงการรวมพลังครูเพื่อสร้างศิษย์" in html
    projects = client.get(url("dashboard_projects", year=2565, quarter=4, status="behind"))
    assert text_of(projects.content.decode(), "count") == "(๑ โครงการ)"


def test_rows_sort_by_the_url(client, fy2565_db, seed_director):
    client.force_login(seed_director)
    data = overview_page(fy2565_db, Filters(year=2565, quarter=4), [2565], today=TODAY)
    ascending = by_policy_area(data.plan.projects, "achieved_percent")
    assert [r.label[0] for r in ascending] == ["๔", "๓", "๑", "๒"]
    descending = by_policy_area(data.plan.projects, "-allocated")
    assert [r.allocated for r in descending] == [
        Decimal("669650.00"),
        Decimal("494774.20"),
        Decimal("375000.00"),
        Decimal("31050.00"),
    ]
    html = client.get(url("dashboard_areas", year=2565, quarter=4, sort="-allocated"))
    body = html.content.decode()
    assert body.index("๓. ด้านคุณภาพ</th>") < body.index("๔. ด้านประสิทธิภาพ</th>")
    assert "ร้อยละเบิกจ่าย" in body and "▼" in body


# -- the status rule, project money and years --------------------------------------------


@pytest.mark.parametrize(
    ("counts", "allocated", "disbursed", "tracked", "expected"),
    [
        (VerdictCounts(4, 1, 0), "100", "0", False, ProjectStatus.ON_TRACK),  # 80 %
        (VerdictCounts(3, 1, 0), "100", "0", False, ProjectStatus.BEHIND),  # 75 %
        (VerdictCounts(1, 2, 0), "100", "0", False, ProjectStatus.AT_RISK),  # 33 %
        (VerdictCounts(0, 0, 5), "100", "0", False, ProjectStatus.ON_TRACK),  # nothing reported
        (VerdictCounts(0, 0, 0, 5), "100", "0", False, ProjectStatus.ON_TRACK),  # none due yet
        (VerdictCounts(1, 1, 0, 3), "100", "0", False, ProjectStatus.BEHIND),  # 1 of 2 judged
        (VerdictCounts(5, 0, 0), "100", "52", True, ProjectStatus.ON_TRACK),  # target 52
        (VerdictCounts(5, 0, 0), "100", "51.99", True, ProjectStatus.BEHIND),
        (VerdictCounts(5, 0, 0), "100", "42", True, ProjectStatus.BEHIND),  # within ten points
        (VerdictCounts(5, 0, 0), "100", "40", True, ProjectStatus.AT_RISK),  # far behind
        (VerdictCounts(5, 0, 0), "100", "25.99", True, ProjectStatus.AT_RISK),
        (VerdictCounts(5, 0, 0), "0", "0", True, ProjectStatus.ON_TRACK),  # no money to spend
    ],
)
def test_project_status_rule(counts, allocated, disbursed, tracked, expected):
    status = project_status(
        counts, Decimal(allocated), Decimal(disbursed), Decimal(52), money_tracked=tracked
    )
    assert status == expected


@pytest.fixture
def office_plan(office, plan, group):
    return plan


def test_project_page_shows_quarterly_values_and_money(client, office_plan, group, director):
    project = factories.project(office_plan, 1, group=group, budget="1000.00")
    rate = factories.indicator(project, 1, target="80", result="60", quarter=1)
    indicator = factories.indicator(project, 2, target="10", unit="คน", aggregation="sum")
    for judged, value in ((rate, "70"), (indicator, "8")):  # both judged at the third quarter
        IndicatorMilestone.objects.create(indicator=judged, quarter=3, value=Decimal(value))
    for quarter, value in ((1, "4"), (2, "3")):
        indicator.results.create(quarter=quarter, value=Decimal(value), unit="คน")
    for paid_on, amount in ((date(2021, 11, 5), "200.00"), (date(2022, 5, 1), "150.50")):
        ProjectDisbursement.objects.create(project=project, paid_on=paid_on, amount=Decimal(amount))
    DisbursementTarget.objects.create(plan=office_plan, quarter=3, cumulative_percent=70)
    page = project_page(project, Filters(year=2565, quarter=3), today=date(2022, 8, 1))
    assert [m.disbursed for m in page.money] == [
        Decimal("200.00"),
        Decimal("0.00"),
        Decimal("150.50"),
        Decimal("0.00"),
    ]
    assert [m.cumulative for m in page.money][-1] == Decimal("350.50")
    assert page.money[2].planned == Decimal("700.00")  # the plan's own Q3 target, 70 %
    assert page.project.indicators[1].quarterly == [Decimal(4), Decimal(3), None, None]
    assert page.project.indicators[1].row.result == Decimal(7)  # summed, 7 of 8: not achieved
    assert page.project.indicators[1].row.milestone == Decimal(8)
    assert page.project.counts == VerdictCounts(0, 2, 0)
    assert page.project.status == ProjectStatus.AT_RISK
    client.force_login(director)
    html = client.get(
        reverse("reports:dashboard_project", args=[project.pk]) + "?quarter=3"
    ).content.decode()
    assert text_of(html, "project-disbursed").startswith(
        "เบิกจ่ายถึงสิ้นไตรมาสที่ ๓ (บาท) ๓๕๐.๕๐ ร้อยละ ๓๕.๐๕"
    )
    assert '"chart-indicators-data"' in html and "ตารางข้อมูลของแผนภูมิ" in html


def test_year_against_year(client, office, group, director):
    for year, result in ((2565, "90"), (2566, "70")):
        plan = factories.plan(office, year)
        project = factories.project(plan, 1, group=group, budget="500", name="โครงการต่อเนื่อง")
        factories.indicator(project, 1, target="80", result=result)
    client.force_login(director)
    html = client.get(url("dashboard", year=2566, quarter=4)).content.decode()
    assert 'data-testid="years"' in html
    data = year_lines(office)
    assert [(y.year, y.counts.achieved, y.counts.reported) for y in data] == [
        (2565, 1, 1),
        (2566, 0, 1),
    ]
    # A year not over is judged at its reporting quarter: FY2566 reported up to its second
    # quarter, which has no milestone, judges nothing yet.
    IndicatorResult.objects.filter(indicator__project__plan__fiscal_year__year=2566).update(
        quarter=2
    )
    versions.bump(office.pk)  # what every writer with QuerySet.update owes (plans/versions.py)
    data = year_lines(office, today=date(2023, 2, 1))
    assert [(y.year, y.as_of, y.counts.not_due, y.counts.reported) for y in data] == [
        (2565, None, 0, 1),
        (2566, 2, 1, 0),
    ]
    html = client.get(url("dashboard", year=2566, quarter=4)).content.decode()
    assert "๒๕๖๖ ( ข้อมูล ณ สิ้นไตรมาสที่ ๒ ) ๑ ๐ / ๐" in text_of(html, "years")
    # The year's link opens the dashboard at the quarter its line states, not at the fourth.
    assert "year=2566&amp;quarter=2" in html and "year=2565&amp;quarter=4" in html
    newest = client.get(url("dashboard_projects", year=2566)).content.decode()
    assert "โครงการต่อเนื่อง" in newest
    project = Project.objects.get(plan__fiscal_year__year=2566)
    detail = client.get(reverse("reports:dashboard_project", args=[project.pk])).content.decode()
    assert "ปีงบประมาณ ๒๕๖๕ (โครงการที่ ๑)" in detail


# -- quarterly reports: overdue and history -------------------------------------------------

Report = QuarterlyReport.Status


def test_overdue_reports_are_counted_and_listed(client, office_plan, group, director):
    """Q2 of FY2565 is due 15 April 2022: no report and a draft are overdue, a submitted one
    is not."""
    missing, draft, sent = (
        progress_factories.reportable_project(office_plan, group, n) for n in (1, 2, 3)
    )
    progress_factories.report(draft, 2)
    progress_factories.report(sent, 2, status=Report.SUBMITTED)
    progress_factories.report(missing, 1, status=Report.APPROVED)  # another quarter
    filters = Filters(year=2565, quarter=2)
    on_time = overview_page(office_plan, filters, [2565], today=date(2022, 4, 15))
    assert on_time.overdue_count == 0
    late = overview_page(office_plan, filters, [2565], today=date(2022, 4, 16))
    assert [(p.number, p.report.code) for p in late.overdue] == [
        (1, "not_started"),
        (2, "draft"),
    ]
    client.force_login(director)
    html = client.get(url("dashboard", year=2565, quarter=2)).content.decode()
    assert text_of(html, "overdue") == "⏰ รายงานเกินกำหนดส่ง ๒ รายงานไตรมาสที่ ๒ที่ยังไม่ส่ง"
    link = url("dashboard_overdue", year=2565, quarter=2).replace("&", "&amp;")
    assert f'data-testid="overdue" href="{link}"' in html
    listing = client.get(url("dashboard_overdue", year=2565, quarter=2)).content.decode()
    assert text_of(listing, "count") == "(๒ โครงการ)"
    rows = text_of(listing, "overdue-list")
    assert "๑. โครงการทดสอบ" in rows and "๒. โครงการทดสอบ" in rows
    assert "๓. โครงการทดสอบ" not in rows
    assert "ยังไม่เริ่ม" in rows and "ร่าง" in rows and "๑๕ เมษายน ๒๕๖๕" in rows
    assert reverse("progress:report", args=[draft.pk, 2]) in listing
    assert reverse("progress:follow_up") + "?year=2565" in listing


def test_project_page_shows_report_statuses_and_history(client, office_plan, group, director):
    project = progress_factories.reportable_project(office_plan, group)
    progress_factories.report(project, 1, status=Report.APPROVED)
    submitted = progress_factories.report(project, 2, status=Report.SUBMITTED)
    report_return(
        report=submitted, user=director, version=submitted.version, reason="ตัวเลขงบประมาณไม่ตรง"
    )
    page = project_page(project, Filters(year=2565, quarter=2), today=date(2022, 8, 1))
    assert [(r.quarter, r.status.code, r.status.overdue) for r in page.reports] == [
        (1, "approved", False),
        (2, "returned", True),
        (3, "not_started", True),
        (4, "not_started", False),  # due 15 October 2022
    ]
    newest = page.history[0]  # then the two reports' creation by the test's set-up
    assert (newest.action, newest.note, newest.author) == (
        "ส่งกลับแก้ไข",
        "ตัวเลขงบประมาณไม่ตรง",
        director.get_full_name() or director.username,
    )
    assert [e.action for e in page.history[1:]] == ["เพิ่ม", "เพิ่ม"]
    client.force_login(director)
    html = client.get(
        reverse("reports:dashboard_project", args=[project.pk]) + "?quarter=2"
    ).content.decode()
    assert text_of(html, "report-q1") == "ไตรมาสที่ ๑ อนุมัติแล้ว ๑๕ มกราคม ๒๕๖๕ เปิดรายงาน"
    assert text_of(html, "report-q2") == (
        "ไตรมาสที่ ๒ ส่งกลับแก้ไข (เกินกำหนด) ๑๕ เมษายน ๒๕๖๕ ตัวเลขงบประมาณไม่ตรง เปิดรายงาน"
    )
    assert reverse("progress:report", args=[project.pk, 2]) in html
    history = text_of(html, "report-history")
    assert "ส่งกลับแก้ไข" in history and "ตัวเลขงบประมาณไม่ตรง" in history


# -- access ------------------------------------------------------------------------------


def test_outsider_gets_404(client, office_plan, group, outsider):
    project = factories.project(office_plan, 1, group=group, budget="10")
    client.force_login(outsider)
    assert client.get(url("dashboard", office="test-office")).status_code == 404
    assert client.get(url("dashboard_overdue", office="test-office")).status_code == 404
    assert client.get(reverse("reports:dashboard_project", args=[project.pk])).status_code == 404
    # Their own office has no plan: the page explains, and shows none of ours.
    response = client.get(url("dashboard"))
    assert response.status_code == 200
    assert "ยังไม่มีแผนปฏิบัติการ" in response.content.decode()
    assert "โครงการทดสอบ" not in response.content.decode()


def test_unknown_year_is_404_and_bad_filters_fall_back(client, office_plan, group, director):
    factories.project(office_plan, 1, group=group, budget="10")
    client.force_login(director)
    assert client.get(url("dashboard", year=2599)).status_code == 404
    response = client.get(url("dashboard", year=2565, quarter=9, area="x"))
    assert response.status_code == 200
    assert "ข้อมูล ณ สิ้นไตรมาสที่ ๔" in response.content.decode()


def test_anonymous_is_sent_to_login(client):
    response = client.get(url("dashboard"))
    assert response.status_code == 302


# -- query counts --------------------------------------------------------------------------


def build(plan, group, projects: int) -> None:
    office = plan.office
    for number in range(1, projects + 1):
        project = factories.project(plan, number, group=group, budget="1000.50")
        activity = factories.activity(project)
        factories.indicator(project, 1, activity=activity, target="80", result="90")
        factories.indicator(project, 2, target="38", unit="คน", result="100", result_unit="ร้อยละ")
        ProjectDisbursement.objects.create(
            project=project, paid_on=date(2022, 1, 10), amount=Decimal("10")
        )
    province = Province.objects.get_or_create(name="พิษณุโลก")[0]
    for number in range(projects * 3):
        school = School.objects.create(
            office=office, code=f"S{number}", name=f"โรงเรียน {number}", province=province
        )
        year = SchoolYear.objects.create(school=school, academic_year=2565)
        GradeEnrolment.objects.create(school_year=year, grade=1, male=10, female=12, classrooms=1)


# session, user, the user's plans, filter choices (2), the office's data version (the page's
# figures are kept in the cache under it: plans/caching.py), then the page's selector: 15
# queries
# (the quarter's deadline is progress's own query; the overdue count rides on the projects
# query); the project page's four reports add three (deadlines, reports, their history),
# and a page without ?quarter= reads the deadlines once more for the quarter it opens at
# (progress.selectors.reporting_quarter).
MAX_QUERIES = {"dashboard_project": 19}


@pytest.mark.parametrize("name", [*PAGES, "dashboard_overdue", "dashboard_project"])
@pytest.mark.parametrize("size", [1, 6])
def test_every_page_runs_a_fixed_number_of_queries(
    client, office_plan, group, director, name, size, django_assert_max_num_queries
):
    build(office_plan, group, size)
    for project in office_plan.projects.all():
        for quarter in (1, 2):
            report = progress_factories.report(project, quarter, status=Report.SUBMITTED)
            report_return(report=report, user=director, version=report.version, reason="แก้ไข")
    client.force_login(director)
    if name == "dashboard_project":
        project = office_plan.projects.get(number=1)
        target = reverse("reports:dashboard_project", args=[project.pk])
    else:
        target = url(name, year=2565, quarter=4)
    with django_assert_max_num_queries(MAX_QUERIES.get(name, 15) + REQUEST_EXTRA):
        response = client.get(target)
    assert response.status_code == 200
