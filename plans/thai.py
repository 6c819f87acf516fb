"""Thai formatting and parsing helpers used across the portal.

Pure Python (no Django): digits, numbers and money, baht text, Buddhist-era dates and the
Thai government fiscal year (1 October to 30 September, named by its B.E. end year).

Money is always `Decimal`; every function that takes a number refuses `float`. Functions
that read user input raise `ValueError` with a Thai message a form can show as it is.
"""

import re
from calendar import monthrange
from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pythainlp.util import num_to_thaiword

BE_OFFSET = 543
# The fiscal year's quarters: 1 Oct-Dec, 2 Jan-Mar, 3 Apr-Jun, 4 Jul-Sep.
FISCAL_QUARTERS = (1, 2, 3, 4)
# The portal takes B.E. years only; anything below this is taken for a C.E. year and refused.
MIN_BE_YEAR = 2400

MONTHS_LONG = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# Digits are spelled [0-9]: in Python's re, \d also matches other scripts' digits.
# Thousands separators must group by three ("1,234"); "1,2,3" is refused.
_NUMBER_RE = re.compile(r"(-?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?")
_ISO_DATE_RE = re.compile(r"([0-9]+)-([0-9]{1,2})-([0-9]{1,2})")
_NUMERIC_DATE_RE = re.compile(r"([0-9]{1,2}) ?([/.-]) ?([0-9]{1,2}) ?\2 ?([0-9]+)")
_TEXT_DATE_RE = re.compile(r"([0-9]{1,2}) ?([^0-9 ]+?) ?(?:พ\. ?ศ\. ?)?([0-9]+)")
# Month names as typed: long, abbreviated, and abbreviated without dots ("มีค").
_MONTH_NUMBERS = {
    name: number
    for number, (long, short) in enumerate(zip(MONTHS_LONG, MONTHS_SHORT, strict=True), start=1)
    for name in (long, short, short.replace(".", ""))
}

NOT_A_NUMBER = "กรุณากรอกตัวเลข"
BAD_DATE_FORMAT = "กรุณากรอกวันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น ๔/๓/๒๕๖๕"
SHORT_YEAR = "กรุณากรอกปี พ.ศ. ให้ครบ ๔ หลัก"
LONG_YEAR = "ปี พ.ศ. ต้องมี ๔ หลัก เช่น ๒๕๖๕"
NOT_BE_YEAR = "กรุณากรอกปีเป็นพุทธศักราช (พ.ศ.) เช่น ๒๕๖๕"
NO_SUCH_DATE = "ไม่มีวันที่นี้ในปฏิทิน"


def to_thai_digits(text: str | int | Decimal) -> str:
    """Replace 0-9 with ๐-๙ and leave everything else alone.

    A `Decimal` is written in plain notation first (`Decimal("1E+3")` -> "๑๐๐๐").
    """
    plain = format(text, "f") if isinstance(text, Decimal) else str(text)
    return plain.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Replace ๐-๙ with 0-9 and leave everything else alone."""
    return text.translate(_TO_ARABIC)


def _parse(text: str, places: int | None, too_many_places: str) -> Decimal:
    cleaned = to_arabic_digits(text).strip().removesuffix("บาท").rstrip()
    match = _NUMBER_RE.fullmatch(cleaned)
    if match is None:
        raise ValueError(NOT_A_NUMBER)
    sign, whole, fraction = match[1], match[2].replace(",", ""), match[3] or ""
    if places is not None:
        # Trailing zeros are not precision: "1.50" fits two places, "1.005" does not.
        if len(fraction.rstrip("0")) > places:
            raise ValueError(too_many_places)
        fraction = fraction[:places].ljust(places, "0")
    number = Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
    return number.copy_abs() if number.is_zero() else number


def parse_decimal(text: str, *, places: int | None = None) -> Decimal:
    """Read a number typed by a user: "-1,234.50", "๑,๒๓๔.๕๐", " 375000 บาท ".

    Accepts Thai or Arabic digits, correctly grouped thousands separators, surrounding
    spaces, a leading minus and a trailing "บาท". Refuses "", "1.2.3", "1,2,3", ".5",
    NaN and Infinity. With `places`, refuses more decimal places than that (trailing zeros
    do not count) and returns the value with exactly `places` places.
    """
    if places == 0:
        return _parse(text, places, "กรุณากรอกจำนวนเต็ม")
    return _parse(text, places, f"ตัวเลขต้องมีทศนิยมไม่เกิน {to_thai_digits(str(places))} ตำแหน่ง")


def parse_money(text: str) -> Decimal:
    """Read an amount of baht as `parse_decimal` does, with at most two decimal places."""
    return _parse(text, 2, "จำนวนเงินต้องมีทศนิยมไม่เกิน ๒ ตำแหน่ง")


def _as_decimal(value: Decimal | int | str) -> Decimal:
    """A finite Decimal from a Decimal, an int or user-typed text; floats are refused."""
    if isinstance(value, float):
        raise TypeError("Use Decimal for amounts, never float.")
    if isinstance(value, str):
        return parse_decimal(value)
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(NOT_A_NUMBER)
    return number


def _quantize(value: Decimal | int | str, places: int) -> Decimal:
    rounded = _as_decimal(value).quantize(Decimal((0, (1,), -places)), rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded  # no "-0.00"


def format_number(
    value: Decimal | int | str,
    places: int = 0,
    *,
    thai_digits: bool = True,
    grouping: bool = True,
) -> str:
    """Round half up to `places` and write it: 318223938 -> "๓๑๘,๒๒๓,๙๓๘"; -1.5 -> "-๒"."""
    text = format(_quantize(value, places), f"{',' if grouping else ''}.{places}f")
    return to_thai_digits(text) if thai_digits else text


def format_quantity(value: Decimal | int | str, *, thai_digits: bool = True) -> str:
    """A measured value as the report prints it: no decimals when whole (๑๐๐, ๔๒,๗๕๓),
    two otherwise (๕๔.๓๙)."""
    value = _as_decimal(value)
    places = 0 if value == value.to_integral_value() else 2
    return format_number(value, places, thai_digits=thai_digits)


def format_money(value: Decimal | int | str, *, thai_digits: bool = True) -> str:
    """Baht with satang and separators: Decimal("318223938") -> "๓๑๘,๒๒๓,๙๓๘.๐๐"."""
    return format_number(value, 2, thai_digits=thai_digits)


def format_percent(value: Decimal | int | str, places: int = 2, *, thai_digits: bool = True) -> str:
    """A value already in percent, number only: 99.765 -> "๙๙.๗๗" (templates add "ร้อยละ")."""
    return format_number(value, places, thai_digits=thai_digits)


def _thai_words(number: int) -> str:
    """num_to_thaiword for n >= 0, plus เอ็ด for a lone 1 after a ล้าน: 1,000,001,000,000."""
    millions, rest = divmod(number, 1_000_000)
    if not millions:
        return num_to_thaiword(rest)
    head = _thai_words(millions) + "ล้าน"
    if not rest:
        return head
    return head + ("เอ็ด" if rest == 1 else num_to_thaiword(rest))


def baht_text(value: Decimal | int | str) -> str:
    """An amount in words as on cheques and official letters, rounded half up to satang.

    43135.2 -> "สี่หมื่นสามพันหนึ่งร้อยสามสิบห้าบาทยี่สิบสตางค์", 0 -> "ศูนย์บาทถ้วน",
    0.5 -> "ห้าสิบสตางค์", -1 -> "ลบหนึ่งบาทถ้วน".

    Written here from integers rather than with pythainlp's `bahttext`, which takes floats
    (inexact above about 10^13 baht), loses the sign between -1 and 0, writes 0.5 as
    "ศูนย์บาทห้าสิบสตางค์" and 1,000,001,000,000 as "หนึ่งล้านหนึ่งล้าน...".
    """
    amount = _quantize(value, 2)
    baht, satang = divmod(int(amount.copy_abs() * 100), 100)
    if not baht and not satang:
        return "ศูนย์บาทถ้วน"
    words = f"{_thai_words(baht)}บาท" if baht else ""
    words += f"{_thai_words(satang)}สตางค์" if satang else "ถ้วน"
    return f"ลบ{words}" if amount < 0 else words


def be_year(year_ce: int) -> int:
    """Buddhist-era year of a Christian-era year: 2022 -> 2565."""
    return year_ce + BE_OFFSET


def ce_year(year_be: int) -> int:
    """Christian-era year of a Buddhist-era year: 2565 -> 2022."""
    return year_be - BE_OFFSET


def format_thai_date(
    d: date,
    *,
    thai_digits: bool = True,
    month: Literal["long", "short"] = "long",
    era: bool = False,
) -> str:
    """Day, Thai month and B.E. year: "๔ มีนาคม ๒๕๖๕", or "๔ มี.ค. ๒๕๖๕" with month="short",
    or as an official letter writes it, "๔ มีนาคม พ.ศ. ๒๕๖๕", with era=True."""
    if month not in ("long", "short"):
        raise ValueError(f"month must be 'long' or 'short', not {month!r}")
    names = MONTHS_LONG if month == "long" else MONTHS_SHORT
    year = f"พ.ศ. {be_year(d.year)}" if era else str(be_year(d.year))
    text = f"{d.day} {names[d.month - 1]} {year}"
    return to_thai_digits(text) if thai_digits else text


def parse_thai_date(text: str) -> date:
    """Read a B.E. date typed by a user, in Thai or Arabic digits.

    Accepts "4/3/2565" (also with "-" or "."), "2565-03-04", "4 มีนาคม 2565",
    "4 มี.ค. 2565" and "4 มีนาคม พ.ศ. 2565". The year must be B.E. with four digits:
    two-digit years ("๔ มี.ค. ๖๕") and years below 2400 (C.E.) are refused.
    """
    cleaned = " ".join(to_arabic_digits(text).split())
    if match := _ISO_DATE_RE.fullmatch(cleaned):
        year, month, day = match[1], int(match[2]), int(match[3])
    elif match := _NUMERIC_DATE_RE.fullmatch(cleaned):
        day, month, year = int(match[1]), int(match[3]), match[4]
    elif (match := _TEXT_DATE_RE.fullmatch(cleaned)) and match[2] in _MONTH_NUMBERS:
        day, month, year = int(match[1]), _MONTH_NUMBERS[match[2]], match[3]
    else:
        raise ValueError(BAD_DATE_FORMAT)
    if len(year) < 4:
        raise ValueError(SHORT_YEAR)
    if len(year) > 4:
        # Also keeps int() away from Python's digit limit (a 5,000-digit year).
        raise ValueError(LONG_YEAR)
    if int(year) < MIN_BE_YEAR:
        raise ValueError(NOT_BE_YEAR)
    try:
        return date(ce_year(int(year)), month, day)
    except ValueError:
        raise ValueError(NO_SUCH_DATE) from None


def fiscal_year_of(d: date) -> int:
    """B.E. fiscal year holding a date: 1 Oct 2564 .. 30 Sep 2565 -> 2565."""
    return be_year(d.year + 1 if d.month >= 10 else d.year)


def fiscal_year_bounds(year_be: int) -> tuple[date, date]:
    """First and last day of a fiscal year: 2565 -> (1 Oct 2021, 30 Sep 2022)."""
    year_ce = ce_year(year_be)
    return date(year_ce - 1, 10, 1), date(year_ce, 9, 30)


def quarter_of(d: date) -> int:
    """Fiscal quarter: 1 Oct-Dec, 2 Jan-Mar, 3 Apr-Jun, 4 Jul-Sep."""
    return (d.month - 10) % 12 // 3 + 1


def quarter_on(year_be: int, day: date) -> int | None:
    """The quarter of fiscal year `year_be` that `day` counts in: its own quarter inside the
    year, the fourth after the year has ended, None before it starts."""
    starts, ends = fiscal_year_bounds(year_be)
    if day < starts:
        return None
    if day > ends:
        return FISCAL_QUARTERS[-1]
    return quarter_of(day)


def default_quarter(year_be: int, day: date, deadlines: Mapping[int, date] | None = None) -> int:
    """The quarter a page of the year opens at on `day` (the quarterly reports, the work
    queue, the dashboard): the quarter being reported now. That is the quarter `day` is in
    (`quarter_on`; the first before the year starts, the fourth once it has ended), except
    between a quarter's end and its report's deadline (`deadlines`, the year's: by default
    15 days after the quarter, progress.selectors.report_deadlines), when people report the
    quarter just ended: on 10 January the page opens at the first quarter, on 16 January at
    the second."""
    quarter = quarter_on(year_be, day) or FISCAL_QUARTERS[0]
    previous = quarter - 1
    if deadlines and previous in deadlines and day <= deadlines[previous]:
        return previous
    return quarter


def as_of_quarter(year_be: int, day: date, reported: int | None = None) -> int | None:
    """The quarter up to whose end a page or print of the year reports ("ข้อมูล ณ สิ้น
    ไตรมาสที่ n", templates/_as_of.html), or None once the year is over: the latest quarter
    with approved results (`reported`), else the quarter the year is in on `day`
    (`default_quarter`). A year whose fourth quarter is reported, or that has ended with
    nothing reported, is over: its pages say nothing."""
    quarter = reported or default_quarter(year_be, day)
    return None if quarter == FISCAL_QUARTERS[-1] else quarter


def as_of_label(quarter: int) -> str:
    """2 -> "ข้อมูล ณ สิ้นไตรมาสที่ ๒"."""
    return f"ข้อมูล ณ สิ้น{quarter_label(quarter)}"


def _check_quarter(quarter: int) -> None:
    if quarter not in FISCAL_QUARTERS:
        raise ValueError(f"quarter must be 1 to 4, not {quarter!r}")


def quarter_bounds(year_be: int, quarter: int) -> tuple[date, date]:
    """First and last day of a fiscal quarter: (2565, 1) -> (1 Oct 2021, 31 Dec 2021)."""
    _check_quarter(quarter)
    first_month = (quarter * 3 + 6) % 12 + 1  # 10, 1, 4, 7
    last_month = first_month + 2
    year_ce = ce_year(year_be) - (1 if quarter == 1 else 0)
    last_day = monthrange(year_ce, last_month)[1]
    return date(year_ce, first_month, 1), date(year_ce, last_month, last_day)


def fiscal_year_label(year_be: int) -> str:
    """2565 -> "ปีงบประมาณ พ.ศ. ๒๕๖๕"."""
    return f"ปีงบประมาณ พ.ศ. {to_thai_digits(year_be)}"


def quarter_label(quarter: int) -> str:
    """1 -> "ไตรมาสที่ ๑"."""
    _check_quarter(quarter)
    return f"ไตรมาสที่ {to_thai_digits(quarter)}"
