"""The quarterly report page shows what the quarter is judged against: the indicator's
milestone so far and the verdict of the result so far, or that it is not judged yet."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from indicators.models import IndicatorMilestone, IndicatorResult
from indicators.rules import Verdict
from progress.selectors import report_page
from tests.progress.factories import reportable_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(plan, group):
    project = reportable_project(plan, group)
    count = project.indicators.get(order=2)  # 100 persons by the year's end, summed
    IndicatorMilestone.objects.create(indicator=count, quarter=2, value=Decimal(40))
    IndicatorResult.objects.create(indicator=count, quarter=1, value=30, unit="คน")
    return project


def test_the_page_judges_the_result_so_far_against_the_quarters_milestone(project):
    rate, count = report_page(project, 2, today=date(2022, 3, 1)).indicators
    assert (rate.milestone, rate.verdict) == (None, Verdict.NOT_DUE)
    assert (count.milestone, count.so_far, count.verdict) == (40, 30, Verdict.NOT_ACHIEVED)
    _, count = report_page(project, 1, today=date(2022, 3, 1)).indicators
    assert (count.milestone, count.verdict) == (None, Verdict.NOT_DUE)
    _, count = report_page(project, 4, today=date(2022, 3, 1)).indicators
    assert (count.milestone, count.verdict) == (100, Verdict.NOT_ACHIEVED)


def test_the_form_shows_the_target_so_far(client, staff_user, project):
    rate, count = project.indicators.order_by("order")
    client.force_login(staff_user)
    html = client.get(reverse("progress:report", args=[project.pk, 2])).content.decode()
    assert re.search(rf'data-testid="milestone-{count.pk}">๔๐ คน</span> \(ไม่บรรลุ\)', html)
    assert re.search(
        rf'data-testid="milestone-{rate.pk}">ยังไม่ถึงกำหนดประเมิน '
        r"\(ประเมินเทียบค่าเป้าหมายเมื่อสิ้นไตรมาสที่ ๔\)</span>",
        html,
    )
    assert "เป้าหมายถึงสิ้นไตรมาสที่ ๒" in html


def test_the_read_only_report_shows_the_target_so_far(client, director, project):
    rate, count = project.indicators.order_by("order")
    client.force_login(director)
    html = client.get(reverse("progress:report", args=[project.pk, 2])).content.decode()
    assert f'<td data-testid="milestone-{count.pk}">๔๐ คน</td>' in html
    assert f'<td data-testid="milestone-{rate.pk}">ยังไม่ถึงกำหนดประเมิน</td>' in html
    assert "๓๐ คน (ไม่บรรลุ)</td>" in html
