from django.contrib import admin

from plans.admin import ModelAdmin, ServiceWrittenAdmin
from progress import models


@admin.register(models.ReportDeadline)
class ReportDeadlineAdmin(ModelAdmin):
    list_display = ["fiscal_year", "quarter", "due_on"]
    list_filter = ["fiscal_year"]


@admin.register(models.QuarterlyReport)
class QuarterlyReportAdmin(ServiceWrittenAdmin):
    """Read-only here: reports change through their workflow (progress/services.py)."""

    list_display = ["project", "quarter", "status", "version", "approved_at"]
    list_filter = ["status", "quarter", "project__plan"]
    search_fields = ["project__name"]
    list_select_related = ["project"]
