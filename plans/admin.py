from django.contrib import admin
from import_export.admin import ImportExportModelAdmin

from plans import models
from plans.resources import GradeEnrolmentResource, SchoolResource, WorkGroupResource

admin.site.site_header = "ระบบติดตามแผนปฏิบัติการประจำปี"
admin.site.site_title = "ระบบติดตามแผนปฏิบัติการ"
admin.site.index_title = "การจัดการข้อมูล"


@admin.register(models.Province)
class ProvinceAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(models.Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "code", "website"]
    search_fields = ["name", "short_name", "code"]
    filter_horizontal = ["provinces"]


@admin.register(models.FiscalYear)
class FiscalYearAdmin(admin.ModelAdmin):
    list_display = ["__str__", "starts_on", "ends_on"]
    search_fields = ["year"]


@admin.register(models.PolicyArea)
class PolicyAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "code"]
    search_fields = ["name", "code"]


@admin.register(models.NationalStrategy, models.MasterPlanIssue)
class NumberedReferenceAdmin(admin.ModelAdmin):
    list_display = ["number", "name"]
    search_fields = ["name"]


@admin.register(models.MinisterPolicy)
class MinisterPolicyAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "tag", "fiscal_year"]
    list_filter = ["fiscal_year", "tag"]
    search_fields = ["name"]


@admin.register(models.WorkGroup)
class WorkGroupAdmin(ImportExportModelAdmin):
    resource_classes = [WorkGroupResource]
    list_display = ["name", "kind", "director_name", "office", "order"]
    list_filter = ["office", "kind"]
    search_fields = ["name", "code", "director_name"]


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "work_group", "office", "position"]
    list_filter = ["office", "role", "work_group"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "position"]
    autocomplete_fields = ["user", "work_group"]


class PlanStatementInline(admin.TabularInline):
    model = models.PlanStatement
    extra = 0


class PolicyItemInline(admin.TabularInline):
    model = models.PolicyItem
    extra = 0


@admin.register(models.Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["__str__", "office", "fiscal_year"]
    list_filter = ["office", "fiscal_year"]
    search_fields = ["office__name", "vision"]
    inlines = [PlanStatementInline, PolicyItemInline]


@admin.register(models.PlanStatement)
class PlanStatementAdmin(admin.ModelAdmin):
    list_display = ["plan", "kind", "number", "title", "text"]
    list_filter = ["plan", "kind"]
    search_fields = ["title", "text"]


@admin.register(models.PolicyItem)
class PolicyItemAdmin(admin.ModelAdmin):
    list_display = ["plan", "area", "number", "text"]
    list_filter = ["plan", "area"]
    search_fields = ["text"]


class StrategyGoalInline(admin.TabularInline):
    model = models.StrategyGoal
    extra = 0


class StrategyIndicatorInline(admin.TabularInline):
    model = models.StrategyIndicator
    extra = 0


class StrategyGuidelineInline(admin.TabularInline):
    model = models.StrategyGuideline
    extra = 0


@admin.register(models.Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "plan"]
    list_filter = ["plan"]
    search_fields = ["name"]
    inlines = [StrategyGoalInline, StrategyIndicatorInline, StrategyGuidelineInline]


@admin.register(models.StrategyGoal, models.StrategyGuideline)
class StrategyPartAdmin(admin.ModelAdmin):
    list_display = ["strategy", "number", "text"]
    list_filter = ["strategy__plan"]
    search_fields = ["text"]


@admin.register(models.StrategyIndicator)
class StrategyIndicatorAdmin(admin.ModelAdmin):
    list_display = ["strategy", "number", "text", "target_qualifier", "target_value", "target_unit"]
    list_filter = ["strategy__plan"]
    search_fields = ["text"]


@admin.register(models.SchoolCluster)
class SchoolClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "office"]
    list_filter = ["office"]
    search_fields = ["name"]


@admin.register(models.School)
class SchoolAdmin(ImportExportModelAdmin):
    resource_classes = [SchoolResource]
    list_display = ["code", "name", "province", "cluster", "levels"]
    list_filter = ["office", "province", "cluster", "levels"]
    search_fields = ["code", "name"]
    list_select_related = ["province", "cluster"]


class GradeEnrolmentInline(admin.TabularInline):
    model = models.GradeEnrolment
    extra = 0


@admin.register(models.SchoolYear)
class SchoolYearAdmin(admin.ModelAdmin):
    list_display = ["school", "academic_year", "teachers_male", "teachers_female", "data_as_of"]
    list_filter = ["academic_year", "school__province"]
    search_fields = ["school__name", "school__code"]
    list_select_related = ["school"]
    inlines = [GradeEnrolmentInline]


@admin.register(models.GradeEnrolment)
class GradeEnrolmentAdmin(ImportExportModelAdmin):
    resource_classes = [GradeEnrolmentResource]
    list_display = ["school_year", "grade", "male", "female", "classrooms"]
    list_filter = ["grade", "school_year__academic_year", "school_year__school__province"]
    search_fields = ["school_year__school__name"]
    list_select_related = ["school_year__school"]


@admin.register(models.PersonnelCount)
class PersonnelCountAdmin(admin.ModelAdmin):
    list_display = ["number", "position", "count", "academic_year", "office"]
    list_filter = ["office", "academic_year"]
    search_fields = ["position"]


@admin.register(models.ReportText)
class ReportTextAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "plan", "order"]
    list_filter = ["plan"]
    search_fields = ["key", "title", "body"]


class CommitteeMemberInline(admin.TabularInline):
    model = models.CommitteeMember
    extra = 0


@admin.register(models.CommitteeSection)
class CommitteeSectionAdmin(admin.ModelAdmin):
    list_display = ["committee", "order", "title"]
    list_filter = ["committee__plan", "committee__kind"]
    search_fields = ["title", "members__name"]
    inlines = [CommitteeMemberInline]


class CommitteeSectionInline(admin.TabularInline):
    model = models.CommitteeSection
    extra = 0
    show_change_link = True


@admin.register(models.Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["kind", "number", "plan", "signed_on"]
    list_filter = ["plan", "kind"]
    search_fields = ["title", "number"]
    inlines = [CommitteeSectionInline]


@admin.register(models.CommitteeMember)
class CommitteeMemberAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "role", "section"]
    list_filter = ["section__committee__kind"]
    search_fields = ["name", "position"]
