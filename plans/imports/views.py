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
from plans.imports.running import SHOWN, StoredOutcome
from plans.imports.workbook import data_export, template_export
from plans.models import ImportUpload, Office

REFRESH_SECONDS = 2  # the page of a check or an import under way reloads itself this often
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


def _preview(request, office, kind, upload: ImportUpload, form=None):
    """The upload's page: its check or import under way (the page refreshes itself), its
    failure, or the preview of its stored outcome."""
    outcome = StoredOutcome.of(upload.outcome) if upload.outcome else None
    context = {
        "office": office,
        "kind": kind,
        "upload": upload,
        "outcome": outcome,
        "refresh": REFRESH_SECONDS,
        "form": form or ConfirmForm(initial={"digest": upload.digest}),
        "shown": SHOWN,
        "kinds": kinds_for(request.user, office),
    }
    if outcome is not None:
        context["groups"] = [
            (key, label, getattr(outcome, key), outcome.counts[key])
            for key, label in (
                ("created", "จะเพิ่มใหม่"),
                ("changed", "จะแก้ไข"),
                ("unchanged", "ไม่เปลี่ยนแปลง"),
            )
        ]
    return render(request, "plans/imports/import_preview.html", context)


@require_http_methods(["GET", "POST"])
def import_preview(request, kind: str):
    """The stored upload's check and preview (GET); its confirmation (POST)."""
    office, kind = _kind(request, kind)
    upload = _pending(request, office, kind)
    if upload is None:
        messages.info(request, NO_UPLOAD)
        return redirect(_url("imports:upload", kind, office))
    upload = services.import_upload_recover(upload=upload)
    form = None
    if request.method == "POST":
        form = ConfirmForm(request.POST)
        if form.is_valid():
            try:
                upload = services.import_confirm(
                    upload=upload, user=request.user, digest=form.cleaned_data["digest"]
                )
            except ValidationError as error:
                show_errors(form, error)
            else:
                if upload.status == ImportUpload.Status.IMPORTING:  # a worker's: watch it
                    return redirect(_url("imports:preview", kind, office))
                form = None
    if upload.status == ImportUpload.Status.DONE:
        messages.success(request, services.import_done_message(upload))
        services.import_upload_forget(upload=upload)
        return redirect(_url("imports:upload", kind, office))
    return _preview(request, office, kind, upload, form)


@require_GET
def import_template(request, kind: str):
    office, kind = _kind(request, kind)
    return xlsx_response(template_export(kind, office=office))


@require_GET
def import_export(request, kind: str):
    office, kind = _kind(request, kind)
    options = kind.export_options(request) if kind.export_options else {}
    return xlsx_response(data_export(kind, office=office, **options))
