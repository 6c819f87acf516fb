"""Loads the FY2565 seed (fixtures/fy2565/*.yaml, described in docs/seed-format.md) into
the database. Every row is matched on its natural key and updated in place, so loading
twice changes nothing. Keys starting with `printed_` are the report's own computed
figures: they are never loaded (the portal computes them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps
from django.conf import settings
from django.db import models, transaction

from budget.models import BudgetCategory, OfficeAllocation, OfficeDisbursement, ProjectAllocation
from demo.schools import generate_schools
from demo.seed_budget import load_budget_targets
from demo.seed_progress import load_progress
from indicators.models import (
    Indicator,
    IndicatorResult,
    ItaAssessment,
    ObecIndicatorProvinceResult,
    ObecIndicatorRating,
    OnetScore,
    OnetSubject,
    StandardItem,
)
from plans.models import (
    Committee,
    CommitteeMember,
    CommitteeSection,
    FiscalYear,
    GradeEnrolment,
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
    ReportText,
    School,
    SchoolCluster,
    SchoolYear,
    Strategy,
    StrategyGoal,
    StrategyGuideline,
    StrategyIndicator,
    WorkGroup,
)
from projects.models import (
    Activity,
    Highlight,
    HighlightFigure,
    HighlightSection,
    Project,
    ProjectPhoto,
    ProjectStatement,
)

SEED_DIR = settings.BASE_DIR / "fixtures" / "fy2565"

POLICY_AREAS = [
    ("safety", 1, "ด้านความปลอดภัย"),
    ("opportunity", 2, "ด้านโอกาส"),
    ("quality", 3, "ด้านคุณภาพ"),
    ("efficiency", 4, "ด้านประสิทธิภาพ"),
]
BUDGET_CATEGORY_ORDER = ["personnel", "operating", "subsidy", "investment", "other", "central"]
ONET_SUBJECT_CODES = {
    "ภาษาไทย": "thai",
    "สังคมศึกษา": "social",
    "ภาษาอังกฤษ": "english",
    "คณิตศาสตร์": "math",
    "วิทยาศาสตร์": "science",
}
# The report's results are for the whole year only: they are held as Q4 (year-end) values.
YEAR_END_QUARTER = 4
# DMC statistics of academic year 2565, as of 10 June 2565 (report, chapter 2).
SCHOOL_DATA_YEAR = 2565
SCHOOL_DATA_AS_OF = date(2022, 6, 10)


class SeedError(Exception):
    """The seed files do not fit the format or refer to something that does not exist."""


@dataclass
class LoadStats:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    per_model: dict[str, int] = field(default_factory=dict)
    # Rows that existed and were overwritten or removed, per kind (Thai plural names):
    # what load_demo --force reports before it loads over a database.
    changed: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)

    def count(self, obj: models.Model, state: str) -> None:
        setattr(self, state, getattr(self, state) + 1)
        name = obj._meta.verbose_name_plural
        self.per_model[name] = self.per_model.get(name, 0) + 1
        if state == "updated":
            self.changed[name] = self.changed.get(name, 0) + 1

    def count_deleted(self, per_label: dict[str, int]) -> None:
        """Record what a QuerySet.delete() removed, cascades included."""
        for label, number in per_label.items():
            if number:
                name = str(apps.get_model(label)._meta.verbose_name_plural)
                self.deleted[name] = self.deleted.get(name, 0) + number


def dec(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    return Decimal(str(value))


def read(name: str, seed_dir: Path = SEED_DIR) -> dict:
    path = seed_dir / name
    if not path.exists():
        raise SeedError(f"ไม่พบไฟล์ข้อมูล {path}")
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


class Loader:
    def __init__(self, seed_dir: Path = SEED_DIR) -> None:
        self.seed_dir = seed_dir
        self.stats = LoadStats()
        self.group_aliases: dict[str, tuple[str, ...]] = {}

    # -- generic upsert -------------------------------------------------------------
    def upsert(self, model: type[models.Model], keys: dict, values: dict | None = None):
        values = values or {}
        obj = model.objects.filter(**keys).first()
        if obj is None:
            obj = model(**keys, **values)
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save()
            self.stats.count(obj, "created")
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save(update_fields=changed)
            self.stats.count(obj, "updated")
        else:
            self.stats.count(obj, "unchanged")
        return obj

    def set_m2m(self, manager, objects: Iterable[models.Model]) -> None:
        wanted = {obj.pk for obj in objects}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            name = manager.instance._meta.verbose_name_plural
            self.stats.changed[name] = self.stats.changed.get(name, 0) + 1

    def prune(self, queryset: models.QuerySet, keep: Iterable[int]) -> None:
        """Remove rows of a seeded collection that the seed no longer has."""
        self.stats.count_deleted(queryset.exclude(pk__in=list(keep)).delete()[1])

    # -- entry point ----------------------------------------------------------------
    @transaction.atomic
    def load(self) -> Plan:
        office_data = read("office.yaml", self.seed_dir)
        self.load_reference()
        office = self.load_office(office_data)
        plan = self.load_plan(office, office_data)
        self.load_schools(office)
        self.load_personnel(office, office_data)
        projects = self.load_projects(plan, office_data)
        self.load_summary_table(plan, projects)
        self.load_highlights(plan)
        self.load_texts(plan)
        self.load_assessments(office, plan.fiscal_year)
        self.load_budget(office, plan.fiscal_year)
        self.load_direction(office)
        load_budget_targets(self, plan)
        load_progress(self, plan)
        return plan

    # -- reference data -------------------------------------------------------------
    def load_reference(self) -> None:
        for code, number, name in POLICY_AREAS:
            self.upsert(PolicyArea, {"code": code}, {"number": number, "name": name})

    def load_office(self, data: dict) -> Office:
        info = data["office"]
        office = self.upsert(
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
            },
        )
        provinces = [self.upsert(Province, {"name": name}) for name in info["provinces"]]
        self.set_m2m(office.provinces, provinces)
        for order, group in enumerate(data["work_groups"], start=1):
            self.group_aliases[group["code"]] = tuple(group.get("name_variants") or ())
            self.upsert(
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

    def load_plan(self, office: Office, data: dict) -> Plan:
        year = self.upsert(FiscalYear, {"year": int(data["fiscal_year"])})
        plan = self.upsert(
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
        self.load_statements(plan, kinds)
        kept = []
        for policy in data.get("policies", []):
            area = PolicyArea.objects.get(code=policy["area"])
            for number, text in enumerate(policy.get("items", []), start=1):
                kept.append(
                    self.upsert(
                        PolicyItem, {"plan": plan, "area": area, "number": number}, {"text": text}
                    ).pk
                )
        self.prune(plan.policy_items.all(), kept)
        self.load_strategy_frame(year, data.get("strategy_frame", {}))
        return plan

    def load_statements(self, plan: Plan, kinds: list[tuple[str, list]]) -> None:
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
                obj = self.upsert(
                    PlanStatement, {"plan": plan, "kind": kind, "number": number}, values
                )
                kept.append(obj.pk)
        self.prune(plan.statements.filter(kind__in=[k for k, _ in kinds]), kept)

    def load_strategy_frame(self, year: FiscalYear, frame: dict) -> None:
        for item in frame.get("national_strategies", []):
            self.upsert(NationalStrategy, {"number": item["number"]}, {"name": item["name"]})
        for item in frame.get("master_plan_issues", []):
            self.upsert(MasterPlanIssue, {"number": item["number"]}, {"name": item["name"]})
        for item in frame.get("minister_policies", []):
            self.upsert(
                MinisterPolicy,
                {"fiscal_year": year, "tag": item.get("tag") or "", "number": item["number"]},
                {"name": item["name"], "minister": frame.get("minister_name", "")},
            )

    # -- schools and personnel --------------------------------------------------------
    def load_schools(self, office: Office) -> None:
        provinces = {p.name: p for p in Province.objects.all()}
        for row in generate_schools():
            cluster = self.upsert(SchoolCluster, {"office": office, "name": row.cluster})
            school = self.upsert(
                School,
                {"office": office, "code": row.code},
                {
                    "name": row.name,
                    "province": provinces[row.province],
                    "cluster": cluster,
                    "levels": row.levels,
                },
            )
            school_year = self.upsert(
                SchoolYear,
                {"school": school, "academic_year": SCHOOL_DATA_YEAR},
                {
                    "data_as_of": SCHOOL_DATA_AS_OF,
                    "teachers_male": row.teachers_male,
                    "teachers_female": row.teachers_female,
                },
            )
            for grade in row.grades:
                self.upsert(
                    GradeEnrolment,
                    {"school_year": school_year, "grade": grade.grade},
                    {"male": grade.male, "female": grade.female, "classrooms": grade.classrooms},
                )

    def load_personnel(self, office: Office, data: dict) -> None:
        for number, row in enumerate(data.get("personnel", []), start=1):
            self.upsert(
                PersonnelCount,
                {"office": office, "academic_year": SCHOOL_DATA_YEAR, "number": number},
                {"position": row["position"], "count": int(row["count"])},
            )

    # -- projects ------------------------------------------------------------------
    def work_group(self, office: Office, name: str) -> WorkGroup:
        """A group by its name or one of the other spellings the report uses."""
        for group in office.work_groups.all():
            if name == group.name or name in self.group_aliases.get(group.code, ()):
                return group
        raise SeedError(f"ไม่พบกลุ่มงาน “{name}” ในสำนักงาน {office}")

    def load_projects(self, plan: Plan, office_data: dict) -> dict[int, Project]:
        office = plan.office
        alignment = {row["project"]: row for row in office_data.get("alignment", [])}
        projects: dict[int, Project] = {}
        rows = read("projects_01_07.yaml", self.seed_dir)["projects"]
        rows += read("projects_08_14.yaml", self.seed_dir)["projects"]
        for row in rows:
            groups = [self.work_group(office, name) for name in row.get("work_groups") or []]
            values = {
                "name": row["name"],
                "policy_area": PolicyArea.objects.get(code=row["policy_area"]),
                "methods": row.get("methods", "").strip(),
            }
            if groups:  # else the summary table names the group (see load_summary_table)
                values["work_group"] = groups[0]
            project = self.upsert(Project, {"plan": plan, "number": row["number"]}, values)
            self.set_m2m(project.supporting_groups, groups[1:])
            self.load_project_statements(project, row)
            kept = []
            for order, caption in enumerate(row.get("photo_captions") or [], start=1):
                kept.append(
                    self.upsert(
                        ProjectPhoto, {"project": project, "order": order}, {"caption": caption}
                    ).pk
                )
            self.prune(project.photos.all(), kept)
            self.upsert(
                ProjectAllocation,
                {"project": project, "activity": None, "number": 1},
                {"amount": dec(row["budget"]), "note": "งบประมาณตามแผนปฏิบัติการ"},
            )
            self.load_alignment(project, alignment.get(row["number"]))
            projects[row["number"]] = project
        return projects

    def load_project_statements(self, project: Project, row: dict) -> None:
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
                    self.upsert(
                        ProjectStatement,
                        {"project": project, "kind": kind, "number": number},
                        {"text": text},
                    ).pk
                )
        self.prune(project.statements.all(), kept)

    def load_alignment(self, project: Project, row: dict | None) -> None:
        if not row:
            return
        year = project.plan.fiscal_year
        self.set_m2m(
            project.national_strategies,
            NationalStrategy.objects.filter(number__in=row.get("national_strategies", [])),
        )
        self.set_m2m(
            project.master_plan_issues,
            MasterPlanIssue.objects.filter(number__in=row.get("master_plan_issues", [])),
        )
        self.set_m2m(
            project.minister_policies,
            MinisterPolicy.objects.filter(
                fiscal_year=year,
                tag=row.get("minister_policy_tag") or "",
                number__in=row.get("minister_policies", []),
            ),
        )
        self.set_m2m(
            project.obec_policies, PolicyArea.objects.filter(code__in=row.get("obec_policies", []))
        )

    def load_summary_table(self, plan: Plan, projects: dict[int, Project]) -> None:
        for row in read("summary_table.yaml", self.seed_dir)["projects"]:
            project = projects.get(row["number"])
            if project is None:
                raise SeedError(f"ตารางสรุปอ้างถึงโครงการที่ {row['number']} ซึ่งไม่มีในแผน")
            values = {
                "owner_name": row.get("owner") or "",
                "responsible_text": row.get("responsible") or "",
            }
            if project.work_group is None and values["responsible_text"]:
                # Chapter 3 left the group blank: take it from the summary table's cell.
                group_name = values["responsible_text"].split("/")[0].strip()
                values["work_group"] = self.work_group(plan.office, group_name)
            project = self.upsert(Project, {"pk": project.pk}, values)
            order = 0
            kept_indicators, kept_activities = [], []
            for item in row.get("indicators") or []:
                order += 1
                kept_indicators.append(self.load_indicator(project, None, order, item).pk)
            for item in row.get("activities") or []:
                activity = self.upsert(
                    Activity,
                    {"project": project, "number": item["number"]},
                    {"name": item["name"], "printed_note": item.get("printed") or ""},
                )
                kept_activities.append(activity.pk)
                for indicator in item.get("indicators") or []:
                    order += 1
                    kept_indicators.append(
                        self.load_indicator(project, activity, order, indicator).pk
                    )
            self.prune(project.indicators.all(), kept_indicators)
            self.prune(project.activities.all(), kept_activities)

    def load_indicator(self, project: Project, activity: Activity | None, order: int, item: dict):
        target = item.get("target") or {}
        indicator = self.upsert(
            Indicator,
            {"project": project, "order": order},
            {
                "activity": activity,
                "text": item["text"],
                "target": dec(target.get("value")),
                "unit": target.get("unit") or "ร้อยละ",
            },
        )
        result = item.get("result")
        if result:
            count = item.get("result_count") or {}
            self.upsert(
                IndicatorResult,
                {"indicator": indicator, "quarter": YEAR_END_QUARTER},
                {
                    "value": dec(result["value"]),
                    "unit": result["unit"],
                    "count": dec(count.get("value")),
                    "count_unit": count.get("unit") or "",
                },
            )
        else:
            self.stats.count_deleted(indicator.results.all().delete()[1])
        return indicator

    def load_highlights(self, plan: Plan) -> None:
        kept = []
        for row in read("highlights.yaml", self.seed_dir)["highlights"]:
            highlight = self.upsert(
                Highlight,
                {"plan": plan, "number": row["number"]},
                {
                    "title": row["title"],
                    "subtitle": row.get("subtitle") or "",
                    "toc_title": row.get("toc_title") or "",
                    "alignment": (row.get("alignment") or "").strip(),
                },
            )
            kept.append(highlight.pk)
            parts = list(row.get("sections") or [])
            if row.get("intro"):
                parts.insert(0, {"heading": "", "body": row["intro"]})
            sections = [
                self.upsert(
                    HighlightSection,
                    {"highlight": highlight, "order": order},
                    {
                        "heading": section.get("heading") or "",
                        "body": (section.get("body") or "").strip(),
                    },
                ).pk
                for order, section in enumerate(parts, start=1)
            ]
            self.prune(highlight.sections.all(), sections)
            figures = [
                self.upsert(
                    HighlightFigure, {"highlight": highlight, "order": order}, {"caption": caption}
                ).pk
                for order, caption in enumerate(row.get("figure_captions") or [], start=1)
            ]
            self.prune(highlight.figures.all(), figures)
        self.prune(plan.highlights.all(), kept)

    # -- report texts ----------------------------------------------------------------
    def load_texts(self, plan: Plan) -> None:
        data = read("texts.yaml", self.seed_dir)
        kept = []
        for order, (key, section) in enumerate(data.get("sections", {}).items(), start=1):
            kept.append(
                self.upsert(
                    ReportText,
                    {"plan": plan, "key": key},
                    {
                        "title": section.get("title") or "",
                        "body": (section.get("body") or "").strip(),
                        "signed_by": section.get("signed_by") or "",
                        "order": order,
                    },
                ).pk
            )
        self.prune(plan.texts.all(), kept)
        order_data = data.get("committee_order")
        if order_data:
            self.load_committee(
                plan, Committee.Kind.ORDER, order_data, order_data.get("sections", [])
            )
        if data.get("authors"):
            self.load_committee(plan, Committee.Kind.AUTHORS, {}, data["authors"])

    def load_committee(self, plan: Plan, kind: str, data: dict, sections: list) -> None:
        signed_by = data.get("signed_by") or {}
        signed_on = data.get("signed_date")
        committee = self.upsert(
            Committee,
            {"plan": plan, "kind": kind},
            {
                "number": data.get("number") or "",
                "title": data.get("title") or "",
                "preamble": (data.get("preamble") or "").strip(),
                "closing": (data.get("closing") or "").strip(),
                "signed_on": date.fromisoformat(str(signed_on)) if signed_on else None,
                "signed_by_name": signed_by.get("name", ""),
                "signed_by_position": signed_by.get("position", ""),
            },
        )
        kept = []
        for order, section in enumerate(sections, start=1):
            obj = self.upsert(
                CommitteeSection,
                {"committee": committee, "order": order},
                {
                    "title": section.get("title") or section.get("section") or "",
                    "duty": (section.get("duty") or "").strip(),
                },
            )
            kept.append(obj.pk)
            members = [
                self.upsert(
                    CommitteeMember,
                    {"section": obj, "order": number},
                    {
                        "name": member["name"],
                        "position": member.get("position") or "",
                        "role": member.get("role") or "",
                    },
                ).pk
                for number, member in enumerate(section.get("members") or [], start=1)
            ]
            self.prune(obj.members.all(), members)
        self.prune(committee.sections.all(), kept)

    # -- assessments -----------------------------------------------------------------
    def onet_subject(self, name: str) -> OnetSubject:
        code = ONET_SUBJECT_CODES.get(name)
        if code is None:
            raise SeedError(f"ไม่รู้จักวิชา O-NET “{name}”")
        order = list(ONET_SUBJECT_CODES).index(name) + 1
        return self.upsert(OnetSubject, {"code": code}, {"name": name, "order": order})

    def load_assessments(self, office: Office, year: FiscalYear) -> None:
        data = read("assessments.yaml", self.seed_dir)
        provinces = {p.name: p for p in Province.objects.all()}
        for row in data.get("onet_scores", []):
            self.upsert(
                OnetScore,
                {
                    "office": office,
                    "scope": OnetScore.Scope.PROVINCE,
                    "province": provinces[row["province"]],
                    "grade": int(row["grade"]),
                    "academic_year": int(row["academic_year"]),
                    "subject": self.onet_subject(row["subject"]),
                },
                {"score": dec(row["score"])},
            )
        columns = {
            "office_2563": (OnetScore.Scope.OFFICE, 2563),
            "office_2564": (OnetScore.Scope.OFFICE, 2564),
            "nation_2564": (OnetScore.Scope.NATION, 2564),
            "obec_2564": (OnetScore.Scope.OBEC, 2564),
        }
        for row in data.get("onet_comparisons", []):
            for column, (scope, academic_year) in columns.items():
                if row.get(column) in (None, ""):
                    continue
                self.upsert(
                    OnetScore,
                    {
                        "office": office,
                        "scope": scope,
                        "province": None,
                        "grade": int(row["grade"]),
                        "academic_year": academic_year,
                        "subject": self.onet_subject(row["subject"]),
                    },
                    {"score": dec(row[column])},
                )
        province_results = {
            row["province"]: row["value"] for row in data.get("obec_indicator_province_results", [])
        }
        for row in data.get("obec_indicators", []):
            rating = self.upsert(
                ObecIndicatorRating,
                {"office": office, "fiscal_year": year, "number": int(row["number"])},
                {"text": row["text"], "level": row.get("level"), "note": row.get("note") or ""},
            )
            if row.get("level") is None:
                for name, value in province_results.items():
                    self.upsert(
                        ObecIndicatorProvinceResult,
                        {"rating": rating, "province": provinces[name]},
                        {"value": dec(value)},
                    )
        ita = data.get("ita")
        if ita:
            score = dec(ita["score"])
            change = dec(ita.get("printed_change"))
            self.upsert(
                ItaAssessment,
                {"office": office, "fiscal_year": year},
                {
                    "score": score,
                    "level": ita["level"],
                    # The report gives the rise, not last year's score: store the score it implies.
                    "previous_score": score - change if change is not None else None,
                    "previous_level": ita.get("previous_level") or "",
                },
            )
        self.load_standards(office, year, data.get("office_standards", []))

    def load_standards(self, office: Office, year: FiscalYear, standards: list) -> None:
        order = 0
        kept = []

        def add(parent, kind, label, item):
            nonlocal order
            order += 1
            obj = self.upsert(
                StandardItem,
                {"office": office, "fiscal_year": year, "order": order},
                {
                    "parent": parent,
                    "kind": kind,
                    "label": str(label),
                    "name": item["name"] if "name" in item else item.get("text", ""),
                    "level": item.get("level"),
                    "note": item.get("note") or "",
                },
            )
            kept.append(obj.pk)
            return obj

        def add_points(parent, points):
            for point in points or []:
                node = add(parent, StandardItem.Kind.POINT, point.get("label", ""), point)
                add_points(node, point.get("points"))

        for standard in standards:
            node = add(None, StandardItem.Kind.STANDARD, standard["number"], standard)
            for indicator in standard.get("indicators") or []:
                child = add(node, StandardItem.Kind.INDICATOR, indicator["number"], indicator)
                add_points(child, indicator.get("points"))
        self.prune(StandardItem.objects.filter(office=office, fiscal_year=year), kept)

    # -- budget ----------------------------------------------------------------------
    def load_budget(self, office: Office, year: FiscalYear) -> None:
        data = read("budget.yaml", self.seed_dir)
        rows = list(data.get("categories", []))
        if data.get("central_fund"):
            rows.append(data["central_fund"])
        for row in rows:
            code = row["code"]
            category = self.upsert(
                BudgetCategory,
                {"code": code},
                {
                    "name": row["name"],
                    "order": BUDGET_CATEGORY_ORDER.index(code) + 1,
                    "is_central_fund": code == "central",
                },
            )
            # Table 13 gives the year's totals only: one allocation and one disbursement each.
            self.upsert(
                OfficeAllocation,
                {"office": office, "fiscal_year": year, "category": category, "number": 1},
                {"amount": dec(row["allocated"]), "note": "ยอดจัดสรรทั้งปี (ตารางที่ ๑๓)"},
            )
            self.upsert(
                OfficeDisbursement,
                {
                    "office": office,
                    "fiscal_year": year,
                    "category": category,
                    "document_no": "FY-TOTAL",
                },
                {"amount": dec(row["disbursed"]), "note": "ยอดเบิกจ่ายทั้งปี (ตารางที่ ๑๓)"},
            )

    # -- chapter 5 -------------------------------------------------------------------
    def load_direction(self, office: Office) -> None:
        data = read("direction_2566.yaml", self.seed_dir)
        year = self.upsert(FiscalYear, {"year": int(data["fiscal_year"])})
        plan = self.upsert(
            Plan, {"office": office, "fiscal_year": year}, {"vision": data["vision"]}
        )
        self.load_statements(
            plan,
            [
                (PlanStatement.Kind.MISSION, data.get("missions", [])),
                (PlanStatement.Kind.GOAL, data.get("goals", [])),
            ],
        )
        kept = []
        for row in data.get("strategies", []):
            strategy = self.upsert(
                Strategy, {"plan": plan, "number": row["number"]}, {"name": row["name"]}
            )
            kept.append(strategy.pk)
            goals = [
                self.upsert(StrategyGoal, {"strategy": strategy, "number": n}, {"text": text}).pk
                for n, text in enumerate(row.get("goals") or [], start=1)
            ]
            self.prune(strategy.goals.all(), goals)
            indicators = []
            for item in row.get("indicators") or []:
                target = item.get("target") or {}
                indicators.append(
                    self.upsert(
                        StrategyIndicator,
                        {"strategy": strategy, "number": item["number"]},
                        {
                            "text": item["text"],
                            "target_qualifier": target.get("qualifier") or "",
                            "target_value": dec(target.get("value")),
                            "target_unit": target.get("unit") or "",
                            "target_per": target.get("per") or "",
                        },
                    ).pk
                )
            self.prune(strategy.indicators.all(), indicators)
            guidelines = [
                self.upsert(
                    StrategyGuideline,
                    {"strategy": strategy, "number": item["number"]},
                    {"heading": item.get("heading") or "", "text": item["text"]},
                ).pk
                for item in row.get("guidelines") or []
            ]
            self.prune(strategy.guidelines.all(), guidelines)
        self.prune(plan.strategies.all(), kept)
