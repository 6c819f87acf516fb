"""One run of an import over a file: read it (plans/imports/reading.py), refuse the rows
the resource must not see (the template's example row, another office's code, a key seen
before in the file), hand the rest to the kind's django-import-export resource, and turn its
result into what the preview shows: the rows it creates, changes and leaves alone, and every
bad row with its spreadsheet row number, the column's Thai header, the value and what is
wrong. The same run is the preview (a dry run, which writes nothing) and the confirmation."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import tablib
from django.core.exceptions import NON_FIELD_ERRORS

from plans.imports.base import OFFICE_HEADER, ImportKind, OfficeResource
from plans.imports.reading import FileRefused, Table, cell_text, normalise_header, read_table

logger = logging.getLogger(__name__)

ROW_FAILED = "บันทึกแถวนี้ไม่ได้ กรุณาตรวจสอบข้อมูลในแถวนี้"
FILE_FAILED = "อ่านข้อมูลในไฟล์นี้ไม่ได้ กรุณาตรวจสอบไฟล์ หรือใช้แบบฟอร์มจากหน้านี้"
SAVE_FAILED = (
    "บันทึกข้อมูลไม่สำเร็จ (ข้อมูลอาจถูกแก้ไขพร้อมกันจากที่อื่น) ไม่มีข้อมูลใดถูกบันทึก กรุณาตรวจดูตัวอย่างอีกครั้งแล้วยืนยันใหม่"
)
NO_ROWS = "ไม่มีข้อมูลใต้แถวหัวตาราง (แถวที่ {row}) ของแผ่นงาน “{sheet}”"
# The preview lists the first rows of each group (all are counted) and the first issues
# (all are counted): what an upload keeps of its check stays small for any file.
SHOWN = 100
ISSUES_KEPT = 2000
EXAMPLE_ROW = "แถวนี้เป็นแถวตัวอย่างของแบบฟอร์ม กรุณาลบออกก่อนนำเข้า"


@dataclass(frozen=True)
class RowLine:
    number: int  # the row number the spreadsheet shows
    label: str
    changed: tuple[str, ...] = ()  # the headers of the columns that change


@dataclass(frozen=True)
class RowIssue:
    number: int | None
    column: str
    value: str
    message: str


@dataclass
class Outcome:
    kind: ImportKind
    file_name: str
    refused: str = ""  # the whole file cannot be read: why
    sheet: str = ""
    header_row: int = 0
    rows: int = 0
    created: list[RowLine] = field(default_factory=list)
    changed: list[RowLine] = field(default_factory=list)
    unchanged: list[RowLine] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    absent: int | None = None  # the office's rows the file does not name: left alone

    @property
    def ok(self) -> bool:
        """Whether confirming it would import every row: nothing is wrong."""
        return not self.refused and not self.issues and self.rows > 0

    @property
    def bad_rows(self) -> int:
        return len({issue.number for issue in self.issues})

    @property
    def writes(self) -> int:
        return len(self.created) + len(self.changed)

    def stored(self, *, shown: int = SHOWN, issues: int = ISSUES_KEPT) -> dict[str, Any]:
        """What the preview shows, as JSON for ImportUpload.outcome: the counts, the first
        `shown` rows of each group and the first `issues` issues (bounded)."""
        return {
            "kind": self.kind.key,
            "file_name": self.file_name,
            "refused": self.refused,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "rows": self.rows,
            "absent": self.absent,
            "ok": self.ok,
            "bad_rows": self.bad_rows,
            "counts": {
                "created": len(self.created),
                "changed": len(self.changed),
                "unchanged": len(self.unchanged),
                "issues": len(self.issues),
            },
            **{
                group: [[line.number, line.label, list(line.changed)] for line in lines[:shown]]
                for group, lines in (
                    ("created", self.created),
                    ("changed", self.changed),
                    ("unchanged", self.unchanged),
                )
            },
            "issues": [[i.number, i.column, i.value, i.message] for i in self.issues[:issues]],
        }


@dataclass(frozen=True)
class StoredOutcome:
    """An outcome as kept on its upload (Outcome.stored): what the preview page shows, with
    the same names; the groups and issues hold their first rows, the counts are all."""

    file_name: str
    refused: str
    sheet: str
    header_row: int
    rows: int
    absent: int | None
    ok: bool
    bad_rows: int
    counts: dict[str, int]
    created: list[RowLine]
    changed: list[RowLine]
    unchanged: list[RowLine]
    issues: list[RowIssue]

    @classmethod
    def of(cls, data: dict[str, Any]) -> StoredOutcome:
        lines = {
            group: [RowLine(n, label, tuple(changed)) for n, label, changed in data[group]]
            for group in ("created", "changed", "unchanged")
        }
        plain = (
            *("file_name", "refused", "sheet", "header_row", "rows", "absent"),
            *("ok", "bad_rows", "counts"),
        )
        issues = [RowIssue(*issue) for issue in data["issues"]]
        return cls(**{name: data[name] for name in plain}, issues=issues, **lines)

    @property
    def writes(self) -> int:
        return self.counts["created"] + self.counts["changed"]


def _is_example(kind: ImportKind, row: dict[str, Any]) -> bool:
    filled = [c for c in kind.columns if c.example not in ("", None)]
    return bool(filled) and all(
        normalise_header(cell_text(row.get(c.header, ""))) == normalise_header(cell_text(c.example))
        for c in filled
    )


def _prepare(
    kind: ImportKind, resource: OfficeResource, table: Table, outcome: Outcome
) -> tuple[tablib.Dataset, list[int], list[dict]]:
    """The rows the resource imports, as a Dataset; refused rows go to `outcome.issues`."""
    office = resource.office
    key_fields = [resource.field_of_header(h) for h in kind.keys]
    seen: dict[tuple, int] = {}
    dataset = tablib.Dataset(headers=table.headers)
    numbers: list[int] = []
    raws: list[dict] = []
    for row, number in zip(table.rows, table.numbers, strict=True):
        if _is_example(kind, row):
            outcome.issues.append(RowIssue(number, "", "", EXAMPLE_ROW))
            continue
        named = str(row.get(OFFICE_HEADER, "")).strip()
        if named and named != office.code:
            outcome.issues.append(
                RowIssue(
                    number,
                    OFFICE_HEADER,
                    named,
                    f"ไม่ใช่รหัสของ{office.name} ({office.code}) นำเข้าได้เฉพาะข้อมูลของสำนักงานของท่าน",
                )
            )
            continue
        try:
            key = tuple(f.clean(row) for f in key_fields)
        except (ValueError, KeyError):
            key = None  # the key's cell is wrong: the resource says how
        if key is not None:
            if key in seen:
                outcome.issues.append(
                    RowIssue(
                        number,
                        kind.keys[0],
                        " / ".join(cell_text(row.get(h, "")) for h in kind.keys),
                        f"ซ้ำกับแถวที่ {_thai(seen[key])} ในไฟล์นี้ (หนึ่งรายการต้องมีเพียงแถวเดียว)",
                    )
                )
                continue
            seen[key] = number
        dataset.append([row.get(h, "") for h in table.headers])
        numbers.append(number)
        raws.append(row)
    return dataset, numbers, raws


def _thai(number: int) -> str:
    from plans.thai import to_thai_digits

    return to_thai_digits(number)


def run(kind: ImportKind, *, office, user, name: str, content: bytes, dry_run: bool) -> Outcome:
    """Read and import one file into `office`: with `dry_run`, nothing is written. The
    caller of a real run holds the transaction and rolls it back unless `ok`."""
    outcome = Outcome(kind=kind, file_name=name)
    try:
        table = read_table(name, content, kind.headers(), title=kind.title)
    except FileRefused as refusal:
        outcome.refused = refusal.message
        return outcome
    outcome.sheet, outcome.header_row = table.sheet, table.header_row
    if not table.rows:
        outcome.refused = NO_ROWS.format(row=_thai(table.header_row), sheet=table.sheet)
        return outcome
    outcome.rows = len(table.rows)
    resource = kind.resource_for(office=office, user=user)
    dataset, numbers, raws = _prepare(kind, resource, table, outcome)
    if not len(dataset):
        return outcome
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
    )
    for error in result.base_errors:
        logger.error("import %s: %s", kind.key, error.error, exc_info=error.error)
        outcome.issues.append(RowIssue(None, "", "", FILE_FAILED if dry_run else SAVE_FAILED))
    for index, row_result in enumerate(result.rows):
        number, raw = numbers[index], raws[index]
        if row_result.is_invalid():
            errors = row_result.validation_error
            error_dict = getattr(errors, "error_dict", None)
            items = (
                errors.message_dict.items()
                if error_dict is not None
                else [(NON_FIELD_ERRORS, errors.messages)]
            )
            for key, messages in items:
                header = "" if key == NON_FIELD_ERRORS else resource.header_of(key)
                value = cell_text(raw.get(header, "")) if header else ""
                for message in messages:
                    outcome.issues.append(RowIssue(number, header, value, message))
        elif row_result.is_error():
            for error in row_result.errors:
                logger.error("import %s row %s: %s", kind.key, number, error.error)
            outcome.issues.append(RowIssue(number, "", "", ROW_FAILED))
        else:
            instance = row_result.instance
            label = resource.row_label(instance) if instance is not None else ""
            if row_result.is_new():
                outcome.created.append(RowLine(number, label))
            elif row_result.is_update():
                changed = getattr(instance, "import_changed", ())
                outcome.changed.append(RowLine(number, label, changed))
            elif row_result.is_skip():
                outcome.unchanged.append(RowLine(number, label))
    outcome.issues.sort(key=lambda issue: issue.number or 0)
    outcome.absent = resource.absent_rows(result)
    return outcome
