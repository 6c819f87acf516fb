"""A fiscal year the office has no plan for, or whose plan has no projects yet, is an empty
state in Thai: never Django's technical 404 page (also for a developer with DEBUG on) and
never a 500.

Views raise `PlanYearMissing(year)` where they would raise `Http404` for the year (it is an
`Http404`, so anything that catches those still works); `EmptyYearMiddleware` turns it into
the empty-state page, which says what is missing and links the years that do have projects.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from plans.thai import to_arabic_digits

# Longest year text read as a year: keeps int() far from Python's digit limit.
YEAR_DIGITS = 6


class PlanYearMissing(Http404):
    """The office has no plan for `year`, or its plan has no projects yet."""

    def __init__(self, year: int) -> None:
        super().__init__("ไม่พบแผนปฏิบัติการของปีนี้")
        self.year = year


def requested_year(text: str | None) -> int | None:
    """A year typed into the URL (?year=, Thai digits too), or None when it is not a number
    of a few digits."""
    text = to_arabic_digits((text or "").strip())
    if not text.isascii() or not text.isdigit() or len(text) > YEAR_DIGITS:
        return None
    return int(text)


def missing_year_or_404(text: str | None) -> Http404:
    """The exception to raise for a ?year= that names no plan: the empty state when it is a
    year, a plain 404 when it is not."""
    year = requested_year(text)
    return PlanYearMissing(year) if year is not None else Http404("ไม่พบปีงบประมาณนี้")


def empty_year_page(request: HttpRequest, year: int) -> HttpResponse:
    """200 when the plan exists without projects; 404 when the office has no plan that year."""
    from plans.access import office_plans  # plans.access raises PlanYearMissing

    plans = office_plans(request)
    plan = plans.filter(fiscal_year__year=year).first()
    years = sorted(
        set(plans.filter(projects__isnull=False).values_list("fiscal_year__year", flat=True)),
        reverse=True,
    )
    return render(
        request,
        "empty_year.html",
        {"year": year, "plan": plan, "years": years},
        status=200 if plan else 404,
    )


class EmptyYearMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, PlanYearMissing):
            return empty_year_page(request, exception.year)
        return None
