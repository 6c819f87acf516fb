"""Thai template filters, loaded as a builtin by settings (no {% load %} needed).

    {{ amount|money }}          ๓๑๘,๒๒๓,๙๓๘.๐๐
    {{ count|number }}          ๑,๒๓๔       {{ value|number:2 }}  ๑,๒๓๔.๕๖
    {{ value|quantity }}        ๑๐๐ or ๕๔.๓๙ (decimals only when not whole)
    {{ value|with_unit:unit }}  ร้อยละ ๘๐ or ๕๐ โรงเรียน (a target, a result, a milestone)
    ร้อยละ {{ rate|percent }}    ๙๙.๗๗       {{ rate|percent:1 }}  ๙๙.๘
    {{ amount|baht_text }}      สามแสนเจ็ดหมื่นห้าพันบาทถ้วน
    {{ day|thai_date }}         ๔ มีนาคม ๒๕๖๕   {{ day|thai_date:"short" }}  ๔ มี.ค. ๒๕๖๕
    {{ day|be_year }}           ๒๕๖๕ (from a date or a C.E. year)
    {{ code|thai_digits }}      digits only, nothing else changed

Every filter turns None and "" into "" (money too: a blank cell, not a dash). Numbers may be
Decimal, int or text as a user would type it ("1,234.5", "๑๒"). Django filters must not
raise, so a value a helper refuses (a float, junk text, NaN) is shown unchanged as str(value),
where a test or a reader will see it (still autoescaped).
"""

from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import Any

from django import template
from django.utils import timezone

from plans import thai

register = template.Library()


def _lenient(func: Callable[..., str]) -> Callable[..., str]:
    @wraps(func)
    def wrapper(value: Any, *args: Any) -> str:
        if value is None or value == "":
            return ""
        try:
            return func(value, *args)
        except (TypeError, ValueError, ArithmeticError):
            return str(value)  # not localised: Django cannot even render Decimal("NaN")

    return wrapper


def _local_date(value: date) -> date:
    """An aware datetime is read in the portal's time zone before its date is taken."""
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter
@_lenient
def thai_digits(value: Any) -> str:
    return thai.to_thai_digits(value)


@register.filter
@_lenient
def money(value: Any) -> str:
    return thai.format_money(value)


@register.filter
@_lenient
def number(value: Any, places: int | str = 0) -> str:
    return thai.format_number(value, int(places))


@register.filter
@_lenient
def quantity(value: Any) -> str:
    """A measured value as the report prints it (plans.thai.format_quantity)."""
    return thai.format_quantity(value)


PERCENT = "ร้อยละ"  # the unit written before its number (indicators.rules.PERCENT)


@register.filter
@_lenient
def with_unit(value: Any, unit: str = "") -> str:
    """A value with its unit, in the word order the report prints: "ร้อยละ ๘๐" (ร้อยละ goes
    before the number), "๕๐ โรงเรียน" (every other unit after it). The one way a target, a
    result or a milestone is written on every page and in print."""
    number = quantity(value)
    if not unit:
        return number
    return f"{unit} {number}" if unit == PERCENT else f"{number} {unit}"


@register.filter
@_lenient
def percent(value: Any, places: int | str = 2) -> str:
    return thai.format_percent(value, int(places))


@register.filter
@_lenient
def baht_text(value: Any) -> str:
    return thai.baht_text(value)


@register.filter
@_lenient
def thai_date(value: Any, month: str = "long") -> str:
    if not isinstance(value, date):
        raise TypeError("thai_date takes a date or a datetime")
    return thai.format_thai_date(_local_date(value), month=month)


@register.filter
@_lenient
def thai_date_era(value: Any) -> str:
    """As an official document dates itself: "๔ มีนาคม พ.ศ. ๒๕๖๕"."""
    if not isinstance(value, date):
        raise TypeError("thai_date_era takes a date or a datetime")
    return thai.format_thai_date(_local_date(value), era=True)


@register.filter
@_lenient
def be_year(value: Any) -> str:
    year_ce = _local_date(value).year if isinstance(value, date) else int(value)
    return thai.to_thai_digits(thai.be_year(year_ce))


@register.filter
@_lenient
def as_of(quarter: Any) -> str:
    """2 -> "ข้อมูล ณ สิ้นไตรมาสที่ ๒": what a page of an unfinished year is as of
    (plans.thai.as_of_quarter), rendered by templates/_as_of.html."""
    return thai.as_of_label(int(quarter))


@register.filter
def person(user: Any, empty: str = "–") -> str:
    """A user's full name, else the username; `empty` (default "–") for no user. One rule for
    every page, so that a record whose user is missing (seeded, or a deleted account) still
    renders."""
    if user is None or not getattr(user, "pk", None):
        return empty
    return user.get_full_name() or user.get_username()
