"""What a copy into the next year would create (the preview page) and the copies made."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q

from budget.selectors import with_current_budget
from nextyear.models import PlanCopy
from nextyear.services import copy_refusals, next_plan, undo_refusals
from plans.models import Plan
from plans.money import ZERO, cents
from projects.models import Project, ProjectStatement


@dataclass(frozen=True)
class ProjectPreview:
    number: int
    name: str
    work_group: str
    activities: int
    objectives: int
    indicators: int
    milestones: int
    proposal: Decimal


@dataclass(frozen=True)
class CopyPreview:
    """The copy of `source` into `target_year`: what would be created, and why not."""

    source: Plan
    target_year: int
    target: Plan | None  # the next year's plan when it exists (its frame is kept)
    frame_kept: bool  # the next plan exists with a frame (chapter 5's direction)
    projects: list[ProjectPreview]
    refusals: list[str]

    @property
    def totals(self) -> ProjectPreview:
        rows = self.projects
        return ProjectPreview(
            number=len(rows),
            name="",
            work_group="",
            activities=sum(r.activities for r in rows),
            objectives=sum(r.objectives for r in rows),
            indicators=sum(r.indicators for r in rows),
            milestones=sum(r.milestones for r in rows),
            proposal=sum((r.proposal for r in rows), ZERO),
        )


def copy_preview(source: Plan) -> CopyPreview:
    """The preview of copying `source` into the next year (a fixed number of queries)."""
    projects = (
        with_current_budget(Project.objects.filter(plan=source))
        .select_related("work_group")
        .annotate(
            n_activities=Count("activities", distinct=True),
            n_objectives=Count(
                "statements",
                filter=Q(statements__kind=ProjectStatement.Kind.OBJECTIVE),
                distinct=True,
            ),
            n_indicators=Count("indicators", distinct=True),
            n_milestones=Count("indicators__milestones", distinct=True),
        )
        .order_by("number")
    )
    target = next_plan(source)
    frame_kept = target is not None and (
        bool(target.vision) or target.statements.exists() or target.strategies.exists()
    )
    return CopyPreview(
        source=source,
        target_year=source.fiscal_year.year + 1,
        target=target,
        frame_kept=frame_kept,
        projects=[
            ProjectPreview(
                number=p.number,
                name=p.name,
                work_group=p.work_group.name if p.work_group else "",
                activities=p.n_activities,
                objectives=p.n_objectives,
                indicators=p.n_indicators,
                milestones=p.n_milestones,
                proposal=cents(p.current_budget),
            )
            for p in projects
        ],
        refusals=copy_refusals(source),
    )


@dataclass(frozen=True)
class CopyRow:
    copy: PlanCopy
    projects: int
    refusals: list[str]


def copy_list(office_id: int) -> list[CopyRow]:
    """The office's copies into a next year, newest first, each with why it can no longer
    be undone."""
    copies = (
        PlanCopy.objects.filter(target__office_id=office_id)
        .select_related(
            "source__fiscal_year", "target__fiscal_year", "target__office", "created_by"
        )
        .annotate(n_projects=Count("projects"))
        .order_by("-target__fiscal_year__year")
    )
    return [CopyRow(c, c.n_projects, undo_refusals(c)) for c in copies]


def proposal_list(plan: Plan) -> list[Project]:
    """The plan's projects by number with their proposed budget (`budget_proposal`, absent
    when none was proposed) and work group: the proposals page and its export. One query."""
    return list(
        Project.objects.filter(plan=plan)
        .select_related("budget_proposal", "work_group")
        .order_by("number")
    )
