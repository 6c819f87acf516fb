"""Which office a row belongs to: one rule for the admin's scoping and the audit trail.

A row's office is found by following foreign keys: the first non-null one that leads to an
Office (user accounts excluded), so a project goes through its plan, not its optional work
group. Reference data of no office (provinces, fiscal years, policy areas…) has none.
"""

from __future__ import annotations

from functools import cache

from django.contrib.auth import get_user_model
from django.db import models


@cache
def office_path(model: type[models.Model]) -> str | None:
    """The lookup from `model` to its Office ("plan__office"), "" for Office itself, None for
    data of no office."""
    return _office_path(model, ())


def _office_path(model, seen: tuple) -> str | None:
    from plans.models import Office

    if model is Office:
        return ""
    if model in seen:
        return None
    fields = [
        f
        for f in model._meta.get_fields()
        if isinstance(f, models.ForeignKey) and f.related_model is not get_user_model()
    ]
    fields.sort(key=lambda f: (f.name != "office", f.null))
    for field in fields:
        rest = _office_path(field.related_model, (*seen, model))
        if rest is not None:
            return f"{field.name}__{rest}" if rest else field.name
    return None


def office_of(obj: models.Model):
    """The office a row belongs to (None for data of no office)."""
    path = office_path(type(obj))
    if path is None:
        return None
    target = obj
    for name in [n for n in path.split("__") if n]:
        target = getattr(target, name, None)
        if target is None:
            return None
    return target


def office_id_of(obj: models.Model) -> int | None:
    """The id of the office a row belongs to, without fetching the office itself (the last
    step reads the foreign key's column)."""
    path = office_path(type(obj))
    if path is None:
        return None
    if path == "":
        return obj.pk
    *steps, last = path.split("__")
    target = obj
    for name in steps:
        target = getattr(target, name, None)
        if target is None:
            return None
    return getattr(target, f"{last}_id", None)
