"""The by-policy-area and by-work-group pages: the plan's projects grouped into sets, and
the sort orders their tables offer."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from plans import thai
from reports.dashboard.filters import Choice
from reports.dashboard.rows import DashboardProject, ProjectSet

SORT_KEYS: dict[str, Callable[[ProjectSet], object]] = {
    "name": lambda r: r.key,
    "projects": lambda r: len(r.projects),
    "achieved": lambda r: r.counts.achieved,
    "not_achieved": lambda r: r.counts.not_achieved,
    "not_reported": lambda r: r.counts.not_reported,
    "not_due": lambda r: r.counts.not_due,
    "achieved_percent": lambda r: r.counts.achieved_percent or Decimal(-1),
    "allocated": lambda r: r.allocated,
    "disbursed": lambda r: r.disbursed,
    "rate": lambda r: r.rate if r.rate is not None else Decimal(-1),
    "on_track": lambda r: r.statuses.on_track,
    "behind": lambda r: r.statuses.behind,
    "at_risk": lambda r: r.statuses.at_risk,
}


def sort_rows(rows: list[ProjectSet], sort: str) -> list[ProjectSet]:
    """Rows sorted by a SORT_KEYS key, descending with a leading "-"; unknown keys keep the
    given order. Ties keep the given order too (a stable sort)."""
    key = SORT_KEYS.get(sort.removeprefix("-"))
    if key is None:
        return rows
    return sorted(rows, key=key, reverse=sort.startswith("-"))


def by_policy_area(projects: list[DashboardProject], sort: str = "") -> list[ProjectSet]:
    grouped: dict[int, ProjectSet] = {}
    for p in projects:
        label = f"{thai.to_thai_digits(p.policy_area_number)}. {p.policy_area}"
        grouped.setdefault(
            p.policy_area_number, ProjectSet(f"{p.policy_area_number:02d}", label, [])
        ).projects.append(p)
    return sort_rows([grouped[n] for n in sorted(grouped)], sort)


def by_work_group(
    projects: list[DashboardProject], groups: list[Choice], sort: str = ""
) -> list[ProjectSet]:
    order = {choice.value: i for i, choice in enumerate(groups)}
    grouped: dict[str, ProjectSet] = {}
    for p in projects:
        grouped.setdefault(
            p.work_group_code,
            ProjectSet(f"{order.get(p.work_group_code, 999):03d}", p.work_group or "ไม่ระบุกลุ่ม", []),
        ).projects.append(p)
    return sort_rows(sorted(grouped.values(), key=lambda r: r.key), sort)
