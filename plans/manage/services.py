"""The planning group's writes to a plan's frame, its report texts and committees
(Right.MANAGE_PLAN): keyword-only, one transaction, `full_clean` before each save."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from plans import audit
from plans.access import Right, require
from plans.forms import ROWS_CHANGED
from plans.models import Committee, FiscalYear, Office, Plan, ReportText

UNKNOWN_TEXT = "ไม่พบหัวข้อนี้ในรายงานประจำปี"


@dataclass(frozen=True)
class ListRow:
    """One row of an edited list as the page posted it: an existing row (`pk`) or a new one
    (None), removed or kept, with its fields' values. The list's order is the rows' order."""

    pk: int | None
    values: dict[str, Any] = field(default_factory=dict)
    remove: bool = False


@audit.authored
@transaction.atomic
def plan_vision_save(*, plan: Plan, user, vision: str, values_name: str) -> Plan:
    require(user, plan.office_id, Right.MANAGE_PLAN)
    plan.vision = vision
    plan.values_name = values_name
    plan.full_clean()
    plan.save(update_fields=["vision", "values_name"])
    return plan


@audit.authored
@transaction.atomic
def numbered_list_save(
    *,
    plan: Plan,
    user,
    rows: models.QuerySet,
    new: dict[str, Any],
    posted: Sequence[ListRow],
    number_field: str = "number",
) -> list[models.Model]:
    """Save a numbered list of a plan (its missions, a committee's members ...): `rows` is
    the list as stored, `posted` the whole list as the page sent it, in its new order; new
    rows are made with `new` (the parent). Rows are numbered 1, 2, 3 ... in the posted
    order. A post that does not name exactly the stored rows (the list changed after the
    page was opened) is refused with ROWS_CHANGED and saves nothing."""
    require(user, plan.office_id, Right.MANAGE_PLAN)
    stored = {obj.pk: obj for obj in rows.select_for_update()}
    named = [row.pk for row in posted if row.pk is not None]
    if sorted(named) != sorted(stored) or len(set(named)) != len(named):
        raise ValidationError(ROWS_CHANGED, code="rows_changed")
    for row in posted:
        if row.remove and row.pk is not None:
            stored[row.pk].delete()
    kept = [row for row in posted if not row.remove]
    # Numbers are unique in the list: a row moving to a number another row holds first
    # steps aside, above every number in use.
    spare = max([getattr(o, number_field) for o in stored.values()] + [len(kept)]) + 1
    for number, row in enumerate(kept, start=1):
        if row.pk is not None:
            obj = stored[row.pk]
            if getattr(obj, number_field) != number:
                setattr(obj, number_field, spare)
                obj.save(update_fields=[number_field])
                spare += 1
    saved = []
    for number, row in enumerate(kept, start=1):
        obj = stored[row.pk] if row.pk is not None else rows.model(**new)
        for name, value in {**row.values, number_field: number}.items():
            setattr(obj, name, value)
        obj.full_clean()
        obj.save()
        saved.append(obj)
    return saved


@audit.authored
@transaction.atomic
def report_text_save(
    *, plan: Plan, user, key: str, known: bool, title: str, body: str, signed_by: str = ""
) -> ReportText:
    """Write one of the year's report texts (`key`), making its row when the year has none.
    Only a text the report reads (`known`, plans.manage.texts) is made."""
    require(user, plan.office_id, Right.MANAGE_PLAN)
    text = ReportText.objects.select_for_update().filter(plan=plan, key=key).first()
    if text is None:
        if not known:
            raise ValidationError(UNKNOWN_TEXT, code="unknown")
        last = plan.texts.aggregate(models.Max("order"))["order__max"] or 0
        text = ReportText(plan=plan, key=key, order=last + 1)
    text.title, text.body, text.signed_by = title, body, signed_by
    text.full_clean()
    text.save()
    return text


@audit.authored
@transaction.atomic
def committee_save(
    *,
    plan: Plan,
    user,
    kind: str,
    number: str = "",
    title: str = "",
    preamble: str = "",
    closing: str = "",
    signed_on: date | None = None,
    signed_by_name: str = "",
    signed_by_position: str = "",
) -> Committee:
    """Write a committee's own text (the order's number, subject, preamble ... or the
    authors' heading), making the year's committee of that kind when it has none."""
    require(user, plan.office_id, Right.MANAGE_PLAN)
    committee = Committee.objects.filter(plan=plan, kind=kind).first() or Committee(
        plan=plan, kind=kind
    )
    committee.number, committee.title = number, title
    committee.preamble, committee.closing, committee.signed_on = preamble, closing, signed_on
    committee.signed_by_name, committee.signed_by_position = signed_by_name, signed_by_position
    committee.full_clean()
    committee.save()
    return committee


PLAN_EXISTS = "สำนักงานมีแผนปฏิบัติการของปีงบประมาณนี้อยู่แล้ว"


@audit.authored
@transaction.atomic
def plan_create(*, office: Office, year: int, user) -> Plan:
    """An office's empty plan for a fiscal year (its first year, or a year not copied from
    the one before: the copy is nextyear's). The fiscal year is reference data made when
    first needed. Refused in Thai when the office has that year's plan already."""
    require(user, office, Right.MANAGE_PLAN)
    fiscal_year = FiscalYear.objects.filter(year=year).first() or FiscalYear(year=year)
    if fiscal_year.pk is None:
        fiscal_year.full_clean()
        fiscal_year.save()
    if Plan.objects.filter(office=office, fiscal_year=fiscal_year).exists():
        raise ValidationError({"year": PLAN_EXISTS})
    plan = Plan(office=office, fiscal_year=fiscal_year)
    plan.full_clean()
    plan.save()
    return plan
