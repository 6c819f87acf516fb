"""Who may read and do what in which office: the portal's one set of access predicates.

Views, templates, forms, the admin, exports, file downloads, background jobs and services
all ask here (directly, or through the querysets and helpers built on these tables:
`Office.objects.visible_to`, `Project.objects.editable_by`, `budget.access`,
`progress.access`). A rule enforced only in a page is not enforced.

A user's rights come from their memberships: one role per office (plans.Membership), and for
the two group roles, one work group. Superusers hold every right in every office; nobody
else crosses an office boundary: a user with no membership in an office has no right there,
not even to read.

| role | office-wide rights | in their own work group |
|---|---|---|
| staff | read | enter and submit quarterly reports |
| group director | read | enter, submit, approve and return; follow up who has not reported |
| planning | read, manage the plan, edit every project's reports, reopen, follow up, plan money | |
| finance | read, plan money, office money, correct the ledger | |
| director | read, approve and return every report, follow up | |
| admin (office) | every right of the office, and its people | |
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import BadRequest, PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from plans.empty_year import PlanYearMissing, missing_year_or_404, requested_year
from plans.models import Membership, Office, Plan, Role
from plans.thai import fiscal_year_of


class Right(StrEnum):
    READ = "read"  # the office's plan, reports, dashboards and files
    MANAGE_PLAN = "manage_plan"  # the plan's data (projects, indicators, texts, schools)
    EDIT_ALL_REPORTS = "edit_all_reports"  # enter any project's quarterly report
    DECIDE_ALL_REPORTS = "decide_all_reports"  # approve or return any report of the office
    REOPEN_REPORTS = "reopen_reports"  # reopen an approved report
    FOLLOW_UP = "follow_up"  # who has not reported
    PLAN_BUDGET = "plan_budget"  # projects' allocations, quarterly targets, transfers
    OFFICE_BUDGET = "office_budget"  # the office's allocations and disbursements by category
    CORRECT_LEDGER = "correct_ledger"  # reverse or correct a project's ledger entries
    MANAGE_PEOPLE = "manage_people"  # memberships (roles and groups) of the office


class GroupRight(StrEnum):
    EDIT_REPORTS = "edit_reports"  # enter and submit the group's projects' reports
    DECIDE_REPORTS = "decide_reports"  # approve or return them
    FOLLOW_UP = "follow_up"  # who of the group has not reported


OFFICE_RIGHTS: dict[str, frozenset[Right]] = {
    Role.STAFF: frozenset({Right.READ}),
    Role.GROUP_DIRECTOR: frozenset({Right.READ}),
    Role.PLANNING: frozenset(
        {
            Right.READ,
            Right.MANAGE_PLAN,
            Right.EDIT_ALL_REPORTS,
            Right.REOPEN_REPORTS,
            Right.FOLLOW_UP,
            Right.PLAN_BUDGET,
        }
    ),
    Role.FINANCE: frozenset(
        {Right.READ, Right.PLAN_BUDGET, Right.OFFICE_BUDGET, Right.CORRECT_LEDGER}
    ),
    Role.DIRECTOR: frozenset({Right.READ, Right.DECIDE_ALL_REPORTS, Right.FOLLOW_UP}),
    Role.ADMIN: frozenset(Right),
}
GROUP_RIGHTS: dict[str, frozenset[GroupRight]] = {
    Role.STAFF: frozenset({GroupRight.EDIT_REPORTS}),
    Role.GROUP_DIRECTOR: frozenset(
        {GroupRight.EDIT_REPORTS, GroupRight.DECIDE_REPORTS, GroupRight.FOLLOW_UP}
    ),
}


def roles_with(right: Right | GroupRight) -> list[str]:
    """The roles that hold `right` (office-wide for a Right, in their group for a
    GroupRight): for querysets that filter memberships by role."""
    table = OFFICE_RIGHTS if isinstance(right, Right) else GROUP_RIGHTS
    return sorted(role for role, rights in table.items() if right in rights)


@dataclass(frozen=True)
class OfficeRights:
    """What one user may do in one office."""

    office_id: int | None
    rights: frozenset[Right] = frozenset()
    group_rights: tuple[tuple[int, frozenset[GroupRight]], ...] = ()
    superuser: bool = False

    def __contains__(self, right: Right) -> bool:
        return self.superuser or right in self.rights

    def in_group(self, group_id: int | None, right: GroupRight) -> bool:
        return group_id is not None and any(
            gid == group_id and right in rights for gid, rights in self.group_rights
        )

    def groups_with(self, right: Right, group_right: GroupRight) -> frozenset[int] | None:
        """Where the user may do a thing that is office-wide for some roles and group-wide
        for others: None for the whole office (holds `right`), else the ids of the work
        groups where they hold `group_right` (empty: nowhere)."""
        if right in self:
            return None
        return frozenset(gid for gid, rights in self.group_rights if group_right in rights)

    def can_edit_reports_of(self, work_group_id: int | None) -> bool:
        return Right.EDIT_ALL_REPORTS in self or self.in_group(
            work_group_id, GroupRight.EDIT_REPORTS
        )

    def can_decide_reports_of(self, work_group_id: int | None) -> bool:
        return Right.DECIDE_ALL_REPORTS in self or self.in_group(
            work_group_id, GroupRight.DECIDE_REPORTS
        )


NO_RIGHTS = OfficeRights(office_id=None)


def rights_for(user, office: Office | int) -> OfficeRights:
    """The user's rights in `office` (one query, none for a superuser or an anonymous user;
    remembered on the user object for the rest of the request)."""
    office_id = office if isinstance(office, int) else office.pk
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_RIGHTS
    if user.is_superuser:
        return OfficeRights(office_id=office_id, rights=frozenset(Right), superuser=True)
    cache = user.__dict__.setdefault("_office_rights", {})
    if office_id not in cache:
        rights: set[Right] = set()
        groups: list[tuple[int, frozenset[GroupRight]]] = []
        for role, group_id in Membership.objects.filter(user=user, office_id=office_id).values_list(
            "role", "work_group_id"
        ):
            rights |= OFFICE_RIGHTS.get(role, frozenset())
            if group_id and role in GROUP_RIGHTS:
                groups.append((group_id, GROUP_RIGHTS[role]))
        cache[office_id] = OfficeRights(
            office_id=office_id, rights=frozenset(rights), group_rights=tuple(groups)
        )
    return cache[office_id]


def offices_with(user, right: Right) -> QuerySet[Office]:
    """The offices where the user holds `right` (every office for a superuser)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Office.objects.none()
    if user.is_superuser:
        return Office.objects.all()
    return Office.objects.filter(
        memberships__user=user, memberships__role__in=roles_with(right)
    ).distinct()


# -- the office a page is about ---------------------------------------------------------------

OFFICE_PARAM = "office"  # ?office=<code> on any page chooses the office
OFFICE_SESSION_KEY = "office_id"


def user_offices(request) -> list[Office]:
    """The user's offices by name (one query, once per request): the switcher in the page
    header and `current_office` read it."""
    if not hasattr(request, "_user_offices"):
        request._user_offices = (
            list(Office.objects.visible_to(request.user).order_by("name", "pk"))
            if request.user.is_authenticated
            else []
        )
    return request._user_offices


def current_office(request) -> Office | None:
    """The office the user's pages are about: `?office=<code>` or a form's hidden `office`
    (remembered for the session), else the one chosen earlier in the session, else the first
    of theirs by name. None for a user of no office. A code that is not one of the user's
    offices is a 404, so a user of several offices (a superuser too) reaches each of them,
    and nobody another's."""
    offices = user_offices(request)
    code = (request.GET.get(OFFICE_PARAM) or request.POST.get(OFFICE_PARAM) or "").strip()
    if code:
        office = next((o for o in offices if o.code == code), None)
        if office is None:
            raise Http404("ไม่พบสำนักงานนี้ในสำนักงานของท่าน")
        if request.session.get(OFFICE_SESSION_KEY) != office.pk:
            request.session[OFFICE_SESSION_KEY] = office.pk
        return office
    chosen = request.session.get(OFFICE_SESSION_KEY)
    office = next((o for o in offices if o.pk == chosen), None)
    return office or (offices[0] if offices else None)


def offices_context(request) -> dict:
    """Template context: the office switcher shows when the user has several offices."""
    user = getattr(request, "user", None)  # none on a request refused before sign-in
    if user is None or not user.is_authenticated:
        return {}
    offices = user_offices(request)
    # The menu's "บุคลากร" (plans/people/): asked only when a page shows the menu.
    people = SimpleLazyObject(lambda: _manages_people(request))
    # The menu's "นำเข้าข้อมูล" (plans/imports/): for those who may import some kind.
    imports = SimpleLazyObject(lambda: _imports_data(request))
    menu = {"manages_people": people, "imports_data": imports}
    if len(offices) < 2:
        return {"office_choices": [], **menu}
    try:
        current = current_office(request)
    except Http404:
        current = None
    return {"office_choices": offices, "office_current": current, **menu}


def _manages_people(request) -> bool:
    try:
        office = current_office(request)
    except Http404:
        return False
    return office is not None and Right.MANAGE_PEOPLE in rights_for(request.user, office)


def _imports_data(request) -> bool:
    from plans.imports import kinds_for  # the import kinds ask this module for rights

    try:
        office = current_office(request)
    except Http404:
        return False
    return office is not None and bool(kinds_for(request.user, office))


def office_plans(request) -> QuerySet[Plan]:
    """The plans (every year) of the office the user's pages are about."""
    office = current_office(request)
    if office is None:
        return Plan.objects.none()
    return Plan.objects.filter(office=office).select_related("office", "fiscal_year")


def plan_choice(
    request, *, year: int | None = None, office: Office | None = None
) -> tuple[Plan | None, list[Plan]]:
    """The plan a page of the year is about, and the plans to choose from: `office`'s (by
    default the current office's) plans that have projects, newest first. The plan is
    `year`'s (the URL's path) or ?year='s, else the current fiscal year's, else the newest:
    one rule for every page with a year to choose. (None, []) when there is none; the
    year's Thai empty state (404) for a year asked for that has no plan with projects."""
    office = office or current_office(request)
    if office is None:
        return None, []
    plans = list(
        Plan.objects.filter(office=office, projects__isnull=False)
        .select_related("office", "fiscal_year")
        .distinct()
        .order_by("-fiscal_year__year")
    )
    if not plans:
        return None, []
    text = request.GET.get("year")
    if year is None and text:
        year = requested_year(text)
        if year is None:
            raise missing_year_or_404(text)
    if year is not None:
        plan = next((p for p in plans if p.fiscal_year.year == year), None)
        if plan is None:
            raise missing_year_or_404(str(year))
        return plan, plans
    this_year = fiscal_year_of(timezone.localdate())
    return next((p for p in plans if p.fiscal_year.year == this_year), plans[0]), plans


def plan_for_user(request, year: int) -> Plan:
    """The current office's plan of a fiscal year; when it has none, the year's Thai empty
    state (a 404, plans/empty_year.py)."""
    if (
        request.method == "POST"
        and OFFICE_PARAM not in request.GET
        and OFFICE_PARAM not in request.POST
        and len(user_offices(request)) > 1
    ):
        # A form of one office posted from a tab opened before another office was chosen
        # would land in the other: the page's forms name their office, and one that does
        # not is refused rather than guessed.
        raise BadRequest(OFFICE_UNKNOWN)
    plan = office_plans(request).filter(fiscal_year__year=year).first()
    if plan is None:
        raise PlanYearMissing(year)
    return plan


def managed_plan(request, year: int) -> Plan:
    """The current office's plan of `year`, for those who manage it (Right.MANAGE_PLAN):
    the plan pages' and the project tree's one check; 403 otherwise."""
    plan = plan_for_user(request, year)
    if Right.MANAGE_PLAN not in rights_for(request.user, plan.office):
        raise PermissionDenied(NOT_ALLOWED)
    return plan


NOT_ALLOWED = "ท่านไม่มีสิทธิ์ทำรายการนี้ในสำนักงานนี้"
OFFICE_UNKNOWN = "ไม่ทราบว่าจะบันทึกให้สำนักงานใด กรุณาเปิดหน้านี้ใหม่แล้วบันทึกอีกครั้ง"


def require(user, office: Office | int, right: Right) -> None:
    """Services check the right again (the page's check is the first): PermissionDenied
    (Thai) unless `user` holds `right` in `office`. `user=None` is the system itself (the
    seed loader, a management command), never a person's request."""
    if user is None:
        return
    if right not in rights_for(user, office):
        raise PermissionDenied(NOT_ALLOWED)


def own_membership(user, membership: Membership) -> bool:
    """Whether `membership` is the user's own, which no office administrator changes or
    removes (the admin's membership pages and the portal's people pages): a superuser
    alone may, for maintenance."""
    return membership.user_id == getattr(user, "pk", None) and not user.is_superuser
