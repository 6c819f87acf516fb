"""The import pages of the portal (/imports/): the kinds the user may import into the
current office, and for each: upload, preview, confirm, the template and the current data.
Every kind is for those holding its right in the office (plans/access.py); another
office's is never reachable (the current office is one of the user's)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from plans.access import NOT_ALLOWED, current_office
from plans.excel import xlsx_response
from plans.forms import show_errors
from plans.imports import services
from plans.imports.base import ImportKind, kind_or_404, kinds_for
from plans.imports.forms import ConfirmForm, UploadForm
from plans.imports.running import Outcome
from plans.imports.workbook import data_export, template_export
from plans.models import ImportUpload, Office
from plans.thai import format_number

# Rows listed per group in the preview (all are counted; every bad row is listed).
SHOWN = 100
NO_UPLOAD = "ยังไม่มีไฟล์ที่รอยืนยัน กรุณาอัปโหลดไฟล์"


def _office(request) -> Office:
    office = current_office(request)
    if office is None:
        raise Http404("ไม่พบสำนักงาน")
    return office


def _kind(request, key: str) -> tuple[Office, ImportKind]:
    kind = kind_or_404(key)
    office = _office(request)
    if not kind.allowed(request.user, office):
        raise PermissionDenied(NOT_ALLOWED)
    return office, kind


def _url(name: str, kind: ImportKind, office: Office) -> str:
    return f"{reverse(name, kwargs={'kind': kind.key})}?office={office.code}"


def _pending(request, office: Office, kind: ImportKind) -> ImportUpload | None:
    uploads = ImportUpload.objects.filter(user=request.user, office=office, kind=kind.key)
    return uploads.select_related("user", "office").first()


@require_GET
def import_list(request):
    office = _office(request)
    kinds = kinds_for(request.user, office)
    if not kinds:
        raise PermissionDenied(NOT_ALLOWED)
    return render(request, "plans/imports/import_list.html", {"office": office, "kinds": kinds})


@require_http_methods(["GET", "POST"])
def import_upload(request, kind: str):
    office, kind = _kind(request, kind)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.import_upload_save(
                kind=kind, office=office, user=request.user, file=form.cleaned_data["file"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            return redirect(_url("imports:preview", kind, office))
    context = {
        "office": office,
        "kind": kind,
        "form": form,
        "pending": _pending(request, office, kind),
        "kinds": kinds_for(request.user, office),
    }
    return render(request, "plans/imports/import_upload.html", context)


def _preview(request, office, kind, upload, outcome: Outcome, form=None):
    context = {
        "office": office,
        "kind": kind,
        "upload": upload,
        "outcome": outcome,
        "form": form or ConfirmForm(initial={"digest": upload.digest}),
        "shown": SHOWN,
        "groups": [
            ("created", "จะเพิ่มใหม่", outcome.created[:SHOWN], len(outcome.created)),
            ("changed", "จะแก้ไข", outcome.changed[:SHOWN], len(outcome.changed)),
            ("unchanged", "ไม่เปลี่ยนแปลง", outcome.unchanged[:SHOWN], len(outcome.unchanged)),
        ],
        "kinds": kinds_for(request.user, office),
    }
    return render(request, "plans/imports/import_preview.html", context)


@require_http_methods(["GET", "POST"])
def import_preview(request, kind: str):
    """The stored upload's preview (GET); its confirmation (POST)."""
    office, kind = _kind(request, kind)
    upload = _pending(request, office, kind)
    if upload is None:
        messages.info(request, NO_UPLOAD)
        return redirect(_url("imports:upload", kind, office))
    if request.method == "POST":
        form = ConfirmForm(request.POST)
        if form.is_valid():
            try:
                outcome = services.import_confirm(
                    upload=upload, user=request.user, digest=form.cleaned_data["digest"]
                )
            except services.ImportRefused as refusal:
                return _preview(request, office, kind, upload, refusal.outcome)
            except ValidationError as error:
                show_errors(form, error)
                return _preview(
                    request, office, kind, upload, services.import_check(upload=upload), form
                )
            done = (
                f"นำเข้า{kind.title}จากไฟล์ {upload.name} แล้ว: "
                f"เพิ่มใหม่ {format_number(len(outcome.created))} รายการ "
                f"แก้ไข {format_number(len(outcome.changed))} รายการ "
                f"ไม่เปลี่ยนแปลง {format_number(len(outcome.unchanged))} รายการ"
            )
            messages.success(request, done)
            return redirect(_url("imports:upload", kind, office))
    return _preview(request, office, kind, upload, services.import_check(upload=upload))


@require_GET
def import_template(request, kind: str):
    office, kind = _kind(request, kind)
    return xlsx_response(template_export(kind, office=office))


@require_GET
def import_export(request, kind: str):
    office, kind = _kind(request, kind)
    options = kind.export_options(request) if kind.export_options else {}
    return xlsx_response(data_export(kind, office=office, **options))
