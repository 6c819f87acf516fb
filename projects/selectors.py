"""Reads of the planning group's project pages: the plan's projects and one project's tree,
each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from indicators.models import Indicator
from indicators.rules import milestone
from plans.models import Plan
from projects.models import Activity, Project, ProjectStatement


def _count(queryset: QuerySet, field: str) -> Coalesce:
    """The number of rows of `queryset` per parent (a subquery: two counts in one query
    never multiply each other's rows)."""
    counted = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def project_list_for_plan(plan: Plan) -> QuerySet[Project]:
    """The plan's projects by number, with their group, owner and how many activities and
    indicators each has."""
    return (
        Project.objects.filter(plan=plan)
        .select_related("work_group", "owner", "policy_area")
        .annotate(
            activity_count=_count(Activity.objects.all(), "project"),
            indicator_count=_count(Indicator.objects.all(), "project"),
        )
        .order_by("number")
    )


@dataclass(frozen=True)
class PlanTree:
    """The plan's projects (as project_list_for_plan), every activity and every indicator
    with its quarterly milestones: the project pages' export. Three queries."""

    projects: list[Project]
    activities: list[Activity]
    indicators: list[Indicator]


def plan_tree(plan: Plan) -> PlanTree:
    return PlanTree(
        projects=list(project_list_for_plan(plan)),
        activities=list(
            Activity.objects.filter(project__plan=plan)
            .select_related("project")
            .order_by("project__number", "number")
        ),
        indicators=list(
            Indicator.objects.with_milestones()
            .filter(project__plan=plan)
            .select_related("project", "activity")
            .order_by("project__number", "order")
        ),
    )


@dataclass(frozen=True)
class ProjectTree:
    project: Project
    statements: list[ProjectStatement]  # objectives and target groups
    activities: list[Activity]
    indicators: list[Indicator]


def project_tree(project: Project) -> ProjectTree:
    """A project with its objectives, supporting groups, activities and indicators (with
    their activity and milestones)."""
    plan = project.plan
    tree_project = (
        Project.objects.select_related("policy_area", "work_group", "owner")
        .prefetch_related(
            "supporting_groups",
            Prefetch(
                "statements",
                queryset=ProjectStatement.objects.filter(
                    kind__in=[ProjectStatement.Kind.OBJECTIVE, ProjectStatement.Kind.TARGET_GROUP]
                ),
            ),
        )
        .get(pk=project.pk)
    )
    tree_project.plan = plan
    project = tree_project
    indicators = list(
        Indicator.objects.filter(project=project)
        .select_related("activity")
        .prefetch_related("milestones")
        .order_by("order")
    )
    for indicator in indicators:
        values = {m.quarter: m.value for m in indicator.milestones.all()}
        # What each quarter is judged against (indicators.rules.milestone), and whether it is
        # the quarter's own milestone or the target standing in at the fourth quarter.
        indicator.milestone_rows = [
            (quarter, milestone(indicator.target, values, quarter), quarter in values)
            for quarter in range(1, 5)
        ]
    return ProjectTree(
        project=project,
        statements=list(project.statements.all()),
        activities=list(Activity.objects.filter(project=project).order_by("number")),
        indicators=indicators,
    )
