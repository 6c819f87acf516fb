"""Golden numbers of the FY2565 report, computed from its rows by the selectors that the
pages and the printed report share."""

from decimal import Decimal

import pytest
import yaml
from django.conf import settings

from plans.thai import baht_text
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
    budget = office_budget(fy2565_db)
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


def test_baht_text_of_each_project_budget_is_computed(fy2565_db):
    """The words are computed from the amount; they differ from the report's typed words
    exactly where the report got them wrong (projects 5, 6, 7 and 12)."""
    printed = {}
    for name in ("projects_01_07.yaml", "projects_08_14.yaml"):
        path = settings.BASE_DIR / "fixtures" / "fy2565" / name
        for row in yaml.safe_load(path.read_text(encoding="utf-8"))["projects"]:
            printed[row["number"]] = row["printed_budget_text"].strip("-")
    computed = {p.number: baht_text(p.budget) for p in plan_summary(fy2565_db).projects}
    differing = {n for n in computed if computed[n] != printed[n]}
    assert differing == {5, 6, 7, 12}
    assert computed[9] == "สี่หมื่นสามพันหนึ่งร้อยสามสิบห้าบาทยี่สิบสตางค์"
    assert computed[12] == "สองหมื่นแปดพันสองร้อยห้าสิบหกบาทถ้วน"


def test_rows_keep_target_and_result_as_printed(fy2565_db):
    """Rows of the chapter 4 table, as the report prints them."""
    projects = {p.number: p for p in plan_summary(fy2565_db).projects}
    first = projects[1].activities[0].indicators[0]  # "๓๘ คน / ร้อยละ ๑๐๐"
    assert (first.target, first.unit, first.result, first.result_unit) == (
        Decimal("38.00"),
        "คน",
        Decimal("100.00"),
        "ร้อยละ",
    )
    assert first.verdict == "achieved"
    # "ร้อยละ ๑๐๐ / ร้อยละ ๕๔.๓๙ / ๒๐ โรงเรียน / ร้อยละ ๔๕.๖๑": 20 schools are the shortfall
    thai_contest = projects[4].activities[6].indicators[0]
    assert (thai_contest.target, thai_contest.result) == (Decimal("100.00"), Decimal("54.39"))
    assert thai_contest.verdict == "not_achieved"
    spending = [i for i in projects[9].all_indicators if i.verdict == "not_achieved"]
    assert [(i.target, i.result) for i in spending] == [(Decimal("90.00"), Decimal("67.85"))]
    assert len(projects[8].indicators) == 3  # printed on the project line, not an activity
