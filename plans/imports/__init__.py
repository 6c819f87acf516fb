"""Importing a spreadsheet into the portal, for every app: the shared framework.

An app declares a kind of import once, in its AppConfig.ready()::

    from plans.imports import Column, ImportKind, OfficeResource, register
    from plans.imports.widgets import IntegerWidget, TextWidget

    class DisbursementResource(OfficeResource):
        office_field = "project__plan__office"      # the lookup to the row's office
        number = Field("number", "เลขที่", TextWidget(max_length=20))
        amount = Field("amount", "จำนวนเงิน (บาท)", MoneyWidget())
        class Meta(OfficeResource.Meta):
            model = ProjectDisbursement
            import_id_fields = ("number",)
            fields = ("number", "amount")

    register(ImportKind(
        key="disbursements", title="การเบิกจ่าย", lead="…",
        resource=DisbursementResource,
        columns=(
            Column("เลขที่", "…", example="บจ.1/2565"),
            Column("จำนวนเงิน (บาท)", "…", example=1000),
        ),
        keys=("เลขที่",), right=Right.OFFICE_BUDGET,
    ))

and the portal gives it a page at /imports/<key>/ for those holding `right` in their
office: a template to download (Thai headers, an example row, a sheet explaining each
column), an upload (kept privately), a Thai preview of what will be created, changed and
left alone with every bad row (row number, column, value, what is wrong), a confirmation
that imports the stored file again in one transaction, or nothing, and an export of the
office's current rows in the same layout. See plans/imports/base.py for the parts.
"""

from plans.imports.base import (
    OFFICE_HEADER,
    Column,
    ImportKind,
    OfficeResource,
    kind_or_404,
    kinds_for,
    register,
)

__all__ = [
    "OFFICE_HEADER",
    "Column",
    "ImportKind",
    "OfficeResource",
    "kind_or_404",
    "kinds_for",
    "register",
]
