"""Money and percentages, the one place for them: baht in satang, rounded half up, and a
share of a whole as a percentage with two places. Every app (budget, progress, reports)
rounds through here, so that one amount is never shown two ways."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DecimalField

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)
SATANG = Decimal("0.01")
# A stored amount of baht (model fields), and a sum of them in a query (wider: totals).
MONEY = {"max_digits": 15, "decimal_places": 2}
MONEY_FIELD = DecimalField(max_digits=17, decimal_places=2)


def cents(value: Decimal | int) -> Decimal:
    """Satang, rounded half up (sums come back from the database with its own scale)."""
    return Decimal(value).quantize(SATANG, rounding=ROUND_HALF_UP)


def percent(part: Decimal | int, whole: Decimal | int | None) -> Decimal | None:
    """part / whole × 100, half up to two places (ร้อยละ); None when there is no whole to
    measure against (zero or less: no indicators, no budget)."""
    if whole is None or whole <= 0:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(SATANG, rounding=ROUND_HALF_UP)
