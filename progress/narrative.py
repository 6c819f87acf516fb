"""A project's printed narrative, compiled from its approved quarterly reports: the one
rule the annual report (reports/selectors/chapter3.py) and the planning group's page that
edits it before printing (progress/views.py `narrative_page`) both read.

The rule, for each section (methods, quantitative and qualitative results, problems,
recommendations; each from the report field named in SOURCES):

1. **Compiled.** Only *approved* reports count (a draft, a submitted or a returned report's
   text never prints). If the fourth-quarter report is approved and its section has text,
   that text alone is the section: the year-end report is the year's summary. Otherwise the
   section is the approved quarters' texts in quarter order; a text repeated word for word
   by a later quarter is kept once, at its first quarter. Each part keeps its quarter.
2. **Printed.** The planning group's edit (`NarrativeEdit`) if there is one (an empty
   edit is a section they chose to print as "ไม่มี", `NONE`); else the
   project's own typed text if it has one (`ProjectStatement` rows, `Project.methods`:
   the seed's and the admin's, printed exactly as before); else the compiled text; else
   nothing, and the report prints "ไม่มีข้อมูล". A year run through the portal has no typed
   results, problems or recommendations, so those come from the reports; a typed text
   (methods copied with the plan, say) stays until the planning group replaces it on the
   page, which shows the compiled text and its quarters beside it.

A text is split into the report's items line by line (methods: into paragraphs at blank
lines), and a number the writer typed at an item's start ("1. ", "๒) ") is dropped, since
the report numbers the items itself. `corrective_action` (แนวทางแก้ไข) is the quarter's own
fix and is not printed.

Photos: the project's own photos (`ProjectPhoto`), then the approved reports' photos the
planning group chose (`PrintedPhoto`), in the order they gave (then by quarter and the
report's order), each with the caption they gave or else the report's.

Everything here reads prefetched rows (`PREFETCHES`) and makes no query of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Prefetch

from plans import thai
from progress.models import NarrativeEdit, QuarterlyReport, ReportPhoto
from projects.models import Project, ProjectStatement

Section = NarrativeEdit.Section
YEAR_END = thai.FISCAL_QUARTERS[-1]
# Each printed section: the quarterly report's field it is compiled from, the project's
# own typed texts it replaces (None: Project.methods).
SOURCES: dict[str, tuple[str, str | None]] = {
    Section.METHODS: ("work_done", None),
    Section.QUANTITATIVE: ("quantitative_results", ProjectStatement.Kind.QUANTITATIVE),
    Section.QUALITATIVE: ("qualitative_results", ProjectStatement.Kind.QUALITATIVE),
    Section.PROBLEMS: ("problems", ProjectStatement.Kind.PROBLEM),
    Section.RECOMMENDATIONS: ("recommendations", ProjectStatement.Kind.RECOMMENDATION),
}
TYPED = "ข้อความของโครงการที่บันทึกไว้"
EDITED = "แก้ไขโดยกลุ่มนโยบายและแผน"
NONE = "ไม่มี"  # what a section the planning group cleared prints
CLEARED = "กลุ่มนโยบายและแผนเลือกพิมพ์ว่า “ไม่มี”"
_ITEM_NUMBER = re.compile(r"^\s*[0-9๐-๙]{1,3}\s*[.)]\s+")


def split(section: str, text: str) -> list[str]:
    """A text as the report's items (lines) or, for methods, paragraphs."""
    text = text.replace("\r\n", "\n")
    if section == Section.METHODS:
        return [p.strip() for p in text.split("\n\n") if p.strip()]
    return [_ITEM_NUMBER.sub("", line).strip() for line in text.split("\n") if line.strip()]


def join(section: str, items: list[str]) -> str:
    """Items back as the one text a form edits (the inverse of `split`)."""
    return ("\n\n" if section == Section.METHODS else "\n").join(items)


def normal(section: str, text: str) -> str:
    """A text as it prints, item by item: two texts that print alike compare equal."""
    return join(section, split(section, text))


@dataclass(frozen=True)
class Part:
    """A piece of a compiled section and its source, the approved report of `quarter`."""

    quarter: int
    items: list[str]

    @property
    def source(self) -> str:
        return f"รายงาน{thai.quarter_label(self.quarter)}"


@dataclass(frozen=True)
class NarrativeSection:
    key: str
    title: str
    compiled: list[Part]
    typed: list[str]
    edit: NarrativeEdit | None

    @property
    def compiled_text(self) -> str:
        return join(self.key, [i for p in self.compiled for i in p.items])

    @property
    def cleared(self) -> bool:
        """The planning group chose to print this section as "ไม่มี"."""
        return self.edit is not None and not self.edit.text

    @property
    def items(self) -> list[str]:
        """What the report prints, by the rule in the module's docstring."""
        if self.cleared:
            return [NONE]
        if self.edit is not None:
            return split(self.key, self.edit.text)
        if self.typed:
            return self.typed
        return [i for p in self.compiled for i in p.items]

    @property
    def source(self) -> str:
        """Where the printed text comes from, in Thai ("" when nothing prints)."""
        if self.cleared:
            return CLEARED
        if self.edit is not None:
            return EDITED
        if self.typed:
            return TYPED
        return ", ".join(p.source for p in self.compiled)

    @property
    def baseline(self) -> str:
        """The text that prints without an edit."""
        return join(self.key, self.typed) if self.typed else self.compiled_text

    @property
    def reports_changed(self) -> bool:
        """The reports' text changed after the planning group edited it."""
        return self.edit is not None and self.edit.compiled != self.compiled_text


@dataclass(frozen=True)
class PhotoChoice:
    photo: ReportPhoto
    quarter: int
    chosen: bool

    @property
    def order(self) -> int | None:
        """Its place among the printed photos (None: not chosen)."""
        return self.photo.printed.order if self.chosen else None

    @property
    def caption(self) -> str:
        """The caption it prints with: the planning group's, else the report's."""
        return (self.chosen and self.photo.printed.caption) or self.photo.caption

    @property
    def image(self):
        return self.photo.image


@dataclass(frozen=True)
class Narrative:
    sections: list[NarrativeSection]
    photos: list[PhotoChoice]  # every approved report's photos, chosen or not

    def section(self, key: str) -> NarrativeSection:
        return next(s for s in self.sections if s.key == key)

    @property
    def printed_photos(self) -> list[PhotoChoice]:
        """The chosen photos in their printed order (module docstring)."""
        chosen = [c for c in self.photos if c.chosen]  # by quarter and the report's order
        return sorted(chosen, key=lambda c: c.order)


def _approved(project: Project) -> list[QuarterlyReport]:
    return sorted(project.approved_reports, key=lambda r: r.quarter)


def compile_section(reports: list[QuarterlyReport], section: str) -> list[Part]:
    """The compilation rule (module docstring, 1) for one section of approved `reports`."""
    return compile_field(reports, SOURCES[section][0], section)


def compile_field(reports: list[QuarterlyReport], field: str, section: str) -> list[Part]:
    """The compilation rule for any narrative `field` of the reports, split as `section`'s
    items: the six-month report also compiles `corrective_action`, which the annual report
    does not print (reports/selectors/monitoring.py)."""
    parts = [Part(r.quarter, split(section, getattr(r, field))) for r in reports]
    parts = [p for p in parts if p.items]
    year_end = [p for p in parts if p.quarter == YEAR_END]
    if year_end:
        return year_end
    seen: set[str] = set()
    kept = []
    for part in parts:
        items = [i for i in part.items if not (i in seen or seen.add(i))]
        if items:
            kept.append(Part(part.quarter, items))
    return kept


def project_narrative(project: Project) -> Narrative:
    """A project's narrative sections and photo choices; no query (see PREFETCHES)."""
    reports = _approved(project)
    edits = {e.section: e for e in project.narrative_edits.all()}
    statements = list(project.statements.all())
    sections = []
    for key, title in Section.choices:
        kind = SOURCES[key][1]
        typed = (
            split(key, project.methods)
            if kind is None
            else [s.text for s in statements if s.kind == kind]
        )
        sections.append(
            NarrativeSection(key, title, compile_section(reports, key), typed, edits.get(key))
        )
    photos = [
        PhotoChoice(photo, r.quarter, hasattr(photo, "printed"))
        for r in reports
        for photo in r.photos.all()
    ]
    return Narrative(sections, photos)


PREFETCHES = (
    Prefetch(
        "quarterly_reports",
        queryset=QuarterlyReport.objects.filter(status=QuarterlyReport.Status.APPROVED).order_by(
            "quarter"
        ),
        to_attr="approved_reports",
    ),
    Prefetch(
        "approved_reports__photos",
        queryset=ReportPhoto.objects.select_related("printed").order_by("order"),
    ),
    "narrative_edits",
)


def narrative_for(project_id: int) -> tuple[Project, Narrative]:
    """One project's narrative for the edit page (five queries)."""
    project = (
        Project.objects.select_related("plan__office", "plan__fiscal_year")
        .prefetch_related(
            Prefetch("statements", queryset=ProjectStatement.objects.order_by("kind", "number")),
            *PREFETCHES,
        )
        .get(pk=project_id)
    )
    return project, project_narrative(project)


def plan_narratives(plan) -> list[tuple[Project, Narrative]]:
    """Every project of `plan` with its narrative (five queries, whatever the plan's size)."""
    projects = (
        Project.objects.filter(plan=plan)
        .prefetch_related(
            Prefetch("statements", queryset=ProjectStatement.objects.order_by("kind", "number")),
            *PREFETCHES,
        )
        .order_by("number")
    )
    return [(p, project_narrative(p)) for p in projects]
