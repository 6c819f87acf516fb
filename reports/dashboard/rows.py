"""The rows every dashboard page shows: an indicator and a project at a quarter, and a set
of projects (the whole plan, a policy area, a work group) with its totals computed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from indicators.rules import PERCENT, Verdict
from plans.money import ZERO, percent
from progress.selectors import QuarterStatus
from reports.dashboard.rules import PROJECT_STATUS_LABELS, ProjectStatus
from reports.selectors import IndicatorRow, VerdictCounts


@dataclass(frozen=True)
class DashboardIndicator:
    pk: int
    project_pk: int
    project_number: int
    project_name: str
    activity: str
    row: IndicatorRow  # target, result so far and verdict, as the report makes them
    quarterly: list[Decimal | None]  # the value reported in each quarter (None: none)

    @property
    def verdict(self) -> Verdict:
        return self.row.verdict

    @property
    def percent_of_target(self) -> list[Decimal | None]:
        """Each quarter's value as a share of the target (a result given in ร้อยละ against a
        target in another unit is already that share)."""
        row = self.row
        out: list[Decimal | None] = []
        for value in self.quarterly:
            if value is None or row.target in (None, ZERO):
                out.append(None)
            elif row.unit != PERCENT and row.result_unit == PERCENT:
                out.append(value)
            else:
                out.append(percent(value, row.target))
        return out


@dataclass(frozen=True)
class DashboardProject:
    pk: int
    number: int
    name: str
    policy_area_number: int
    policy_area: str
    work_group_code: str
    work_group: str
    indicators: list[DashboardIndicator]
    allocated: Decimal
    disbursed: Decimal  # up to the quarter's end
    status: ProjectStatus
    report: QuarterStatus  # the quarter's report, as the progress app judges it

    @property
    def counts(self) -> VerdictCounts:
        return VerdictCounts.of([i.verdict for i in self.indicators])

    @property
    def rate(self) -> Decimal | None:
        return percent(self.disbursed, self.allocated)

    @property
    def status_label(self) -> str:
        return PROJECT_STATUS_LABELS[self.status]


@dataclass(frozen=True)
class ProjectStatusCounts:
    on_track: int = 0
    behind: int = 0
    at_risk: int = 0

    @property
    def total(self) -> int:
        return self.on_track + self.behind + self.at_risk

    def share(self, status: str) -> Decimal | None:
        return percent(getattr(self, status), self.total)

    @property
    def on_track_percent(self) -> Decimal | None:
        return self.share("on_track")

    @property
    def behind_percent(self) -> Decimal | None:
        return self.share("behind")

    @property
    def at_risk_percent(self) -> Decimal | None:
        return self.share("at_risk")

    @classmethod
    def of(cls, projects: Iterable[DashboardProject]) -> ProjectStatusCounts:
        statuses = [p.status for p in projects]
        return cls(*(statuses.count(s) for s in ProjectStatus))


@dataclass(frozen=True)
class ProjectSet:
    """A set of projects with the same numbers for each: the whole plan, or one row of the
    by-area and by-group tables."""

    key: str
    label: str
    projects: list[DashboardProject]

    @property
    def counts(self) -> VerdictCounts:
        return sum((p.counts for p in self.projects), VerdictCounts())

    @property
    def statuses(self) -> ProjectStatusCounts:
        return ProjectStatusCounts.of(self.projects)

    @property
    def allocated(self) -> Decimal:
        return sum((p.allocated for p in self.projects), ZERO)

    @property
    def disbursed(self) -> Decimal:
        return sum((p.disbursed for p in self.projects), ZERO)

    @property
    def rate(self) -> Decimal | None:
        return percent(self.disbursed, self.allocated)

    @property
    def indicators(self) -> list[DashboardIndicator]:
        return [i for p in self.projects for i in p.indicators]
