from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = "งบประมาณ"

    def ready(self) -> None:
        from budget.models import document_label
        from plans.history import VALUE_TEXT

        # A ledger entry's document number as people read it, in every history; the second
        # key is how entries written before the trail was keyed by field names named it.
        VALUE_TEXT["budget.projectdisbursement.document_no"] = document_label
        VALUE_TEXT["projects.project.เลขที่เอกสาร"] = document_label
