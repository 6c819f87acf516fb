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


@admin.register(models.ReminderSent)
class ReminderSentAdmin(ServiceWrittenAdmin):
    """Read-only: the record `send_reminders` keeps of what it sent (progress/reminders.py)."""

    list_display = ["project", "quarter", "stage", "sent_on"]
    list_filter = ["stage", "quarter"]
    list_select_related = ["project"]
