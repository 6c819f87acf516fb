"""Who may do what with a project's quarterly reports, as read from the office's rights
(plans/access.py, the one set of predicates). Views check these (and fetch through
`Project.objects.visible_to`), and services check them again.

- enter and submit: whoever `Project.objects.editable_by` lets edit the project (staff and
  group directors of the responsible group, the policy-and-planning group office-wide);
- approve and return: the group director of the responsible group, or an office director;
  never the report's own submitter (four eyes: `is_submitter`). A group director may submit
  his group's report; another director (the office director, an administrator) decides it;
- reopen an approved report: the policy-and-planning group;
- follow up who has not reported: the policy-and-planning group and office directors for the
  whole office, a group director for his group's projects (`follow_up_groups`).
Administrators may do everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from plans.access import GroupRight, Right, rights_for
from plans.models import Office
from projects.models import Project


@dataclass(frozen=True)
class ReportAccess:
    can_edit: bool = False
    can_decide: bool = False  # approve or return
    can_reopen: bool = False


def report_access(user, project: Project) -> ReportAccess:
    """What the user may do with this project's reports (the project's plan must be loaded)."""
    rights = rights_for(user, project.plan.office_id)
    return ReportAccess(
        can_edit=rights.can_edit_reports_of(project.work_group_id),
        can_decide=rights.can_decide_reports_of(project.work_group_id),
        can_reopen=Right.REOPEN_REPORTS in rights,
    )


OWN_REPORT = (
    "ท่านเป็นผู้ส่งรายงานนี้ จึงอนุมัติหรือส่งกลับรายงานของตนเองไม่ได้ "
    "ผู้อำนวยการสำนักงานหรือผู้มีอำนาจพิจารณาคนอื่นเป็นผู้พิจารณา"
)


def is_submitter(user, report) -> bool:
    """Four eyes: whoever submitted a report may not approve or return it (the services
    refuse with OWN_REPORT; the pages offer the decision to others only)."""
    return (
        report is not None
        and report.submitted_by_id is not None
        and report.submitted_by_id == getattr(user, "pk", None)
    )


def follow_up_groups(user, office: Office) -> frozenset[int] | None:
    """Whose reporting the user follows up in the office: None for every project, else the
    ids of the work groups whose projects (empty: none)."""
    return rights_for(user, office).groups_with(Right.FOLLOW_UP, GroupRight.FOLLOW_UP)


def can_follow_up(user, office: Office) -> bool:
    """May read the "who has not reported" table of the office (or of their group)."""
    return follow_up_groups(user, office) != frozenset()


def decidable_by(user) -> QuerySet[Project]:
    """Projects whose reports the user approves or returns."""
    return Project.objects.with_right(user, Right.DECIDE_ALL_REPORTS, GroupRight.DECIDE_REPORTS)


def group_projects(user) -> QuerySet[Project]:
    """The projects of the work groups in which the user enters reports (staff and group
    directors): the work queue's own reports, narrower than `editable_by` for the planning
    group and the administrator, who may enter every project's report (their follow-up page
    lists the office's)."""
    return Project.objects.with_right(user, None, GroupRight.EDIT_REPORTS)


def my_projects(user) -> QuerySet[Project]:
    """The projects a user works on each quarter: those they enter and those they decide."""
    return Project.objects.filter(
        Q(pk__in=Project.objects.editable_by(user).values("pk"))
        | Q(pk__in=decidable_by(user).values("pk"))
    )
