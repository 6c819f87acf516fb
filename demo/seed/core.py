"""What every seed module writes through: the seed files' reader, the upsert on natural keys
that makes loading twice change nothing, and the counts `load_demo` reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps
from django.conf import settings
from django.db import models

from plans.models import Office, WorkGroup

SEED_DIR = settings.BASE_DIR / "fixtures" / "fy2565"

# The report's results are for the whole year only: they are held as Q4 (year-end) values.
YEAR_END_QUARTER = 4


class SeedError(Exception):
    """The seed files do not fit the format or refer to something that does not exist."""


@dataclass
class LoadStats:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Rows that existed and were overwritten or removed, per kind (Thai plural names):
    # what load_demo --force reports before it loads over a database.
    changed: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)

    def count(self, obj: models.Model, state: str) -> None:
        setattr(self, state, getattr(self, state) + 1)
        if state == "updated":
            name = obj._meta.verbose_name_plural
            self.changed[name] = self.changed.get(name, 0) + 1

    def count_deleted(self, per_label: dict[str, int]) -> None:
        """Record what a QuerySet.delete() removed, cascades included."""
        for label, number in per_label.items():
            if number:
                name = str(apps.get_model(label)._meta.verbose_name_plural)
                self.deleted[name] = self.deleted.get(name, 0) + number


def dec(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    return Decimal(str(value))


def read(name: str, seed_dir: Path = SEED_DIR) -> dict:
    path = seed_dir / name
    if not path.exists():
        raise SeedError(f"ไม่พบไฟล์ข้อมูล {path}")
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


class Seeder:
    """The state one load shares across the seed modules: where the files are, the counts,
    and the other spellings of the work groups' names (from office.yaml, used by the
    project files)."""

    def __init__(self, seed_dir: Path = SEED_DIR) -> None:
        self.seed_dir = seed_dir
        self.stats = LoadStats()
        self.group_aliases: dict[str, tuple[str, ...]] = {}

    def read(self, name: str) -> dict:
        return read(name, self.seed_dir)

    def upsert(self, model: type[models.Model], keys: dict, values: dict | None = None):
        values = values or {}
        obj = model.objects.filter(**keys).first()
        if obj is None:
            obj = model(**keys, **values)
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save()
            self.stats.count(obj, "created")
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save(update_fields=changed)
            self.stats.count(obj, "updated")
        else:
            self.stats.count(obj, "unchanged")
        return obj

    def set_m2m(self, manager, objects: Iterable[models.Model]) -> None:
        wanted = {obj.pk for obj in objects}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            name = manager.instance._meta.verbose_name_plural
            self.stats.changed[name] = self.stats.changed.get(name, 0) + 1

    def prune(self, queryset: models.QuerySet, keep: Iterable[int]) -> None:
        """Remove rows of a seeded collection that the seed no longer has."""
        self.stats.count_deleted(queryset.exclude(pk__in=list(keep)).delete()[1])

    def work_group(self, office: Office, name: str) -> WorkGroup:
        """A group by its name or one of the other spellings the report uses."""
        for group in office.work_groups.all():
            if name == group.name or name in self.group_aliases.get(group.code, ()):
                return group
        raise SeedError(f"ไม่พบกลุ่มงาน “{name}” ในสำนักงาน {office}")
