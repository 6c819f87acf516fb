"""The public pages (/public/...): what an office has published, readable without signing
in. Each view is exempt from the sign-in requirement one by one (`login_not_required`);
everything else of the portal still asks to sign in (tests/test_boundary.py walks every
route as an anonymous visitor). They show only published versions (reports/publishing.py)
and read nothing else of the office."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from plans.files import public_file_response
from reports import publishing
from reports.documents import document

# The lists change when something is published or withdrawn: kept briefly by browsers.
LIST_MAX_AGE = 60


@login_not_required
@require_safe
@cache_control(public=True, max_age=LIST_MAX_AGE)
def office_page(request, code: str):
    """The office's years with published documents, newest first."""
    office = publishing.public_office(code)
    years = publishing.public_years(office)
    return render(request, "public/office.html", {"office": office, "years": years})


@login_not_required
@require_safe
@cache_control(public=True, max_age=LIST_MAX_AGE)
def year_page(request, code: str, year: int):
    """One fiscal year's published documents, with their dates and addresses."""
    office = publishing.public_office(code)
    chosen = publishing.public_year(office, year)
    context = {"office": office, "chosen": chosen}
    return render(request, "public/year.html", context)


@login_not_required
@require_safe
def document_file(request, code: str, year: int, slug: str):
    """The document's stable address: its current published version's stored PDF, or 410
    with the date and the reason once withdrawn."""
    publication = publishing.public_publication(code, year, slug)
    plan = publication.plan
    if publication.is_withdrawn:
        context = {
            "publication": publication,
            "plan": plan,
            "office": plan.office,
            "document": document(slug),
        }
        response = render(request, "public/withdrawn.html", context, status=410)
        response["Cache-Control"] = f"public, max-age={LIST_MAX_AGE}"
        return response
    return public_file_response(
        request,
        publication.file,
        download_name=f"{plan.office.code}-{document(slug).filename(plan, 'pdf')}",
        content_type="application/pdf",
        etag=publication.sha256,
        last_modified=publication.published_at,
        max_age=settings.PUBLIC_DOCUMENT_MAX_AGE,
    )
