from django.shortcuts import render

from plans.access import current_office
from search import selectors
from search.text import MAX_QUERY_LENGTH


def search_page(request):
    """Results of the top bar's search box in the current office (search/selectors.py)."""
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    office = current_office(request)
    found = selectors.search_for_user(
        request.user,
        office,
        query,
        kind=request.GET.get("kind", ""),
        page=request.GET.get("page"),
    )
    return render(request, "search/results.html", {"search": found, "office": office})
