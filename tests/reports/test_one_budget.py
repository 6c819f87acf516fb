"""A project's budget is one rule (budget.selectors.with_current_budget): after 40,000 is
moved out of a 100,000 project, the budget page, the quarterly report page and the dashboard
all say 60,000 (the annual report reads the budget pages' amounts already)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from budget import selectors as budget_selectors
from budget.rules import Pace
from progress import selectors as progress_selectors
from reports.dashboard.filters import Filters
from reports.dashboard.overview import year_lines
from reports.dashboard.queries import plan_projects
from reports.dashboard.rules import ProjectStatus, plan_targets
from tests import factories
from tests.budget import factories as money

pytestmark = pytest.mark.django_db

TODAY = date(2022, 10, 1)


@pytest.fixture
def moved(plan, group):
    source = factories.project(plan, 1, group=group, budget="100000")
    target = factories.project(plan, 2, group=group, budget="10000")
    factories.indicator(source, 1)
    money.transfer(source, target, "40000")  # approved 1 February 2022 (quarter 2)
    return source, target


def projects_at(plan, quarter):
    filters = Filters(year=2565, quarter=quarter)
    rows, _ = plan_projects(plan, filters, plan_targets(plan), today=TODAY)
    return {row.number: row.allocated for row in rows}


def test_every_reader_sees_the_budget_with_its_transfers(plan, moved):
    source, _target = moved
    amounts = budget_selectors.project_amounts(source)
    assert amounts.current == Decimal("60000.00")

    page = progress_selectors.report_page(source, 4, today=TODAY)
    assert page.allocated == Decimal("60000.00")

    filters = Filters(year=2565, quarter=4)
    rows, _ = plan_projects(plan, filters, plan_targets(plan), today=date.today())
    assert {r.number: r.allocated for r in rows} == {1: Decimal("60000.00"), 2: Decimal("50000.00")}

    lines = year_lines(plan.office)
    assert [line.allocated for line in lines] == [Decimal("110000.00")]


def test_before_the_transfer_the_dashboard_shows_the_budget_of_that_date(plan, moved):
    rows, _ = plan_projects(
        plan,
        Filters(year=2565, quarter=1),
        plan_targets(plan),
        today=date.today(),
    )
    assert {r.number: r.allocated for r in rows} == {
        1: Decimal("100000.00"),
        2: Decimal("10000.00"),
    }


def test_the_budget_page_and_the_dashboard_agree(client, plan, moved, director):
    client.force_login(director)
    budget_page = client.get(reverse("budget:overview", args=[2565])).content.decode()
    dashboard_page = client.get(
        reverse("reports:dashboard_projects"), {"quarter": 4}
    ).content.decode()
    assert "๖๐,๐๐๐.๐๐" in budget_page
    assert "๖๐,๐๐๐.๐๐" in dashboard_page


@pytest.mark.parametrize(
    ("disbursed", "budget_pace", "dashboard_status"),
    [
        ("40000", Pace.FAR_BEHIND, ProjectStatus.AT_RISK),  # the 52 % target, 40 % rate
        ("45000", Pace.BEHIND, ProjectStatus.BEHIND),  # within ten points
        ("52000", Pace.ON_TRACK, ProjectStatus.ON_TRACK),
    ],
)
def test_the_budget_page_and_the_dashboard_judge_the_pace_alike(
    plan, group, disbursed, budget_pace, dashboard_status
):
    project = factories.project(plan, 1, group=group, budget="100000")
    money.targets(plan, {1: Decimal(30), 2: Decimal(52), 3: Decimal(75), 4: Decimal(100)})
    money.disbursement(project, disbursed, paid_on=date(2022, 3, 1))
    end_of_q2 = date(2022, 3, 31)
    targets = budget_selectors.targets_for(plan, today=end_of_q2)
    (row,) = budget_selectors.project_budgets(plan, targets)
    assert row.pace == budget_pace
    filters = Filters(year=2565, quarter=2)
    rows, _ = plan_projects(plan, filters, plan_targets(plan), today=TODAY)
    assert rows[0].status == dashboard_status


def test_without_targets_neither_page_judges_the_money(plan, group):
    """A plan whose targets finance has not set: the budget page says "not assessed" and the
    dashboard does not hold the money against a target it made up (before, it took the
    defaults and called a 10 % rate at risk)."""
    project = factories.project(plan, 1, group=group, budget="100000")
    money.disbursement(project, "10000", paid_on=date(2022, 3, 1))
    targets = budget_selectors.targets_for(plan, today=date(2022, 3, 31))
    (row,) = budget_selectors.project_budgets(plan, targets)
    assert row.pace == Pace.NOT_MEASURED
    rows, tracked = plan_projects(
        plan, Filters(year=2565, quarter=2), plan_targets(plan), today=TODAY
    )
    assert tracked and rows[0].status == ProjectStatus.ON_TRACK  # nothing else is wrong


def test_the_dashboard_says_when_no_target_is_set(client, plan, group, director):
    project = factories.project(plan, 1, group=group, budget="100000")
    money.disbursement(project, "10000", paid_on=date(2022, 3, 1))
    client.force_login(director)
    page = client.get(reverse("reports:dashboard"), {"quarter": 2}).content.decode()
    assert "ยังไม่ได้กำหนดเป้าหมายการเบิกจ่ายของไตรมาสนี้" in page
