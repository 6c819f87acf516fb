from django.contrib import admin

from plans.admin import SuperuserOnlyAdmin
from search.models import SearchDocument


@admin.register(SearchDocument)
class SearchDocumentAdmin(SuperuserOnlyAdmin):
    """The search index, for superusers' maintenance: read-only (the index follows the data
    by itself; `manage.py search_reindex` rebuilds it)."""

    list_display = ["kind", "title", "office", "fiscal_year", "indexed_at"]
    list_filter = ["kind", "fiscal_year"]
    search_fields = ["title"]
    list_select_related = ["office"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
