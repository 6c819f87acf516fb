"""highlights.yaml: the year's highlighted achievements, their sections and figures."""

from __future__ import annotations

from demo.seed.core import Seeder
from plans.models import Plan
from projects.models import Highlight, HighlightFigure, HighlightSection


def load_highlights(loader: Seeder, plan: Plan) -> None:
    kept = []
    for row in loader.read("highlights.yaml")["highlights"]:
        highlight = loader.upsert(
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
            loader.upsert(
                HighlightSection,
                {"highlight": highlight, "order": order},
                {
                    "heading": section.get("heading") or "",
                    "body": (section.get("body") or "").strip(),
                },
            ).pk
            for order, section in enumerate(parts, start=1)
        ]
        loader.prune(highlight.sections.all(), sections)
        figures = [
            loader.upsert(
                HighlightFigure, {"highlight": highlight, "order": order}, {"caption": caption}
            ).pk
            for order, caption in enumerate(row.get("figure_captions") or [], start=1)
        ]
        loader.prune(highlight.figures.all(), figures)
    loader.prune(plan.highlights.all(), kept)
