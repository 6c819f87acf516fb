from django.contrib import admin

from plans.admin import ModelAdmin, StackedInline, TabularInline
from projects import models


class ActivityInline(TabularInline):
    model = models.Activity
    extra = 0


class ProjectStatementInline(TabularInline):
    model = models.ProjectStatement
    extra = 0


class ProjectPhotoInline(TabularInline):
    model = models.ProjectPhoto
    extra = 0


@admin.register(models.Project)
class ProjectAdmin(ModelAdmin):
    list_display = ["number", "name", "policy_area", "work_group", "owner_name", "plan"]
    list_display_links = ["number", "name"]
    list_filter = ["plan__office", "plan__fiscal_year", "policy_area", "work_group"]
    search_fields = ["name", "owner_name", "methods"]
    list_select_related = ["policy_area", "work_group", "plan__office", "plan__fiscal_year"]
    filter_horizontal = [
        "supporting_groups",
        "national_strategies",
        "master_plan_issues",
        "minister_policies",
        "obec_policies",
    ]
    inlines = [ActivityInline, ProjectStatementInline, ProjectPhotoInline]


@admin.register(models.Activity)
class ActivityAdmin(ModelAdmin):
    list_display = ["project", "number", "name"]
    list_filter = ["project__plan", "project"]
    search_fields = ["name", "project__name"]
    list_select_related = ["project"]


@admin.register(models.ProjectStatement)
class ProjectStatementAdmin(ModelAdmin):
    list_display = ["project", "kind", "number", "text"]
    list_filter = ["kind", "project__plan", "project"]
    search_fields = ["text"]
    list_select_related = ["project"]


@admin.register(models.ProjectPhoto)
class ProjectPhotoAdmin(ModelAdmin):
    list_display = ["project", "order", "caption", "image"]
    list_filter = ["project__plan", "project"]
    search_fields = ["caption"]
    list_select_related = ["project"]


class HighlightSectionInline(StackedInline):
    model = models.HighlightSection
    extra = 0


class HighlightFigureInline(TabularInline):
    model = models.HighlightFigure
    extra = 0


@admin.register(models.Highlight)
class HighlightAdmin(ModelAdmin):
    list_display = ["number", "title", "plan"]
    list_filter = ["plan"]
    search_fields = ["title", "subtitle"]
    inlines = [HighlightSectionInline, HighlightFigureInline]


@admin.register(models.HighlightSection)
class HighlightSectionAdmin(ModelAdmin):
    list_display = ["highlight", "order", "heading"]
    list_filter = ["highlight__plan"]
    search_fields = ["heading", "body"]


@admin.register(models.HighlightFigure)
class HighlightFigureAdmin(ModelAdmin):
    list_display = ["highlight", "order", "caption"]
    search_fields = ["caption"]
