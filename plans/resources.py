"""Excel import/export of the plans app's reference data (django-import-export)."""

from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget

from plans.models import (
    GradeEnrolment,
    Office,
    Province,
    School,
    SchoolCluster,
    SchoolYear,
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
    school = fields.Field("school_year__school__code", "school", readonly=True)
    academic_year = fields.Field("school_year__academic_year", "academic_year", readonly=True)
    school_year = fields.Field("school_year", "school_year", ForeignKeyWidget(SchoolYear, "pk"))

    class Meta:
        model = GradeEnrolment
        import_id_fields = ("school_year", "grade")
        fields = ("school_year", "school", "academic_year", "grade", "male", "female", "classrooms")
        skip_unchanged = True
        # Each row is validated like a form (full_clean): no blank codes, only real choices.
        clean_model_instances = True
        report_skipped = False
