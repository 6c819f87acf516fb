"""texts.yaml: the report's editable texts, the monitoring committee's order and the
report's authors."""

from __future__ import annotations

from datetime import date

from demo.seed.core import Seeder
from plans.models import Committee, CommitteeMember, CommitteeSection, Plan, ReportText


def load_texts(loader: Seeder, plan: Plan) -> None:
    data = loader.read("texts.yaml")
    kept = []
    for order, (key, section) in enumerate(data.get("sections", {}).items(), start=1):
        kept.append(
            loader.upsert(
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
    back_cover = data.get("back_cover") or {}
    if back_cover.get("unit"):  # the unit that made the report, on the back cover
        kept.append(
            loader.upsert(
                ReportText,
                {"plan": plan, "key": "back_cover"},
                {"title": "", "body": back_cover["unit"], "signed_by": "", "order": order + 1},
            ).pk
        )
    loader.prune(plan.texts.all(), kept)
    order_data = data.get("committee_order")
    if order_data:
        load_committee(
            loader, plan, Committee.Kind.ORDER, order_data, order_data.get("sections", [])
        )
    if data.get("authors"):
        load_committee(loader, plan, Committee.Kind.AUTHORS, {}, data["authors"])


def load_committee(loader: Seeder, plan: Plan, kind: str, data: dict, sections: list) -> None:
    signed_by = data.get("signed_by") or {}
    signed_on = data.get("signed_date")
    committee = loader.upsert(
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
        obj = loader.upsert(
            CommitteeSection,
            {"committee": committee, "order": order},
            {
                "title": section.get("title") or section.get("section") or "",
                "duty": (section.get("duty") or "").strip(),
            },
        )
        kept.append(obj.pk)
        members = [
            loader.upsert(
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
        loader.prune(obj.members.all(), members)
    loader.prune(committee.sections.all(), kept)
