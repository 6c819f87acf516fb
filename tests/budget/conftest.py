"""Budget fixtures: a finance user, and a project of our group with two activities,
100,000.00 baht allocated to the project of which 30,000.00 to its first activity."""

import pytest

from plans.models import Role
from tests import factories
from tests.budget import factories as budget_factories


@pytest.fixture
def finance(office):
    return factories.member(office, "finance", Role.FINANCE)


@pytest.fixture
def project(plan, group):
    return factories.project(plan, 1, group=group, budget="70000.00")


@pytest.fixture
def activity(project):
    act = factories.activity(project, 1, "จัดประชุม")
    budget_factories.allocation(project, "30000.00", activity=act)
    return act


@pytest.fixture
def second_activity(project):
    return factories.activity(project, 2, "นิเทศติดตาม")


@pytest.fixture
def other_project(plan, other_group):
    return factories.project(plan, 2, group=other_group, budget="50000.00")
