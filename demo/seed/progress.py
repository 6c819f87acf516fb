"""No seed file: the FY2565 report gives year-end results only, so each project's are held
as an approved fourth-quarter report, whose narrative is the project's chapter 3 text
(demo/seed/projects.py) and whose values are the Q4 indicator results
(demo/seed/summary_table.py). Nothing is invented for the other quarters."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from demo.seed.core import YEAR_END_QUARTER, Seeder
from indicators.models import IndicatorResult
from plans import thai
from plans.models import Plan
from progress.models import QuarterlyReport, ReportValue, default_deadline
from projects.models import Project, ProjectStatement


def _approved_at(year_be: int) -> datetime:
    """The seed's approval time: the default Q4 deadline, at noon (fixed, so reloads match)."""
    day: date = default_deadline(year_be, YEAR_END_QUARTER)
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def _statements(project: Project, kind: str) -> str:
    items = [s.text for s in project.statements.all() if s.kind == kind]
    if len(items) <= 1:
        return "".join(items)
    return "\n".join(f"{thai.to_thai_digits(n)}. {text}" for n, text in enumerate(items, 1))


def load_progress(loader: Seeder, plan: Plan) -> None:
    """An approved Q4 report for each project of the plan (idempotent through the upsert)."""
    approved_at = _approved_at(plan.fiscal_year.year)
    projects = Project.objects.filter(plan=plan).prefetch_related("statements").order_by("number")
    for project in projects:
        report = loader.upsert(
            QuarterlyReport,
            {"project": project, "quarter": YEAR_END_QUARTER},
            {
                "status": QuarterlyReport.Status.APPROVED,
                "work_done": project.methods,
                "quantitative_results": _statements(project, ProjectStatement.Kind.QUANTITATIVE),
                "qualitative_results": _statements(project, ProjectStatement.Kind.QUALITATIVE),
                "problems": _statements(project, ProjectStatement.Kind.PROBLEM),
                "recommendations": _statements(project, ProjectStatement.Kind.RECOMMENDATION),
                "submitted_at": approved_at,
                "approved_at": approved_at,
            },
        )
        kept = []
        results = IndicatorResult.objects.filter(
            indicator__project=project, quarter=YEAR_END_QUARTER
        ).select_related("indicator")
        for result in results:
            kept.append(
                loader.upsert(
                    ReportValue,
                    {"report": report, "indicator": result.indicator},
                    {
                        "value": result.value,
                        "unit": result.unit,
                        "count": result.count,
                        "count_unit": result.count_unit,
                        "shortfall": result.shortfall,
                    },
                ).pk
            )
        loader.prune(report.values.all(), kept)
