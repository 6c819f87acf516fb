"""budget.yaml (table 13): the budget categories and the office's allocation and
disbursement of the year in each, and the year's quarterly disbursement targets.

The report prints no targets and no dated disbursements (table 13 gives only the year's
totals), so nothing else is invented here."""

from __future__ import annotations

from budget.models import (
    BudgetCategory,
    DisbursementTarget,
    OfficeAllocation,
    OfficeDisbursement,
)
from budget.rules import DEFAULT_TARGETS
from demo.seed.core import Seeder, dec
from plans.models import FiscalYear, Office, Plan

BUDGET_CATEGORY_ORDER = ["personnel", "operating", "subsidy", "investment", "other", "central"]


def load_budget(loader: Seeder, office: Office, year: FiscalYear) -> None:
    data = loader.read("budget.yaml")
    rows = list(data.get("categories", []))
    if data.get("central_fund"):
        rows.append(data["central_fund"])
    for row in rows:
        code = row["code"]
        category = loader.upsert(
            BudgetCategory,
            {"code": code},
            {
                "name": row["name"],
                "order": BUDGET_CATEGORY_ORDER.index(code) + 1,
                "is_central_fund": code == "central",
            },
        )
        # Table 13 gives the year's totals only: one allocation and one disbursement each.
        loader.upsert(
            OfficeAllocation,
            {"office": office, "fiscal_year": year, "category": category, "number": 1},
            {"amount": dec(row["allocated"]), "note": "ยอดจัดสรรทั้งปี (ตารางที่ ๑๓)"},
        )
        loader.upsert(
            OfficeDisbursement,
            {
                "office": office,
                "fiscal_year": year,
                "category": category,
                "document_no": "FY-TOTAL",
            },
            {"amount": dec(row["disbursed"]), "note": "ยอดเบิกจ่ายทั้งปี (ตารางที่ ๑๓)"},
        )


def load_budget_targets(loader: Seeder, plan: Plan) -> None:
    """The cumulative targets per quarter (the government's usual 30 / 52 / 75 / 100)."""
    for quarter, percent in DEFAULT_TARGETS.items():
        loader.upsert(
            DisbursementTarget,
            {"plan": plan, "quarter": quarter},
            {"cumulative_percent": percent},
        )
