"""django-import-export widgets that read cells as a Thai person types them, and refuse
with a Thai message (a ValueError, which the library turns into the row's error on that
column). Export renders values the same way back: numbers as numbers, dates as B.E. text,
choices as their Thai labels, so an exported file imports unchanged."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from import_export import widgets

from plans import thai

REQUIRED = "ต้องกรอกช่องนี้"
WHOLE_NUMBER = "ต้องเป็นตัวเลขจำนวนเต็ม"
NOT_NEGATIVE = "ต้องไม่ติดลบ"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _key(text: str) -> str:
    """Text compared as a person reads it: Arabic digits, one kind of dash, no spaces or
    dots ("ม.1-ม.6" and "ม.๑ – ม.๖" are one value)."""
    text = thai.to_arabic_digits(str(text)).casefold()
    return re.sub(r"[\s.]+", "", re.sub(r"[–—−]", "-", text))


class TextWidget(widgets.Widget):
    """Text: stray spaces gone; a number Excel stored for a code ("1001", 1001, 1001.0)
    read as its digits; `digits` turns Thai digits into Arabic ones (codes)."""

    def __init__(self, *, required: bool = True, max_length: int | None = None, digits=False):
        super().__init__(coerce_to_string=True)
        self.required, self.max_length, self.digits = required, max_length, digits

    def clean(self, value, row=None, **kwargs):
        if _blank(value):
            if self.required:
                raise ValueError(REQUIRED)
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = " ".join(str(value).split())
        if self.digits:
            text = thai.to_arabic_digits(text)
        if self.max_length and len(text) > self.max_length:
            raise ValueError(
                f"ยาวเกิน {thai.to_thai_digits(self.max_length)} ตัวอักษร "
                f"(มี {thai.to_thai_digits(len(text))} ตัวอักษร)"
            )
        return text

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class IntegerWidget(widgets.Widget):
    """A whole number: Thai or Arabic digits, thousands separators, spaces ("๑,๒๓๔").
    An empty cell is `default` (None: required). Bounds as the model field's validators."""

    def __init__(
        self,
        *,
        default: int | None = 0,
        minimum: int | None = 0,
        maximum: int | None = None,
        out_of_range: str | None = None,
    ):
        super().__init__(coerce_to_string=False)
        self.default, self.minimum, self.maximum = default, minimum, maximum
        self.out_of_range = out_of_range

    def clean(self, value, row=None, **kwargs):
        if _blank(value):
            if self.default is None:
                raise ValueError(REQUIRED)
            return self.default
        if isinstance(value, bool):
            raise ValueError(WHOLE_NUMBER)
        if isinstance(value, int):
            number = value
        elif isinstance(value, float | Decimal):
            if value != int(value):
                raise ValueError(WHOLE_NUMBER)
            number = int(value)
        else:
            try:
                number = int(thai.parse_decimal(str(value), places=0))
            except ValueError:
                raise ValueError(WHOLE_NUMBER) from None
        if self.minimum is not None and number < self.minimum:
            raise ValueError(self.out_of_range or NOT_NEGATIVE)
        if self.maximum is not None and number > self.maximum:
            raise ValueError(self.out_of_range or WHOLE_NUMBER)
        return number

    def render(self, value, obj=None, **kwargs):
        return value


class YearWidget(IntegerWidget):
    """A Buddhist-era year (๒๕๖๕); a Christian-era one (2022) is refused as such."""

    def __init__(self):
        super().__init__(default=None, minimum=2400, maximum=2700, out_of_range=thai.NOT_BE_YEAR)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, str) and thai.to_arabic_digits(value).strip().isdigit():
            value = thai.to_arabic_digits(value).strip()
            if len(value) != 4:
                raise ValueError(thai.LONG_YEAR)
        return super().clean(value, row, **kwargs)


class MoneyWidget(widgets.Widget):
    """Baht as typed ("๑,๒๓๔.๕๐", "375000 บาท", 1234.5): at most two decimal places
    (plans.thai.parse_money), not below `minimum`; an empty cell is None unless required."""

    def __init__(self, *, required: bool = True, minimum: Decimal | None = Decimal(0)):
        super().__init__(coerce_to_string=False)
        self.required, self.minimum = required, minimum

    def clean(self, value, row=None, **kwargs):
        if _blank(value):
            if self.required:
                raise ValueError(REQUIRED)
            return None
        if isinstance(value, bool):
            raise ValueError(thai.NOT_A_NUMBER)
        text = str(value) if not isinstance(value, float) else repr(value)
        amount = thai.parse_money(text)  # its ValueError is the Thai message
        if self.minimum is not None and amount < self.minimum:
            raise ValueError(NOT_NEGATIVE)
        return amount

    def render(self, value, obj=None, **kwargs):
        return value


class DateWidget(widgets.Widget):
    """A B.E. date typed as text ("๑๐/๖/๒๕๖๕", "10 มิ.ย. 2565") or a date cell of Excel."""

    def __init__(self, *, required: bool = False):
        super().__init__(coerce_to_string=False)
        self.required = required

    def clean(self, value, row=None, **kwargs):
        if _blank(value):
            if self.required:
                raise ValueError(REQUIRED)
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        return thai.parse_thai_date(str(value))  # its ValueError is the Thai message

    def render(self, value, obj=None, **kwargs):
        return value  # a date: written as B.E. text by plans.excel


class ChoiceWidget(widgets.Widget):
    """One of a model field's choices, by its Thai label (as the template shows) or its code."""

    def __init__(self, choices: Iterable[tuple[str, str]], *, required: bool = True):
        super().__init__(coerce_to_string=True)
        self.choices = list(choices)
        self.required = required
        self.by_key = {}
        for code, label in self.choices:
            self.by_key[_key(code)] = code
            self.by_key[_key(label)] = code

    def clean(self, value, row=None, **kwargs):
        if _blank(value):
            if self.required:
                raise ValueError(REQUIRED)
            return ""
        text = str(value)
        if text not in self.by_key:
            self.by_key[text] = self.by_key.get(_key(text))  # remembered: values repeat
        code = self.by_key[text]
        if code is None:
            labels = ", ".join(f"“{label}”" for _, label in self.choices)
            raise ValueError(f"ต้องเป็นหนึ่งใน {labels}")
        return code

    def render(self, value, obj=None, **kwargs):
        return dict(self.choices).get(value, value or "")


class LookupWidget(widgets.Widget):
    """A row of another table named by what people call it (a province by its name): the
    rows are read once per import (`rows` is called on first use), never per cell."""

    def __init__(
        self,
        rows: Callable[[], Iterable[Any]],
        *,
        name: Callable[[Any], str] = str,
        normalise: Callable[[str], str] = _key,
        missing: str = "ไม่พบ “{value}” ในระบบ",
        required: bool = True,
    ):
        super().__init__(coerce_to_string=True)
        self.rows, self.name, self.normalise = rows, name, normalise
        self.missing, self.required = missing, required
        self._index: dict[str, Any] | None = None

    def clean(self, value, row=None, **kwargs):
        if _blank(value):
            if self.required:
                raise ValueError(REQUIRED)
            return None
        if self._index is None:
            self._index = {self.normalise(self.name(obj)): obj for obj in self.rows()}
        found = self._index.get(self.normalise(str(value)))
        if found is None:
            raise ValueError(self.missing.format(value=" ".join(str(value).split())))
        return found

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else self.name(value)


class DecimalWidget(widgets.Widget):
    """A number with at most `places` decimals (money: two), typed as a person types it
    ("๑,๒๓๔.๕๐", "375000 บาท") or a number cell. An empty cell is `default` (None and
    `required`: refused). Never negative unless `minimum` says so. Read as a Decimal, never
    through a float's binary digits: an Excel number cell is read by its shortest text."""

    def __init__(
        self,
        *,
        places: int = 2,
        required: bool = True,
        default: Decimal | None = None,
        minimum: Decimal | None = Decimal(0),
        positive: bool = False,
    ):
        super().__init__(coerce_to_string=False)
        self.places, self.required, self.default = places, required, default
        self.minimum, self.positive = minimum, positive

    def clean(self, value, row=None, **kwargs):
        if _blank(value):
            if self.required:
                raise ValueError(REQUIRED)
            return self.default
        if isinstance(value, bool):
            raise ValueError("ต้องเป็นตัวเลข")
        text = repr(value) if isinstance(value, float) else str(value)
        try:
            number = thai.parse_decimal(text, places=self.places)
        except ValueError as error:
            message = str(error) if "ทศนิยม" in str(error) else "ต้องเป็นตัวเลข"
            raise ValueError(message) from None
        if self.positive and number <= 0:
            raise ValueError("ต้องมากกว่าศูนย์")
        if self.minimum is not None and number < self.minimum:
            raise ValueError(NOT_NEGATIVE)
        return number

    def render(self, value, obj=None, **kwargs):
        return value
