"""Reads of the office's audit trail page: every change in the office, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.db.models import Q, QuerySet

from plans.audit import is_audited
from plans.models import AuditEntry, Office


@dataclass(frozen=True)
class TrailFilter:
    """What the page's filter form chose (every part optional)."""

    user_id: int | None = None
    object_type: str = ""
    since: date | None = None
    until: date | None = None
    text: str = ""


def object_types() -> list[tuple[str, str]]:
    """(label, Thai name) of every kind of record the trail holds, by Thai name."""
    kinds = [
        (model._meta.label_lower, str(model._meta.verbose_name))
        for model in apps.get_models()
        if is_audited(model)
    ]
    return sorted(kinds, key=lambda kind: kind[1])


def office_trail(office: Office, chosen: TrailFilter) -> QuerySet[AuditEntry]:
    """The office's entries that match `chosen`, newest first, with their authors (one
    query per page). An entry of a record's child rows names the child: the page shows each
    change once."""
    entries = AuditEntry.objects.filter(office_id=office.pk)
    if chosen.user_id:
        entries = entries.filter(user_id=chosen.user_id)
    if chosen.object_type:
        entries = entries.filter(
            Q(object_type=chosen.object_type) | Q(parent_type=chosen.object_type)
        )
    if chosen.since:
        entries = entries.filter(at__date__gte=chosen.since)
    if chosen.until:
        entries = entries.filter(at__date__lte=chosen.until)
    for word in chosen.text.split():
        entries = entries.filter(
            Q(object_label__icontains=word) | Q(note__icontains=word) | Q(user_name__icontains=word)
        )
    return entries.select_related("user").order_by("-at", "-pk")
