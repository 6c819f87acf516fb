"""direction_2566.yaml (chapter 5): the next year's plan, with its vision, missions,
goals and strategies."""

from __future__ import annotations

from demo.seed.core import Seeder, dec
from demo.seed.office import load_statements
from plans.models import (
    FiscalYear,
    Office,
    Plan,
    PlanStatement,
    Strategy,
    StrategyGoal,
    StrategyGuideline,
    StrategyIndicator,
)


def load_direction(loader: Seeder, office: Office) -> None:
    data = loader.read("direction_2566.yaml")
    year = loader.upsert(FiscalYear, {"year": int(data["fiscal_year"])})
    plan = loader.upsert(Plan, {"office": office, "fiscal_year": year}, {"vision": data["vision"]})
    load_statements(
        loader,
        plan,
        [
            (PlanStatement.Kind.MISSION, data.get("missions", [])),
            (PlanStatement.Kind.GOAL, data.get("goals", [])),
        ],
    )
    kept = []
    for row in data.get("strategies", []):
        strategy = loader.upsert(
            Strategy, {"plan": plan, "number": row["number"]}, {"name": row["name"]}
        )
        kept.append(strategy.pk)
        goals = [
            loader.upsert(StrategyGoal, {"strategy": strategy, "number": n}, {"text": text}).pk
            for n, text in enumerate(row.get("goals") or [], start=1)
        ]
        loader.prune(strategy.goals.all(), goals)
        indicators = []
        for item in row.get("indicators") or []:
            target = item.get("target") or {}
            indicators.append(
                loader.upsert(
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
        loader.prune(strategy.indicators.all(), indicators)
        guidelines = [
            loader.upsert(
                StrategyGuideline,
                {"strategy": strategy, "number": item["number"]},
                {"heading": item.get("heading") or "", "text": item["text"]},
            ).pk
            for item in row.get("guidelines") or []
        ]
        loader.prune(strategy.guidelines.all(), guidelines)
    loader.prune(plan.strategies.all(), kept)
