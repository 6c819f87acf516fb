"""The office's audit trail for its administrator (Right.MANAGE_PEOPLE, as the admin's
trail): who changed what and when, across the office, filtered by person, kind of record,
dates and words, paged, and exported as it is filtered."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from plans.access import NOT_ALLOWED, Right, current_office, rights_for
from plans.excel import xlsx_response
from plans.history import lines
from plans.models import Office
from plans.trail import exports, selectors
from plans.trail.forms import TrailFilterForm

PAGE_SIZE = 50
EXPORT_LIMIT = 20_000  # rows in one file; a narrower filter gives the rest


def _office(request) -> Office:
    office = current_office(request)
    if office is None:
        raise Http404("ไม่พบสำนักงาน")
    if Right.MANAGE_PEOPLE not in rights_for(request.user, office):
        raise PermissionDenied(NOT_ALLOWED)
    return office


def _query(form: TrailFilterForm, office: Office) -> str:
    """The filters as a query string, for the page links and the export link."""
    kept = {"office": office.code}
    if form.is_bound:
        for name in form.fields:
            value = form.data.get(name, "")
            if value:
                kept[name] = value
    return urlencode(kept)


def trail_list(request):
    office = _office(request)
    form = TrailFilterForm(request.GET or None, office=office)
    entries = selectors.office_trail(
        office, form.chosen() if form.is_bound else selectors.TrailFilter()
    )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "office": office,
        "section": "trail",
        "form": form,
        "page": page,
        "history": lines(page.object_list),
        "query": _query(form, office),
        "filtered": form.is_bound
        and any(v for k, v in request.GET.items() if k not in ("office", "page")),
    }
    return render(request, "plans/trail/trail_list.html", context)


def trail_export(request):
    office = _office(request)
    form = TrailFilterForm(request.GET or None, office=office)
    entries = selectors.office_trail(
        office, form.chosen() if form.is_bound else selectors.TrailFilter()
    )
    chosen = list(entries[: EXPORT_LIMIT + 1])
    notes = [office.name]
    if len(chosen) > EXPORT_LIMIT:
        chosen = chosen[:EXPORT_LIMIT]
        notes.append(f"แสดง {EXPORT_LIMIT:,} รายการล่าสุด กรุณากำหนดช่วงวันที่เพื่อส่งออกส่วนที่เหลือ")
    return xlsx_response(exports.trail_export(office, lines(chosen), notes))
