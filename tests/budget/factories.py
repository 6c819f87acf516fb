"""Budget factories: deterministic, each returns a saved object."""

from datetime import date
from decimal import Decimal

from budget.models import (
    BudgetCategory,
    BudgetTransfer,
    DisbursementTarget,
    OfficeAllocation,
    OfficeDisbursement,
    ProjectAllocation,
    ProjectDisbursement,
)
from budget.rules import DEFAULT_TARGETS
from plans.models import AuditEntry


def category(code="operating", name="งบดำเนินงาน", order=2, central=False):
    return BudgetCategory.objects.get_or_create(
        code=code, defaults={"name": name, "order": order, "is_central_fund": central}
    )[0]


def office_allocation(plan, cat, amount, number=1, **extra):
    return OfficeAllocation.objects.create(
        office=plan.office,
        fiscal_year=plan.fiscal_year,
        category=cat,
        number=number,
        amount=Decimal(amount),
        **extra,
    )


def office_disbursement(plan, cat, amount):
    return OfficeDisbursement.objects.create(
        office=plan.office, fiscal_year=plan.fiscal_year, category=cat, amount=Decimal(amount)
    )


def allocation(project, amount, *, activity=None, number=1):
    return ProjectAllocation.objects.create(
        project=project, activity=activity, number=number, amount=Decimal(amount)
    )


def disbursement(project, amount, *, activity=None, paid_on=date(2022, 1, 15)):
    return ProjectDisbursement.objects.create(
        project=project, activity=activity, amount=Decimal(amount), paid_on=paid_on
    )


def transfer(source, target, amount, *, from_activity=None, to_activity=None):
    return BudgetTransfer.objects.create(
        from_project=source,
        from_activity=from_activity,
        to_project=target,
        to_activity=to_activity,
        amount=Decimal(amount),
        transferred_on=date(2022, 2, 1),
        reason="ปรับแผน",
        approved_by="ผู้อำนวยการ สพม.",
    )


def targets(plan, values=None):
    for quarter, percent in (values or DEFAULT_TARGETS).items():
        DisbursementTarget.objects.create(plan=plan, quarter=quarter, cumulative_percent=percent)


def targets_form(*percents: str) -> dict:
    """What the targets page posts for the four quarters' cumulative percents, as typed: a
    row per quarter with its key, and the formset's management form."""
    data = {"quarters-TOTAL_FORMS": str(len(percents)), "quarters-INITIAL_FORMS": "4"}
    for index, percent in enumerate(percents):
        data[f"quarters-{index}-key"] = str(index + 1)
        data[f"quarters-{index}-percent"] = percent
    return data


# Other tests of the session may have loaded the FY2565 seed (a session fixture that is
# committed): count only the rows of the test office.
TEST_OFFICE = "test-office"
_OFFICE_PATH = {
    ProjectDisbursement: "project__plan__office__code",
    BudgetTransfer: "from_project__plan__office__code",
    OfficeAllocation: "office__code",
    OfficeDisbursement: "office__code",
    DisbursementTarget: "plan__office__code",
    AuditEntry: "office__code",
}


def ours(model):
    return model.objects.filter(**{_OFFICE_PATH[model]: TEST_OFFICE})


def written_by(user):
    """The audit entries of what `user` wrote (test set-up writes as the system)."""
    return AuditEntry.objects.filter(user=user)
