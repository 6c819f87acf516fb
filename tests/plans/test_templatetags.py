from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.utils import timezone

from plans.templatetags import thai as filters


def render(source: str, **context) -> str:
    # No {% load %}: settings load the library as a builtin.
    return engines["django"].from_string(source).render(context)


@pytest.mark.parametrize(
    ("source", "value", "expected"),
    [
        ("{{ v|money }}", Decimal("318223938"), "๓๑๘,๒๒๓,๙๓๘.๐๐"),
        ("{{ v|money }}", Decimal("-1234.565"), "-๑,๒๓๔.๕๗"),
        ("{{ v|money }}", 375000, "๓๗๕,๐๐๐.๐๐"),
        ("{{ v|money }}", "43,135.2", "๔๓,๑๓๕.๒๐"),
        ("{{ v|number }}", 318223938, "๓๑๘,๒๒๓,๙๓๘"),
        ("{{ v|number:2 }}", Decimal("1234.5"), "๑,๒๓๔.๕๐"),
        ('{{ v|number:"1" }}', "๑๒.๓๕", "๑๒.๔"),
        ("{{ v|quantity }}", Decimal("100.00"), "๑๐๐"),
        ("{{ v|quantity }}", Decimal("42753"), "๔๒,๗๕๓"),
        ("{{ v|quantity }}", Decimal("54.39"), "๕๔.๓๙"),
        ("{{ v|quantity }}", 57, "๕๗"),
        ("{{ v|quantity }}", "๑,๒๓๔.๕", "๑,๒๓๔.๕๐"),
        ("ร้อยละ {{ v|percent }}", Decimal("99.765"), "ร้อยละ ๙๙.๗๗"),
        ("{{ v|percent:1 }}", Decimal("99.75"), "๙๙.๘"),
        ("{{ v|baht_text }}", Decimal("43135.20"), "สี่หมื่นสามพันหนึ่งร้อยสามสิบห้าบาทยี่สิบสตางค์"),
        ("{{ v|baht_text }}", 375000, "สามแสนเจ็ดหมื่นห้าพันบาทถ้วน"),
        ("{{ v|baht_text }}", "1.005", "หนึ่งบาทหนึ่งสตางค์"),
        ("{{ v|thai_date }}", date(2022, 3, 4), "๔ มีนาคม ๒๕๖๕"),
        ('{{ v|thai_date:"short" }}', date(2022, 3, 4), "๔ มี.ค. ๒๕๖๕"),
        ("{{ v|be_year }}", date(2022, 3, 4), "๒๕๖๕"),
        ("{{ v|be_year }}", 2022, "๒๕๖๕"),
        ("{{ v|be_year }}", "2022", "๒๕๖๕"),
        ("{{ v|thai_digits }}", "ข้อ 1.2 ปี 2565", "ข้อ ๑.๒ ปี ๒๕๖๕"),
        ("{{ v|thai_digits }}", 2565, "๒๕๖๕"),
        ("{{ v|thai_digits }}", Decimal("12.50"), "๑๒.๕๐"),
    ],
)
def test_filters_render(source, value, expected):
    assert render(source, v=value) == expected


@pytest.mark.parametrize(
    "name",
    ["money", "number", "quantity", "percent", "baht_text", "thai_date", "be_year", "thai_digits"],
)
@pytest.mark.parametrize("value", [None, ""])
def test_blank_renders_empty(name, value):
    assert render(f"[{{{{ v|{name} }}}}]", v=value) == "[]"
    assert render(f"[{{{{ missing|{name} }}}}]") == "[]"


def test_aware_datetime_is_read_in_local_time():
    # 20:00 UTC on 30 Sep 2022 is 03:00 on 1 Oct 2022 in Bangkok.
    moment = datetime(2022, 9, 30, 20, 0, tzinfo=UTC)
    with timezone.override(ZoneInfo("Asia/Bangkok")):
        assert render("{{ v|thai_date }} {{ v|be_year }}", v=moment) == "๑ ตุลาคม ๒๕๖๕ ๒๕๖๕"
    naive = datetime(2022, 12, 31, 23, 0)
    assert render("{{ v|thai_date }} {{ v|be_year }}", v=naive) == "๓๑ ธันวาคม ๒๕๖๕ ๒๕๖๕"


def test_refused_values_are_shown_unchanged_and_escaped():
    assert render("{{ v|money }}", v=1.5) == "1.5"
    assert render("{{ v|money }}", v="<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert render("{{ v|number:'x' }}", v=5) == "5"
    assert render("{{ v|quantity }}", v=1.5) == "1.5"
    assert render("{{ v|quantity }}", v="abc") == "abc"
    assert render("{{ v|baht_text }}", v=Decimal("NaN")) == "NaN"
    assert render('{{ v|thai_date:"medium" }}', v=date(2022, 3, 4)) == "2022-03-04"
    assert render("{{ v|thai_date }}", v="2565-03-04") == "2565-03-04"
    assert render("{{ v|be_year }}", v="ปีหน้า") == "ปีหน้า"


def test_filter_functions_directly():
    assert filters.money(None) == ""
    assert filters.money("") == ""
    assert filters.money(Decimal("0")) == "๐.๐๐"
    assert filters.number(Decimal("2.5")) == "๓"
    assert filters.number("1234.5", "2") == "๑,๒๓๔.๕๐"
    assert filters.percent(Decimal("12.345")) == "๑๒.๓๕"
    assert filters.baht_text(0) == "ศูนย์บาทถ้วน"
    assert filters.thai_date(date(2021, 10, 1), "short") == "๑ ต.ค. ๒๕๖๔"
    assert filters.be_year(date(2021, 10, 1)) == "๒๕๖๔"
    assert filters.thai_digits(0) == "๐"
    assert filters.money(1.5) == "1.5"
