"""The office's people as Excel (plans/excel.py): the people page's rows, as searched. The
list has no fiscal year, so the file is named by the office only. No queries here."""

from __future__ import annotations

from plans.excel import Column, Export, Kind, Table
from plans.models import Membership, Office
from plans.templatetags.thai import person


def members_export(office: Office, members: list[Membership], *, search: str = "") -> Export:
    notes = [f'ผลการค้นหา "{search}"'] if search else []
    table = Table(
        f"บุคลากรของ{office.name}",
        [
            Column("ชื่อ–นามสกุล"),
            Column("ตำแหน่ง"),
            Column("ชื่อผู้ใช้"),
            Column("อีเมล"),
            Column("บทบาท"),
            Column("กลุ่มงาน"),
            Column("สถานะ"),
            Column("เข้าระบบล่าสุด", Kind.DATE),
        ],
        [
            [
                person(m.user, ""),
                m.position,
                m.user.username,
                m.user.email,
                m.get_role_display(),
                str(m.work_group or ""),
                "ใช้งานได้" if m.user.is_active else "ระงับการใช้งาน",
                m.user.last_login,
            ]
            for m in members
        ],
        sheet="บุคลากร",
        notes=notes,
    )
    return Export(office.code, None, "people", "บุคลากร", [table])
