"""A project's alignment to the plans of every level (the report's table 7): the planning
group's list and form, the rights, the minister's policies of the year only, query counts."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from plans.models import MasterPlanIssue, MinisterPolicy, NationalStrategy
from projects.alignment import services
from tests import factories

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"project_alignment:{name}", args=[2565, *args])


@pytest.fixture
def frame(plan):
    strategy = NationalStrategy.objects.create(number=3, name="ด้านการพัฒนาทรัพยากรมนุษย์")
    issue = MasterPlanIssue.objects.create(number=12, name="การพัฒนาการเรียนรู้")
    policy = MinisterPolicy.objects.create(
        fiscal_year=plan.fiscal_year, number=1, name="ความปลอดภัย"
    )
    older = MinisterPolicy.objects.create(
        fiscal_year=factories.fiscal_year(2564), number=1, name="นโยบายปีก่อน"
    )
    return strategy, issue, policy, older


def test_planner_sets_a_projects_alignment(client, plan, planner, frame):
    strategy, issue, policy, _older = frame
    project = factories.project(plan)
    area = project.policy_area
    client.force_login(planner)
    page = client.get(url("edit", project.pk)).content.decode()
    assert "ด้านการพัฒนาทรัพยากรมนุษย์" in page and "นโยบายปีก่อน" not in page
    data = {
        "national_strategies": [strategy.pk],
        "master_plan_issues": [issue.pk],
        "minister_policies": [policy.pk],
        "obec_policies": [area.pk],
    }
    assert client.post(url("edit", project.pk), data).url == url("list")
    assert list(project.national_strategies.all()) == [strategy]
    assert list(project.master_plan_issues.all()) == [issue]
    assert list(project.minister_policies.all()) == [policy]
    assert list(project.obec_policies.all()) == [area]
    listed = client.get(url("list")).content.decode()
    assert "ประเด็นที่ ๑๒ การพัฒนาการเรียนรู้" in listed


def test_another_years_policy_is_refused(client, plan, planner, frame):
    *_, older = frame
    project = factories.project(plan)
    client.force_login(planner)
    response = client.post(url("edit", project.pk), {"minister_policies": [older.pk]})
    assert response.status_code == 200
    assert not project.minister_policies.exists()
    with pytest.raises(ValidationError):
        services.project_alignment_save(
            project=project,
            user=planner,
            national_strategies=[],
            master_plan_issues=[],
            minister_policies=[older],
            obec_policies=[],
        )


def test_rights(client, plan, planner, staff_user, director, outsider, frame):
    strategy = frame[0]
    project = factories.project(plan)
    for reader in (staff_user, director):
        client.force_login(reader)
        assert client.get(url("list")).status_code == 403
        post = client.post(url("edit", project.pk), {"national_strategies": [strategy.pk]})
        assert post.status_code == 403
    client.force_login(outsider)
    assert client.get(url("edit", project.pk)).status_code == 404
    assert (
        client.post(url("edit", project.pk), {"national_strategies": [strategy.pk]}).status_code
        == 404
    )
    assert not project.national_strategies.exists()
    with pytest.raises(PermissionDenied):
        services.project_alignment_save(
            project=project,
            user=staff_user,
            national_strategies=[strategy],
            master_plan_issues=[],
            minister_policies=[],
            obec_policies=[],
        )


@pytest.mark.parametrize("count", [1, 3])
def test_list_queries_do_not_grow(
    client, plan, planner, frame, count, django_assert_max_num_queries
):
    for number in range(1, count + 1):
        factories.project(plan, number).national_strategies.add(frame[0])
    client.force_login(planner)
    client.get(url("list"))
    with django_assert_max_num_queries(12):
        assert client.get(url("list")).status_code == 200
