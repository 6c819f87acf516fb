"""summary_table.yaml: the projects' owners, responsible groups, activities and indicators
with their year-end results."""

from __future__ import annotations

from demo.seed.core import YEAR_END_QUARTER, Seeder, SeedError, dec
from indicators.models import Indicator, IndicatorResult
from plans.models import Plan
from projects.models import Activity, Project


def load_summary_table(loader: Seeder, plan: Plan, projects: dict[int, Project]) -> None:
    for row in loader.read("summary_table.yaml")["projects"]:
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
            values["work_group"] = loader.work_group(plan.office, group_name)
        project = loader.upsert(Project, {"pk": project.pk}, values)
        order = 0
        kept_indicators, kept_activities = [], []
        for item in row.get("indicators") or []:
            order += 1
            kept_indicators.append(load_indicator(loader, project, None, order, item).pk)
        for item in row.get("activities") or []:
            activity = loader.upsert(
                Activity,
                {"project": project, "number": item["number"]},
                {"name": item["name"], "printed_note": item.get("printed") or ""},
            )
            kept_activities.append(activity.pk)
            for indicator in item.get("indicators") or []:
                order += 1
                kept_indicators.append(
                    load_indicator(loader, project, activity, order, indicator).pk
                )
        loader.prune(project.indicators.all(), kept_indicators)
        loader.prune(project.activities.all(), kept_activities)


def load_indicator(
    loader: Seeder, project: Project, activity: Activity | None, order: int, item: dict
) -> Indicator:
    target = item.get("target") or {}
    indicator = loader.upsert(
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
        shortfall = item.get("shortfall") or {}
        loader.upsert(
            IndicatorResult,
            {"indicator": indicator, "quarter": YEAR_END_QUARTER},
            {
                "value": dec(result["value"]),
                "unit": result["unit"],
                "count": dec(count.get("value")),
                "count_unit": count.get("unit") or shortfall.get("unit") or "",
                "shortfall": dec(shortfall.get("value")),
            },
        )
    else:
        loader.stats.count_deleted(indicator.results.all().delete()[1])
    return indicator
