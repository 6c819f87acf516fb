"""The rules that turn indicator values into a verdict. The one place that decides what
"achieved" means; models, selectors, the dashboard and the report all ask here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import StrEnum

PERCENT = "ร้อยละ"


class Direction(StrEnum):
    AT_LEAST = "at_least"  # higher is better: achieved when result >= target
    AT_MOST = "at_most"  # lower is better: achieved when result <= target


class Aggregation(StrEnum):
    SUM = "sum"  # persons trained per quarter add up
    LATEST = "latest"  # a rate measured again each quarter: the last one counts
    MAXIMUM = "max"  # a cumulative level reached: the best one counts


class Verdict(StrEnum):
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    NOT_REPORTED = "not_reported"
    NOT_DUE = "not_due"  # the quarter has no milestone: not judged yet, counted apart


VERDICT_LABELS = {
    Verdict.ACHIEVED: "บรรลุ",
    Verdict.NOT_ACHIEVED: "ไม่บรรลุ",
    Verdict.NOT_REPORTED: "ยังไม่รายงาน",
    Verdict.NOT_DUE: "ยังไม่ถึงกำหนดประเมิน",
}


LAST_QUARTER = 4  # the year-end quarter (plans.thai.FISCAL_QUARTERS[-1]; rules import no app)


def combine(values: Iterable[tuple[int, Decimal]], aggregation: str) -> Decimal | None:
    """Combine (quarter, value) pairs into the value so far, by the indicator's rule."""
    pairs = sorted(values)
    if not pairs:
        return None
    if aggregation == Aggregation.SUM:
        return sum((value for _, value in pairs), Decimal(0))
    if aggregation == Aggregation.MAXIMUM:
        return max(value for _, value in pairs)
    return pairs[-1][1]


def is_due(milestones: Mapping[int, Decimal], quarter: int) -> bool:
    """Whether a quarter is judged at all: it has a milestone, or it is the year's end."""
    return quarter in milestones or quarter == LAST_QUARTER


def milestone(
    target: Decimal | None, milestones: Mapping[int, Decimal], quarter: int
) -> Decimal | None:
    """What a quarter is judged against: the indicator's milestone for that quarter, else
    its target at the fourth quarter; None when the quarter is not judged (no milestone yet:
    an indicator measured at the year's end is not "not achieved" in the first quarter)."""
    if quarter in milestones:
        return milestones[quarter]
    return target if is_due(milestones, quarter) else None


def verdict(
    *,
    target: Decimal | None,
    target_unit: str,
    result: Decimal | None,
    result_unit: str,
    direction: str = Direction.AT_LEAST,
    quarter: int = LAST_QUARTER,
    milestones: Mapping[int, Decimal] | None = None,
) -> Verdict:
    """Achieved or not at a quarter, from the result so far and what the quarter is judged
    against (`milestone`: by default the target, at the fourth quarter only). A quarter
    without a milestone is not judged yet (NOT_DUE), reported or not.

    A result may be reported in another unit than its target: a target of 38 persons met
    "ร้อยละ ๑๐๐" is a result given as a percentage of the target, achieved at 100 or more
    (at a milestone, at the milestone's share of the target).
    Without a target there is nothing to fail: any reported result counts as achieved.
    """
    milestones = milestones or {}
    if not is_due(milestones, quarter):
        return Verdict.NOT_DUE
    if result is None:
        return Verdict.NOT_REPORTED
    goal = milestone(target, milestones, quarter)
    if goal is None:
        return Verdict.ACHIEVED
    if result_unit != target_unit and result_unit == PERCENT:
        share = Decimal(100) if goal == target or not target else goal * 100 / target
        ok = result >= share if direction == Direction.AT_LEAST else result <= share
    elif direction == Direction.AT_MOST:
        ok = result <= goal
    else:
        ok = result >= goal
    return Verdict.ACHIEVED if ok else Verdict.NOT_ACHIEVED
