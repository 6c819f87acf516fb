"""Golden figures of the FY2565 report, computed from its rows by the selectors that the
pages and the printed report share."""

from decimal import Decimal

import pytest

from reports.selectors import office_budget, plan_summary

pytestmark = pytest.mark.django_db

PROJECT_BUDGETS = {
    1: "375000.00", 2: "31050.00", 3: "32980.00", 4: "140980.00", 5: "147245.00",
    6: "348445.00", 7: "94795.00", 8: "152000.00", 9: "43135.20", 10: "90000.00",
    11: "5000.00", 12: "28256.00", 13: "30000.00", 14: "51588.00",
}  # fmt: skip


def test_indicators_achieved_as_counted_from_the_chapter_4_rows(fy2565_db):
    summary = plan_summary(fy2565_db)
    # The report's prose says 47 of 49 (95.92 %); its table has 51 rows, 49 achieved.
    counts = summary.counts
    assert (counts.total, counts.achieved, counts.not_achieved) == (51, 49, 2)
    assert summary.counts.achieved_percent == Decimal("96.08")
    failing = {p.number for p in summary.projects if p.counts.not_achieved}
    assert failing == {4, 9}


def test_each_project_budget_and_the_plan_total(fy2565_db):
    summary = plan_summary(fy2565_db)
    assert {p.number: str(p.budget) for p in summary.projects} == PROJECT_BUDGETS
    assert summary.budget == Decimal("1570474.20")
    assert [a.number for a in summary.policy_areas] == [1, 2, 3, 4]
    assert [len(a.projects) for a in summary.policy_areas] == [1, 1, 4, 8]


def test_table_13_totals(fy2565_db):
    budget = office_budget(fy2565_db.office, fy2565_db.fiscal_year)
    total = budget.total
    assert total.allocated == Decimal("318223938.00")
    assert total.disbursed == Decimal("317489822.56")
    assert total.remaining == Decimal("734115.44")
    assert total.rate == Decimal("99.77")
    assert [line.name for line in budget.lines] == [
        "งบบุคลากร", "งบดำเนินงาน", "งบอุดหนุน", "งบลงทุน", "งบรายจ่ายอื่น",
    ]  # fmt: skip
    (central,) = budget.central_fund
    # The report prints 5.20 and 99.99; the arithmetic gives 4.20 and 100.00.
    assert (central.remaining, central.rate) == (Decimal("4.20"), Decimal("100.00"))
