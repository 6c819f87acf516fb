from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = "งบประมาณ"

    def ready(self) -> None:
        from budget import imports  # noqa: F401 -- registers the money's imports
        from budget.models import document_label
        from plans import audit
        from plans.history import VALUE_TEXT

        # Where rows show in history (plans/audit.py): a project's money in the project's,
        # a transfer in both projects', the office's money and targets in the plan's.
        for model in ("projectallocation", "projectdisbursement"):
            audit.parents(f"budget.{model}", "project")
        audit.parents("budget.budgettransfer", "from_project", "to_project")
        for model in ("officeallocation", "officedisbursement"):
            audit.parents(f"budget.{model}", _plan_of_office_row)
        audit.parents("budget.disbursementtarget", "plan")

        # A ledger entry's document number as people read it, in every history; the second
        # key is how entries written before the trail was keyed by field names named it.
        VALUE_TEXT["budget.projectdisbursement.document_no"] = document_label
        VALUE_TEXT["projects.project.เลขที่เอกสาร"] = document_label


def _plan_of_office_row(row):
    """The plan of an office's money row (it is kept by office and fiscal year)."""
    from plans.models import Plan

    return Plan.objects.filter(office_id=row.office_id, fiscal_year_id=row.fiscal_year_id).first()
