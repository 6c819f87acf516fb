from django.contrib import admin

from budget import models
from plans.access import Right
from plans.admin import ModelAdmin, ServiceWrittenAdmin, fiscal_year_filter


class MoneyAdmin(ServiceWrittenAdmin):
    """Written only through the budget pages (budget/services.py), whose money checks, date
    rules and audit entries the admin would skip: listed here for reading."""

    admin_right = Right.PLAN_BUDGET


@admin.register(models.BudgetCategory)
class BudgetCategoryAdmin(ModelAdmin):
    list_display = ["order", "name", "code", "is_central_fund"]
    search_fields = ["name", "code"]


@admin.register(models.OfficeAllocation)
class OfficeAllocationAdmin(MoneyAdmin):
    list_display = [
        "category",
        "number",
        "amount",
        "received_on",
        "letter_no",
        "fiscal_year",
        "office",
    ]
    list_filter = ["office", "fiscal_year", "category"]
    search_fields = ["letter_no", "note"]
    list_select_related = ["category", "fiscal_year", "office"]


@admin.register(models.OfficeDisbursement)
class OfficeDisbursementAdmin(MoneyAdmin):
    list_display = ["category", "amount", "paid_on", "document_no", "fiscal_year", "office"]
    list_filter = ["office", "fiscal_year", "category"]
    search_fields = ["document_no", "note"]
    list_select_related = ["category", "fiscal_year", "office"]


@admin.register(models.ProjectAllocation)
class ProjectAllocationAdmin(MoneyAdmin):
    list_display = ["project", "activity", "number", "amount", "received_on", "letter_no"]
    list_filter = ["project__plan", "project"]
    search_fields = ["project__name", "letter_no", "note"]
    list_select_related = ["project", "activity"]


@admin.register(models.ProjectDisbursement)
class ProjectDisbursementAdmin(MoneyAdmin):
    list_display = ["project", "activity", "paid_on", "amount", "document_no", "created_by"]
    list_filter = [fiscal_year_filter("paid_on"), "project__plan", "project"]
    search_fields = ["project__name", "document_no", "note"]
    list_select_related = ["project", "activity", "created_by"]


@admin.register(models.BudgetTransfer)
class BudgetTransferAdmin(MoneyAdmin):
    list_display = ["transferred_on", "from_project", "to_project", "amount", "approved_by"]
    list_filter = ["from_project__plan"]
    search_fields = ["from_project__name", "to_project__name", "reason", "letter_no"]
    list_select_related = ["from_project", "to_project"]


@admin.register(models.DisbursementTarget)
class DisbursementTargetAdmin(MoneyAdmin):
    list_display = ["plan", "quarter", "cumulative_percent"]
    list_filter = ["plan"]
    search_fields = ["plan__office__name"]
    list_select_related = ["plan__office", "plan__fiscal_year"]
