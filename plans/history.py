"""Reading the audit trail (plans/audit.py): one query for a record's history and one way of
showing an entry in Thai, used by every history on the portal (budget, quarterly reports,
the dashboard, the admin).

Entries store field names, action codes and values as text; here they become the field's
Thai label, the action's Thai name, money and numbers in Thai digits, dates in the Buddhist
era, a choice by its label. Entries written before the trail was keyed by field names
carry Thai labels as keys and are shown as they were written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils import timezone

from plans import thai
from plans.audit import Action
from plans.models import AuditEntry

DASH = "–"


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str
    # "set": a row written anew (only the values matter), "removed": a row taken away
    # (only the values it had), "changed": old → new.
    kind: str = "changed"


@dataclass(frozen=True)
class HistoryLine:
    """One entry as a history table prints it."""

    at: datetime
    user: object  # a User or None (the system)
    action: str  # the Thai name of what happened
    # What was changed when it is not the record whose history this is: its kind (and its
    # name when it is not a row of that record), else "".
    what: str
    changes: list[Change]
    note: str


def history_for(obj: models.Model) -> models.QuerySet[AuditEntry]:
    """The entries of `obj` and of the rows whose history it holds (a project's
    disbursements, a report's values), newest first."""
    return history_of(type(obj), [obj.pk])


def history_of(model: type[models.Model], pks) -> models.QuerySet[AuditEntry]:
    """`history_for` of several rows of `model` at once (one query)."""
    label, pks = model._meta.label_lower, list(pks)
    return AuditEntry.objects.filter(
        Q(object_type=label, object_id__in=pks) | Q(parent_type=label, parent_id__in=pks)
    ).select_related("user")


def lines(entries, subject: models.Model | None = None) -> list[HistoryLine]:
    """`entries` (AuditEntry rows) as history lines; `subject` is the record whose history
    is shown, so that its own entries do not repeat its name."""
    own = (subject._meta.label_lower, subject.pk) if subject is not None else None
    return [_line(entry, own) for entry in entries]


def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _field(model, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # FieldDoesNotExist, or a legacy Thai label
        return None


def _label(model) -> str:
    return model._meta.label_lower if model is not None else ""


def action_label(code: str) -> str:
    try:
        return Action(code).label
    except ValueError:
        return code  # a legacy entry's action, written in Thai


def _line(entry: AuditEntry, own) -> HistoryLine:
    model = _model(entry.object_type)
    what = ""
    if (entry.object_type, entry.object_id) != own:
        kind = str(model._meta.verbose_name) if model is not None else ""
        child = own is not None and (entry.parent_type, entry.parent_id) == own
        what = kind if kind and child else f"{kind}: {entry.object_label}".lstrip(": ")
    pairs = {name: [*pair, None, None][:2] for name, pair in (entry.changes or {}).items()}
    kind = "changed"
    if pairs and all(old is None for old, _ in pairs.values()):
        kind = "set"
    elif pairs and all(new is None for _, new in pairs.values()):
        kind = "removed"
    author = str(entry.user) if entry.user is not None else None
    changes = []
    for name, (old, new) in pairs.items():
        field = _field(model, name)
        if field is not None and field.is_relation:
            if _label(field.related_model) == entry.parent_type:
                continue  # a row's link to the record whose history this is: nothing new
            if field.related_model is get_user_model() and author in (old, new):
                continue  # "recorded by" the entry's own author
        if entry.note and new == entry.note:
            continue  # the reason, which the note column shows
        label = str(field.verbose_name) if field is not None else name
        shown = VALUE_TEXT.get(f"{entry.object_type}.{name}")
        old_text, new_text = value_text(field, old, shown), value_text(field, new, shown)
        changes.append(Change(label, old_text, new_text, kind))
    return HistoryLine(
        at=entry.at,
        user=entry.user,
        action=action_label(entry.action),
        what=thai.to_thai_digits(what),
        changes=changes,
        note=entry.note,
    )


_AMOUNT = re.compile(r"^-?\d+\.\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# How another app shows a stored value, by "<object type>.<key>" (a field's name, or a
# legacy entry's Thai label): registered by that app (plans imports no other app).
VALUE_TEXT: dict[str, Callable[[str], str]] = {}


def value_text(field: models.Field | None, value, shown: Callable[[str], str] | None = None) -> str:
    """A stored value in Thai, by its field's type (by its shape for a legacy entry)."""
    if value is None or value == "":
        return DASH
    text = str(value)
    if shown is not None:
        return thai.to_thai_digits(shown(text))
    try:
        if field is not None and field.choices and not field.is_relation:
            return str(dict(field.flatchoices).get(_typed(field, text), text))
        if isinstance(field, models.DecimalField) or (field is None and _AMOUNT.match(text)):
            return thai.format_money(Decimal(text))
        if isinstance(field, models.DateTimeField):
            moment = timezone.localtime(datetime.fromisoformat(text))
            day = thai.format_thai_date(moment.date(), month="short")
            return f"{day} {thai.to_thai_digits(moment.strftime('%H:%M'))}"
        if isinstance(field, models.DateField) or (field is None and _DATE.match(text)):
            return thai.format_thai_date(date.fromisoformat(text), month="short")
        if isinstance(field, models.BooleanField):
            return "ใช่" if text == "true" else "ไม่ใช่"
    except (ValueError, InvalidOperation):
        pass
    return thai.to_thai_digits(text)


def _typed(field: models.Field, text: str):
    if isinstance(field, models.IntegerField):
        try:
            return int(text)
        except ValueError:
            return text
    return text
