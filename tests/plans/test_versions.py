"""The data version (plans/versions.py): every write of an office's data moves its version
on, in the write's transaction, whatever the path; nothing else does."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import transaction

from plans import audit, versions
from plans.models import FiscalYear, Role
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(plan, group):
    return factories.project(plan, 1, group=group, budget="1000.00")


def test_a_save_a_delete_and_a_many_to_many_change_each_move_the_office_on(
    office, project, outsider
):
    other = outsider.memberships.get().office
    seen = {versions.data_version(office.pk)}
    others = versions.data_version(other.pk)
    project.name = "โครงการที่แก้ชื่อ"
    project.save()
    seen.add(versions.data_version(office.pk))
    activity = factories.activity(project)
    seen.add(versions.data_version(office.pk))
    activity.delete()
    seen.add(versions.data_version(office.pk))
    assert len(seen) == 4  # every write a new version
    assert versions.data_version(other.pk) == others  # another office's stay
    m2m = [f for f in Project._meta.many_to_many if f.related_model._meta.app_label == "plans"]
    if m2m:  # a many-to-many of the plan's frame (strategies, policies…)
        before = versions.data_version(office.pk)
        getattr(project, m2m[0].name).clear()
        getattr(project, m2m[0].name).set([])
        assert versions.data_version(office.pk) == before  # nothing changed: the same


def test_a_save_that_changes_nothing_keeps_the_version(office, project):
    before = versions.data_version(office.pk)
    Project.objects.get(pk=project.pk).save()
    assert versions.data_version(office.pk) == before


def test_a_rolled_back_write_keeps_the_version(office, project):
    before = versions.data_version(office.pk)
    with transaction.atomic():
        project.name = "ไม่บันทึก"
        project.save()
        assert versions.data_version(office.pk) != before  # seen inside the transaction
        transaction.set_rollback(True)
    assert versions.data_version(office.pk) == before


def test_data_of_no_office_moves_every_office_on(office, plan):
    before = versions.data_version(office.pk)
    year = FiscalYear.objects.get(year=2565)
    year.save()  # no change
    assert versions.data_version(office.pk) == before
    FiscalYear.objects.create(year=2570)
    assert versions.data_version(office.pk) != before
    assert versions.office_version(office.pk) == versions.office_version(office.pk)


def test_user_accounts_count_for_no_office(office, plan):
    before = versions.national_version()
    user = factories.member(office, "someone", Role.DIRECTOR)  # the membership is plans data
    after_membership = versions.national_version()
    assert after_membership != before
    user.first_name = "ใหม่"
    user.save()
    Group.objects.create(name="กลุ่มผู้ใช้")
    assert versions.national_version() == after_membership


def test_seed_loading_without_entries_still_moves_the_version_when_it_ends(office, plan):
    before = versions.data_version(office.pk)
    with audit.suppressed():
        factories.project(plan, 9, budget="1")
        inside = versions.data_version(office.pk)
    assert inside == before  # moved once, at the end
    assert versions.data_version(office.pk) != before


def test_rows_made_in_bulk_move_their_office_on(office, plan):
    area = factories.policy_area()
    before = versions.data_version(office.pk)
    rows = Project.objects.bulk_create(
        [Project(plan=plan, number=n, name=f"โครงการ {n}", policy_area=area) for n in (7, 8)]
    )
    assert versions.data_version(office.pk) == before  # bulk_create alone sends nothing
    audit.created_in_bulk(rows)
    assert versions.data_version(office.pk) != before


def test_a_counter_made_again_never_repeats_a_version(office, project):
    from plans.models import DataVersion

    seen = versions.office_version(office.pk)
    DataVersion.objects.filter(scope=office.pk).delete()  # a flushed or restored table
    versions.bump(office.pk)
    while versions.office_version(office.pk).split(".")[1] != seen.split(".")[1]:
        versions.bump(office.pk)
    assert versions.office_version(office.pk) != seen
