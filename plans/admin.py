"""The Django admin: superusers' maintenance, and for planning staff a transitional way to
edit their own office's plan data until the portal's own pages cover it.

Every path to the data obeys the same rules (plans/access.py):
- a non-superuser sees and edits only the rows of offices where they hold the admin's right
  (`admin_right`, the plan's data by default: Right.MANAGE_PLAN), and every foreign-key
  choice is limited to those offices; another office's row is not found;
- reference data that belongs to no office (provinces, fiscal years, policy areas, the
  national strategy frame, budget categories) is changed by superusers only;
- rows written by the portal's services (money, approved results, quarterly reports, the
  audit trail) are read-only here for everyone: they change through their services, whose
  checks the admin would skip (`ServiceWrittenAdmin`);
- memberships are managed by the office's administrator (Right.MANAGE_PEOPLE) in that office
  only, never their own; user accounts and permission groups by superusers only;
- every add, change and delete made here is in the audit trail (plans/audit.py records
  every write of the portal's data, whatever the path);
- imports are for superusers only, exports are scoped like the lists.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin import helpers as admin_helpers
from django.contrib.admin.templatetags import admin_list
from django.contrib.admin.utils import NestedObjects, get_fields_from_path
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models as db
from django.db import router
from django.db.models import Q
from django.forms import ModelMultipleChoiceField, TextInput
from django.utils import timezone
from import_export.admin import ImportExportModelAdmin

from plans import models
from plans.access import Right, offices_with, own_membership
from plans.forms import ThaiDateField, ThaiDecimalField, ThaiIntegerField
from plans.ownership import office_of, office_path
from plans.resources import GradeEnrolmentResource, SchoolResource, WorkGroupResource
from plans.thai import (
    fiscal_year_bounds,
    fiscal_year_label,
    fiscal_year_of,
    format_thai_date,
    to_thai_digits,
)

admin.site.site_header = "ระบบติดตามแผนปฏิบัติการประจำปี"
admin.site.site_title = "ระบบติดตามแผนปฏิบัติการ"
admin.site.index_title = "การจัดการข้อมูล"

# Numbers are typed as text so that ๐-๙ and thousands separators are accepted; dates are
# read and shown in the Buddhist era as the portal's forms do ("15/11/2565" is 15 Nov 2022).
DECIMAL_INPUT = {"form_class": ThaiDecimalField, "widget": TextInput({"inputmode": "decimal"})}
INTEGER_INPUT = {"form_class": ThaiIntegerField, "widget": TextInput({"inputmode": "numeric"})}
DATE_INPUT = {"form_class": ThaiDateField, "widget": ThaiDateField.widget}
THAI_INPUTS = {
    db.DecimalField: DECIMAL_INPUT,
    db.PositiveIntegerField: INTEGER_INPUT,
    db.PositiveSmallIntegerField: INTEGER_INPUT,
    db.DateField: DATE_INPUT,
}


def _thai_display(value, field, empty_value_display, avoid_link=False):
    """Django's admin shows a stored date as "1 ตุลาคม 2022" (the locale's format has no
    Buddhist era): dates and times are shown as the portal shows them ("๑ ต.ค. ๒๕๖๕",
    "๑ ต.ค. ๒๕๖๕ ๑๓:๐๕"); everything else as Django does."""
    if value not in (None, "") and not getattr(field, "flatchoices", None):
        if isinstance(field, db.DateTimeField):
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            text = f"{format_thai_date(local.date(), month='short')} {local:%H:%M}"
            return to_thai_digits(text)
        if isinstance(field, db.DateField):
            return format_thai_date(value, month="short")
    return _django_display_for_field(value, field, empty_value_display, avoid_link)


# The one function through which the admin shows a stored value, in read-only fields
# (helpers) and in list columns (admin_list); both modules bind it at import. Django is
# pinned to 5.2 (pyproject.toml) and tests/plans/test_admin_dates.py reads both screens.
_django_display_for_field = admin_helpers.display_for_field
admin_helpers.display_for_field = _thai_display
admin_list.display_for_field = _thai_display


class FiscalYearFilter(admin.SimpleListFilter):
    """Rows by the fiscal year (B.E.) of a date, instead of Django's date hierarchy, which
    links years and months in C.E. ("2022", "ตุลาคม 2022")."""

    title = "ปีงบประมาณ"
    parameter_name = "fiscal_year"
    field_name = ""  # set by fiscal_year_filter()

    def lookups(self, request, model_admin):
        days = model_admin.get_queryset(request).dates(self.field_name, "month")
        years = sorted({fiscal_year_of(day) for day in days}, reverse=True)
        return [(str(year), fiscal_year_label(year)) for year in years]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        first, last = fiscal_year_bounds(int(self.value()))
        field = queryset.model._meta.get_field(self.field_name)
        lookup = self.field_name
        if isinstance(field, db.DateTimeField):
            lookup += "__date"
        return queryset.filter(**{f"{lookup}__gte": first, f"{lookup}__lte": last})


def fiscal_year_filter(field_name: str) -> type[FiscalYearFilter]:
    return type(f"FiscalYearFilter_{field_name}", (FiscalYearFilter,), {"field_name": field_name})


# -- the office of a row ---------------------------------------------------------------------


def _limit_to(queryset: db.QuerySet, offices) -> db.QuerySet:
    """`queryset` narrowed to the rows of `offices` (office ids)."""
    offices = sorted(offices)
    model = queryset.model
    if model is get_user_model():
        # Colleagues: users of these offices, and accounts not yet in any office.
        return queryset.filter(
            Q(memberships__office_id__in=offices) | Q(memberships__isnull=True)
        ).distinct()
    path = office_path(model)
    if path is None:
        return queryset
    return queryset.filter(**{f"{path}_id__in" if path else "pk__in": offices})


class BoundedMultipleChoiceField(ModelMultipleChoiceField):
    """A multiple choice whose ids are checked to be numbers the database can hold before
    they are looked up: a 20-digit id is "not one of the choices", never a server error
    (SQLite overflows and PostgreSQL refuses such a number inside `IN (...)`)."""

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        if key == "pk" and self.queryset.model._meta.pk.get_internal_type().endswith("AutoField"):
            for item in value or ():
                text = str(item).strip()
                if text.isdigit() and int(text) > BIGGEST_ID:
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": text},
                    )
        return super()._check_values(value)


BIGGEST_ID = 2**63 - 1


# Rows the portal's services write, with their checks and audit entries: never written
# through the admin, not even as what a deletion of their parent takes with it.
SERVICE_WRITTEN = {
    "budget.officeallocation",
    "budget.officedisbursement",
    "budget.projectallocation",
    "budget.projectdisbursement",
    "budget.budgettransfer",
    "budget.disbursementtarget",
    "progress.quarterlyreport",
    "progress.reportvalue",
    "progress.reportdisbursement",
    "progress.reportphoto",
    "indicators.indicatorresult",
    "plans.auditentry",
    "plans.submissiontoken",
    "reports.reportjob",
    "reports.publication",
    "reports.planapproval",
}


class OfficeScoped:
    """Mixed into every ModelAdmin and inline of the project (see the module's docstring)."""

    admin_right: Right = Right.MANAGE_PLAN
    service_written = False  # rows written only by the portal's services: read-only here

    def _offices(self, request) -> frozenset[int]:
        """The ids of the offices where the user holds the admin's right (asked once per
        request and right: the admin index asks every model several times)."""
        cache = request.__dict__.setdefault("_admin_office_ids", {})
        if self.admin_right not in cache:
            cache[self.admin_right] = frozenset(
                offices_with(request.user, self.admin_right).values_list("pk", flat=True)
            )
        return cache[self.admin_right]

    def _scoped(self, request) -> bool:
        return not request.user.is_superuser

    def _of_no_office(self) -> bool:
        return office_path(self.model) is None

    def _allowed(self, request, obj=None) -> bool:
        """Holds the admin's right in some office (or in `obj`'s office)."""
        if not self._scoped(request):
            return True
        if self._of_no_office():
            return False
        offices = self._offices(request)
        if obj is None:
            return bool(offices)
        office = office_of(obj)
        return office is not None and office.pk in offices

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not self._scoped(request):
            return queryset
        return _limit_to(queryset, self._offices(request))

    # For a superuser, Django's own permissions; for everyone else the office's rights alone
    # (plans/access.py), so that the admin has no second set of rules to keep in step.
    def has_module_permission(self, request):
        if not self._scoped(request):
            return super().has_module_permission(request)
        return self._of_no_office() or self._allowed(request)

    def has_view_permission(self, request, obj=None):
        if not self._scoped(request):
            return super().has_view_permission(request, obj)
        if self._of_no_office():
            # Reference data of no office is everyone's to read; the services' own rows of
            # no office (form tokens) are the superuser's.
            return not self.service_written
        return self._allowed(request, obj)

    def get_readonly_fields(self, request, obj=None):
        """A row does not move to another parent once it exists (a project to another plan
        or year, an activity or an indicator to another project): its money, reports and
        results would go with it past every rule. The parent is chosen when adding."""
        fields = list(super().get_readonly_fields(request, obj))
        path = office_path(self.model)
        if obj is not None and path:
            parent = path.split("__")[0]
            if parent not in fields:
                fields.append(parent)
        return fields

    def get_deleted_objects(self, objs, request):
        """Refuses a deletion that would take rows the services wrote with it (a project's
        money, a report's values, approved results): those go through their services."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        for model in collector.model_objs:
            if model is not self.model and model._meta.label_lower in SERVICE_WRITTEN:
                perms_needed.add(str(model._meta.verbose_name_plural))
        return deleted, counts, perms_needed, protected

    def has_add_permission(self, request, *args):
        if self.service_written:
            return False
        if not self._scoped(request):
            return super().has_add_permission(request, *args)
        return self._allowed(request)

    def has_change_permission(self, request, obj=None):
        if self.service_written:
            return False
        if not self._scoped(request):
            return super().has_change_permission(request, obj)
        return self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self.service_written:
            return False
        if not self._scoped(request):
            return super().has_delete_permission(request, obj)
        return self._allowed(request, obj)

    def get_list_filter(self, request):
        """Filters by a related row list only the rows of the user's offices."""
        filters = super().get_list_filter(request)
        if not self._scoped(request):
            return filters
        scoped = []
        for entry in filters:
            if isinstance(entry, str) and get_fields_from_path(self.model, entry)[-1].is_relation:
                entry = (entry, admin.RelatedOnlyFieldListFilter)
            scoped.append(entry)
        return scoped

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and self._scoped(request) and hasattr(field, "queryset"):
            field.queryset = _limit_to(field.queryset, self._offices(request))
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", BoundedMultipleChoiceField)
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and self._scoped(request) and hasattr(field, "queryset"):
            field.queryset = _limit_to(field.queryset, self._offices(request))
        return field


class ModelAdmin(OfficeScoped, admin.ModelAdmin):
    """The project's admin: office-scoped, audited, Thai digits accepted in number fields."""

    formfield_overrides = THAI_INPUTS

    def save_model(self, request, obj, form, change):
        if not self._allowed(request, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        if not self._allowed(request, obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            if not self._allowed(request, obj):
                raise PermissionDenied
            obj.delete()
        for obj in instances:
            if not self._allowed(request, obj):
                raise PermissionDenied
            obj.save()
        formset.save_m2m()


class ServiceWrittenAdmin(ModelAdmin):
    """Rows the portal's services write (with their money checks, locks, date rules and
    audit entries): listed here for reading, changed only through the portal."""

    service_written = True


class ImportExportAdmin(ImportExportModelAdmin, ModelAdmin):
    """Excel import (superusers only: rows of every office) and export (scoped like the
    list, by the admin's right)."""

    def has_import_permission(self, request):
        return request.user.is_superuser

    def has_export_permission(self, request):
        return self._allowed(request)


class TabularInline(OfficeScoped, admin.TabularInline):
    formfield_overrides = THAI_INPUTS


class StackedInline(OfficeScoped, admin.StackedInline):
    formfield_overrides = THAI_INPUTS


class SuperuserOnlyAdmin(admin.ModelAdmin):
    """Accounts and permission groups: superusers only."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(models.Province)
class ProvinceAdmin(ModelAdmin):
    search_fields = ["name"]


@admin.register(models.Office)
class OfficeAdmin(ModelAdmin):
    """Offices are created and renamed by superusers; their own staff read them."""

    def _of_no_office(self) -> bool:
        return True

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
    """Roles are given by the office's administrator in that office, never to themselves."""

    admin_right = Right.MANAGE_PEOPLE
    list_display = ["user", "role", "work_group", "office", "position"]
    list_filter = ["office", "role", "work_group"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "position"]

    # One rule with the portal's people pages: plans.access.own_membership.
    def has_change_permission(self, request, obj=None):
        if obj is not None and own_membership(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and own_membership(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if own_membership(request.user, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)


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

    def has_import_permission(self, request):
        return False  # the portal's /imports/schools/ imports statistics, by school code


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


@admin.register(models.SubmissionToken)
class SubmissionTokenAdmin(ServiceWrittenAdmin):
    """Used form tokens (plans/services.py): superusers read them, nobody edits them."""

    list_display = ["created_at", "user", "key"]


@admin.register(models.DataVersion)
class DataVersionAdmin(ServiceWrittenAdmin):
    """The data version counters (plans/versions.py): superusers read them, nobody edits
    them (the audit trail's receivers move them on)."""

    list_display = ["scope", "epoch", "counter"]


@admin.register(models.Notice)
class NoticeAdmin(SuperuserOnlyAdmin):
    """A person's notices are theirs (plans/notices/): superusers only, read-only."""

    list_display = ["created_at", "recipient", "office", "kind", "read_at", "emailed_at"]
    list_filter = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.NoticePreference)
class NoticePreferenceAdmin(SuperuserOnlyAdmin):
    """A person's choice of notices: theirs to change on their own page; superusers read."""

    list_display = ["user", "kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.ImportUpload)
class ImportUploadAdmin(ServiceWrittenAdmin):
    """Files uploaded for import, their check and import (plans/imports/): superusers read
    them, nobody edits them (manage.py clear_import_uploads deletes the stale ones)."""

    list_display = ["uploaded_at", "user", "office", "kind", "name", "size", "status"]
    list_filter = ["status"]


@admin.register(models.AuditEntry)
class AuditEntryAdmin(ServiceWrittenAdmin):
    """Read-only: the trail is written by plans/audit.py, never edited."""

    admin_right = Right.MANAGE_PEOPLE

    list_display = ["at", "user", "object_label", "action", "office"]
    list_filter = [fiscal_year_filter("at"), "office", "object_type", "action"]
    search_fields = ["object_label", "note", "user__username"]


# Accounts and permission groups: superusers only (the office's people are managed through
# memberships, above).
admin.site.unregister(get_user_model())
admin.site.unregister(Group)


@admin.register(get_user_model())
class UserAdmin(SuperuserOnlyAdmin, auth_admin.UserAdmin):
    pass


@admin.register(Group)
class GroupAdmin(SuperuserOnlyAdmin, auth_admin.GroupAdmin):
    pass
