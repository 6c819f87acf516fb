"""Reads of the planning group's pages: what the plan's frame, texts and committees hold."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from plans.manage.texts import TextSlot, text_slots
from plans.models import Committee, Plan, PlanStatement, PolicyArea, ReportText


@dataclass(frozen=True)
class FrameList:
    """One list of the plan's frame on the overview: its Thai name, its rows' first lines
    and the page that edits it."""

    name: str
    items: list[str]
    url_args: tuple


@dataclass(frozen=True)
class TextRow:
    slot: TextSlot
    text: ReportText | None

    @property
    def filled(self) -> bool:
        return bool(self.text and (self.text.body or self.text.title))


def frame_lists(plan: Plan) -> dict[str, list[FrameList]]:
    """The plan's statements by kind, its policies by OBEC's area and its strategies, every
    kind listed (filled or empty): three queries."""
    by_kind: dict[str, list[str]] = {kind: [] for kind in PlanStatement.Kind.values}
    for kind, title, text in plan.statements.order_by("kind", "number").values_list(
        "kind", "title", "text"
    ):
        by_kind[kind].append(title or text)
    statements = [
        FrameList(label, by_kind[kind], ("statements", kind))
        for kind, label in PlanStatement.Kind.choices
    ]
    items: dict[int, list[str]] = {}
    for area_id, text in plan.policy_items.order_by("number").values_list("area_id", "text"):
        items.setdefault(area_id, []).append(text)
    policies = [
        FrameList(f"นโยบาย{area.name}", items.get(area.pk, []), ("policies", area.number))
        for area in PolicyArea.objects.order_by("number")
    ]
    strategies = list(
        plan.strategies.annotate(
            goals_count=Count("goals", distinct=True),
            indicators_count=Count("indicators", distinct=True),
            guidelines_count=Count("guidelines", distinct=True),
        ).order_by("number")
    )
    return {"statements": statements, "policies": policies, "strategies": strategies}


def text_rows(plan: Plan) -> list[TextRow]:
    """Every report text the year's report reads, in print order, with the year's row when
    it has one, then the year's other texts, which the report does not print (one query)."""
    texts = {t.key: t for t in plan.texts.order_by("order", "key")}
    slots = text_slots(plan.fiscal_year.year)
    known = {slot.key for slot in slots}
    # A text the report does not read (kept from an earlier year's layout) is listed last.
    others = [TextSlot(key, t.title or key, "") for key, t in texts.items() if key not in known]
    return [TextRow(slot, texts.get(slot.key)) for slot in slots + others]


def committees(plan: Plan) -> list[tuple[str, str, Committee | None, int]]:
    """Each kind of committee: (kind, Thai name, the year's committee or None, its number of
    people)."""
    found = {
        c.kind: c
        for c in plan.committees.annotate(
            groups=Count("sections", distinct=True),
            people=Count("sections__members", distinct=True),
        ).order_by("kind")
    }
    return [
        (kind, label, found.get(kind), found[kind].people if kind in found else 0)
        for kind, label in Committee.Kind.choices
    ]
