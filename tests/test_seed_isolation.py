"""The FY2565 seed reaches only the tests that ask for it (tests/seed.py), whole, and what
one test does to it is gone before the next."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from demo.guard import foreign_data
from projects.models import Project

pytestmark = pytest.mark.django_db
MADE_BY_MIGRATIONS = {ContentType, Permission}
CHANGED = "ชื่อที่การทดสอบหนึ่งแก้"


def _rows_per_model() -> dict[str, int]:
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model not in MADE_BY_MIGRATIONS:
            counts[model._meta.label] = model._default_manager.count()
    return {label: count for label, count in counts.items() if count}


def test_a_test_without_the_seed_sees_an_empty_database(fy2565_seed):
    # fy2565_seed: the session has loaded the seed by now (this test asks for it), and yet
    assert fy2565_seed.tables  # there is a seed
    assert _rows_per_model() == {}  # and none of it is here


def test_a_test_with_the_seed_gets_all_of_it_as_load_demo_leaves_it(fy2565_db, fy2565_seed):
    assert list(Project.objects.filter(plan=fy2565_db).values_list("number", flat=True)) == [
        *range(1, 15)
    ]
    restored = fy2565_seed.rows()
    for table, (_, rows) in fy2565_seed.tables.items():
        assert sorted(restored[table], key=repr) == sorted(rows, key=repr), table
    assert sum(_rows_per_model().values()) == sum(len(r) for _, r in fy2565_seed.tables.values())
    assert foreign_data() == {}  # load_demo would know it as its own


@pytest.mark.parametrize("step", ["change it", "see it whole again"])
def test_what_a_test_changes_in_the_seed_stays_in_that_test(fy2565_db, step):
    """Whichever runs first, each step starts from the whole seed."""
    projects = Project.objects.filter(plan=fy2565_db)
    assert projects.count() == 14 and not projects.filter(methods=CHANGED).exists()
    assert projects.update(methods=CHANGED) == 14
    Project.objects.get(plan=fy2565_db, number=14).delete()
    assert set(projects.values_list("methods", flat=True)) == {CHANGED}
    assert projects.count() == 13
