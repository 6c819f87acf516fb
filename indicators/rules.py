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


VERDICT_LABELS = {
    Verdict.ACHIEVED: "บรรลุ",
    Verdict.NOT_ACHIEVED: "ไม่บรรลุ",
    Verdict.NOT_REPORTED: "ยังไม่รายงาน",
}


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


def verdict(
    *,
    target: Decimal | None,
    target_unit: str,
    result: Decimal | None,
    result_unit: str,
    direction: str = Direction.AT_LEAST,
) -> Verdict:
    """Achieved or not, from the target and the result.

    A result may be reported in another unit than its target: a target of 38 persons met
    "ร้อยละ ๑๐๐" is a result given as a percentage of the target, achieved at 100 or more.
    Without a target there is nothing to fail: any reported result counts as achieved.
    """
    if result is None:
        return Verdict.NOT_REPORTED
    if target is None:
        return Verdict.ACHIEVED
    if result_unit != target_unit and result_unit == PERCENT:
        ok = result >= Decimal(100) if direction == Direction.AT_LEAST else result <= Decimal(100)
    elif direction == Direction.AT_MOST:
        ok = result <= target
    else:
        ok = result >= target
    return Verdict.ACHIEVED if ok else Verdict.NOT_ACHIEVED


LAST_QUARTER = 4  # the year-end quarter (plans.thai.FISCAL_QUARTERS[-1]; rules import no app)


def milestone(
    target: Decimal | None, milestones: Mapping[int, Decimal], quarter: int
) -> Decimal | None:
    """What a quarter is judged against: the indicator's milestone for that quarter, else
    its target at the fourth quarter; None when the quarter is not judged (no milestone yet:
    an indicator measured at the year's end is not "not achieved" in the first quarter)."""
    if quarter in milestones:
        return milestones[quarter]
    return target if quarter == LAST_QUARTER else None
