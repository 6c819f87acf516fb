from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pythainlp.util import bahttext

from plans.thai import (
    baht_text,
    be_year,
    ce_year,
    fiscal_year_bounds,
    fiscal_year_label,
    fiscal_year_of,
    format_money,
    format_number,
    format_percent,
    format_thai_date,
    parse_decimal,
    parse_money,
    parse_thai_date,
    quarter_bounds,
    quarter_label,
    quarter_of,
    to_arabic_digits,
    to_thai_digits,
)

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
money_values = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=2, allow_nan=False
)
portal_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


# Digits


def test_to_thai_digits():
    assert to_thai_digits("ปี 2565 ข้อ 1.2") == "ปี ๒๕๖๕ ข้อ ๑.๒"
    assert to_thai_digits(318223938) == "๓๑๘๒๒๓๙๓๘"
    assert to_thai_digits(-7) == "-๗"
    assert to_thai_digits(Decimal("12.50")) == "๑๒.๕๐"
    assert to_thai_digits(Decimal("1E+3")) == "๑๐๐๐"


def test_to_arabic_digits():
    assert to_arabic_digits("ปี ๒๕๖๕ ข้อ ๑.๒") == "ปี 2565 ข้อ 1.2"
    assert to_arabic_digits("abc 12") == "abc 12"


@given(st.text().filter(lambda s: not set(s) & set(THAI_DIGITS)))
def test_thai_digits_round_trip(text):
    thai = to_thai_digits(text)
    assert not set(thai) & set("0123456789")
    assert to_arabic_digits(thai) == text


@given(st.text().filter(lambda s: not set(s) & set("0123456789")))
def test_arabic_digits_round_trip(text):
    assert to_thai_digits(to_arabic_digits(text)) == text


# Parsing numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", Decimal("0")),
        ("1234", Decimal("1234")),
        ("1,234", Decimal("1234")),
        ("318,223,938.00", Decimal("318223938.00")),
        ("๓๑๘,๒๒๓,๙๓๘.๐๐", Decimal("318223938.00")),
        ("  -1,234.5  ", Decimal("-1234.5")),
        ("375000 บาท", Decimal("375000")),
        ("๓๗๕,๐๐๐บาท", Decimal("375000")),
        ("\xa012\xa0", Decimal("12")),
        ("007", Decimal("7")),
        ("1.005", Decimal("1.005")),
    ],
)
def test_parse_decimal_accepts(text, expected):
    result = parse_decimal(text)
    assert result == expected
    assert str(result) == str(expected)


def test_parse_decimal_negative_zero_is_zero():
    assert str(parse_decimal("-0")) == "0"
    assert str(parse_decimal("-0.00", places=2)) == "0.00"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "บาท",
        "abc",
        "1.2.3",
        "1,2,3",
        "12,34",
        "1,2345",
        ",123",
        "1,234,",
        ".5",
        "5.",
        "--1",
        "+1",
        "- 1",
        "1 000",
        "1e3",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        "๑๒x",
        "١٢",  # Arabic-Indic digits are not Thai digits
    ],
)
def test_parse_decimal_refuses_junk(text):
    with pytest.raises(ValueError, match=r"^กรุณากรอกตัวเลข$"):
        parse_decimal(text)


def test_parse_decimal_with_places():
    assert str(parse_decimal("1,234", places=2)) == "1234.00"
    assert str(parse_decimal("1.5", places=2)) == "1.50"
    assert str(parse_decimal("1.500", places=2)) == "1.50"
    assert str(parse_decimal("12", places=0)) == "12"
    assert str(parse_decimal("12.000", places=0)) == "12"
    with pytest.raises(ValueError, match=r"^ตัวเลขต้องมีทศนิยมไม่เกิน ๒ ตำแหน่ง$"):
        parse_decimal("1.005", places=2)
    with pytest.raises(ValueError, match=r"^กรุณากรอกจำนวนเต็ม$"):
        parse_decimal("12.5", places=0)


def test_parse_money():
    assert str(parse_money("๔๓,๑๓๕.๒ บาท")) == "43135.20"
    with pytest.raises(ValueError, match=r"^จำนวนเงินต้องมีทศนิยมไม่เกิน ๒ ตำแหน่ง$"):
        parse_money("1.005")
    with pytest.raises(ValueError, match=r"^กรุณากรอกตัวเลข$"):
        parse_money("")


# Formatting numbers


def test_format_number():
    assert format_number(318223938) == "๓๑๘,๒๒๓,๙๓๘"
    assert format_number(318223938, thai_digits=False) == "318,223,938"
    assert format_number(318223938, grouping=False) == "๓๑๘๒๒๓๙๓๘"
    assert format_number(Decimal("1234.5")) == "๑,๒๓๕"
    assert format_number(Decimal("2.5")) == "๓"
    assert format_number(Decimal("-2.5")) == "-๓"
    assert format_number(Decimal("1234.565"), 2) == "๑,๒๓๔.๕๗"
    assert format_number(Decimal("-0.4")) == "๐"
    assert format_number(999) == "๙๙๙"
    assert format_number(-1000) == "-๑,๐๐๐"
    assert format_number("๑,๒๓๔") == "๑,๒๓๔"


def test_format_number_refuses_float_and_nan():
    with pytest.raises(TypeError):
        format_number(1.5)
    with pytest.raises(ValueError, match=r"^กรุณากรอกตัวเลข$"):
        format_number(Decimal("NaN"))
    with pytest.raises(ValueError, match=r"^กรุณากรอกตัวเลข$"):
        format_number(Decimal("-Infinity"))


def test_format_money():
    assert format_money(Decimal("318223938")) == "๓๑๘,๒๒๓,๙๓๘.๐๐"
    assert format_money(Decimal("43135.2")) == "๔๓,๑๓๕.๒๐"
    assert format_money(Decimal("1.005")) == "๑.๐๑"
    assert format_money(Decimal("2.675")) == "๒.๖๘"
    assert format_money(Decimal("-1234.5")) == "-๑,๒๓๔.๕๐"
    assert format_money(Decimal("-0.001")) == "๐.๐๐"
    assert format_money(0) == "๐.๐๐"
    assert format_money(375000, thai_digits=False) == "375,000.00"


def test_format_percent():
    assert format_percent(Decimal("99.765")) == "๙๙.๗๗"
    assert format_percent(Decimal("99.77")) == "๙๙.๗๗"
    assert format_percent(100) == "๑๐๐.๐๐"
    assert format_percent(Decimal("12.345"), 1) == "๑๒.๓"
    assert format_percent(Decimal("12.35"), 1, thai_digits=False) == "12.4"


@given(money_values, st.booleans())
def test_money_round_trip(value, thai_digits):
    assert parse_decimal(format_money(value, thai_digits=thai_digits)) == value
    assert parse_money(format_money(value, thai_digits=thai_digits)) == value


# Baht text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("43135.20"), "สี่หมื่นสามพันหนึ่งร้อยสามสิบห้าบาทยี่สิบสตางค์"),
        (375000, "สามแสนเจ็ดหมื่นห้าพันบาทถ้วน"),
        (Decimal("318223938"), "สามร้อยสิบแปดล้านสองแสนสองหมื่นสามพันเก้าร้อยสามสิบแปดบาทถ้วน"),
        (0, "ศูนย์บาทถ้วน"),
        (Decimal("0.004"), "ศูนย์บาทถ้วน"),
        (Decimal("-0.004"), "ศูนย์บาทถ้วน"),
        (Decimal("0.01"), "หนึ่งสตางค์"),
        (Decimal("0.5"), "ห้าสิบสตางค์"),
        (Decimal("1"), "หนึ่งบาทถ้วน"),
        (Decimal("1.005"), "หนึ่งบาทหนึ่งสตางค์"),
        (Decimal("2.675"), "สองบาทหกสิบแปดสตางค์"),
        (Decimal("21.10"), "ยี่สิบเอ็ดบาทสิบสตางค์"),
        (Decimal("11.21"), "สิบเอ็ดบาทยี่สิบเอ็ดสตางค์"),
        (Decimal("101.11"), "หนึ่งร้อยเอ็ดบาทสิบเอ็ดสตางค์"),
        (Decimal("0.999"), "หนึ่งบาทถ้วน"),
        (1_000_000, "หนึ่งล้านบาทถ้วน"),
        (1_000_001, "หนึ่งล้านเอ็ดบาทถ้วน"),
        (11_000_000, "สิบเอ็ดล้านบาทถ้วน"),
        (1_000_001_000_000, "หนึ่งล้านเอ็ดล้านบาทถ้วน"),
        (1_000_000_000_001, "หนึ่งล้านล้านเอ็ดบาทถ้วน"),
        (Decimal("-1"), "ลบหนึ่งบาทถ้วน"),
        (Decimal("-0.5"), "ลบห้าสิบสตางค์"),
        (Decimal("-1234.56"), "ลบหนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบหกสตางค์"),
        ("๔๓,๑๓๕.๒", "สี่หมื่นสามพันหนึ่งร้อยสามสิบห้าบาทยี่สิบสตางค์"),
        ("-1.005", "ลบหนึ่งบาทหนึ่งสตางค์"),
    ],
)
def test_baht_text(value, expected):
    assert baht_text(value) == expected


def test_baht_text_refuses_float_and_junk():
    with pytest.raises(TypeError):
        baht_text(1.5)
    with pytest.raises(ValueError, match=r"^กรุณากรอกตัวเลข$"):
        baht_text("หนึ่งบาท")


@given(st.decimals(min_value=1, max_value=Decimal("999999999.99"), places=2))
def test_baht_text_agrees_with_pythainlp_from_one_baht(value):
    # Below 10^9 baht a float keeps every satang, so pythainlp's bahttext is exact there.
    assert baht_text(value) == bahttext(float(value))
    assert baht_text(-value) == "ลบ" + baht_text(value)


# Buddhist era and dates


def test_be_and_ce_years():
    assert be_year(2022) == 2565
    assert ce_year(2565) == 2022


def test_format_thai_date():
    assert format_thai_date(date(2022, 3, 4)) == "๔ มีนาคม ๒๕๖๕"
    assert format_thai_date(date(2022, 3, 4), month="short") == "๔ มี.ค. ๒๕๖๕"
    assert format_thai_date(date(2021, 10, 31), thai_digits=False) == "31 ตุลาคม 2564"
    assert format_thai_date(date(2022, 12, 25), month="short") == "๒๕ ธ.ค. ๒๕๖๕"
    with pytest.raises(ValueError):
        format_thai_date(date(2022, 3, 4), month="medium")


@pytest.mark.parametrize(
    "text",
    [
        "4/3/2565",
        "04/03/2565",
        "๔/๓/๒๕๖๕",
        "4-3-2565",
        "4.3.2565",
        " 4 / 3 / 2565 ",
        "2565-03-04",
        "๒๕๖๕-๐๓-๐๔",
        "4 มีนาคม 2565",
        "๔ มีนาคม ๒๕๖๕",
        "4  มีนาคม\xa02565",
        "4 มีนาคม พ.ศ. 2565",
        "๔ มีนาคม พ.ศ.๒๕๖๕",
        "4 มี.ค. 2565",
        "๔ มี.ค.๒๕๖๕",
        "4 มีค 2565",
        "4มีนาคม2565",
    ],
)
def test_parse_thai_date_accepts(text):
    assert parse_thai_date(text) == date(2022, 3, 4)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "^กรุณากรอกวันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น ๔/๓/๒๕๖๕$"),
        ("เมื่อวาน", "^กรุณากรอกวันที่เป็น"),
        ("4/3", "^กรุณากรอกวันที่เป็น"),
        ("4/3-2565", "^กรุณากรอกวันที่เป็น"),
        ("4 มีนา 2565", "^กรุณากรอกวันที่เป็น"),
        ("4 March 2565", "^กรุณากรอกวันที่เป็น"),
        ("๔ มี.ค. ๖๕", "^กรุณากรอกปี พ.ศ. ให้ครบ ๔ หลัก$"),
        ("4/3/65", "^กรุณากรอกปี พ.ศ. ให้ครบ ๔ หลัก$"),
        ("4/3/2022", r"^กรุณากรอกปีเป็นพุทธศักราช \(พ\.ศ\.\) เช่น ๒๕๖๕$"),
        ("2022-03-04", "^กรุณากรอกปีเป็นพุทธศักราช"),
        ("4 มีนาคม 2399", "^กรุณากรอกปีเป็นพุทธศักราช"),
        ("31/2/2565", "^ไม่มีวันที่นี้ในปฏิทิน$"),
        ("29/2/2565", "^ไม่มีวันที่นี้ในปฏิทิน$"),
        ("1/13/2565", "^ไม่มีวันที่นี้ในปฏิทิน$"),
        ("0/1/2565", "^ไม่มีวันที่นี้ในปฏิทิน$"),
        ("1/1/99999", "^ปี พ.ศ. ต้องมี ๔ หลัก เช่น ๒๕๖๕$"),
        # Never Python's "Exceeds the limit (4300 digits)" text.
        ("4/3/" + "9" * 5000, "^ปี พ.ศ. ต้องมี ๔ หลัก"),
        ("4 มี.ค. " + "๙" * 5000, "^ปี พ.ศ. ต้องมี ๔ หลัก"),
        ("9" * 5000 + "-1-1", "^ปี พ.ศ. ต้องมี ๔ หลัก"),
    ],
)
def test_parse_thai_date_refuses(text, message):
    with pytest.raises(ValueError, match=message):
        parse_thai_date(text)


def test_parse_thai_date_edges():
    assert parse_thai_date("29/2/2567") == date(2024, 2, 29)
    assert parse_thai_date("1/1/2400") == date(1857, 1, 1)


@given(portal_dates, st.booleans(), st.sampled_from(["long", "short"]))
def test_thai_date_round_trip(d, thai_digits, month):
    assert parse_thai_date(format_thai_date(d, thai_digits=thai_digits, month=month)) == d


# Fiscal year


@pytest.mark.parametrize(
    ("d", "fiscal_year", "quarter"),
    [
        (date(2021, 9, 30), 2564, 4),
        (date(2021, 10, 1), 2565, 1),
        (date(2021, 12, 31), 2565, 1),
        (date(2022, 1, 1), 2565, 2),
        (date(2022, 3, 31), 2565, 2),
        (date(2022, 4, 1), 2565, 3),
        (date(2022, 6, 30), 2565, 3),
        (date(2022, 7, 1), 2565, 4),
        (date(2022, 9, 30), 2565, 4),
        (date(2022, 10, 1), 2566, 1),
    ],
)
def test_fiscal_year_and_quarter_of(d, fiscal_year, quarter):
    assert fiscal_year_of(d) == fiscal_year
    assert quarter_of(d) == quarter


def test_fiscal_year_bounds():
    assert fiscal_year_bounds(2565) == (date(2021, 10, 1), date(2022, 9, 30))


def test_quarter_bounds():
    assert quarter_bounds(2565, 1) == (date(2021, 10, 1), date(2021, 12, 31))
    assert quarter_bounds(2565, 2) == (date(2022, 1, 1), date(2022, 3, 31))
    assert quarter_bounds(2565, 3) == (date(2022, 4, 1), date(2022, 6, 30))
    assert quarter_bounds(2565, 4) == (date(2022, 7, 1), date(2022, 9, 30))
    for quarter in (0, 5):
        with pytest.raises(ValueError):
            quarter_bounds(2565, quarter)


def test_labels():
    assert fiscal_year_label(2565) == "ปีงบประมาณ พ.ศ. ๒๕๖๕"
    assert quarter_label(1) == "ไตรมาสที่ ๑"
    assert quarter_label(4) == "ไตรมาสที่ ๔"
    with pytest.raises(ValueError):
        quarter_label(5)


@given(portal_dates)
def test_fiscal_year_and_quarter_agree_with_bounds(d):
    year = fiscal_year_of(d)
    start, end = fiscal_year_bounds(year)
    assert start <= d <= end
    q_start, q_end = quarter_bounds(year, quarter_of(d))
    assert q_start <= d <= q_end
    assert fiscal_year_of(start) == fiscal_year_of(end) == year
    assert fiscal_year_of(start - timedelta(days=1)) == year - 1


@given(st.integers(min_value=2444, max_value=2743))
def test_quarters_tile_the_fiscal_year(year):
    quarters = [quarter_bounds(year, q) for q in (1, 2, 3, 4)]
    assert (quarters[0][0], quarters[3][1]) == fiscal_year_bounds(year)
    for (_, end), (next_start, _) in pairwise(quarters):
        assert end + timedelta(days=1) == next_start
    for q, (q_start, q_end) in enumerate(quarters, start=1):
        assert quarter_of(q_start) == quarter_of(q_end) == q
        assert fiscal_year_of(q_start) == fiscal_year_of(q_end) == year


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2021, 9, 30), 1),  # before FY2565 starts: its first quarter
        (date(2021, 10, 1), 1),
        (date(2022, 2, 14), 2),
        (date(2022, 9, 30), 4),
        (date(2026, 11, 30), 4),  # a finished year: its last quarter
    ],
)
def test_every_page_of_a_year_opens_at_one_quarter(day, quarter):
    """The quarterly reports and the dashboard open a year at the same quarter (they had
    two rules: a future year opened at Q1 on one and Q4 on the other)."""
    from plans import thai

    assert thai.default_quarter(2565, day) == quarter
