"""Two small offices with one of everything, and a user of every role in each: the world the
boundary tests walk. Each office's rows carry a marker word in their names, so a page that
shows another office's data is caught by reading it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from budget.models import OfficeAllocation, ProjectDisbursement
from budget.rules import DEFAULT_TARGETS
from demo.users import admin_group
from plans.models import (
    AuditEntry,
    Committee,
    CommitteeMember,
    CommitteeSection,
    Membership,
    Office,
    PersonnelCount,
    PlanStatement,
    Province,
    ReportText,
    Role,
    School,
    SchoolCluster,
    SchoolYear,
    Strategy,
)
from progress.models import QuarterlyReport, ReportDisbursement, ReportPhoto, ReportValue
from projects.models import Highlight, HighlightFigure, HighlightSection, ProjectPhoto
from reports.models import ReportJob
from tests import factories
from tests.budget import factories as money
from tests.progress.factories import png_bytes

MARKERS = {"a": "ลับเฉพาะสำนักงานกอไก่", "b": "ลับเฉพาะสำนักงานขอไข่"}
PASSWORD = "pw-test-2565"

# Role name in the tests -> (membership role, which group: "own", "other" or None, admin site)
ROLES = {
    "staff": (Role.STAFF, "own", False),
    "other_staff": (Role.STAFF, "other", False),
    "groupdirector": (Role.GROUP_DIRECTOR, "own", False),
    "director": (Role.DIRECTOR, None, False),
    "finance": (Role.FINANCE, None, True),
    "planner": (Role.PLANNING, None, True),
    "officeadmin": (Role.ADMIN, None, True),
}


@dataclass
class OfficeWorld:
    letter: str
    office: Office
    plan: object
    project: object  # of the "own" group, with reports, money and photos
    other_project: object  # of the "other" group
    activity: object
    q1: QuarterlyReport  # approved (posted to the ledger)
    q2: QuarterlyReport  # submitted by the staff member, waiting for a decision
    q3: QuarterlyReport  # draft, with a photo
    report_photo: ReportPhoto
    project_photo: ProjectPhoto
    figure: HighlightFigure
    job: ReportJob
    direct_entry: ProjectDisbursement  # finance's own ledger entry
    report_entry: ProjectDisbursement  # posted by q1's approval
    category: object  # the budget category with the office's allocation
    users: dict[str, object] = field(default_factory=dict)


def _user(username: str, *, staff_site: bool = False):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=username, is_staff=staff_site
    )
    return user


def build_office(letter: str) -> OfficeWorld:
    marker = MARKERS[letter]
    office = factories.office(code=f"world-{letter}", name=f"สำนักงาน{marker}")
    plan = factories.plan(office, 2565)
    money.targets(plan, DEFAULT_TARGETS)
    own = factories.work_group(office, code="own", name=f"กลุ่มงาน{marker}")
    other = factories.work_group(office, code="other", name=f"กลุ่มอื่น{marker}", kind="unit")
    project = factories.project(plan, 1, group=own, budget="100000", name=f"โครงการ{marker}")
    other_project = factories.project(
        plan, 2, group=other, budget="50000", name=f"โครงการที่สอง{marker}"
    )
    activity = factories.activity(project, 1, name=f"กิจกรรม{marker}")
    money.allocation(project, "30000", activity=activity, number=2)
    indicator = factories.indicator(project, 1, target="80", unit="ร้อยละ", result="85")
    factories.indicator(other_project, 1, target="10", unit="คน")

    users = {}
    for name, (role, group, staff_site) in ROLES.items():
        user = _user(f"{letter}_{name}", staff_site=staff_site)
        work_group = {"own": own, "other": other}.get(group)
        Membership.objects.create(user=user, office=office, role=role, work_group=work_group)
        if role in (Role.PLANNING, Role.FINANCE):
            user.groups.set([admin_group(role)])
        users[name] = user

    staff, boss = users["staff"], users["groupdirector"]
    # The staff member has mistyped their password five times from another computer: the
    # office's administrator may lift the lockout (people:member_unlock).
    AccessAttempt.objects.create(
        username=staff.username,
        ip_address="192.0.2.1",
        user_agent="",
        http_accept="",
        path_info="/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=5,
    )
    now = timezone.now()
    q1 = QuarterlyReport.objects.create(
        project=project,
        quarter=1,
        status=QuarterlyReport.Status.APPROVED,
        version=3,
        work_done=f"งานไตรมาสแรก{marker}",
        submitted_by=staff,
        submitted_at=now,
        approved_by=boss,
        approved_at=now,
    )
    ReportValue.objects.create(report=q1, indicator=indicator, value=Decimal(85), unit="ร้อยละ")
    ReportDisbursement.objects.create(report=q1, activity=activity, amount=Decimal(1000))
    report_entry = ProjectDisbursement.objects.create(
        project=project,
        activity=activity,
        amount=Decimal(1000),
        paid_on=date(2021, 12, 31),
        document_no=f"progress:{q1.pk}",
    )
    q2 = QuarterlyReport.objects.create(
        project=project,
        quarter=2,
        status=QuarterlyReport.Status.SUBMITTED,
        version=2,
        work_done=f"งานไตรมาสสอง{marker}",
        submitted_by=staff,
        submitted_at=now,
    )
    ReportDisbursement.objects.create(report=q2, activity=activity, amount=Decimal(500))
    q3 = QuarterlyReport.objects.create(
        project=project, quarter=3, status=QuarterlyReport.Status.DRAFT, version=1
    )
    report_photo = ReportPhoto(report=q3, caption=f"ภาพ{marker}", order=1)
    report_photo.image.save("photo.png", ContentFile(png_bytes()), save=True)
    direct_entry = money.disbursement(project, "2000", paid_on=date(2022, 1, 15))

    project_photo = ProjectPhoto(project=project, caption=f"ภาพโครงการ{marker}", order=1)
    project_photo.image.save("p.png", ContentFile(png_bytes()), save=True)
    highlight = Highlight.objects.create(plan=plan, number=1, title=f"ผลงานเด่น{marker}")
    HighlightSection.objects.create(highlight=highlight, order=1, heading="หัวข้อ", body="เนื้อหา")
    figure = HighlightFigure(highlight=highlight, order=1, caption=f"แผนภาพ{marker}")
    figure.image.save("f.png", ContentFile(png_bytes()), save=True)
    job = ReportJob.objects.create(plan=plan, status=ReportJob.Status.DONE, progress=100)
    job.file.save("r.pdf", ContentFile(b"%PDF-1.4\n% test\n"), save=True)

    category = money.category()
    OfficeAllocation.objects.create(
        office=office,
        fiscal_year=plan.fiscal_year,
        category=category,
        number=1,
        amount=Decimal("500000"),
    )
    province, _ = Province.objects.get_or_create(name="จังหวัดทดสอบ")
    cluster = SchoolCluster.objects.create(office=office, name=f"สหวิทยาเขต{marker}")
    school = School.objects.create(
        office=office,
        code=f"S{letter}",
        name=f"โรงเรียน{marker}",
        province=province,
        cluster=cluster,
    )
    SchoolYear.objects.create(school=school, academic_year=2565)
    PersonnelCount.objects.create(
        office=office, academic_year=2565, number=1, position="ครู", count=3
    )
    PlanStatement.objects.create(plan=plan, kind="mission", number=1, text=f"พันธกิจ{marker}")
    Strategy.objects.create(plan=plan, number=1, name=f"กลยุทธ์{marker}")
    ReportText.objects.create(plan=plan, key="preface", title="คำนำ", body=f"คำนำ{marker}")
    committee = Committee.objects.create(plan=plan, kind="order", title=f"คณะทำงาน{marker}")
    section = CommitteeSection.objects.create(committee=committee, order=1, title="ที่ปรึกษา")
    CommitteeMember.objects.create(section=section, order=1, name=f"กรรมการ{marker}")
    AuditEntry.objects.create(
        office=office, object_type="projects.project", object_id=project.pk, action="ทดสอบ"
    )
    return OfficeWorld(
        letter=letter,
        office=office,
        plan=plan,
        project=project,
        other_project=other_project,
        activity=activity,
        q1=q1,
        q2=q2,
        q3=q3,
        report_photo=report_photo,
        project_photo=project_photo,
        figure=figure,
        job=job,
        direct_entry=direct_entry,
        report_entry=report_entry,
        category=category,
        users=users,
    )


def build_world() -> dict[str, OfficeWorld]:
    return {letter: build_office(letter) for letter in ("a", "b")}


def no_office_user():
    return _user("nobody")
