import pytest
from django.urls import reverse

from tests import factories
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db


def build_plan(plan, group, projects: int):
    for number in range(1, projects + 1):
        project = factories.project(plan, number, group=group, budget="1000.50")
        activity = factories.activity(project)
        factories.indicator(project, 1, activity=activity, target="80", result="90")
        factories.indicator(project, 2, target="38", unit="คน", result="100", result_unit="ร้อยละ")
        factories.indicator(project, 3, target="100", result="54.39")


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("reports:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_home_sends_a_member_to_the_newest_plan(client, plan, group, director):
    build_plan(plan, group, 1)
    client.force_login(director)
    response = client.get(reverse("reports:home"))
    assert response.url == reverse("reports:plan_summary", args=[2565])


def test_home_without_a_plan_explains_in_thai(client, director):
    client.force_login(director)
    response = client.get(reverse("reports:home"))
    assert response.status_code == 200
    assert "ยังไม่มีแผนปฏิบัติการ" in response.content.decode()


def test_summary_shows_computed_numbers_in_thai(client, plan, group, director):
    build_plan(plan, group, 2)
    client.force_login(director)
    html = client.get(reverse("reports:plan_summary", args=[2565])).content.decode()
    assert "๔ / ๖" in html  # two of three indicators achieved in each of two projects
    assert "ร้อยละ ๖๖.๖๗" in html
    assert "๒,๐๐๑.๐๐" in html  # 2 × 1,000.50 baht
    assert "๓๘ คน" in html and "ร้อยละ ๕๔.๓๙" in html
    assert "ไม่บรรลุ" in html


def test_outsider_gets_404(client, plan, group, outsider):
    build_plan(plan, group, 1)
    client.force_login(outsider)
    assert client.get(reverse("reports:plan_summary", args=[2565])).status_code == 404


def test_missing_year_is_404(client, plan, group, director):
    build_plan(plan, group, 1)
    client.force_login(director)
    assert client.get(reverse("reports:plan_summary", args=[2599])).status_code == 404


@pytest.mark.parametrize("projects", [1, 6])
def test_summary_runs_a_fixed_number_of_queries(
    client, plan, group, director, projects, django_assert_max_num_queries
):
    build_plan(plan, group, projects)
    client.force_login(director)
    # 10 for the summary, 5 for the work waiting for the reader (their rights, the reports,
    # and the deadlines, projects and reports of the quarters past their deadline)
    with django_assert_max_num_queries(15 + REQUEST_EXTRA):
        response = client.get(reverse("reports:plan_summary", args=[2565]))
    assert response.status_code == 200
