"""The reports app's rows in the admin: published documents, read-only (they change only
through publishing and withdrawing, reports/publishing.py, which write the history)."""

from django.contrib import admin

from plans.admin import ServiceWrittenAdmin
from reports.models import Publication


@admin.register(Publication)
class PublicationAdmin(ServiceWrittenAdmin):
    list_display = ["__str__", "plan", "status", "published_at", "withdrawn_at"]
    list_filter = ["status", "document"]
    search_fields = ["document", "plan__office__name", "withdraw_reason"]
    list_select_related = ["plan__office", "plan__fiscal_year"]
