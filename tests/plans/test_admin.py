"""The admin obeys the office boundary and the services' rules (issue: trust, finding 1).

Each test would pass a planner or finance through the boundary before the admin was scoped:
another office's rows, their own membership, money rows and approved results."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from budget.models import ProjectDisbursement
from demo.users import admin_group
from indicators.models import IndicatorResult
from plans.history import history_for
from plans.models import AuditEntry, Membership, Role, School
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


def admin_user(office, username, role, group=None):
    """A member whose role gives them the admin site (as the demo's planner and finance)."""
    user = factories.member(office, username, role, group)
    user.is_staff = True
    user.save()
    if role in (Role.PLANNING, Role.FINANCE):
        user.groups.set([admin_group(role)])
    return user


@pytest.fixture
def other_office(db):
    return factories.office(code="other", name="สำนักงานอื่น")


@pytest.fixture
def our_project(plan):
    return factories.project(plan, 1, budget="100000")


@pytest.fixture
def their_project(other_office):
    return factories.project(
        factories.plan(other_office), 1, budget="100000", name="โครงการของสำนักงานอื่น"
    )


def login(client, user):
    client.force_login(user)
    return client


def test_planner_sees_only_their_office(client, office, our_project, their_project):
    login(client, admin_user(office, "planner", Role.PLANNING))
    page = client.get(reverse("admin:projects_project_changelist")).content.decode()
    assert f"/admin/projects/project/{our_project.pk}/change/" in page
    assert f"/admin/projects/project/{their_project.pk}/change/" not in page
    url = reverse("admin:projects_project_change", args=[their_project.pk])
    assert client.get(url).status_code in (302, 404)  # "not found", never the form
    client.post(url, {"number": "1", "name": "ถูกแก้", "plan": their_project.plan_id})
    their_project.refresh_from_db()
    assert their_project.name != "ถูกแก้"


def test_planner_cannot_move_a_project_into_another_office(
    client, office, plan, our_project, their_project
):
    login(client, admin_user(office, "planner", Role.PLANNING))
    form = client.get(reverse("admin:projects_project_add")).content.decode()
    assert str(plan) in form
    assert str(their_project.plan) not in form
    response = client.post(
        reverse("admin:projects_project_add"),
        {
            "plan": their_project.plan_id,
            "number": "9",
            "name": "โครงการแทรก",
            "policy_area": our_project.policy_area_id,
            **_empty_inlines(),
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert not Project.objects.filter(name="โครงการแทรก").exists()


def _empty_inlines():
    data = {}
    for prefix in ("activities", "statements", "photos"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def test_planner_cannot_touch_memberships(client, office):
    planner = admin_user(office, "planner", Role.PLANNING)
    login(client, planner)
    mine = Membership.objects.get(user=planner)
    assert client.get(reverse("admin:plans_membership_changelist")).status_code == 403
    url = reverse("admin:plans_membership_change", args=[mine.pk])
    client.post(url, {"user": planner.pk, "office": office.pk, "role": Role.DIRECTOR})
    mine.refresh_from_db()
    assert mine.role == Role.PLANNING


def test_office_admin_manages_roles_of_their_office_but_not_their_own(client, office, other_office):
    boss = admin_user(office, "officeadmin", Role.ADMIN)
    colleague = factories.member(office, "colleague", Role.STAFF, factories.work_group(office))
    login(client, boss)
    theirs = Membership.objects.get(user=colleague)
    url = reverse("admin:plans_membership_change", args=[theirs.pk])
    response = client.post(
        url, {"user": colleague.pk, "office": office.pk, "role": Role.DIRECTOR, "position": ""}
    )
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.role == Role.DIRECTOR
    assert AuditEntry.objects.filter(object_id=theirs.pk, object_type="plans.membership").exists()
    # Their own membership is read-only, and they cannot join another office.
    mine = Membership.objects.get(user=boss)
    client.post(
        reverse("admin:plans_membership_change", args=[mine.pk]),
        {"user": boss.pk, "office": office.pk, "role": Role.DIRECTOR},
    )
    mine.refresh_from_db()
    assert mine.role == Role.ADMIN
    client.post(
        reverse("admin:plans_membership_add"),
        {"user": boss.pk, "office": other_office.pk, "role": Role.DIRECTOR, "position": ""},
    )
    assert not Membership.objects.filter(user=boss, office=other_office).exists()


def test_money_rows_are_read_only_in_the_admin(client, office, our_project, their_project):
    login(client, admin_user(office, "finance", Role.FINANCE))
    assert client.get(reverse("admin:budget_projectdisbursement_add")).status_code == 403
    response = client.post(
        reverse("admin:budget_projectdisbursement_add"),
        {"project": their_project.pk, "amount": "99999999", "paid_on": "2099-01-01"},
    )
    assert response.status_code == 403
    assert ProjectDisbursement.objects.count() == 0
    # The list is there to read, and only our office's rows.
    ProjectDisbursement.objects.create(
        project=their_project, amount=Decimal(5), paid_on=factories.fiscal_year().starts_on
    )
    page = client.get(reverse("admin:budget_projectdisbursement_changelist"))
    assert page.status_code == 200
    assert their_project.name not in page.content.decode()


def test_approved_results_are_read_only(client, office, our_project):
    indicator = factories.indicator(our_project, result="100")
    result = IndicatorResult.objects.get(indicator=indicator)
    login(client, admin_user(office, "planner", Role.PLANNING))
    url = reverse("admin:indicators_indicatorresult_change", args=[result.pk])
    assert client.get(url).status_code == 200  # readable
    client.post(url, {"indicator": indicator.pk, "quarter": "4", "value": "999", "unit": "ร้อยละ"})
    result.refresh_from_db()
    assert result.value == Decimal(100)


def test_admin_edit_is_recorded_in_the_history(client, office, our_project):
    login(client, admin_user(office, "planner", Role.PLANNING))
    activity = factories.activity(our_project, 1, "กิจกรรมเดิม")
    url = reverse("admin:projects_activity_change", args=[activity.pk])
    response = client.post(url, {"project": our_project.pk, "number": "1", "name": "กิจกรรมใหม่"})
    assert response.status_code == 302
    entry = history_for(activity).first()
    assert (entry.office, entry.action) == (office, "update")
    assert entry.changes == {"name": ["กิจกรรมเดิม", "กิจกรรมใหม่"]}


def test_import_is_for_superusers_and_export_is_scoped(client, office, other_office):
    province = factories_province()
    School.objects.create(office=office, code="S1", name="โรงเรียนของเรา", province=province)
    School.objects.create(office=other_office, code="S2", name="โรงเรียนของเขา", province=province)
    login(client, admin_user(office, "planner", Role.PLANNING))
    assert client.get(reverse("admin:plans_school_import")).status_code == 403
    response = client.post(
        reverse("admin:plans_school_export"),
        {"format": "0", "resource": "0", "schoolresource_code": "on", "schoolresource_name": "on"},
    )
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    codes = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert codes == {"S1"}


def factories_province():
    from plans.models import Province

    return Province.objects.get_or_create(name="พิษณุโลก")[0]


def test_superuser_import_validates_every_row(admin_client, office):
    from tablib import Dataset

    from plans.resources import SchoolResource

    factories_province()
    data = Dataset(headers=["office", "code", "name", "province", "cluster", "levels"])
    data.append([office.code, "", "", "พิษณุโลก", "", "primary"])
    result = SchoolResource().import_data(data, dry_run=False)
    assert result.has_validation_errors() or result.has_errors()
    assert not School.objects.filter(office=office).exists()


def test_a_20_digit_id_is_a_form_error_not_a_server_error(admin_client, plan):
    huge = "99999999999999999999"
    response = admin_client.post(
        reverse("admin:projects_project_add"),
        {"plan": plan.pk, "supporting_groups": [huge], "number": "1", "name": "x"},
    )
    assert response.status_code == 200
    response = admin_client.post(
        reverse("admin:projects_project_add"), {"plan": huge, "number": "1", "name": "x"}
    )
    assert response.status_code == 200
    assert not Project.objects.filter(name="x").exists()


def test_a_row_does_not_move_to_another_parent(client, office, plan, our_project):
    other = factories.project(plan, 2, name="โครงการอื่นของเรา")
    activity = factories.activity(our_project, 1, "กิจกรรมที่มีเงิน")
    login(client, admin_user(office, "planner", Role.PLANNING))
    url = reverse("admin:projects_activity_change", args=[activity.pk])
    response = client.post(url, {"project": other.pk, "number": "1", "name": "กิจกรรมที่มีเงิน"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.project == our_project


def test_deleting_what_carries_report_rows_or_money_is_refused(client, office, our_project):
    from progress.models import QuarterlyReport, ReportDisbursement

    activity = factories.activity(our_project, 1, "กิจกรรมในรายงาน")
    report = QuarterlyReport.objects.create(project=our_project, quarter=1, version=1)
    ReportDisbursement.objects.create(report=report, activity=activity, amount=Decimal(10))
    login(client, admin_user(office, "planner", Role.PLANNING))
    url = reverse("admin:projects_activity_delete", args=[activity.pk])
    page = client.get(url).content.decode()
    assert "ไม่สามารถลบ" in page  # Django's "cannot delete", with what stands in the way
    client.post(url, {"post": "yes"})
    assert ReportDisbursement.objects.filter(activity=activity).exists()
    # Nor does a project go with its money.
    client.post(reverse("admin:projects_project_delete", args=[our_project.pk]), {"post": "yes"})
    assert Project.objects.filter(pk=our_project.pk).exists()


def test_used_form_tokens_are_the_superusers_to_read(client, office):
    login(client, admin_user(office, "planner", Role.PLANNING))
    assert client.get(reverse("admin:plans_submissiontoken_changelist")).status_code == 403


def test_a_report_text_with_an_unknown_figure_is_refused_in_the_admin_too(admin_client, plan):
    """The rule of figures in braces is the models' (plans.manage.texts.validate_figures):
    the admin, the seed and the portal's pages refuse a name the report does not know."""
    from django.core.exceptions import ValidationError

    from plans.models import ReportText
    from projects.models import ProjectStatement

    url = reverse("admin:plans_reporttext_add")
    data = {"plan": plan.pk, "key": "chapter4_summary", "body": "บรรลุ {ตัวชี้วัดที่บรรรลุ}"}
    response = admin_client.post(url, {**data, "order": "0"})
    assert response.status_code == 200
    assert "ไม่รู้จักตัวเลข {ตัวชี้วัดที่บรรรลุ}" in response.content.decode()
    assert not ReportText.objects.exists()
    statement = ProjectStatement(
        project=factories.project(plan), kind="problem", number=1, text="{จำนวนโครงการ=}"
    )
    with pytest.raises(ValidationError, match="ไม่รู้จักตัวเลข"):
        statement.full_clean()
