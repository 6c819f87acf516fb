"""Reads behind the director dashboards: plain dataclasses with every total computed here,
each page in a fixed number of queries whatever the size of the plan or the office.

The numbers agree with the annual report because they come from the same places: the office
budget is `reports.selectors.office_budget` (table 13) and every indicator's verdict is made
by `reports.selectors.indicator_row` (the chapter 4 rule of `indicators/rules.py`) from the
quarterly results up to the chosen quarter; at the fourth quarter that is exactly
`plan_summary`.

- `rules`: a project's status at a quarter (the one rule) and the disbursement targets;
- `filters`: what the URL chose, and the filter form's choices;
- `rows`: an indicator, a project and a set of projects at a quarter;
- `queries`: the plan's projects at a quarter, which every page reads;
- `overview`, `sets`, `project_detail`, `schools`: one selector per page;
- `charts`: the pages' charts as data for static/js/dashboard.js.

Importers name the module (`from reports.dashboard.rules import ProjectStatus`); this
package exports nothing itself.
"""
