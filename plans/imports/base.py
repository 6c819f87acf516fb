"""The import framework's parts that each kind of import declares: its columns (`Column`),
its django-import-export resource (`OfficeResource`), and the kind itself (`ImportKind`),
registered once (`register`) from the owning app's AppConfig.ready()."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from import_export import resources
from import_export.instance_loaders import BaseInstanceLoader

from plans.access import Right, rights_for
from plans.imports.reading import Header

OFFICE_HEADER = "รหัสสำนักงาน"


@dataclass(frozen=True)
class Column:
    """One column of an import's file: its Thai header (the resource field's column_name),
    what goes in it (the template's second sheet) and an example value."""

    header: str
    help: str
    example: Any = ""
    required: bool = True
    aliases: tuple[str, ...] = ()
    kind: str = "text"  # how the template and the export store it: plans.excel.Kind


OFFICE_COLUMN = Column(
    OFFICE_HEADER,
    "ไม่บังคับ ถ้ามี ต้องเป็นรหัสของสำนักงานที่นำเข้า แถวที่ระบุสำนักงานอื่นจะไม่ถูกนำเข้า",
    required=False,
    aliases=("รหัส สพท", "รหัสเขตพื้นที่"),
)


class OfficeInstanceLoader(BaseInstanceLoader):
    """The office's existing rows, read in one query (the resource's office-scoped
    queryset) and found by the cleaned values of the import id fields: never a query per
    row, and never a row of another office."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.fields = [resource.fields[name] for name in resource.get_import_id_fields()]
        self.instances = {
            tuple(f.get_value(obj) for f in self.fields): obj for obj in resource.get_queryset()
        }

    def get_instance(self, row):
        try:
            key = tuple(f.clean(row) for f in self.fields)
        except (ValueError, KeyError):
            return None  # the key's own cell is wrong: the row's errors say so
        return self.instances.get(key)


class OfficeResource(resources.ModelResource):
    """A resource of one office's rows, imported by a person of that office.

    - Rows are found and created in `office` only (`get_queryset`, `init_instance`).
    - The preview (a dry run) writes nothing at all: rows are validated and compared, not
      saved and rolled back.
    - Each row is validated by the model's rules (`full_clean`: fields, choices, lengths,
      validators); uniqueness is the framework's (a key twice in a file is refused before
      the resource sees it, and existing rows are found by their key), so no query per row.
    - `row_label` names a row in the preview ("1001 โรงเรียนตัวอย่าง").
    Subclasses declare their fields with the Thai headers as column names and the
    kind's key columns as `import_id_fields`.
    """

    office_field = "office"

    def __init__(self, *, office, user=None, **kwargs):
        super().__init__(**kwargs)
        self.office = office
        self.user = user

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        store_instance = True
        # What changes is compared here (`skip_row`, from a snapshot of the row's values),
        # not by the library's diff, which copies and renders every row twice.
        skip_diff = True
        skip_html_diff = True
        use_transactions = True
        instance_loader_class = OfficeInstanceLoader

    def get_queryset(self):
        return self._meta.model._default_manager.filter(**{self.office_field: self.office})

    def get_import_fields(self):
        """The library asks for every row; the fields do not change during an import."""
        if not hasattr(self, "_import_fields"):
            self._import_fields = super().get_import_fields()
        return self._import_fields

    def _values(self, instance) -> dict[str, Any]:
        return {f.column_name: f.get_value(instance) for f in self.get_import_fields()}

    def after_init_instance(self, instance, new, row, **kwargs):
        instance.import_before = None if new else self._values(instance)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """An existing row whose every column reads as stored is left alone; the headers of
        the columns that change are kept for the preview (`import_changed`)."""
        before = getattr(instance, "import_before", None)
        if import_validation_errors or before is None:
            return False
        now = self._values(instance)
        instance.import_changed = tuple(h for h, value in now.items() if before.get(h) != value)
        return self._meta.skip_unchanged and not instance.import_changed

    def init_instance(self, row=None):
        instance = super().init_instance(row)
        if "__" not in self.office_field:  # else the row's parent names the office
            setattr(instance, self.office_field, self.office)
        return instance

    def import_data(self, dataset, dry_run=False, **kwargs):
        if dry_run:
            # The preview writes nothing, so it needs no savepoint per row (the library's
            # guard for rows that fail in the database): its queries do not grow with the
            # rows. The options are this resource's own copy, never the class's.
            self._meta = copy.copy(type(self)._meta)
            self._meta.use_bulk = True
        return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = {
            key: ValidationError(value).messages
            for key, value in (import_validation_errors or {}).items()
        }
        # A foreign key that holds a row (looked up by its name, or the office) exists:
        # not asked again, one query per row and key.
        found = [
            f.name
            for f in instance._meta.concrete_fields
            if f.is_relation and f.is_cached(instance) and f.get_cached_value(instance) is not None
        ]
        try:
            instance.full_clean(
                exclude=[*errors, *found], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs):
            return  # the preview writes nothing
        super().save_instance(instance, is_create, row, **kwargs)

    def row_label(self, instance) -> str:
        return str(instance)

    def absent_rows(self, result) -> int | None:
        """How many of the office's rows of the kind (of what the file is about, such as its
        years) the file does not name: an import never deletes, so the preview says they are
        left alone. None (the default): not counted, nothing said."""
        return None

    def field_of_header(self, header: str):
        return next((f for f in self.fields.values() if f.column_name == header), None)

    def header_of(self, name: str) -> str:
        """The column of an error's key (a field's attribute or a model field's name)."""
        for resource_field in self.fields.values():
            if name in (resource_field.attribute, resource_field.column_name):
                return resource_field.column_name
        return ""

    def export_objects(self, **options) -> Sequence[Any]:
        """The office's rows as the import reads them back (the kind's export)."""
        return list(self.get_queryset())


@dataclass(frozen=True)
class ImportKind:
    """One kind of import: a page of the portal for those who hold `right`, a template, a
    preview and a confirmation. `keys` are the headers that identify a row (a second row
    with the same key is refused); the columns' examples are the template's example row;
    `export_options(request)` reads the export's options from its query (?year=)."""

    key: str
    title: str
    lead: str
    resource: type[OfficeResource]
    columns: tuple[Column, ...]
    keys: tuple[str, ...]
    right: Right = Right.MANAGE_PLAN
    sheet: str = "ข้อมูล"
    file_stem: str = ""
    export_options: Callable[[Any], dict] | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def all_columns(self) -> tuple[Column, ...]:
        return (*self.columns, OFFICE_COLUMN)

    def headers(self) -> list[Header]:
        return [Header(c.header, c.aliases, c.required) for c in self.all_columns]

    def resource_for(self, *, office, user=None) -> OfficeResource:
        return self.resource(office=office, user=user)

    def allowed(self, user, office) -> bool:
        return office is not None and self.right in rights_for(user, office)


REGISTRY: dict[str, ImportKind] = {}


def register(kind: ImportKind) -> ImportKind:
    """Make `kind` an import of the portal (call from the owning app's AppConfig.ready())."""
    REGISTRY[kind.key] = kind
    return kind


def kind_or_404(key: str) -> ImportKind:
    try:
        return REGISTRY[key]
    except KeyError:
        raise Http404("ไม่มีการนำเข้าข้อมูลชนิดนี้") from None


def kinds_for(user, office) -> list[ImportKind]:
    """The kinds the user may import into `office`."""
    return [kind for kind in REGISTRY.values() if kind.allowed(user, office)]
