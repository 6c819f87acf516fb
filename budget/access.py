"""Who may change which money, as read from the office's rights (plans/access.py, the one
set of predicates). Pages read this; the view check is the real one, and services check
again.

- finance (Right.OFFICE_BUDGET) edits the office's budget: its allocations by category;
- finance and the policy and planning group (Right.PLAN_BUDGET) edit the plan's money: the
  projects' allocations, the quarterly targets, and transfers. A transfer is approved on
  paper by the director (or whoever the office delegates); finance or planning records it
  here with the approver's name and the letter number;
- a project's money spent is recorded through its quarterly report (project staff and
  group directors of its group enter it, its approval posts it to the ledger); the ledger
  page's direct entry, deletion of a direct entry and reversal of any entry (a report's
  included, with a reason) are finance's (Right.CORRECT_LEDGER, `correct_ledger`);
- directors and everyone else of the office read; other offices see nothing (404).
"""

from __future__ import annotations

from dataclasses import dataclass

from plans.access import Right, rights_for
from plans.models import Office


@dataclass(frozen=True)
class BudgetAccess:
    office_budget: bool  # office allocations by category
    plan_budget: bool  # project allocations, targets, transfers
    correct_ledger: bool = False  # reverse or correct ledger entries


def access_for(user, office: Office) -> BudgetAccess:
    """One query (none for a superuser)."""
    rights = rights_for(user, office)
    return BudgetAccess(
        office_budget=Right.OFFICE_BUDGET in rights,
        plan_budget=Right.PLAN_BUDGET in rights,
        correct_ledger=Right.CORRECT_LEDGER in rights,
    )
