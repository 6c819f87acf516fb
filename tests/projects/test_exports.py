"""The plan's projects as Excel (the project list page's export): the page's access rule
(planning only, another office's 404), every project, activity and indicator with its
milestones as numbers, and a fixed number of queries."""

from decimal import Decimal

import pytest
from django.urls import reverse

from indicators.models import IndicatorMilestone
from tests import factories, xlsx
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db
URL = reverse("projects:project_list_export", args=[2565])


def _build(plan, group, size):
    for number in range(1, size + 1):
        project = factories.project(plan, number, group=group, budget="1000")
        activity = factories.activity(project, 1, name="+อบรมครู")
        indicator = factories.indicator(project, 1, activity=activity, target="80.5")
        IndicatorMilestone.objects.create(indicator=indicator, quarter=2, value=Decimal("40"))
        factories.indicator(project, 2, target="120", unit="คน")


def test_the_list_page_links_its_export(client, plan, group, planner):
    _build(plan, group, 1)
    client.force_login(planner)
    html = client.get(reverse("projects:project_list", args=[2565])).content.decode()
    assert URL in html and "ส่งออก Excel" in html


def test_the_workbook_has_projects_activities_and_indicators(client, plan, group, planner):
    _build(plan, group, 2)
    client.force_login(planner)
    response = client.get(URL)
    assert 'filename="test-office-2565-projects.xlsx"' in response["Content-Disposition"]
    book = xlsx.book(response)
    assert book.sheetnames == ["โครงการ", "กิจกรรม", "ตัวชี้วัด"]
    projects = book["โครงการ"]
    assert xlsx.headers(projects)[:3] == ["ที่", "โครงการ", "ด้านนโยบาย"]
    assert [r[0] for r in xlsx.values(projects)] == [1, 2]
    assert xlsx.values(projects)[0][5:] == [1, 2]  # activities, indicators: numbers
    activity = xlsx.body(book["กิจกรรม"])[0]
    assert (activity[2].value, activity[2].data_type, activity[2].quotePrefix) == (
        "+อบรมครู",
        "s",
        True,
    )
    indicators = book["ตัวชี้วัด"]
    assert xlsx.headers(indicators)[6:10] == [
        "เป้าหมายสะสม ณ สิ้นไตรมาสที่ ๑",
        "เป้าหมายสะสม ณ สิ้นไตรมาสที่ ๒",
        "เป้าหมายสะสม ณ สิ้นไตรมาสที่ ๓",
        "เป้าหมายสะสม ณ สิ้นไตรมาสที่ ๔",
    ]
    first, second = xlsx.body(indicators)[:2]
    assert [c.value for c in first[:8]] == [1, 1, 1, "ตัวชี้วัดทดสอบ 1", 80.5, "ร้อยละ", None, 40]
    assert (first[4].data_type, first[7].data_type) == ("n", "n")
    assert [c.value for c in second[:6]] == [1, None, 2, "ตัวชี้วัดทดสอบ 2", 120, "คน"]


def test_staff_get_403_and_another_office_404(client, plan, group, staff_user, outsider):
    _build(plan, group, 1)
    client.force_login(staff_user)
    assert client.get(URL).status_code == 403
    client.force_login(outsider)
    assert client.get(URL).status_code == 404


@pytest.mark.parametrize("size", [1, 4])
def test_a_fixed_number_of_queries(
    client, plan, group, planner, size, django_assert_max_num_queries
):
    _build(plan, group, size)
    client.force_login(planner)
    with django_assert_max_num_queries(6 + REQUEST_EXTRA):
        response = client.get(URL)
    assert len(xlsx.values(xlsx.book(response)["ตัวชี้วัด"])) == 2 * size
