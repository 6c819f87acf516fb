"""A year with no plan, or a plan with no projects yet, is an empty state in Thai on every
page that takes a year: never a 500 and never Django's technical (English) page, also with
DEBUG on, as a developer runs it."""

import pytest
from django.urls import reverse

from plans.models import Role
from tests import factories

pytestmark = pytest.mark.django_db

EMPTY_PLAN_YEAR = 2566  # a plan exists, without projects
NO_PLAN_YEAR = 2599  # no plan at all


def pages(year: int) -> list[str]:
    query = f"?year={year}"
    return [
        reverse("reports:plan_summary", args=[year]),
        reverse("reports:annual_report", args=[year]),
        reverse("reports:report_job_request", args=[year]),
        reverse("budget:overview", args=[year]),
        reverse("budget:targets_edit", args=[year]),
        reverse("budget:transfer_add", args=[year]),
        reverse("budget:office_allocation_add", args=[year]),
        reverse("reports:dashboard") + query,
        reverse("reports:dashboard_indicators") + query,
        reverse("reports:dashboard_projects") + query,
        reverse("reports:dashboard_overdue") + query,
        reverse("reports:dashboard_budget") + query,
        reverse("reports:dashboard_areas") + query,
        reverse("reports:dashboard_groups") + query,
        reverse("reports:dashboard_schools") + query,
        reverse("progress:project_list") + query,
        reverse("progress:follow_up") + query,
    ]


@pytest.fixture
def admin_user(office, plan):
    """The office's administrator: every page of the office is open to them."""
    factories.plan(office, EMPTY_PLAN_YEAR)
    factories.project(plan, 1)  # FY2565 has a project, so the user has some plan
    return factories.member(office, "officeadmin", Role.ADMIN)


def assert_thai_page(response, url: str) -> str:
    html = response.content.decode()
    assert '<html lang="th"' in html, url
    assert "Django" not in html and "Traceback" not in html, url
    assert "Page not found" not in html, url
    return html


@pytest.mark.parametrize("debug", [False, True])
def test_a_year_without_a_plan_is_the_thai_empty_state(client, settings, admin_user, debug):
    settings.DEBUG = debug
    client.force_login(admin_user)
    for url in pages(NO_PLAN_YEAR):
        response = client.get(url)
        assert response.status_code == 404, url
        html = assert_thai_page(response, url)
        assert 'data-testid="empty-year"' in html, url
        assert "ยังไม่มีแผนปฏิบัติการ ปีงบประมาณ พ.ศ. ๒๕๙๙" in html, url
        # the way to the years that do have projects
        assert f'href="{reverse("reports:plan_summary", args=[2565])}"' in html, url


@pytest.mark.parametrize("debug", [False, True])
def test_a_plan_without_projects_is_an_empty_page_not_an_error(client, settings, admin_user, debug):
    settings.DEBUG = debug
    client.force_login(admin_user)
    for url in pages(EMPTY_PLAN_YEAR):
        response = client.get(url)
        assert response.status_code == 200, url
        html = assert_thai_page(response, url)
        assert "๒๕๖๖" in html, url
        if url.startswith(("/dashboard/", "/progress/")):
            # these pages follow projects: the year's empty state says there are none yet
            assert "แผนปฏิบัติการ ปีงบประมาณ พ.ศ. ๒๕๖๖ ยังไม่มีโครงการ" in html, url
        assert "(ร้อยละ )" not in html, url  # no indicator yet: a dash, never a blank


def test_a_year_that_is_not_a_number_is_a_plain_thai_404(client, admin_user):
    client.force_login(admin_user)
    for query in ("abc", "9" * 5000, "๒๕๖x", "-2565"):
        for name in ("reports:dashboard", "progress:project_list"):
            response = client.get(reverse(name), {"year": query})
            assert response.status_code == 404, (name, query[:10])
            assert_thai_page(response, name)
