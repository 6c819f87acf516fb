"""Who may see and who may enter progress for which project: the querysets every view uses."""

import pytest

from plans.models import Plan
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(plan, group, other_group):
    return {
        "ours": factories.project(plan, 1, group=group),
        "theirs": factories.project(plan, 2, group=other_group),
    }


def names(queryset):
    return sorted(p.number for p in queryset)


def test_everyone_in_the_office_reads_every_project(projects, staff_user, director, planner):
    for user in (staff_user, director, planner):
        assert names(Project.objects.visible_to(user)) == [1, 2]


def test_outsider_and_anonymous_see_nothing(projects, outsider, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert names(Project.objects.visible_to(outsider)) == []
    assert names(Project.objects.visible_to(AnonymousUser())) == []
    assert list(Plan.objects.visible_to(outsider)) == []


def test_group_members_edit_only_their_group(projects, staff_user, group_director):
    assert names(Project.objects.editable_by(staff_user)) == [1]
    assert names(Project.objects.editable_by(group_director)) == [1]


def test_planning_group_edits_every_project_director_none(projects, planner, director, outsider):
    assert names(Project.objects.editable_by(planner)) == [1, 2]
    assert names(Project.objects.editable_by(director)) == []
    assert names(Project.objects.editable_by(outsider)) == []
