"""Small helpers the report's selectors share: paragraphs of a stored text, means and
differences rounded half-up to satang precision, and the quality level of an average."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

TWO_PLACES = Decimal("0.01")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def mean(values: list[Decimal]) -> Decimal | None:
    """The arithmetic mean rounded half-up to 2 places; None for no values."""
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def difference(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a - b


def level_of(average: Decimal | None) -> int | None:
    """A mean quality level rounded half-up to the whole level it names (4.86 -> 5)."""
    if average is None:
        return None
    return int(average.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Point:
    """A numbered item (or a titled one: a quality goal, a SWOT factor)."""

    number: int
    title: str
    text: str
