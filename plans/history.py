"""Reading the audit trail (plans/audit.py): one query for a record's history and one way of
showing an entry in Thai, used by every history on the portal's pages (budget, quarterly
reports, the dashboard); the admin lists the raw entries for superusers.

Entries store field names, action codes and values as text; here they become the field's
Thai label, the action's Thai name, money and numbers in Thai digits, dates in the Buddhist
era, a choice by its label; text stays as typed (a document number, a file name). Entries
written before the trail was keyed by field names
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
from plans.ownership import office_id_of

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
    author: str  # the person's name; a deleted account's name as it was; "ระบบ"
    action: str  # the Thai name of what happened
    what: str  # what was changed, when it is not the record whose history this is
    changes: list[Change]
    note: str


SYSTEM = "ระบบ"
DELETED_ACCOUNT = "บัญชีผู้ใช้ที่ถูกลบแล้ว"
# The most lines a page shows of one record's history.
HISTORY_LINES = 30


def history_for(obj: models.Model, *, rows: bool = True) -> models.QuerySet[AuditEntry]:
    """The entries of `obj` and (with `rows`) of the rows whose history it holds (a
    project's disbursements, a report's values), newest first; only its office's."""
    return history_of(type(obj), [obj.pk], office_id=office_id_of(obj), rows=rows)


def history_of(
    model: type[models.Model], pks, *, office_id: int | None, rows: bool = True
) -> models.QuerySet[AuditEntry]:
    """`history_for` of several rows of `model` of one office at once (one query). The
    office is part of the key: an entry outlives its row, and a restored row may take an
    old id."""
    label, pks = model._meta.label_lower, list(pks)
    match = Q(object_type=label, object_id__in=pks)
    if rows:
        match |= Q(parent_type=label, parent_id__in=pks)
    return AuditEntry.objects.filter(match, office_id=office_id).select_related("user")


def lines(entries, subject: models.Model | None = None) -> list[HistoryLine]:
    """`entries` (AuditEntry rows) as history lines; `subject` is the record whose history
    is shown, so that its own entries do not repeat its name."""
    own = (subject._meta.label_lower, subject.pk, str(subject)) if subject is not None else None
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


def _author(entry: AuditEntry) -> str:
    if entry.user is not None:
        return entry.user.get_full_name() or entry.user.get_username()
    if entry.user_name:
        return f"{entry.user_name} ({DELETED_ACCOUNT})"
    return SYSTEM


def _line(entry: AuditEntry, own) -> HistoryLine:
    model = _model(entry.object_type)
    what = ""
    if own is None or (entry.object_type, entry.object_id) != own[:2]:
        what_kind = str(model._meta.verbose_name) if model is not None else ""
        label = entry.object_label
        if entry.object_type not in NO_THAI_DIGITS:
            label = thai.to_thai_digits(label)
        what = f"{what_kind}: {label}" if what_kind else label
    pairs = {name: [*pair, None, None][:2] for name, pair in (entry.changes or {}).items()}
    kind = "changed"
    if pairs and all(old is None for old, _ in pairs.values()):
        kind = "set"
    elif pairs and all(new is None for _, new in pairs.values()):
        kind = "removed"
    account = str(entry.user) if entry.user is not None else None
    changes = []
    for name, (old, new) in pairs.items():
        field = _field(model, name)
        if field is not None and field.is_relation:
            if own is not None and _label(field.related_model) == own[0] and own[2] in (old, new):
                continue  # the link to the record whose history this is: nothing new
            if field.related_model is get_user_model() and account in (old, new):
                continue  # "recorded by" the entry's own author
        if entry.note and new == entry.note:
            continue  # the reason, which the note column shows
        label = str(field.verbose_name) if field is not None else name
        shown = VALUE_TEXT.get(f"{entry.object_type}.{name}")
        old_text, new_text = value_text(field, old, shown), value_text(field, new, shown)
        changes.append(Change(label, old_text, new_text, kind))
    return HistoryLine(
        at=entry.at,
        author=_author(entry),
        action=action_label(entry.action),
        what=what,
        changes=changes,
        note=entry.note,
    )


# Rows whose names are identifiers, written as typed (a username is not a number).
NO_THAI_DIGITS = frozenset({"auth.user", "auth.group"})


_AMOUNT = re.compile(r"^-?\d+\.\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# How another app shows a stored value, by "<object type>.<key>" (a field's name, or a
# legacy entry's Thai label): registered by that app (plans imports no other app).
VALUE_TEXT: dict[str, Callable[[str], str]] = {
    # plans/audit.py records that a password changed, never the hash.
    "auth.user.password": lambda _text: "ตั้งรหัสผ่านใหม่",
}


def value_text(field: models.Field | None, value, shown: Callable[[str], str] | None = None) -> str:
    """A stored value in Thai, by its field's type (by its shape for a legacy entry)."""
    if value is None or value == "":
        return DASH
    text = str(value)
    if shown is not None:
        return shown(text)
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
        if isinstance(field, models.IntegerField | models.FloatField):
            return thai.to_thai_digits(text)
    except (ValueError, InvalidOperation):
        pass
    # Text as it was typed: a document number, a file name, an address, a row's name.
    return text


def _typed(field: models.Field, text: str):
    if isinstance(field, models.IntegerField):
        try:
            return int(text)
        except ValueError:
            return text
    return text
