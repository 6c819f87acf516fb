"""{% load budget %}: an amount printed with its baht text beside it.

{{ amount|baht }}  ->  ๓๗๕,๐๐๐.๐๐ <span class="baht-text">(สามแสนเจ็ดหมื่นห้าพันบาทถ้วน)</span>
"""

import re
from datetime import date
from decimal import Decimal

from django import template
from django.utils.html import format_html

from budget.models import REPORT_REF_PREFIX
from plans.templatetags.thai import baht_text, money, thai_date

REPORT_REF = "รายงานรายไตรมาส"

register = template.Library()


@register.filter
def baht(value) -> str:
    if value is None or value == "":
        return ""
    return format_html(
        '<span class="amount">{}</span> <span class="baht-text">({})</span>',
        money(value),
        baht_text(value),
    )


# An audit value as stored (plans/audit.py keeps text): "25000.00", "2021-12-31", a report's
# ledger reference "progress:7".
_AMOUNT = re.compile(r"^-?\d+\.\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@register.filter
def ledger_ref(value) -> str:
    """A document number as people read it: an entry posted by a quarterly report carries an
    internal reference ("progress:7"), shown as where it came from."""
    text = str(value or "")
    return REPORT_REF if text.startswith(REPORT_REF_PREFIX) else text


@register.filter
def audit_value(value) -> str:
    """A value of the change history in Thai: money with Thai digits and separators, a date
    as a Thai Buddhist-era date, a report's reference by name; "–" when there is none."""
    if value is None or value == "":
        return "–"
    text = str(value)
    if _AMOUNT.match(text):
        return money(Decimal(text))
    if _DATE.match(text):
        try:
            return thai_date(date.fromisoformat(text), "short")
        except ValueError:
            return text
    return ledger_ref(text)
