"""Fixtures of the progress tests: uploads go to a temporary folder; a read-only finance
user and a staff member of another group; the project they report on."""

import pytest

from plans.models import Role
from tests import factories
from tests.progress.factories import reportable_project


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def finance(office):
    return factories.member(office, "finance", Role.FINANCE)


@pytest.fixture
def other_staff(office, other_group):
    return factories.member(office, "otherstaff", Role.STAFF, other_group)


@pytest.fixture
def project(plan, group):
    return reportable_project(plan, group)


@pytest.fixture
def indicators(project):
    return list(project.indicators.order_by("order"))


@pytest.fixture
def activity(project):
    return project.activities.get()
