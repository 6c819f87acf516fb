from django.contrib import admin
from django.db import models as db
from django.forms import TextInput
from import_export.admin import ImportExportModelAdmin

from plans import models
from plans.forms import ThaiDecimalField, ThaiIntegerField
from plans.resources import GradeEnrolmentResource, SchoolResource, WorkGroupResource

admin.site.site_header = "ระบบติดตามแผนปฏิบัติการประจำปี"
admin.site.site_title = "ระบบติดตามแผนปฏิบัติการ"
admin.site.index_title = "การจัดการข้อมูล"

# Numbers are typed as text so that ๐-๙ and thousands separators are accepted.
DECIMAL_INPUT = {"form_class": ThaiDecimalField, "widget": TextInput({"inputmode": "decimal"})}
INTEGER_INPUT = {"form_class": ThaiIntegerField, "widget": TextInput({"inputmode": "numeric"})}
THAI_NUMBERS = {
    db.DecimalField: DECIMAL_INPUT,
    db.PositiveIntegerField: INTEGER_INPUT,
    db.PositiveSmallIntegerField: INTEGER_INPUT,
}


class ModelAdmin(admin.ModelAdmin):
    """The project's admin: Thai digits accepted in every number field."""

    formfield_overrides = THAI_NUMBERS


class ImportExportAdmin(ImportExportModelAdmin):
    formfield_overrides = THAI_NUMBERS


class TabularInline(admin.TabularInline):
    formfield_overrides = THAI_NUMBERS


class StackedInline(admin.StackedInline):
    formfield_overrides = THAI_NUMBERS


@admin.register(models.Province)
class ProvinceAdmin(ModelAdmin):
    search_fields = ["name"]


@admin.register(models.Office)
class OfficeAdmin(ModelAdmin):
    list_display = ["short_name", "name", "code", "website"]
    search_fields = ["name", "short_name", "code"]
    filter_horizontal = ["provinces"]


@admin.register(models.FiscalYear)
class FiscalYearAdmin(ModelAdmin):
    list_display = ["__str__", "starts_on", "ends_on"]
    search_fields = ["year"]


@admin.register(models.PolicyArea)
class PolicyAreaAdmin(ModelAdmin):
    list_display = ["number", "name", "code"]
    search_fields = ["name", "code"]


@admin.register(models.NationalStrategy, models.MasterPlanIssue)
class NumberedReferenceAdmin(ModelAdmin):
    list_display = ["number", "name"]
    search_fields = ["name"]


@admin.register(models.MinisterPolicy)
class MinisterPolicyAdmin(ModelAdmin):
    list_display = ["number", "name", "tag", "fiscal_year"]
    list_filter = ["fiscal_year", "tag"]
    search_fields = ["name"]


@admin.register(models.WorkGroup)
class WorkGroupAdmin(ImportExportAdmin):
    resource_classes = [WorkGroupResource]
    list_display = ["name", "kind", "director_name", "office", "order"]
    list_filter = ["office", "kind"]
    search_fields = ["name", "code", "director_name"]


@admin.register(models.Membership)
class MembershipAdmin(ModelAdmin):
    list_display = ["user", "role", "work_group", "office", "position"]
    list_filter = ["office", "role", "work_group"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "position"]
    autocomplete_fields = ["user", "work_group"]


class PlanStatementInline(TabularInline):
    model = models.PlanStatement
    extra = 0


class PolicyItemInline(TabularInline):
    model = models.PolicyItem
    extra = 0


@admin.register(models.Plan)
class PlanAdmin(ModelAdmin):
    list_display = ["__str__", "office", "fiscal_year"]
    list_filter = ["office", "fiscal_year"]
    search_fields = ["office__name", "vision"]
    inlines = [PlanStatementInline, PolicyItemInline]


@admin.register(models.PlanStatement)
class PlanStatementAdmin(ModelAdmin):
    list_display = ["plan", "kind", "number", "title", "text"]
    list_filter = ["plan", "kind"]
    search_fields = ["title", "text"]


@admin.register(models.PolicyItem)
class PolicyItemAdmin(ModelAdmin):
    list_display = ["plan", "area", "number", "text"]
    list_filter = ["plan", "area"]
    search_fields = ["text"]


class StrategyGoalInline(TabularInline):
    model = models.StrategyGoal
    extra = 0


class StrategyIndicatorInline(TabularInline):
    model = models.StrategyIndicator
    extra = 0


class StrategyGuidelineInline(TabularInline):
    model = models.StrategyGuideline
    extra = 0


@admin.register(models.Strategy)
class StrategyAdmin(ModelAdmin):
    list_display = ["number", "name", "plan"]
    list_filter = ["plan"]
    search_fields = ["name"]
    inlines = [StrategyGoalInline, StrategyIndicatorInline, StrategyGuidelineInline]


@admin.register(models.StrategyGoal, models.StrategyGuideline)
class StrategyPartAdmin(ModelAdmin):
    list_display = ["strategy", "number", "text"]
    list_filter = ["strategy__plan"]
    search_fields = ["text"]


@admin.register(models.StrategyIndicator)
class StrategyIndicatorAdmin(ModelAdmin):
    list_display = ["strategy", "number", "text", "target_qualifier", "target_value", "target_unit"]
    list_filter = ["strategy__plan"]
    search_fields = ["text"]


@admin.register(models.SchoolCluster)
class SchoolClusterAdmin(ModelAdmin):
    list_display = ["name", "office"]
    list_filter = ["office"]
    search_fields = ["name"]


@admin.register(models.School)
class SchoolAdmin(ImportExportAdmin):
    resource_classes = [SchoolResource]
    list_display = ["code", "name", "province", "cluster", "levels"]
    list_filter = ["office", "province", "cluster", "levels"]
    search_fields = ["code", "name"]
    list_select_related = ["province", "cluster"]


class GradeEnrolmentInline(TabularInline):
    model = models.GradeEnrolment
    extra = 0


@admin.register(models.SchoolYear)
class SchoolYearAdmin(ModelAdmin):
    list_display = ["school", "academic_year", "teachers_male", "teachers_female", "data_as_of"]
    list_filter = ["academic_year", "school__province"]
    search_fields = ["school__name", "school__code"]
    list_select_related = ["school"]
    inlines = [GradeEnrolmentInline]


@admin.register(models.GradeEnrolment)
class GradeEnrolmentAdmin(ImportExportAdmin):
    resource_classes = [GradeEnrolmentResource]
    list_display = ["school_year", "grade", "male", "female", "classrooms"]
    list_filter = ["grade", "school_year__academic_year", "school_year__school__province"]
    search_fields = ["school_year__school__name"]
    list_select_related = ["school_year__school"]


@admin.register(models.PersonnelCount)
class PersonnelCountAdmin(ModelAdmin):
    list_display = ["number", "position", "count", "academic_year", "office"]
    list_filter = ["office", "academic_year"]
    search_fields = ["position"]


@admin.register(models.ReportText)
class ReportTextAdmin(ModelAdmin):
    list_display = ["key", "title", "plan", "order"]
    list_filter = ["plan"]
    search_fields = ["key", "title", "body"]


class CommitteeMemberInline(TabularInline):
    model = models.CommitteeMember
    extra = 0


@admin.register(models.CommitteeSection)
class CommitteeSectionAdmin(ModelAdmin):
    list_display = ["committee", "order", "title"]
    list_filter = ["committee__plan", "committee__kind"]
    search_fields = ["title", "members__name"]
    inlines = [CommitteeMemberInline]


class CommitteeSectionInline(TabularInline):
    model = models.CommitteeSection
    extra = 0
    show_change_link = True


@admin.register(models.Committee)
class CommitteeAdmin(ModelAdmin):
    list_display = ["kind", "number", "plan", "signed_on"]
    list_filter = ["plan", "kind"]
    search_fields = ["title", "number"]
    inlines = [CommitteeSectionInline]


@admin.register(models.CommitteeMember)
class CommitteeMemberAdmin(ModelAdmin):
    list_display = ["name", "position", "role", "section"]
    list_filter = ["section__committee__kind"]
    search_fields = ["name", "position"]


@admin.register(models.AuditEntry)
class AuditEntryAdmin(ModelAdmin):
    """Read-only: the trail is written by services, never edited."""

    list_display = ["at", "user", "object_label", "action", "office"]
    list_filter = ["office", "object_type", "action"]
    search_fields = ["object_label", "note", "user__username"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
