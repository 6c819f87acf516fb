"""The units of an indicator's values: the one rule of a result's count's unit."""

from __future__ import annotations

from indicators.rules import PERCENT


def count_unit(value_unit: str, chosen: str = "") -> str:
    """The unit of a result's count, as in "ร้อยละ ๘๐ (๓๒ คน)": the unit chosen for it, else
    the value's own unit when that is a count (a result in persons counts persons). A count
    is never a percentage: none when the value is one and no unit was chosen."""
    if chosen and chosen != PERCENT:
        return chosen
    return "" if value_unit == PERCENT else value_unit


def kept_count_unit(value_unit: str, chosen: str, *, count, shortfall) -> str:
    """The count's unit a result keeps: count_unit's, while it has a count or a shortfall
    (how many fell short, in the same unit) to measure; none without either."""
    if count is None and shortfall is None:
        return ""
    return count_unit(value_unit, chosen)
