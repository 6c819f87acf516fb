"""office.yaml: the office, its work groups and personnel, and the year's plan with its
statements, policies and the national frame it aligns with (and OBEC's four policy areas,
which the plan and the projects refer to)."""

from __future__ import annotations

from demo.seed.core import Seeder
from demo.seed.schools import SCHOOL_DATA_YEAR
from plans.models import (
    FiscalYear,
    MasterPlanIssue,
    MinisterPolicy,
    NationalStrategy,
    Office,
    PersonnelCount,
    Plan,
    PlanStatement,
    PolicyArea,
    PolicyItem,
    Province,
    WorkGroup,
)

POLICY_AREAS = [
    ("safety", 1, "ด้านความปลอดภัย"),
    ("opportunity", 2, "ด้านโอกาส"),
    ("quality", 3, "ด้านคุณภาพ"),
    ("efficiency", 4, "ด้านประสิทธิภาพ"),
]


def load_reference(loader: Seeder) -> None:
    for code, number, name in POLICY_AREAS:
        loader.upsert(PolicyArea, {"code": code}, {"number": number, "name": name})


def load_office(loader: Seeder, data: dict) -> Office:
    info = data["office"]
    office = loader.upsert(
        Office,
        {"code": info["code"]},
        {
            "name": info["name"],
            "short_name": info["short_name"],
            "parent_body": info.get("parent", ""),
            "ministry": info.get("ministry", ""),
            "address": info.get("address", ""),
            "website": info.get("website", ""),
            "phone": info.get("phone", ""),
            "fax": info.get("fax", ""),
            "email": info.get("email", ""),
        },
    )
    provinces = [loader.upsert(Province, {"name": name}) for name in info["provinces"]]
    loader.set_m2m(office.provinces, provinces)
    for order, group in enumerate(data["work_groups"], start=1):
        loader.group_aliases[group["code"]] = tuple(group.get("name_variants") or ())
        loader.upsert(
            WorkGroup,
            {"office": office, "code": group["code"]},
            {
                "name": group["name"],
                "kind": group.get("kind", "group"),
                "director_name": group.get("director") or "",
                "order": order,
            },
        )
    return office


def load_plan(loader: Seeder, office: Office, data: dict) -> Plan:
    year = loader.upsert(FiscalYear, {"year": int(data["fiscal_year"])})
    plan = loader.upsert(
        Plan,
        {"office": office, "fiscal_year": year},
        {
            "vision": data.get("vision", ""),
            "values_name": data.get("values", {}).get("name", ""),
        },
    )
    kinds: list[tuple[str, list]] = [
        (PlanStatement.Kind.VALUE, data.get("values", {}).get("items", [])),
        (PlanStatement.Kind.MISSION, data.get("missions", [])),
        (PlanStatement.Kind.GOAL_QUANTITATIVE, data.get("goals", {}).get("quantitative", [])),
        (PlanStatement.Kind.GOAL_QUALITATIVE, data.get("goals", {}).get("qualitative", [])),
        (PlanStatement.Kind.FOCUS_POINT, data.get("focus_points", [])),
        (PlanStatement.Kind.QUALITY_GOAL, data.get("quality_goals", [])),
        (PlanStatement.Kind.POLICY_DRIVE, data.get("policy_drive", [])),
    ]
    swot = data.get("swot", {})
    for kind in ("strength", "weakness", "opportunity", "threat"):
        if swot.get(kind):
            kinds.append((kind, [swot[kind]]))
    load_statements(loader, plan, kinds)
    kept = []
    for policy in data.get("policies", []):
        area = PolicyArea.objects.get(code=policy["area"])
        for number, text in enumerate(policy.get("items", []), start=1):
            kept.append(
                loader.upsert(
                    PolicyItem, {"plan": plan, "area": area, "number": number}, {"text": text}
                ).pk
            )
    loader.prune(plan.policy_items.all(), kept)
    load_strategy_frame(loader, year, data.get("strategy_frame", {}))
    return plan


def load_statements(loader: Seeder, plan: Plan, kinds: list[tuple[str, list]]) -> None:
    kept = []
    for kind, items in kinds:
        for number, item in enumerate(items, start=1):
            if isinstance(item, dict):
                values = {
                    "title": item.get("title") or item.get("th") or "",
                    "title_en": item.get("en", ""),
                    "text": item.get("text", ""),
                }
            else:
                values = {"title": "", "title_en": "", "text": item}
            obj = loader.upsert(
                PlanStatement, {"plan": plan, "kind": kind, "number": number}, values
            )
            kept.append(obj.pk)
    loader.prune(plan.statements.filter(kind__in=[k for k, _ in kinds]), kept)


def load_strategy_frame(loader: Seeder, year: FiscalYear, frame: dict) -> None:
    for item in frame.get("national_strategies", []):
        loader.upsert(NationalStrategy, {"number": item["number"]}, {"name": item["name"]})
    for item in frame.get("master_plan_issues", []):
        loader.upsert(MasterPlanIssue, {"number": item["number"]}, {"name": item["name"]})
    for item in frame.get("minister_policies", []):
        loader.upsert(
            MinisterPolicy,
            {"fiscal_year": year, "tag": item.get("tag") or "", "number": item["number"]},
            {"name": item["name"], "minister": frame.get("minister_name", "")},
        )


def load_personnel(loader: Seeder, office: Office, data: dict) -> None:
    for number, row in enumerate(data.get("personnel", []), start=1):
        loader.upsert(
            PersonnelCount,
            {"office": office, "academic_year": SCHOOL_DATA_YEAR, "number": number},
            {"position": row["position"], "count": int(row["count"])},
        )
