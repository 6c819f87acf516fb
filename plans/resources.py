"""Excel import/export of the plans app's reference data (django-import-export)."""

from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget

from plans.models import (
    GradeEnrolment,
    Office,
    Province,
    School,
    SchoolCluster,
    WorkGroup,
)


class WorkGroupResource(resources.ModelResource):
    office = fields.Field("office", "office", ForeignKeyWidget(Office, "code"))

    class Meta:
        model = WorkGroup
        import_id_fields = ("office", "code")
        fields = ("office", "code", "name", "kind", "director_name", "order")
        skip_unchanged = True
        # Each row is validated like a form (full_clean): no blank codes, only real choices.
        clean_model_instances = True
        report_skipped = False


class SchoolResource(resources.ModelResource):
    office = fields.Field("office", "office", ForeignKeyWidget(Office, "code"))
    province = fields.Field("province", "province", ForeignKeyWidget(Province, "name"))
    cluster = fields.Field("cluster", "cluster", ForeignKeyWidget(SchoolCluster, "name"))

    class Meta:
        model = School
        import_id_fields = ("office", "code")
        fields = ("office", "code", "name", "province", "cluster", "levels")
        skip_unchanged = True
        # Each row is validated like a form (full_clean): no blank codes, only real choices.
        clean_model_instances = True
        report_skipped = False


class GradeEnrolmentResource(resources.ModelResource):
    """The admin's export of grade enrolment, by the codes people know (office, school code,
    academic year), never a database id. Importing statistics is the portal's
    (/imports/schools/, plans/imports/schools.py): one row per school, validated and
    previewed in Thai."""

    office = fields.Field("school_year__school__office__code", "office", readonly=True)
    school = fields.Field("school_year__school__code", "school", readonly=True)
    academic_year = fields.Field("school_year__academic_year", "academic_year", readonly=True)

    class Meta:
        model = GradeEnrolment
        fields = ("office", "school", "academic_year", "grade", "male", "female", "classrooms")
