"""The plan as the office approved it (reports/approvals.py): recorded by the planning group
with the order's date and reference, and printed from then on by the action plan and the
spending plan, whatever is renamed, retargeted, transferred or added during the year."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from plans.models import AuditEntry
from reports import approvals
from reports.documents import document
from reports.selectors import plan_documents
from tests import factories
from tests.budget import factories as money
from tests.progress.factories import reportable_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(plan, group):
    money.targets(plan)  # 30 / 52 / 75 / 100
    return reportable_project(plan, group, 1, budget="10000")


def test_the_approved_plan_is_printed_whatever_changes_after(plan, group, planner, project):
    approvals.plan_approval_record(
        plan=plan, user=planner, approved_on=date(2021, 10, 5), reference="คำสั่งที่ ๑๒/๒๕๖๕"
    )
    # The year goes on: a project renamed, a target raised, a project added, money moved.
    project.name = "ชื่อที่เปลี่ยนกลางปี"
    project.save()
    indicator = project.indicators.order_by("order").first()
    indicator.target = Decimal("95")
    indicator.save()
    added = factories.project(plan, 2, group=group, budget="4000", name="โครงการที่เพิ่มภายหลัง")
    money.transfer(project, added, "1000")

    printed = plan_documents.approved_plan_document(plan)
    assert printed.approved_on == date(2021, 10, 5)
    assert [p.name for p in printed.projects] == ["โครงการทดสอบ 1"]
    assert printed.projects[0].budget == Decimal("10000.00")
    assert printed.projects[0].indicators[0].target == Decimal("80")
    html = document("action-plan").html(plan)
    assert "พิมพ์จากแผนที่ได้รับอนุมัติเมื่อ ๕ ตุลาคม ๒๕๖๔ ตามคำสั่งที่ ๑๒/๒๕๖๕" in html
    assert "ชื่อที่เปลี่ยนกลางปี" not in html and "โครงการที่เพิ่มภายหลัง" not in html
    spending = document("spending-plan").html(plan)
    assert "๑๐,๐๐๐.๐๐" in spending and "โครงการที่เพิ่มภายหลัง" not in spending
    # A revised plan approved later is printed instead.
    approvals.plan_approval_record(
        plan=plan, user=planner, approved_on=date(2022, 4, 1), reference="ฉบับปรับปรุง"
    )
    assert "โครงการที่เพิ่มภายหลัง" in document("action-plan").html(plan)


def test_the_snapshot_prints_exactly_what_the_plan_printed(plan, project, planner):
    """The approved document is the same data as the plan's on the day it was recorded."""
    live = plan_documents.plan_document(plan)
    approvals.plan_approval_record(
        plan=plan, user=planner, approved_on=date(2021, 10, 5), reference=""
    )
    kept = plan_documents.approved_plan_document(plan)
    assert kept.areas == live.areas and kept.targets == live.targets
    assert kept.missions == live.missions and kept.vision == live.vision


def test_without_an_approval_the_plan_prints_as_it_stands(plan, project):
    html = document("action-plan").html(plan)
    assert "ยังไม่ได้บันทึกแผนที่ได้รับอนุมัติ" in html and "โครงการทดสอบ ๑" in html


def test_only_the_planning_group_records_it_and_the_history_says_who(
    client, plan, project, planner, director, staff_user
):
    for user in (director, staff_user):
        with pytest.raises(PermissionDenied):
            approvals.plan_approval_record(
                plan=plan, user=user, approved_on=date(2021, 10, 5), reference=""
            )
        client.force_login(user)
        assert client.get(reverse("reports:plan_approval", args=[2565])).status_code == 403
    client.force_login(planner)
    target = reverse("reports:plan_approval", args=[2565])
    refused = client.post(target, {"approved_on": "๓๒/๑๓/๒๕๖๔", "reference": ""})
    assert refused.status_code == 200 and not plan.approvals.exists()
    done = client.post(target, {"approved_on": "๕/๑๐/๒๕๖๔", "reference": "คำสั่งที่ ๑๒"})
    assert done.status_code == 302
    listed = client.get(reverse("reports:documents", args=[2565])).content.decode()
    assert "พิมพ์จากแผนที่ได้รับอนุมัติเมื่อ ๕ ตุลาคม ๒๕๖๔ (คำสั่งที่ ๑๒)" in listed
    entry = AuditEntry.objects.get(object_type="reports.planapproval")
    assert (entry.user, entry.action) == (planner, "approve")
    assert "คำสั่งที่ ๑๒" in entry.note


def test_another_offices_plan_is_not_found(client, plan, project, db):
    other = factories.office("other-office", "สำนักงานอื่น")
    outsider = factories.member(other, "other-planner", "planning")
    client.force_login(outsider)
    assert client.get(reverse("reports:plan_approval", args=[2565])).status_code == 404
