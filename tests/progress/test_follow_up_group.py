"""A group director follows up his own group's reporting (issue 12: the follow-up page
answered him 403): the same page and Excel file, with his group's projects only; planning
and office directors still see every project, staff none."""

import pytest
from django.urls import reverse

from plans.access import GroupRight, Right, rights_for
from plans.models import Role
from progress.access import can_follow_up, follow_up_groups
from tests import factories, xlsx
from tests.progress import factories as pf
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db
URL = reverse("progress:follow_up")
EXPORT = reverse("progress:follow_up_export")


@pytest.fixture
def two_groups(plan, group, other_group):
    ours = pf.reportable_project(plan, group, 1)
    theirs = pf.reportable_project(plan, other_group, 2)
    theirs.name = "โครงการของกลุ่มอื่น"
    theirs.save()
    return ours, theirs


def test_the_rule(office, group, staff_user, group_director, planner, director):
    assert follow_up_groups(group_director, office) == frozenset({group.pk})
    assert follow_up_groups(planner, office) is None
    assert follow_up_groups(director, office) is None
    assert follow_up_groups(staff_user, office) == frozenset()
    assert not can_follow_up(staff_user, office)
    assert rights_for(group_director, office).groups_with(
        Right.FOLLOW_UP, GroupRight.FOLLOW_UP
    ) == frozenset({group.pk})


def test_a_group_director_sees_his_groups_projects_only(client, group_director, two_groups):
    ours, theirs = two_groups
    client.force_login(group_director)
    response = client.get(URL, {"year": 2565})
    assert response.status_code == 200
    assert {row.project_id for row in response.context["page"]} == {ours.pk}
    html = response.content.decode()
    assert "เฉพาะโครงการของกลุ่มที่ท่านรับผิดชอบ" in html
    assert theirs.name not in html
    assert (
        reverse("progress:follow_up")
        in client.get(reverse("progress:project_list")).content.decode()
    )
    sheet = xlsx.book(client.get(EXPORT, {"year": 2565})).active
    names = {row[1] for row in xlsx.values(sheet)}
    assert names == {ours.name}


def test_the_office_director_still_sees_every_group(client, director, two_groups):
    client.force_login(director)
    response = client.get(URL, {"year": 2565})
    assert {row.project_id for row in response.context["page"]} == {p.pk for p in two_groups}
    assert "เฉพาะโครงการของกลุ่ม" not in response.content.decode()


def test_staff_and_a_director_of_a_group_with_no_projects(client, office, staff_user, two_groups):
    client.force_login(staff_user)
    assert client.get(URL, {"year": 2565}).status_code == 403
    empty = factories.work_group(office, code="empty", name="กลุ่มว่าง")
    client.force_login(factories.member(office, "gd2", Role.GROUP_DIRECTOR, empty))
    response = client.get(URL, {"year": 2565})
    assert response.status_code == 200
    assert list(response.context["page"]) == []


@pytest.mark.parametrize("size", [1, 6])
def test_a_fixed_number_of_queries(
    client, plan, group, group_director, size, django_assert_max_num_queries
):
    for number in range(1, size + 1):
        pf.reportable_project(plan, group, number)
    client.force_login(group_director)
    with django_assert_max_num_queries(7 + REQUEST_EXTRA):
        response = client.get(URL, {"year": 2565})
    assert len(list(response.context["page"])) == 4 * size
