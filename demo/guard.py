"""What keeps `load_demo` off a database it did not make.

The loader upserts the seed on natural keys and deletes the rows the seed does not have, so
run over real data it overwrites users' work (issue 10, finding 13). `load_demo` therefore
loads only into an empty database or into one it made itself and nobody has changed since.

It knows its own database by a marker: an audit entry (no model of its own, no migration)
of the demo office, with no user and the object type `MARKER_TYPE`, written when the demo
is loaded. A later change by a person leaves traces the guard reads: audit entries (every
service writes one), the admin's log, a quarterly report that is not the seed's approved
year-end report. Offices other than the demo's are never the demo's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.contrib.admin.models import LogEntry
from django.db import transaction

from demo.loader import SEED_DIR, Loader, LoadStats, read
from plans.models import AuditAction, AuditEntry, Office, Plan
from progress.models import QuarterlyReport

MARKER_TYPE = "demo.load_demo"


def demo_office_code(seed_dir: Path = SEED_DIR) -> str:
    return read("office.yaml", seed_dir)["office"]["code"]


def last_marker() -> AuditEntry | None:
    return AuditEntry.objects.filter(object_type=MARKER_TYPE).order_by("-pk").first()


def foreign_data(seed_dir: Path = SEED_DIR) -> dict[str, int]:
    """What in the database load_demo did not make, as Thai descriptions with counts;
    empty for an empty database or the demo's own, unchanged since it was loaded."""
    code = demo_office_code(seed_dir)
    found: dict[str, int] = {}
    others = Office.objects.exclude(code=code).count()
    if others:
        found["สำนักงานอื่นที่ไม่ใช่ของข้อมูลตัวอย่าง"] = others
    marker = last_marker()
    if marker is None:
        if Office.objects.filter(code=code).exists() or Plan.objects.exists():
            found["ข้อมูลสำนักงานและแผนที่ไม่ได้สร้างโดย load_demo"] = Plan.objects.count()
        return found
    since = {"pk__gt": marker.pk}
    edits = AuditEntry.objects.filter(**since).exclude(object_type=MARKER_TYPE).count()
    if edits:
        found["รายการแก้ไขข้อมูลโดยผู้ใช้ (ประวัติการเปลี่ยนแปลง) หลังโหลดข้อมูลตัวอย่าง"] = edits
    admin_edits = LogEntry.objects.filter(action_time__gt=marker.at).count()
    if admin_edits:
        found["รายการแก้ไขผ่านหน้าจัดการข้อมูล หลังโหลดข้อมูลตัวอย่าง"] = admin_edits
    reports = (
        QuarterlyReport.objects.exclude(quarter=4, status=QuarterlyReport.Status.APPROVED)
        .filter(updated_at__gt=marker.at)
        .count()
    )
    if reports:
        found["รายงานรายไตรมาสที่ผู้ใช้จัดทำ"] = reports
    return found


class _Rollback(Exception):
    pass


def preview(seed_dir: Path = SEED_DIR) -> LoadStats:
    """Load the seed and roll it back: what a load would overwrite and delete."""
    loader = Loader(seed_dir)
    try:
        with transaction.atomic():
            loader.load()
            raise _Rollback
    except _Rollback:
        pass
    return loader.stats


@dataclass(frozen=True)
class Overwrite:
    changed: dict[str, int]
    deleted: dict[str, int]

    def lines(self) -> list[str]:
        out = [f"  แก้ไข {name}: {number} รายการ" for name, number in sorted(self.changed.items())]
        out += [f"  ลบ {name}: {number} รายการ" for name, number in sorted(self.deleted.items())]
        return out or ["  (ไม่มีรายการที่ถูกแก้ไขหรือลบ)"]


def overwrite_of(stats: LoadStats) -> Overwrite:
    return Overwrite(changed=dict(stats.changed), deleted=dict(stats.deleted))


def record_load(plan: Plan, stats: LoadStats, *, forced: bool = False) -> None:
    """Mark the database as the demo's: when there is no marker yet, when this load changed
    something, or after a forced load (what the seed covers is the seed's again; what it
    does not cover, it never touches). A plain load that changed nothing leaves the database
    as it was."""
    changed = stats.created or stats.changed or stats.deleted
    if last_marker() is not None and not changed and not forced:
        return
    AuditEntry.objects.create(
        office=plan.office,
        user=None,
        object_type=MARKER_TYPE,
        object_id=plan.pk,
        object_label=str(plan)[:300],
        action=AuditAction.LOAD,
        note="ข้อมูลนี้สร้างโดยคำสั่ง load_demo",
    )
