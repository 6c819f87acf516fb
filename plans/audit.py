"""The audit trail: services call `record` inside their transaction, pages read
`history_for`. Values are stored as text so that the trail outlives schema changes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

from plans.models import AuditEntry, Office


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, Decimal | int | float | date | datetime):
        return str(value)
    return str(value)


def object_type(obj: models.Model) -> str:
    return obj._meta.label_lower


def record(
    *,
    office: Office,
    user,
    obj: models.Model,
    action: str,
    changes: Mapping[str, tuple[Any, Any]] | None = None,
    note: str = "",
) -> AuditEntry:
    """Write one audit entry. `changes` maps a field's Thai label (or name) to (old, new);
    pairs whose old and new are equal are dropped."""
    clean = {
        field: [_text(old), _text(new)]
        for field, (old, new) in (changes or {}).items()
        if _text(old) != _text(new)
    }
    return AuditEntry.objects.create(
        office=office,
        user=user if getattr(user, "is_authenticated", False) else None,
        object_type=object_type(obj),
        object_id=obj.pk,
        object_label=str(obj)[:300],
        action=action,
        changes=clean,
        note=note,
    )


def history_for(obj: models.Model) -> models.QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(object_type=object_type(obj), object_id=obj.pk).select_related(
        "user"
    )
