"""The audit trail page as an Excel file (plans/excel.py)."""

from __future__ import annotations

from django.utils import timezone

from plans.excel import Column, Export, Table
from plans.history import HistoryLine
from plans.models import Office
from plans.thai import format_thai_date

COLUMNS = [
    Column("เวลา"),
    Column("ผู้ดำเนินการ"),
    Column("การกระทำ"),
    Column("รายการ"),
    Column("รายละเอียด", width=60),
    Column("หมายเหตุ/เหตุผล"),
]


def _changes(line: HistoryLine) -> str:
    parts = []
    for change in line.changes:
        if change.kind == "set":
            parts.append(f"{change.label}: {change.new}")
        elif change.kind == "removed":
            parts.append(f"{change.label}: (ลบ) {change.old}")
        else:
            parts.append(f"{change.label}: {change.old} → {change.new}")
    return "\n".join(parts)


def trail_export(office: Office, lines: list[HistoryLine], notes: list[str]) -> Export:
    rows = []
    for line in lines:
        local = timezone.localtime(line.at)
        at = f"{format_thai_date(local.date(), thai_digits=False, month='short')} {local:%H:%M}"
        rows.append((at, line.author, line.action, line.what, _changes(line), line.note))
    table = Table(
        title=f"ประวัติการเปลี่ยนแปลงข้อมูลของ{office.name}",
        columns=COLUMNS,
        rows=rows,
        sheet="ประวัติการเปลี่ยนแปลง",
        notes=notes,
    )
    return Export(office.code, None, "audit-trail", "ประวัติการเปลี่ยนแปลง", [table])
