"""Budget amounts as the pages and the Excel files get them."""

from datetime import date
from decimal import Decimal

import pytest

from budget.models import DisbursementTarget
from budget.rules import Pace, pace
from budget.selectors import budget_overview, project_ledger
from demo.loader import Loader
from plans import thai
from plans.thai import baht_text
from tests import factories
from tests.budget import factories as budget_factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("rate", "target", "expected"),
    [
        (Decimal("52.00"), Decimal(52), Pace.ON_TRACK),
        (Decimal("51.99"), Decimal(52), Pace.BEHIND),
        (Decimal("42.00"), Decimal(52), Pace.BEHIND),
        (Decimal("41.99"), Decimal(52), Pace.FAR_BEHIND),
        (None, Decimal(52), Pace.NOT_MEASURED),
        (Decimal("10.00"), None, Pace.NOT_MEASURED),
    ],
)
def test_pace_thresholds(rate, target, expected):
    assert pace(rate, target) == expected


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2021, 9, 30), None),
        (date(2021, 10, 1), 1),
        (date(2022, 3, 31), 2),
        (date(2022, 4, 1), 3),
        (date(2022, 9, 30), 4),
        (date(2023, 1, 1), 4),
    ],
)
def test_the_quarter_whose_target_applies(day, quarter):
    assert thai.quarter_on(2565, day) == quarter


def test_projects_and_the_office_are_measured_against_the_current_target(plan, group):
    budget_factories.targets(plan)
    on_track = factories.project(plan, 1, group=group, budget="1000.00")
    behind = factories.project(plan, 2, group=group, budget="1000.00")
    far = factories.project(plan, 3, group=group, budget="1000.00")
    budget_factories.disbursement(on_track, "520.00")
    budget_factories.disbursement(behind, "420.00")
    budget_factories.disbursement(far, "419.90")
    cat = budget_factories.category()
    budget_factories.office_allocation(plan, cat, "1000.00")
    budget_factories.office_disbursement(plan, cat, "300.00")
    overview = budget_overview(plan, today=date(2022, 2, 15))  # quarter 2: 52 %
    assert overview.targets.current == Decimal("52.00")
    assert [p.pace for p in overview.projects] == [Pace.ON_TRACK, Pace.BEHIND, Pace.FAR_BEHIND]
    assert [p.rate for p in overview.projects] == [
        Decimal("52.00"),
        Decimal("42.00"),
        Decimal("41.99"),
    ]
    assert overview.office.total.rate == Decimal("30.00")
    assert overview.office_pace == Pace.FAR_BEHIND
    assert overview.plan_total.disbursed == Decimal("1359.90")


def test_ledger_runs_the_remaining_in_date_order(plan, group):
    project = factories.project(plan, 1, group=group, budget="1000.00")
    other = factories.project(plan, 2, group=group, budget="500.00")
    budget_factories.disbursement(project, "100.00", paid_on=date(2022, 3, 1))
    budget_factories.transfer(other, project, "50.00")  # 1 Feb 2022
    budget_factories.disbursement(project, "0.10", paid_on=date(2022, 1, 5))
    budget_factories.disbursement(project, "0.20", paid_on=date(2022, 1, 5))
    ledger = project_ledger(project)
    assert [(e.kind, e.delta, e.balance) for e in ledger.entries] == [
        ("allocation", Decimal("1000.00"), Decimal("1000.00")),
        ("disbursement", Decimal("-0.10"), Decimal("999.90")),
        ("disbursement", Decimal("-0.20"), Decimal("999.70")),
        ("transfer_in", Decimal("50.00"), Decimal("1049.70")),
        ("disbursement", Decimal("-100.00"), Decimal("949.70")),
    ]
    assert ledger.project.remaining == Decimal("949.70")
    assert ledger.project.current == Decimal("1050.00")


def test_sums_over_two_relations_are_not_multiplied(plan, group):
    """Three allocations and two disbursements: a join of both would give 6 rows."""
    project = factories.project(plan, 1, group=group, budget="100.00")
    budget_factories.allocation(project, "200.00", number=2)
    budget_factories.allocation(project, "300.00", number=3)
    budget_factories.disbursement(project, "10.00")
    budget_factories.disbursement(project, "20.00")
    (row,) = budget_overview(plan).projects
    assert (row.original, row.disbursed, row.remaining) == (
        Decimal("600.00"),
        Decimal("30.00"),
        Decimal("570.00"),
    )


def test_fy2565_table_13_and_project_baht_text(fy2565_db):
    overview = budget_overview(fy2565_db, today=date(2022, 9, 30))
    total = overview.office.total
    assert (total.allocated, total.disbursed, total.rate) == (
        Decimal("318223938.00"),
        Decimal("317489822.56"),
        Decimal("99.77"),
    )
    assert [line.rate for line in overview.office.lines] == [
        Decimal("99.30"),
        Decimal("98.09"),
        Decimal("99.97"),
        Decimal("99.94"),
        Decimal("99.59"),
    ]
    (central,) = overview.office.central_fund
    assert (central.remaining, central.rate) == (Decimal("4.20"), Decimal("100.00"))
    assert overview.targets.by_quarter == {
        1: Decimal("30.00"),
        2: Decimal("52.00"),
        3: Decimal("75.00"),
        4: Decimal("100.00"),
    }
    by_number = {p.number: p for p in overview.projects}
    assert by_number[5].current == Decimal("147245.00")
    assert baht_text(by_number[5].current) == "หนึ่งแสนสี่หมื่นเจ็ดพันสองร้อยสี่สิบห้าบาทถ้วน"
    assert baht_text(by_number[9].current) == "สี่หมื่นสามพันหนึ่งร้อยสามสิบห้าบาทยี่สิบสตางค์"
    assert overview.plan_total.current == Decimal("1570474.20")


def test_the_targets_seed_is_idempotent(fy2565_db):
    from demo.seed.budget import load_budget_targets

    loader = Loader()
    load_budget_targets(loader, fy2565_db)
    assert (loader.stats.created, loader.stats.updated, loader.stats.unchanged) == (0, 0, 4)
    assert DisbursementTarget.objects.filter(plan=fy2565_db).count() == 4
