"""The reports app's rows in the admin: published documents and approved plans, read-only
(they change only through their services, reports/publishing.py and reports/approvals.py,
which write the history)."""

from django.contrib import admin

from plans.admin import ServiceWrittenAdmin
from reports.models import PlanApproval, Publication


@admin.register(Publication)
class PublicationAdmin(ServiceWrittenAdmin):
    list_display = ["__str__", "plan", "status", "published_at", "withdrawn_at"]
    list_filter = ["status", "document"]
    search_fields = ["document", "plan__office__name", "withdraw_reason"]
    list_select_related = ["plan__office", "plan__fiscal_year"]


@admin.register(PlanApproval)
class PlanApprovalAdmin(ServiceWrittenAdmin):
    list_display = ["__str__", "plan", "approved_on", "reference", "recorded_at"]
    search_fields = ["reference", "plan__office__name"]
    list_select_related = ["plan__office", "plan__fiscal_year"]
