"""Reads that build the report's data: plain dataclasses with every total computed here, in
a fixed number of queries whatever the size of the plan. The HTML page, the PDF and the
dashboard format these; they never compute.

- :mod:`reports.selectors.summary`: the chapter 4 summary (``plan_summary``) and table 13
  (``office_budget``), shared with the plan summary page and the dashboard;
- :mod:`reports.selectors.annual`: the whole annual report (``annual_report``), tables 1-6
  and the committees;
- :mod:`reports.selectors.chapter2` … ``chapter5``: the chapters' parts beyond those, with
  :mod:`reports.selectors.common` for their shared arithmetic.
"""

from reports.selectors import annual, summary

# This package was one module: every name it had (private helpers included, which the
# dashboard reuses) stays importable from `reports.selectors`.
for _module in (summary, annual):
    globals().update({k: v for k, v in vars(_module).items() if not k.startswith("__")})
del _module

__all__ = ["annual", "annual_report", "office_budget", "plan_summary", "summary"]
