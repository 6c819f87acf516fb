"""A result's count has its own unit (issue 12): "ร้อยละ ๘๐ (๓๒ คน)", never "(๓๒ ร้อยละ)"."""

from decimal import Decimal

import pytest
from django.urls import reverse

from indicators.models import IndicatorResult
from indicators.units import count_unit
from progress import services
from progress.models import ReportValue
from tests.progress import factories as pf

pytestmark = pytest.mark.django_db


def test_the_rule():
    assert count_unit("ร้อยละ") == ""
    assert count_unit("ร้อยละ", "คน") == "คน"
    assert count_unit("คน") == "คน"
    assert count_unit("โรงเรียน", "ร้อยละ") == "โรงเรียน"


def _save(project, user, values):
    return services.report_save_draft(
        project=project,
        quarter=1,
        user=user,
        version=0,
        narrative={"work_done": "อบรม"},
        values=values,
        amounts={},
    )


def test_a_percentage_never_becomes_the_unit_of_its_count(project, staff_user, indicators):
    rate, persons = indicators
    _save(
        project,
        staff_user,
        {rate.pk: (Decimal(80), "ร้อยละ", Decimal(32)), persons.pk: (Decimal(5), "คน", Decimal(2))},
    )
    units = dict(ReportValue.objects.values_list("indicator_id", "count_unit"))
    assert units == {rate.pk: "", persons.pk: "คน"}


def test_the_page_reads_the_count_unit_and_approval_carries_it(
    client, project, staff_user, group_director, indicators, activity
):
    rate = indicators[0]
    client.force_login(staff_user)
    url = reverse("progress:report", args=[project.pk, 1])
    page = client.get(url).content.decode()
    assert 'name="values-0-count_unit"' in page
    data = pf.report_rows(
        project,
        {
            "version": "0",
            "action": "save",
            "work_done": "อบรมครู",
            f"value_{rate.pk}": "๘๐",
            f"unit_{rate.pk}": "ร้อยละ",
            f"unit_{indicators[1].pk}": "คน",
            f"count_{rate.pk}": "๓๒",
            f"count_unit_{rate.pk}": "คน",
        },
    )
    assert client.post(url, data).status_code == 302
    value = ReportValue.objects.get(indicator=rate)
    assert (value.count, value.count_unit) == (Decimal(32), "คน")
    report = services.report_submit(report=value.report, user=staff_user, version=1)
    assert "ร้อยละ ๘๐ (๓๒ คน)" in client.get(url).content.decode()
    services.report_approve(report=report, user=group_director, version=report.version)
    result = IndicatorResult.objects.get(indicator=rate, quarter=1)
    assert (result.unit, result.count, result.count_unit) == ("ร้อยละ", Decimal(32), "คน")


def test_a_count_unit_of_percent_is_not_offered(client, project, staff_user, indicators):
    rate = indicators[0]
    client.force_login(staff_user)
    url = reverse("progress:report", args=[project.pk, 1])
    data = pf.report_rows(
        project,
        {
            "version": "0",
            "action": "save",
            f"value_{rate.pk}": "80",
            f"unit_{rate.pk}": "ร้อยละ",
            f"unit_{indicators[1].pk}": "คน",
            f"count_{rate.pk}": "32",
            f"count_unit_{rate.pk}": "ร้อยละ",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert not ReportValue.objects.exists()
