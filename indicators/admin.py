from django.contrib import admin

from indicators import models
from plans.admin import ModelAdmin, ServiceWrittenAdmin, TabularInline


class IndicatorMilestoneInline(TabularInline):
    """The indicator's milestones per quarter (the portal's project tree edits them too)."""

    model = models.IndicatorMilestone
    extra = 0


class IndicatorResultInline(TabularInline):
    """Approved results are written by the quarterly report's approval: read-only here."""

    model = models.IndicatorResult
    extra = 0
    service_written = True


@admin.register(models.Indicator)
class IndicatorAdmin(ModelAdmin):
    list_display = ["project", "order", "text", "target", "unit", "direction", "aggregation"]
    list_filter = ["project__plan", "unit", "direction", "aggregation", "project"]
    search_fields = ["text", "project__name"]
    list_select_related = ["project"]
    inlines = [IndicatorMilestoneInline, IndicatorResultInline]


@admin.register(models.IndicatorMilestone)
class IndicatorMilestoneAdmin(ModelAdmin):
    list_display = ["indicator", "quarter", "value"]
    list_filter = ["quarter", "indicator__project__plan"]
    search_fields = ["indicator__text"]
    list_select_related = ["indicator"]


@admin.register(models.IndicatorResult)
class IndicatorResultAdmin(ServiceWrittenAdmin):
    """Approved results are written by the quarterly report's approval (progress): a change
    goes through reopening and approving the report again."""

    list_display = ["indicator", "quarter", "value", "unit", "count", "count_unit"]
    list_filter = ["quarter", "unit", "indicator__project__plan"]
    search_fields = ["indicator__text"]
    list_select_related = ["indicator"]


@admin.register(models.OnetSubject)
class OnetSubjectAdmin(ModelAdmin):
    list_display = ["order", "name", "code"]
    search_fields = ["name"]


@admin.register(models.OnetScore)
class OnetScoreAdmin(ModelAdmin):
    list_display = ["subject", "grade", "academic_year", "scope", "province", "score", "office"]
    list_filter = ["office", "scope", "grade", "academic_year", "province", "subject"]
    search_fields = ["subject__name"]
    list_select_related = ["subject", "province", "office"]


class ObecIndicatorProvinceResultInline(TabularInline):
    model = models.ObecIndicatorProvinceResult
    extra = 0


@admin.register(models.ObecIndicatorRating)
class ObecIndicatorRatingAdmin(ModelAdmin):
    list_display = ["number", "text", "level", "fiscal_year", "office"]
    list_filter = ["office", "fiscal_year", "level"]
    search_fields = ["text"]
    inlines = [ObecIndicatorProvinceResultInline]


@admin.register(models.ItaAssessment)
class ItaAssessmentAdmin(ModelAdmin):
    list_display = ["office", "fiscal_year", "score", "level", "previous_score", "previous_level"]
    list_filter = ["office", "fiscal_year", "level"]
    search_fields = ["office__name"]


@admin.register(models.StandardItem)
class StandardItemAdmin(ModelAdmin):
    list_display = ["order", "kind", "label", "name", "level", "note", "fiscal_year"]
    list_filter = ["office", "fiscal_year", "kind", "level"]
    search_fields = ["name", "label"]


@admin.register(models.ObecIndicatorProvinceResult)
class ObecIndicatorProvinceResultAdmin(ModelAdmin):
    list_display = ["rating", "province", "value"]
    list_filter = ["province", "rating__fiscal_year"]
    search_fields = ["rating__text"]
