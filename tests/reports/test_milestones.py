"""Milestones in every judgement of an unfinished year, and "as of when": the dashboard, the
project status, the plan summary, the annual report, the budget overview and the quarterly
report page judge a quarter against its milestone (none: not judged yet) and say which
quarter's end their data are as of; a finished year says nothing of the kind."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from budget.selectors import budget_overview
from indicators.models import IndicatorMilestone, IndicatorResult
from indicators.rules import Verdict
from plans import thai
from reports import printing
from reports.dashboard.filters import Filters
from reports.dashboard.overview import overview_page
from reports.dashboard.rules import ProjectStatus
from reports.selectors import annual_report, plan_summary
from tests import factories

pytestmark = pytest.mark.django_db

IN_Q3 = date(2022, 4, 20)  # FY2565's third quarter
AFTER = date(2024, 1, 1)  # FY2565 is over by the calendar


def result(indicator, quarter, value):
    IndicatorResult.objects.create(
        indicator=indicator, quarter=quarter, value=Decimal(value), unit=indicator.unit
    )


@pytest.fixture
def project(plan, group):
    return factories.project(plan, 1, group=group, budget="1000")


@pytest.fixture
def schools(project):
    """50 schools by the year's end, 20 by the end of the second quarter (a milestone)."""
    indicator = factories.indicator(project, 1, target="50", unit="โรงเรียน", aggregation="sum")
    IndicatorMilestone.objects.create(indicator=indicator, quarter=2, value=Decimal(20))
    return indicator


def dashboard(plan, quarter, today=AFTER):
    data = overview_page(plan, Filters(year=2565, quarter=quarter), [2565], today=today)
    return data.plan.projects[0]


def test_a_quarter_without_a_milestone_is_not_judged_and_puts_no_project_at_risk(
    plan, project, schools
):
    result(schools, 1, "2")  # far below the year's 50: not a failure in the first quarter
    row = dashboard(plan, 1)
    assert [i.verdict for i in row.indicators] == [Verdict.NOT_DUE]
    assert row.indicators[0].row.milestone is None
    assert row.indicators[0].row.verdict_label == "ยังไม่ถึงกำหนดประเมิน"
    assert (row.counts.not_due, row.counts.reported) == (1, 0)
    assert row.status == ProjectStatus.ON_TRACK


def test_the_second_quarter_is_judged_against_its_milestone_not_the_target(plan, project, schools):
    result(schools, 1, "8")
    result(schools, 2, "10")  # 18 so far, summed: below the milestone of 20
    row = dashboard(plan, 2)
    assert row.indicators[0].row.milestone == Decimal(20)
    assert row.indicators[0].row.result == Decimal(18)
    assert row.indicators[0].verdict == Verdict.NOT_ACHIEVED
    assert row.status == ProjectStatus.AT_RISK
    result(schools, 3, "4")  # 22 by the third quarter, which has no milestone
    assert dashboard(plan, 3).indicators[0].verdict == Verdict.NOT_DUE
    IndicatorResult.objects.filter(indicator=schools, quarter=2).update(value=Decimal(12))
    row = dashboard(plan, 2)
    assert (row.indicators[0].row.result, row.indicators[0].verdict) == (20, Verdict.ACHIEVED)
    assert row.status == ProjectStatus.ON_TRACK
    # The year's end is judged against the target: 24 of 50.
    row = dashboard(plan, 4)
    assert (row.indicators[0].row.milestone, row.indicators[0].verdict) == (
        Decimal(50),
        Verdict.NOT_ACHIEVED,
    )


def test_the_year_is_as_of_its_latest_reported_quarter_else_the_calendars():
    assert thai.as_of_quarter(2565, AFTER, 2) == 2  # over by the calendar, reported to Q2
    assert thai.as_of_quarter(2565, IN_Q3, None) == 3  # nothing reported yet
    assert thai.as_of_quarter(2565, IN_Q3, 2) == 2
    assert thai.as_of_quarter(2565, AFTER, 4) is None  # finished
    assert thai.as_of_quarter(2565, AFTER, None) is None  # over, nothing reported
    assert thai.as_of_label(2) == "ข้อมูล ณ สิ้นไตรมาสที่ ๒"


def test_the_summary_of_an_unfinished_year_is_judged_at_its_quarter(plan, project, schools):
    year_end = factories.indicator(project, 2, target="100", unit="ร้อยละ")
    result(schools, 1, "8")
    result(schools, 2, "13")
    summary = plan_summary(plan, today=AFTER)
    assert summary.as_of == 2
    rows = summary.projects[0].indicators
    assert [(r.milestone, r.verdict) for r in rows] == [
        (Decimal(20), Verdict.ACHIEVED),
        (None, Verdict.NOT_DUE),
    ]
    assert (summary.counts.achieved, summary.counts.not_achieved, summary.counts.not_due) == (
        1,
        0,
        1,
    )
    result(year_end, 4, "90")  # the fourth quarter reported: the year is finished
    summary = plan_summary(plan, today=AFTER)
    assert summary.as_of is None
    assert [r.verdict for r in summary.projects[0].indicators] == [
        Verdict.NOT_ACHIEVED,  # 21 of 50 at the year's end
        Verdict.NOT_ACHIEVED,  # 90 of 100
    ]


def test_the_printed_report_of_an_unfinished_year_says_as_of_when(plan, project, schools):
    factories.indicator(project, 2, target="100", unit="ร้อยละ")
    result(schools, 2, "25")
    html = printing.annual_report_html(annual_report(plan))
    assert html.count("ข้อมูล ณ สิ้นไตรมาสที่ ๒") == 3  # the cover, chapter 4, its table
    assert "ไม่บรรลุค่าเป้าหมาย ๐ ตัวชี้วัด" in html
    assert "ยังไม่ถึงกำหนดประเมิน ๑ ตัวชี้วัด" in html
    assert "คิดเป็นร้อยละ ๑๐๐.๐๐ ไม่บรรลุ" in html  # achieved: 1 of the 1 judged
    assert 'muted">เป้าหมาย ณ สิ้นไตรมาสที่ ๒: ๒๐ โรงเรียน</span>' in html


def test_a_finished_year_says_nothing_of_as_of(plan, project, schools):
    result(schools, 4, "50")
    html = printing.annual_report_html(annual_report(plan))
    assert "ข้อมูล ณ" not in html
    assert "ยังไม่ถึงกำหนดประเมิน" not in html


def test_pages_of_an_unfinished_year_say_as_of_when(client, plan, project, schools, director):
    factories.indicator(project, 2, target="100", unit="ร้อยละ")  # judged at the year's end
    result(schools, 2, "25")
    client.force_login(director)
    summary = client.get(reverse("reports:plan_summary", args=[2565])).content.decode()
    assert summary.count("ข้อมูล ณ สิ้นไตรมาสที่ ๒") == 2  # the lead and the table
    assert "ร้อยละ ๑๐๐.๐๐ · ยังไม่ถึงกำหนดประเมิน ๑</span>" in summary
    dashboard_html = client.get(reverse("reports:dashboard") + "?year=2565&quarter=1")
    page = dashboard_html.content.decode()
    assert "ข้อมูล ณ สิ้นไตรมาสที่ ๑" in page
    assert "ยังไม่ถึงกำหนดประเมิน" in page
    indicators = client.get(reverse("reports:dashboard_indicators") + "?year=2565&quarter=2")
    assert "เป้าหมายถึงสิ้นไตรมาสที่ ๒" in indicators.content.decode()
    assert '<td class="num" data-testid="milestone">๒๐ โรงเรียน</td>' in (
        indicators.content.decode()
    )
    result(schools, 4, "50")
    summary = client.get(reverse("reports:plan_summary", args=[2565])).content.decode()
    assert "ข้อมูล ณ" not in summary


def test_the_budget_overview_of_a_running_year_says_as_of_when(plan, project):
    assert budget_overview(plan, today=IN_Q3).as_of == 3
    assert budget_overview(plan, today=AFTER).as_of is None


def test_a_year_with_nothing_due_yet_prints_no_empty_percentages(plan, project, schools):
    result(schools, 1, "5")  # as of the first quarter, which has no milestone
    html = printing.annual_report_html(annual_report(plan))
    assert "ข้อมูล ณ สิ้นไตรมาสที่ ๑" in html
    assert "บรรลุค่าเป้าหมาย ๐ ตัวชี้วัด คิดเป็นร้อยละ – ไม่บรรลุค่าเป้าหมาย ๐ ตัวชี้วัด" in html
