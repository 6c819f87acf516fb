"""One word order for a value with its unit on every page (issue 12): "ร้อยละ ๘๐" (ร้อยละ
before the number), "๕๐ โรงเรียน" (every other unit after it), as the report prints."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse

from plans.templatetags.thai import with_unit
from tests.progress import factories as pf


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (Decimal("80"), "ร้อยละ", "ร้อยละ ๘๐"),
        (Decimal("50"), "โรงเรียน", "๕๐ โรงเรียน"),
        (Decimal("54.39"), "คน", "๕๔.๓๙ คน"),
        (42753, "", "๔๒,๗๕๓"),
        (None, "คน", ""),
    ],
)
def test_with_unit(value, unit, text):
    assert with_unit(value, unit) == text
    rendered = Template("{{ v|with_unit:u }}").render(Context({"v": value, "u": unit}))
    assert rendered == text


@pytest.mark.django_db
def test_the_report_page_writes_targets_as_the_report_does(client, plan, group, staff_user):
    project = pf.reportable_project(plan, group)  # targets ร้อยละ ๘๐ and ๑๐๐ คน
    client.force_login(staff_user)
    html = client.get(reverse("progress:report", args=[project.pk, 1])).content.decode()
    assert "ร้อยละ ๘๐" in html and "๑๐๐ คน" in html
    assert "คน ๑๐๐" not in html
