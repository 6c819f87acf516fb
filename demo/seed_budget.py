"""FY2565 budget seed beyond table 13: the year's quarterly disbursement targets.

The report prints no targets and no dated disbursements (table 13, already loaded by
`Loader.load_budget`, gives only the year's totals), so nothing else is invented here."""

from __future__ import annotations

from budget.models import DisbursementTarget
from budget.rules import DEFAULT_TARGETS
from plans.models import Plan


def load_budget_targets(loader, plan: Plan) -> None:
    """The cumulative targets per quarter (the government's usual 30 / 52 / 75 / 100)."""
    for quarter, percent in DEFAULT_TARGETS.items():
        loader.upsert(
            DisbursementTarget,
            {"plan": plan, "quarter": quarter},
            {"cumulative_percent": percent},
        )
