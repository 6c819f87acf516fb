"""Round trip of issue 13 ("Done when"): the FY2565 plan exported from the import pages and
imported, with the school statistics, into an empty office gives the same report figures."""

import pytest

from plans.models import Plan, Role, WorkGroup
from projects.models import Activity, Project
from reports.selectors.summary import office_budget, plan_summary
from tests import factories
from tests.import_steps import download, import_file

pytestmark = pytest.mark.django_db


def test_plan_round_trip(client, fy2565_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    seeded = fy2565_db.office
    empty = factories.office(code="empty-office", name="สำนักงานใหม่")
    for group in WorkGroup.objects.filter(office=seeded):
        WorkGroup.objects.create(office=empty, code=group.code, name=group.name, kind=group.kind)
    seeded_plan = Plan.objects.get(office=seeded, fiscal_year__year=2565)
    new_plan = factories.plan(empty, 2565)
    planner = factories.member(seeded, "roundtrip", Role.PLANNING)
    planner.memberships.create(office=empty, role=Role.PLANNING)
    client.force_login(planner)
    for kind in ("plan-projects", "plan-activities", "plan-indicators"):
        import_file(client, kind, empty, download(client, kind, seeded))
    assert Project.objects.filter(plan=new_plan).count() == 14
    assert (
        Activity.objects.filter(project__plan=new_plan).count()
        == Activity.objects.filter(project__plan=seeded_plan).count()
    )
    finance = factories.member(seeded, "roundtripmoney", Role.FINANCE)
    finance.memberships.create(office=empty, role=Role.FINANCE)
    client.force_login(finance)
    for kind in ("office-allocations", "office-disbursements", "project-disbursements"):
        content = download(client, kind, seeded)
        if kind != "project-disbursements":  # the seed has no direct ledger entries
            import_file(client, kind, empty, content)
    assert office_budget(new_plan) == office_budget(seeded_plan)
    assert office_budget(new_plan).total.allocated > 0

    a, b = plan_summary(seeded_plan), plan_summary(new_plan)
    from dataclasses import replace

    def targets(summary):
        return [
            [
                replace(i, result=None, result_unit="", count=None, count_unit="", verdict=None)
                for i in p.all_indicators
            ]
            for p in summary.projects
        ]

    assert targets(a) == targets(b)
    assert [
        (p.number, p.name, p.policy_area, p.work_group, p.owner_name, p.budget) for p in a.projects
    ] == [
        (p.number, p.name, p.policy_area, p.work_group, p.owner_name, p.budget) for p in b.projects
    ]
