"""projects_01_07.yaml and projects_08_14.yaml (chapter 3): the plan's projects, their
statements, photos' captions and budget, and their alignment (from office.yaml)."""

from __future__ import annotations

from budget.models import ProjectAllocation
from demo.seed.core import Seeder, dec
from plans.models import MasterPlanIssue, MinisterPolicy, NationalStrategy, Plan, PolicyArea
from projects.models import Project, ProjectPhoto, ProjectStatement


def load_projects(loader: Seeder, plan: Plan, office_data: dict) -> dict[int, Project]:
    office = plan.office
    alignment = {row["project"]: row for row in office_data.get("alignment", [])}
    projects: dict[int, Project] = {}
    rows = loader.read("projects_01_07.yaml")["projects"]
    rows += loader.read("projects_08_14.yaml")["projects"]
    for row in rows:
        groups = [loader.work_group(office, name) for name in row.get("work_groups") or []]
        values = {
            "name": row["name"],
            "policy_area": PolicyArea.objects.get(code=row["policy_area"]),
            "methods": row.get("methods", "").strip(),
        }
        if groups:  # else the summary table names the group (demo/seed/summary_table.py)
            values["work_group"] = groups[0]
        project = loader.upsert(Project, {"plan": plan, "number": row["number"]}, values)
        loader.set_m2m(project.supporting_groups, groups[1:])
        load_project_statements(loader, project, row)
        kept = []
        for order, caption in enumerate(row.get("photo_captions") or [], start=1):
            kept.append(
                loader.upsert(
                    ProjectPhoto, {"project": project, "order": order}, {"caption": caption}
                ).pk
            )
        loader.prune(project.photos.all(), kept)
        loader.upsert(
            ProjectAllocation,
            {"project": project, "activity": None, "number": 1},
            {"amount": dec(row["budget"]), "note": "งบประมาณตามแผนปฏิบัติการ"},
        )
        load_alignment(loader, project, alignment.get(row["number"]))
        projects[row["number"]] = project
    return projects


def load_project_statements(loader: Seeder, project: Project, row: dict) -> None:
    kept = []
    kinds = {
        ProjectStatement.Kind.OBJECTIVE: "objectives",
        ProjectStatement.Kind.QUANTITATIVE: "quantitative_results",
        ProjectStatement.Kind.QUALITATIVE: "qualitative_results",
        ProjectStatement.Kind.PROBLEM: "problems",
        ProjectStatement.Kind.RECOMMENDATION: "recommendations",
    }
    for kind, key in kinds.items():
        for number, text in enumerate(row.get(key) or [], start=1):
            kept.append(
                loader.upsert(
                    ProjectStatement,
                    {"project": project, "kind": kind, "number": number},
                    {"text": text},
                ).pk
            )
    loader.prune(project.statements.all(), kept)


def load_alignment(loader: Seeder, project: Project, row: dict | None) -> None:
    if not row:
        return
    year = project.plan.fiscal_year
    loader.set_m2m(
        project.national_strategies,
        NationalStrategy.objects.filter(number__in=row.get("national_strategies", [])),
    )
    loader.set_m2m(
        project.master_plan_issues,
        MasterPlanIssue.objects.filter(number__in=row.get("master_plan_issues", [])),
    )
    loader.set_m2m(
        project.minister_policies,
        MinisterPolicy.objects.filter(
            fiscal_year=year,
            tag=row.get("minister_policy_tag") or "",
            number__in=row.get("minister_policies", []),
        ),
    )
    loader.set_m2m(
        project.obec_policies, PolicyArea.objects.filter(code__in=row.get("obec_policies", []))
    )
