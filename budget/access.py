"""Who may change which money. Pages read this; the view check is the real one.

- the finance group (Role.FINANCE) edits the office's budget: its allocations by category;
- finance and the policy and planning group edit the plan's money: the projects'
  allocations, the quarterly targets, and transfers. A transfer is approved on paper by the
  director (or whoever the office delegates); finance or planning records it here with the
  approver's name and the letter number;
- project staff and group directors record disbursements of their own group's projects,
  planning staff of every project (`Project.objects.editable_by`);
- directors and everyone else of the office read; other offices see nothing (404).
"""

from __future__ import annotations

from dataclasses import dataclass

from plans.models import Membership, Office, Role

OFFICE_BUDGET_ROLES = {Role.FINANCE, Role.ADMIN}
PLAN_BUDGET_ROLES = {Role.FINANCE, Role.PLANNING, Role.ADMIN}


@dataclass(frozen=True)
class BudgetAccess:
    office_budget: bool  # office allocations by category
    plan_budget: bool  # project allocations, targets, transfers


def access_for(user, office: Office) -> BudgetAccess:
    """One query (none for a superuser)."""
    if user.is_superuser:
        return BudgetAccess(office_budget=True, plan_budget=True)
    roles = set(Membership.objects.filter(user=user, office=office).values_list("role", flat=True))
    return BudgetAccess(
        office_budget=bool(roles & OFFICE_BUDGET_ROLES),
        plan_budget=bool(roles & PLAN_BUDGET_ROLES),
    )
