"""The report's project budgets are the current amounts: transfers move money between
projects, and table 13 is the budget app's own computation."""

from datetime import date
from decimal import Decimal

import pytest

from budget.services import transfer_record
from reports.selectors import plan_summary
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_transfer_moves_budget_between_projects_in_the_summary(plan, planner):
    first = factories.project(plan, 1, budget="10000.00")
    second = factories.project(plan, 2, budget="500.50")
    transfer_record(
        from_project=first,
        to_project=second,
        amount=Decimal("2500.25"),
        transferred_on=date(2022, 3, 1),
        reason="ปรับแผนการใช้จ่าย",
        approved_by="ผู้อำนวยการ สพม.",
        user=planner,
    )
    budgets = {row.number: row.budget for row in plan_summary(plan).projects}
    assert budgets == {1: Decimal("7499.75"), 2: Decimal("3000.75")}
    assert plan_summary(plan).budget == Decimal("10500.50")
