"""The planning group's write of a project's alignment (Right.MANAGE_PLAN)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from plans import audit
from plans.access import Right, require
from plans.models import MasterPlanIssue, MinisterPolicy, NationalStrategy, PolicyArea
from projects.models import Project

OTHER_YEAR = "นโยบาย รมว.ศธ. ที่เลือกไม่ใช่นโยบายของปีงบประมาณของโครงการนี้"


@audit.authored
@transaction.atomic
def project_alignment_save(
    *,
    project: Project,
    user,
    national_strategies: Iterable[NationalStrategy],
    master_plan_issues: Iterable[MasterPlanIssue],
    minister_policies: Iterable[MinisterPolicy],
    obec_policies: Iterable[PolicyArea],
) -> Project:
    """Set the plans a project serves (the report's table 7); the minister's policies are
    those of the project's fiscal year."""
    require(user, project.plan.office_id, Right.MANAGE_PLAN)
    minister_policies = list(minister_policies)
    if any(p.fiscal_year_id != project.plan.fiscal_year_id for p in minister_policies):
        raise ValidationError({"minister_policies": OTHER_YEAR})
    project.national_strategies.set(national_strategies)
    project.master_plan_issues.set(master_plan_issues)
    project.minister_policies.set(minister_policies)
    project.obec_policies.set(obec_policies)
    return project
