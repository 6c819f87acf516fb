"""Copying a plan into the next year, and undoing it."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from budget.models import ProjectAllocation, ProjectDisbursement
from indicators.models import Indicator, IndicatorMilestone, IndicatorResult
from nextyear.models import BudgetProposal, PlanCopy
from nextyear.services import Part, plan_copy, plan_copy_undo
from plans.models import FiscalYear, Plan, PlanStatement
from progress.models import QuarterlyReport
from projects.models import Activity, Project, ProjectStatement
from tests import factories
from tests.budget import factories as money

ALL = set(Part)


@pytest.fixture
def source(plan, group):
    """FY2565 with one project: two activities, an objective and a result text, an indicator
    with milestones and a result, money allocated, moved and spent."""
    project = factories.project(plan, 1, group=group, budget="100000")
    a1 = factories.activity(project, 1, "อบรมครู")
    factories.activity(project, 2, "นิเทศติดตาม")
    ProjectStatement.objects.create(project=project, kind="objective", number=1, text="เพื่อพัฒนา")
    ProjectStatement.objects.create(project=project, kind="problem", number=1, text="งบน้อย")
    indicator = factories.indicator(project, 1, activity=a1, target="80", result="85")
    IndicatorMilestone.objects.create(indicator=indicator, quarter=2, value=Decimal("40"))
    IndicatorMilestone.objects.create(indicator=indicator, quarter=4, value=Decimal("80"))
    other = factories.project(plan, 2, budget="5000")
    money.transfer(project, other, "2000")
    money.disbursement(project, "30000")
    PlanStatement.objects.create(plan=plan, kind="mission", number=1, text="พันธกิจปีนี้")
    return plan


def test_copy_takes_the_plan_never_results_or_money(source, planner):
    copy = plan_copy(source=source, parts=ALL, user=planner)

    target = Plan.objects.get(office=source.office, fiscal_year__year=2566)
    assert copy.target == target and copy.created_plan
    assert FiscalYear.objects.filter(year=2566).exists()
    new = Project.objects.get(plan=target, number=1)
    assert new.name == "โครงการทดสอบ 1" and new.work_group.code == "promotion"
    assert list(Activity.objects.filter(project=new).values_list("number", "name")) == [
        (1, "อบรมครู"),
        (2, "นิเทศติดตาม"),
    ]
    assert list(new.statements.values_list("kind", "text")) == [("objective", "เพื่อพัฒนา")]
    indicator = Indicator.objects.get(project=new)
    assert indicator.target == Decimal("80") and indicator.activity.name == "อบรมครู"
    assert list(indicator.milestones.values_list("quarter", "value")) == [
        (2, Decimal("40")),
        (4, Decimal("80")),
    ]
    # The current budget (100,000 less 2,000 moved out) as a proposal, never an allocation.
    assert BudgetProposal.objects.get(project=new).amount == Decimal("98000.00")
    assert BudgetProposal.objects.get(project__plan=target, project__number=2).amount == Decimal(
        "7000.00"
    )
    assert not IndicatorResult.objects.filter(indicator__project__plan=target).exists()
    assert not ProjectAllocation.objects.filter(project__plan=target).exists()
    assert not ProjectDisbursement.objects.filter(project__plan=target).exists()
    assert list(target.statements.values_list("text", flat=True)) == ["พันธกิจปีนี้"]
    assert set(copy.projects.values_list("number", flat=True)) == {1, 2}


def test_copy_keeps_the_next_years_frame_from_chapter_5(source, planner):
    """The plan of the next year exists (chapter 5's direction): its frame is kept."""
    target = factories.plan(source.office, 2566)
    target.vision = "วิสัยทัศน์ปีหน้า"
    target.save()
    PlanStatement.objects.create(plan=target, kind="mission", number=1, text="พันธกิจปีหน้า")

    copy = plan_copy(source=source, parts=ALL, user=planner)

    assert copy.target == target and not copy.created_plan
    target.refresh_from_db()
    assert target.vision == "วิสัยทัศน์ปีหน้า"
    assert list(target.statements.values_list("text", flat=True)) == ["พันธกิจปีหน้า"]
    assert target.projects.count() == 2


def test_copy_takes_only_the_chosen_parts(source, planner):
    copy = plan_copy(source=source, parts=set(), user=planner)

    target = copy.target
    assert target.projects.count() == 2
    assert not Activity.objects.filter(project__plan=target).exists()
    assert not Indicator.objects.filter(project__plan=target).exists()
    assert not ProjectStatement.objects.filter(project__plan=target).exists()
    assert not BudgetProposal.objects.filter(project__plan=target).exists()
    assert not target.statements.exists()


def test_a_second_copy_is_refused(source, planner):
    plan_copy(source=source, parts=ALL, user=planner)
    with pytest.raises(ValidationError, match="มีโครงการอยู่แล้ว"):
        plan_copy(source=source, parts=ALL, user=planner)
    assert Project.objects.filter(plan__fiscal_year__year=2566).count() == 2


@pytest.mark.parametrize("who", ["outsider", "director", "staff_user", "group_director"])
def test_only_the_offices_planners_copy(source, who, request):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        plan_copy(source=source, parts=ALL, user=user)
    assert not Plan.objects.filter(fiscal_year__year=2566).exists()


def test_undo_deletes_what_the_copy_made(source, planner):
    copy = plan_copy(source=source, parts=ALL, user=planner)
    plan_copy_undo(copy=copy, user=planner)
    assert not Plan.objects.filter(fiscal_year__year=2566).exists()
    assert not PlanCopy.objects.exists()
    assert Project.objects.filter(plan=source).count() == 2  # the source untouched
    assert FiscalYear.objects.filter(year=2566).exists()  # reference data stays


def test_undo_keeps_an_existing_next_plan(source, planner):
    target = factories.plan(source.office, 2566)
    copy = plan_copy(source=source, parts=ALL, user=planner)
    plan_copy_undo(copy=copy, user=planner)
    assert Plan.objects.filter(pk=target.pk).exists()
    assert not target.projects.exists() and not PlanCopy.objects.exists()


@pytest.mark.parametrize("what", ["result", "report", "allocation"])
def test_undo_is_refused_once_the_new_year_has_results(source, planner, what):
    copy = plan_copy(source=source, parts=ALL, user=planner)
    project = copy.target.projects.get(number=1)
    if what == "result":
        IndicatorResult.objects.create(
            indicator=project.indicators.get(), quarter=1, value=Decimal("10"), unit="ร้อยละ"
        )
    elif what == "report":
        QuarterlyReport.objects.create(project=project, quarter=1)
    else:
        money.allocation(project, "1000")
    with pytest.raises(ValidationError, match="จึงยกเลิกการคัดลอกไม่ได้"):
        plan_copy_undo(copy=copy, user=planner)
    assert copy.target.projects.count() == 2


@pytest.mark.parametrize("who", ["outsider", "director"])
def test_only_the_offices_planners_undo(source, planner, who, request):
    copy = plan_copy(source=source, parts=ALL, user=planner)
    with pytest.raises(PermissionDenied):
        plan_copy_undo(copy=copy, user=request.getfixturevalue(who))
    assert copy.target.projects.count() == 2


def test_proposals_are_set_changed_and_removed(source, planner, director):
    from nextyear.services import proposals_update

    copy = plan_copy(source=source, parts=ALL, user=planner)
    first, second = copy.target.projects.order_by("number")
    proposals_update(
        plan=copy.target, amounts={first: Decimal("120000"), second: None}, user=planner
    )
    assert BudgetProposal.objects.get(project=first).amount == Decimal("120000")
    assert not BudgetProposal.objects.filter(project=second).exists()
    assert not ProjectAllocation.objects.filter(project__plan=copy.target).exists()
    with pytest.raises(PermissionDenied):
        proposals_update(plan=copy.target, amounts={first: Decimal(1)}, user=director)
    with pytest.raises(ValidationError):
        proposals_update(plan=copy.target, amounts={source.projects.first(): None}, user=planner)
