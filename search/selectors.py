"""Searching the index: the documents of the user's current office that hold every word of
the query, most relevant first, a page at a time, with their matches highlighted.

**Why regular expressions and not the engines' full-text search.** Neither SQLite's FTS
nor PostgreSQL's text search segments Thai, so both would search the tokens this index
already stores; what they add is an inverted index. But a Thai word must match over
*several* stored tokens when the query and the text were segmented differently
("ยาเสพติด" against " ยา เสพติด ", search/text.py), which a tsquery can only express as
a phrase of the query's own segmentation, the very thing that differs. A regular
expression over the stored tokens (letters with an optional space between any two,
between spaces) expresses it exactly, with one code path on both engines (SQLite through
Django's REGEXP, PostgreSQL's `~`). Every search is within one office (the boundary:
`SearchDocument.objects.visible_to` and the office the pages are about), whose documents
are a few hundred to a few thousand rows found through the (office, kind) index; a scan of
those is milliseconds (bench/search.py measures a national-scale index).

**Relevance**, computed in the query so that the database sorts and pages: for each term,
8 when the title holds it as typed, 4 when the text does, plus how often the text holds it
(at most 5); a term found only through its separate words adds nothing beyond matching.
Ties: projects, activities, indicators, narratives, quarterly reports, schools; then the
newest year; then the title.

Queries: the matching count, the page, and the count per kind (whatever the data size),
after the user's office and rights.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import and_
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Least, Length, Replace
from django.urls import reverse
from django.utils.safestring import SafeString

from plans import thai
from plans.access import Right, rights_for
from plans.models import Office
from search.models import KIND_ORDER, Kind, SearchDocument
from search.text import Term, highlight, parse_query, snippet

PAGE_SIZE = 20
TITLE_WEIGHT = 8
TEXT_WEIGHT = 4
MAX_FREQUENCY = 5


@dataclass(frozen=True)
class Result:
    kind: str
    kind_label: str
    title: SafeString
    snippet: SafeString
    context: str
    url: str | None  # None: the object has no page of its own (a school)


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    count: int


@dataclass(frozen=True)
class Search:
    query: str
    terms: list[Term]
    kind: str  # "" for every kind
    kinds: list[KindCount]  # the matches of each kind, whatever `kind` chose
    page: Page | None  # None when the query has no word to search for

    @property
    def total(self) -> int:
        return sum(k.count for k in self.kinds)

    @property
    def query_string(self) -> str:
        """The query as a URL's parameters (the kind's links add their kind)."""
        return urlencode({"q": self.query})

    @property
    def pages_query(self) -> str:
        """What each page link adds after its page number."""
        return "&" + urlencode({"q": self.query, **({"kind": self.kind} if self.kind else {})})


def _holds(pattern: str) -> Q:
    return Q(title_tokens__regex=pattern) | Q(body_tokens__regex=pattern)


def matching(documents: QuerySet[SearchDocument], terms: list[Term]) -> QuerySet:
    """The documents holding every term: as typed, or else each of its words."""
    for term in terms:
        condition = _holds(term.pattern)
        if term.fallback_patterns:
            condition |= reduce(and_, map(_holds, term.fallback_patterns))
        documents = documents.filter(condition)
    return documents


def _occurrences(field: str, text: str):
    return (Length(F(field)) - Length(Replace(F(field), Value(text), Value("")))) / len(text)


def ranked(documents: QuerySet[SearchDocument], terms: list[Term]) -> QuerySet:
    score = Value(0)
    for term in terms:
        score = (
            score
            + Case(When(title_tokens__regex=term.pattern, then=TITLE_WEIGHT), default=0)
            + Case(When(body_tokens__regex=term.pattern, then=TEXT_WEIGHT), default=0)
            + Least(_occurrences("body_tokens", term.spaced), Value(MAX_FREQUENCY))
        )
    kind_order = Case(
        *(When(kind=kind, then=order) for kind, order in KIND_ORDER.items()),
        output_field=IntegerField(),
    )
    return documents.annotate(score=score, kind_order=kind_order).order_by(
        "-score", "kind_order", F("fiscal_year").desc(nulls_last=True), "title", "pk"
    )


def _url(document: SearchDocument, manages_plan: bool) -> str | None:
    """The object's page: the planning group's pages of the plan for those who manage it,
    else the annual report at the project; a quarterly report's own page for everyone."""
    kind, year, project = document.kind, document.fiscal_year, document.project_id
    if kind == Kind.SCHOOL or project is None:
        return None
    if kind == Kind.REPORT:
        return reverse("progress:report", args=[project, document.number])
    if not manages_plan:
        anchor = f"#project-{document.project.number}" if document.project else ""
        return reverse("reports:annual_report", args=[year]) + anchor
    if kind == Kind.NARRATIVE:
        return reverse("reports:narrative", args=[year, project])
    if kind == Kind.INDICATOR:
        return reverse("projects:indicator_edit", args=[year, project, document.object_id])
    anchor = "#activities" if kind == Kind.ACTIVITY else ""
    return reverse("projects:project_tree", args=[year, project]) + anchor


def _context(document: SearchDocument) -> str:
    """Where the object sits, in Thai: its number, its project, its year."""
    parts = []
    number = thai.to_thai_digits(document.number) if document.number is not None else ""
    project = document.project
    if document.kind == Kind.ACTIVITY:
        parts.append(f"กิจกรรมที่ {number}")
    elif document.kind == Kind.INDICATOR:
        parts.append(f"ตัวชี้วัดที่ {number}")
    elif document.kind == Kind.REPORT:
        parts.append(f"รายงาน{thai.quarter_label(document.number)}")
    if project is not None:
        if document.kind in (Kind.PROJECT, Kind.NARRATIVE, Kind.REPORT):
            parts.append(f"โครงการที่ {thai.to_thai_digits(project.number)}")
        else:
            parts.append(f"โครงการ {project}")
    if document.fiscal_year:
        parts.append(thai.fiscal_year_label(document.fiscal_year))
    return " · ".join(parts)


def _result(document: SearchDocument, terms: list[Term], manages_plan: bool) -> Result:
    return Result(
        kind=document.kind,
        kind_label=document.get_kind_display(),
        title=highlight(document.title, terms, document.title_tokens),
        snippet=snippet(document.body, terms, document.body_tokens),
        context=_context(document),
        url=_url(document, manages_plan),
    )


def search_for_user(
    user, office: Office | None, query: str, *, kind: str = "", page: str | int | None = None
) -> Search:
    """The page of results of `query` in `office` (one of the user's: the caller's
    `current_office`) for `user`; `kind` limits them to one kind."""
    terms = parse_query(query)
    kind = kind if kind in Kind.values else ""
    if not terms or office is None:
        return Search(query=query.strip(), terms=terms, kind=kind, kinds=[], page=None)
    found = matching(SearchDocument.objects.visible_to(user).filter(office=office), terms)
    counts = dict(found.order_by().values_list("kind").annotate(n=Count("pk")))
    kinds = [KindCount(k, label, counts[k]) for k, label in Kind.choices if counts.get(k)]
    chosen = found.filter(kind=kind) if kind else found
    rows = ranked(chosen, terms).select_related("project")
    result_page = Paginator(rows, PAGE_SIZE).get_page(page)
    manages_plan = Right.MANAGE_PLAN in rights_for(user, office)
    result_page.object_list = [_result(d, terms, manages_plan) for d in result_page.object_list]
    return Search(query=query.strip(), terms=terms, kind=kind, kinds=kinds, page=result_page)
