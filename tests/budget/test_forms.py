"""Amounts and dates are read as Thai users type them; junk is refused in Thai."""

from datetime import date
from decimal import Decimal

import pytest

from budget.forms import MoneyField, ThaiDateField


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("๑,๒๓๔.๕๐", Decimal("1234.50")),
        ("1,234.5", Decimal("1234.50")),
        (" ๓๗๕๐๐๐ บาท ", Decimal("375000.00")),
        ("0.10", Decimal("0.10")),
    ],
)
def test_money_accepts_thai_digits_and_separators(typed, value):
    cleaned = MoneyField().clean(typed)
    assert cleaned == value
    assert isinstance(cleaned, Decimal)
    assert str(cleaned) == str(value)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("๑,๒,๓", "กรุณากรอกตัวเลข"),
        ("abc", "กรุณากรอกตัวเลข"),
        ("1.005", "จำนวนเงินต้องมีทศนิยมไม่เกิน ๒ ตำแหน่ง"),
        ("-1", "จำนวนเงินต้องมากกว่าศูนย์"),
    ],
)
def test_money_refuses_junk_in_thai(typed, message):
    with pytest.raises(Exception) as refused:
        MoneyField().clean(typed)
    assert refused.value.messages == [message]


def test_dates_are_buddhist_era():
    assert ThaiDateField().clean("๔/๓/๒๕๖๕") == date(2022, 3, 4)
    assert ThaiDateField().prepare_value(date(2022, 3, 4)) == "๔/๓/๒๕๖๕"
