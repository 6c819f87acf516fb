from django.contrib import admin

from plans.admin import ModelAdmin
from progress import models


@admin.register(models.ReportDeadline)
class ReportDeadlineAdmin(ModelAdmin):
    list_display = ["fiscal_year", "quarter", "due_on"]
    list_filter = ["fiscal_year"]


@admin.register(models.QuarterlyReport)
class QuarterlyReportAdmin(ModelAdmin):
    """Read-only here: reports change through their workflow (progress/services.py)."""

    list_display = ["project", "quarter", "status", "version", "approved_at"]
    list_filter = ["status", "quarter", "project__plan"]
    search_fields = ["project__name"]
    list_select_related = ["project"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
