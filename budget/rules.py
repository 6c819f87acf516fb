"""The one place that decides how disbursement is measured against the quarterly target:
the rate, the quarter whose target applies on a day, and the pace (on track, behind, far
behind). Selectors, pages and the Excel files all ask here."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

# A rate below the quarter's cumulative target by at most this many percentage points is
# "behind"; further below is "far behind".
BEHIND_MARGIN = Decimal(10)

# The cumulative disbursement targets a year starts with (ร้อยละ by the end of each quarter).
# These are the government's usual cumulative targets for the overall budget, used for
# FY2565 (ไตรมาส ๑ ร้อยละ ๓๐, ๒ ร้อยละ ๕๒, ๓ ร้อยละ ๗๕, ๔ ร้อยละ ๑๐๐). The FY2565 report itself
# does not print them: finance or planning edits them per year when the cabinet sets others.
DEFAULT_TARGETS = {1: Decimal(30), 2: Decimal(52), 3: Decimal(75), 4: Decimal(100)}


class Pace(StrEnum):
    ON_TRACK = "on_track"
    BEHIND = "behind"
    FAR_BEHIND = "far_behind"
    NOT_MEASURED = "not_measured"  # no target for the day, or no money to disburse


PACE_LABELS = {
    Pace.ON_TRACK: "เป็นไปตามเป้าหมาย",
    Pace.BEHIND: "ต่ำกว่าเป้าหมาย",
    Pace.FAR_BEHIND: "ต่ำกว่าเป้าหมายมาก",
    Pace.NOT_MEASURED: "ยังไม่ประเมิน",
}


def pace(rate: Decimal | None, target: Decimal | None) -> Pace:
    if rate is None or target is None:
        return Pace.NOT_MEASURED
    if rate >= target:
        return Pace.ON_TRACK
    if rate >= target - BEHIND_MARGIN:
        return Pace.BEHIND
    return Pace.FAR_BEHIND
