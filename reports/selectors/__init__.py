"""Reads that build the report's data: plain dataclasses with every total computed here, in
a fixed number of queries whatever the size of the plan. The HTML page, the PDF and the
dashboard format these; they never compute.

- :mod:`reports.selectors.summary`: the chapter 4 summary (``plan_summary``) and table 13
  (``office_budget``, the budget app's), shared with the plan summary page and the dashboard;
- :mod:`reports.selectors.annual`: the whole annual report (``annual_report``), tables 1-6
  and the committees;
- :mod:`reports.selectors.chapter2` … ``chapter5``: the chapters' parts beyond those, with
  :mod:`reports.selectors.common` for their shared arithmetic.
"""

from reports.selectors.annual import (
    AnnualReport,
    PersonnelRow,
    PersonnelTable,
    SchoolStats,
    annual_report,
    personnel_table,
    school_stats,
)
from reports.selectors.summary import (
    IndicatorRow,
    OfficeBudget,
    PlanSummary,
    VerdictCounts,
    indicator_row,
    office_budget,
    plan_summary,
)

__all__ = [
    "AnnualReport",
    "IndicatorRow",
    "OfficeBudget",
    "PersonnelRow",
    "PersonnelTable",
    "PlanSummary",
    "SchoolStats",
    "VerdictCounts",
    "annual_report",
    "indicator_row",
    "office_budget",
    "personnel_table",
    "plan_summary",
    "school_stats",
]
