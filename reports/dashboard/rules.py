"""The one rule of a project's status on the dashboard at a quarter, and the disbursement
targets it measures the money against.

  * the indicator share is achieved / judged indicators: those not yet reported, and those
    not judged yet at the quarter (no milestone for it: many are measured at the year's
    end, indicators.rules.milestone), do not count against a project;
  * the money rate is the project's disbursement up to the quarter's end / its budget at
    that date (allocations and transfers, budget.selectors.with_current_budget),
    compared with the plan's cumulative disbursement target of the quarter (`plan_targets`:
    the targets finance set, budget.selectors.targets_for; a quarter without one is not
    assessed, as on the budget pages). It counts only when the
    plan keeps a project ledger (some project of the plan has a disbursement recorded) and
    the project has a budget;
  * the money's verdict is the budget pages' own (budget.rules.pace): below the target by
    more than its margin is far behind, within it behind;
  * at risk (เสี่ยง): share below 50 %, or the money far behind;
  * behind (ล่าช้า): otherwise, share below 80 %, or the money behind;
  * on track (ตามแผน): everything else, including a project with nothing reported yet.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from budget.rules import Pace, pace
from budget.selectors import targets_for
from plans.models import Plan
from plans.money import percent
from reports.selectors import VerdictCounts

ON_TRACK_SHARE = Decimal(80)
AT_RISK_SHARE = Decimal(50)


class ProjectStatus(StrEnum):
    ON_TRACK = "on_track"
    BEHIND = "behind"
    AT_RISK = "at_risk"


PROJECT_STATUS_LABELS = {
    ProjectStatus.ON_TRACK: "ตามแผน",
    ProjectStatus.BEHIND: "ล่าช้า",
    ProjectStatus.AT_RISK: "เสี่ยง",
}


def project_status(
    counts: VerdictCounts,
    allocated: Decimal,
    disbursed: Decimal,
    target: Decimal | None,
    *,
    money_tracked: bool,
) -> ProjectStatus:
    """The one rule of a project's status at a quarter (see the module's docstring); target is
    the quarter's cumulative disbursement target (ร้อยละ)."""
    share = counts.achieved_percent
    money = pace(percent(disbursed, allocated) if money_tracked else None, target)
    if (share is not None and share < AT_RISK_SHARE) or money == Pace.FAR_BEHIND:
        return ProjectStatus.AT_RISK
    if (share is not None and share < ON_TRACK_SHARE) or money == Pace.BEHIND:
        return ProjectStatus.BEHIND
    return ProjectStatus.ON_TRACK


def plan_targets(plan: Plan) -> dict[int, Decimal]:
    """The plan's cumulative disbursement targets per quarter, as the budget pages read them
    (budget.selectors.targets_for): a quarter finance set no target for is absent. One
    query."""
    return targets_for(plan).by_quarter
