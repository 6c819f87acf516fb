"""Who may do what with a project's quarterly reports. Views check these (and fetch through
`Project.objects.visible_to`), and services check them again.

- enter and submit: whoever `Project.objects.editable_by` lets edit the project (staff and
  group directors of the responsible group, the policy-and-planning group office-wide);
- approve and return: the group director of the responsible group, or an office director;
- reopen an approved report: the policy-and-planning group;
- follow up who has not reported: the policy-and-planning group and office directors.
Administrators may do everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from plans.models import Membership, Office, Role
from projects.models import Project

OFFICE_WIDE_EDIT = {Role.PLANNING, Role.ADMIN}
GROUP_ROLES = {Role.STAFF, Role.GROUP_DIRECTOR}


@dataclass(frozen=True)
class ReportAccess:
    can_edit: bool = False
    can_decide: bool = False  # approve or return
    can_reopen: bool = False


def _memberships(user, office_id: int) -> list[Membership]:
    if not user.is_authenticated:
        return []
    return list(user.memberships.filter(office_id=office_id))


def report_access(user, project: Project) -> ReportAccess:
    """What the user may do with this project's reports (the project's plan must be loaded)."""
    if user.is_superuser:
        return ReportAccess(True, True, True)
    roles = _memberships(user, project.plan.office_id)
    in_group = {
        m.role for m in roles if m.work_group_id and m.work_group_id == project.work_group_id
    }
    office_roles = {m.role for m in roles}
    return ReportAccess(
        can_edit=bool(office_roles & OFFICE_WIDE_EDIT or in_group & GROUP_ROLES),
        can_decide=bool(
            office_roles & {Role.DIRECTOR, Role.ADMIN} or Role.GROUP_DIRECTOR in in_group
        ),
        can_reopen=bool(office_roles & OFFICE_WIDE_EDIT),
    )


def can_follow_up(user, office: Office) -> bool:
    """May read the "who has not reported" table of the office."""
    if user.is_superuser:
        return True
    roles = {m.role for m in _memberships(user, office.pk)}
    return bool(roles & {Role.PLANNING, Role.DIRECTOR, Role.ADMIN})


def decidable_by(user) -> QuerySet[Project]:
    """Projects whose reports the user approves or returns."""
    if not user.is_authenticated:
        return Project.objects.none()
    if user.is_superuser:
        return Project.objects.all()
    office_wide = user.memberships.filter(role__in=[Role.DIRECTOR, Role.ADMIN]).values("office")
    groups = user.memberships.filter(role=Role.GROUP_DIRECTOR).values("work_group")
    return Project.objects.filter(Q(plan__office__in=office_wide) | Q(work_group__in=groups))


def my_projects(user) -> QuerySet[Project]:
    """The projects a user works on each quarter: those they enter and those they decide."""
    return Project.objects.filter(
        Q(pk__in=Project.objects.editable_by(user).values("pk"))
        | Q(pk__in=decidable_by(user).values("pk"))
    )
