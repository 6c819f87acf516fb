"""{% load budget %}: an amount printed with its baht text beside it.

{{ amount|baht }}  ->  ๓๗๕,๐๐๐.๐๐ <span class="baht-text">(สามแสนเจ็ดหมื่นห้าพันบาทถ้วน)</span>
"""

from django import template
from django.utils.html import format_html

from budget.models import document_label
from plans.templatetags.thai import baht_text, money

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


@register.filter
def ledger_ref(value) -> str:
    """A document number as people read it (budget.models.document_label)."""
    return document_label(value)
