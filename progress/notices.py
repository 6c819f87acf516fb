"""Who is told of what happens to a quarterly report, and in what words (the notices'
machinery: plans/notices/). The workflow's services call these inside their transaction.

- submitted: the report's approvers (`approvers`: the group director of the project's work
  group, the office's directors and administrators), never the submitter;
- returned, approved, reopened: the report's staff (`report_staff`: the submitter, the
  project's owner and the staff of its work group), never the one who decided;
- before the deadline and overdue (progress/reminders.py): the staff, and once overdue
  their group director too.

Only members of the project's office are told, and only active accounts
(plans.notices.services.notify).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.urls import reverse

from plans import thai
from plans.access import GroupRight, Right, roles_with
from plans.models import NoticeKind, Role
from plans.notices.services import notify
from plans.templatetags.thai import person
from progress.models import QuarterlyReport
from projects.models import Project


def _members(project: Project, condition: Q) -> QuerySet:
    office_id = project.plan.office_id
    return (
        get_user_model()
        .objects.filter(
            condition & Q(memberships__office_id=office_id),
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )


def approvers(project: Project) -> QuerySet:
    """Who approves or returns the project's reports (progress/access.py's rule, read from
    the memberships): office-wide deciders and the group's directors."""
    condition = Q(memberships__role__in=roles_with(Right.DECIDE_ALL_REPORTS))
    if project.work_group_id:
        condition |= Q(
            memberships__role__in=roles_with(GroupRight.DECIDE_REPORTS),
            memberships__work_group_id=project.work_group_id,
        )
    return _members(project, condition)


def report_staff(project: Project, *, submitter=None, directors: bool = False) -> QuerySet:
    """The people who write the project's reports: the staff of its work group, its owner,
    the report's submitter; with `directors`, the group's directors as well."""
    condition = Q(pk__in=[pk for pk in (project.owner_id, getattr(submitter, "pk", None)) if pk])
    if project.work_group_id:
        roles = [Role.STAFF, *([Role.GROUP_DIRECTOR] if directors else [])]
        condition |= Q(
            memberships__role__in=roles, memberships__work_group_id=project.work_group_id
        )
    return _members(project, condition)


def report_link(project: Project, quarter: int) -> str:
    url = reverse("progress:report", kwargs={"project_id": project.pk, "quarter": quarter})
    return f"{url}?office={project.plan.office.code}"


def report_title(project: Project, quarter: int) -> str:
    """ "รายงานความก้าวหน้า ไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๕ ของโครงการ…" (a project's name
    usually begins with "โครงการ" already, and is not given it twice)."""
    name = project.name if project.name.startswith("โครงการ") else f"โครงการ{project.name}"
    return (
        f"รายงานความก้าวหน้า {thai.quarter_label(quarter)} "
        f"{thai.fiscal_year_label(project.plan.fiscal_year.year)} ของ{name}"
    )


def _tell(report: QuarterlyReport, people, kind: str, text: str) -> None:
    project = report.project
    notify(
        recipients=people,
        office_id=project.plan.office_id,
        kind=kind,
        text=text,
        link=report_link(project, report.quarter),
    )


def report_submitted(report: QuarterlyReport, *, user) -> None:
    people = [u for u in approvers(report.project) if u.pk != user.pk]
    text = f"{person(user)} ส่ง{report_title(report.project, report.quarter)} รอท่านพิจารณา"
    _tell(report, people, NoticeKind.REPORT_SUBMITTED, text)


def _decided(report: QuarterlyReport, *, user, kind: str, text: str) -> None:
    staff = report_staff(report.project, submitter=report.submitted_by)
    _tell(report, [u for u in staff if u.pk != user.pk], kind, text)


def report_returned(report: QuarterlyReport, *, user, reason: str) -> None:
    title = report_title(report.project, report.quarter)
    text = f"{person(user)} ส่ง{title} กลับให้แก้ไข เหตุผล: {reason}"
    _decided(report, user=user, kind=NoticeKind.REPORT_RETURNED, text=text)


def report_approved(report: QuarterlyReport, *, user) -> None:
    text = f"{person(user)} อนุมัติ{report_title(report.project, report.quarter)} แล้ว"
    _decided(report, user=user, kind=NoticeKind.REPORT_APPROVED, text=text)


def report_reopened(report: QuarterlyReport, *, user, reason: str) -> None:
    title = report_title(report.project, report.quarter)
    text = f"{person(user)} เปิด{title} ที่อนุมัติแล้วให้แก้ไขอีกครั้ง เหตุผล: {reason}"
    _decided(report, user=user, kind=NoticeKind.REPORT_REOPENED, text=text)
