"""The year's report texts a page lists: which keys the printed report reads, with their
Thai names and where they print; and the figures a text may quote by name in braces
("{ตัวชี้วัดที่บรรลุ}"), which the report fills in from its tables (reports/quantities.py).

The report app declares them (reports/outline.py, where the report's sections are
declared) and hands them over from its AppConfig.ready(): `plans` imports no other app."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError

from plans import thai


@dataclass(frozen=True)
class TextSlot:
    """One report text the printed report reads: its key (ReportText.key), its Thai name
    and where it prints."""

    key: str
    name: str
    where: str


_provider: list[Callable[[int], Sequence[TextSlot]]] = []


def declare(provider: Callable[[int], Sequence[TextSlot]]) -> None:
    """Called once by the report app: the function that lists a year's report texts."""
    _provider[:] = [provider]


def text_slots(year: int) -> list[TextSlot]:
    """The report texts of `year`'s report, in print order."""
    return [slot for provider in _provider for slot in provider(year)]


@dataclass(frozen=True)
class Figure:
    """A figure a report text may quote as {name}: its name and which table it comes from."""

    name: str
    meaning: str


_figures: list[Figure] = []
# A figure's name in a text: in braces, on one line (the one rule of the page and the print).
FIGURE_NAME = re.compile(r"\{([^{}\n]{1,60})\}")
UNKNOWN_FIGURE = "ไม่รู้จักตัวเลข {names} (พิมพ์ชื่อตามรายการตัวเลขที่ใช้ได้ใต้ช่องเนื้อหา ในวงเล็บปีกกา)"


def declare_figures(figures: Sequence[Figure]) -> None:
    """Called once by the report app: the figures its texts may quote."""
    _figures[:] = list(figures)


def figures() -> list[Figure]:
    return list(_figures)


# {ร้อยละ 312.923 จาก 338.316}: the percent of two numbers the text itself gives.
SHARE = re.compile(r"ร้อยละ\s*([0-9๐-๙][0-9๐-๙,.]*)\s*จาก\s*([0-9๐-๙][0-9๐-๙,.]*)")
# A number as typed: Thai or Arabic digits, thousands separators, a decimal point (a
# trailing unit or word after it is not part of it).
NUMBER = re.compile(r"-?[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?")
_LARGEST = Decimal("1e15")  # far above any figure of a report, well inside Decimal's precision


def number(text: str) -> Decimal | None:
    """The number `text` starts with ("๑๔", "1,000.5", "๑๔ โครงการ"), or None when it does
    not start with one or it is past any figure a report prints."""
    found = NUMBER.match(text.strip())
    if not found:
        return None
    value = Decimal(thai.to_arabic_digits(found.group(0)).replace(",", ""))
    return value if abs(value) < _LARGEST else None


@dataclass(frozen=True)
class Share:
    """{ร้อยละ part จาก whole}: the two numbers as typed and as read."""

    part_text: str
    whole_text: str
    part: Decimal
    whole: Decimal


def share(name: str) -> Share | None:
    """The percent `name` asks for, or None when it is no such percent, a number does not
    read, or the whole is zero (nothing to compute)."""
    found = SHARE.fullmatch(name)
    if not found or not all(NUMBER.fullmatch(n) for n in found.groups()):
        return None
    part, whole = (number(n) for n in found.groups())
    return Share(*found.groups(), part, whole) if part is not None and whole else None


@dataclass(frozen=True)
class Quote:
    """What one pair of braces asks for: a figure's name, and the figure the text typed for
    it when written {name=typed} (a quotation kept as typed: where the table gives another
    value the print marks the two together)."""

    name: str
    typed: str | None


def quote(inside: str) -> Quote:
    name, equals, typed = inside.partition("=")
    return Quote(name.strip(), typed.strip() if equals else None)


def as_typed(text: str) -> str:
    """`text` with each {name=typed} as its typed figure (for what reads a text without its
    report, such as the search index); a plain {name} stays as written."""

    def typed(match: re.Match) -> str:
        asked = quote(match.group(1))
        return asked.typed if asked.typed else match.group(0)

    return FIGURE_NAME.sub(typed, text)


def refused(asked: Quote) -> bool:
    """Whether braces ask for nothing the report can print: a name that is no declared
    figure nor a percent that reads, or "=" with nothing typed after it. The texts' pages
    refuse them; the print leaves them in braces, to be seen."""
    known = {f.name for f in _figures}
    return asked.typed == "" or (asked.name not in known and share(asked.name) is None)


def validate_figures(**fields: str) -> None:
    """The one rule of figures in braces, for every path that saves a text the report fills
    (the texts' and narrative's pages, the admin, the seed): each named field's unknown
    names, in Thai, on that field."""
    errors = {}
    for field, text in fields.items():
        unknown = unknown_figures(text or "")
        if unknown:
            names = ", ".join(f"{{{name}}}" for name in unknown)
            errors[field] = UNKNOWN_FIGURE.format(names=names)
    if errors:
        raise ValidationError(errors)


def unknown_figures(text: str) -> list[str]:
    """Names in braces in `text` that are no declared figure, nor a percent of two numbers
    that reads (a whole of zero does not), or that say "=" with nothing typed after it (a
    typo shows before print)."""
    return [m.group(1) for m in FIGURE_NAME.finditer(text) if refused(quote(m.group(1)))]
