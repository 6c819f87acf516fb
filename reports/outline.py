"""The printed annual report's outline: one declared list of its sections, in print order,
which both the table of contents and the chapters iterate.

A section has its anchor, its Thai title, its level (1: a page of the front matter or a
chapter; 2 and 3: the sections under it) and the template that prints it, heading and body,
in templates/reports/print/. A section that reads one of the year's report texts (`text`)
takes that text's title when it has one, else its own; with neither it prints its paragraphs
without a heading and stays out of the contents, as does a section declared without a title
(tables 1 to 6, the policy areas' projects). `when` names the report's data without which a
section is left out altogether, and `parts` makes the sections under it from the report's
data (highlights, policy areas and their projects).

`outline(report)` resolves the list for one report: the chapters' templates print the
entries' titles and anchors, and the contents list the same entries with their pages.

The numbered tables are declared the same way (`TABLES`, resolved by `tables(report)`): the
list of tables (สารบัญตาราง) prints their captions with their pages, and each table's
template prints the same caption on the same anchor."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from plans.manage.texts import TextSlot
from plans.thai import to_thai_digits
from reports.selectors import AnnualReport
from reports.selectors.annual import ReportSection

PRINT = "reports/print/"
TEXT = "_text.html"  # a report text: its title as the heading, then its paragraphs


@dataclass(frozen=True)
class Entry:
    """A section of one report: what its chapter prints and the contents list."""

    id: str  # the heading's anchor
    title: str  # "" when the section prints no heading
    level: int
    template: str
    front: bool = False  # front matter: its pages are lettered ก ข ค, as the reference prints
    toc_title: str = ""  # what the contents print instead of the heading's title
    text: ReportSection | None = None
    item: object = None  # the highlight, policy area or project the section prints
    sections: list[Entry] = field(default_factory=list)

    @property
    def contents_title(self) -> str:
        return self.toc_title or self.title


@dataclass(frozen=True)
class Section:
    """A declared section (see the module's docstring): its template is a file of
    templates/reports/print/, and its titles may hold {year} and {next_year}, the fiscal
    years in Thai digits."""

    id: str
    title: str = ""
    level: int = 1
    template: str = TEXT
    text: str = ""
    when: str = ""
    front: bool = False
    toc_title: str = ""
    sections: tuple[Section, ...] = ()
    parts: Callable[[AnnualReport], list[Entry]] | None = None
    label: str = ""  # the text's Thai name on the planning group's page (never printed)

    def resolve(self, report: AnnualReport) -> Entry | None:
        if self.when and not getattr(report, self.when):
            return None
        years = {
            "year": to_thai_digits(report.fiscal_year),
            "next_year": to_thai_digits(report.fiscal_year + 1),
        }
        text = report.texts.get(self.text) if self.text else None
        sections = [s for s in (child.resolve(report) for child in self.sections) if s]
        return Entry(
            id=self.id,
            title=(text.title if text and text.title else "") or self.title.format(**years),
            level=self.level,
            template=PRINT + self.template,
            front=self.front,
            toc_title=self.toc_title.format(**years),
            text=text,
            sections=sections + (self.parts(report) if self.parts else []),
        )


def _text(chapter: str, key: str, label: str, level: int = 2, template: str = TEXT) -> Section:
    """A report text as a section of its chapter, anchored <chapter>-<key>; `label` names it
    on the planning group's page of texts."""
    return Section(f"{chapter}-{key}", level=level, template=template, text=key, label=label)


def _highlights(report: AnnualReport) -> list[Entry]:
    return [
        Entry(
            id=f"highlight-{h.number}",
            title=f"{to_thai_digits(h.number)}. {h.title}",
            level=3,
            template="",  # printed by the highlights' own template
            toc_title=f"{to_thai_digits(h.number)}. {h.toc_title}",
            item=h,
        )
        for h in report.highlights
    ]


def _policy_areas(report: AnnualReport) -> list[Entry]:
    return [
        Entry(
            id=f"area-{area.number}",
            title=f"นโยบาย{area.name}",
            level=2,
            template="",  # printed by the policy areas' own template
            item=area,
            sections=[
                Entry(
                    id=f"project-{p.number}",
                    title=f"{to_thai_digits(p.number)}. {p.name}",
                    level=3,
                    template=PRINT + "_project.html",
                    item=p,
                )
                for p in area.projects
            ],
        )
        for area in report.project_areas
    ]


SECTIONS: tuple[Section, ...] = (
    Section("preface", "คำนำ", template="_preface.html", front=True),
    Section("contents", "สารบัญ", template="_contents.html", front=True),
    Section("tables", "สารบัญตาราง", template="_table_list.html", front=True),
    Section(
        "ch1",
        "บทที่ ๑ บทนำ",
        template="_chapter1.html",
        sections=tuple(
            _text("ch1", key, label)
            for key, label in [
                ("background", "ความเป็นมา"),
                ("objectives", "วัตถุประสงค์"),
                ("scope", "ขอบเขตการดำเนินงาน"),
                ("steps", "ขั้นตอนการดำเนินงาน"),
                ("benefits", "ประโยชน์ที่ได้รับ"),
                ("definitions", "นิยามศัพท์เฉพาะ"),
            ]
        ),
    ),
    Section(
        "ch2",
        "บทที่ ๒ ข้อมูลและบริบทที่เกี่ยวข้อง",
        template="_chapter2.html",
        sections=(
            _text("ch2", "office_background", "ข้อมูลพื้นฐานของสำนักงาน"),
            _text("ch2", "office_location", "ที่ตั้งของสำนักงาน", template="_office_location.html"),
            Section(
                "ch2-org_chart",
                "แผนภูมิโครงสร้างการบริหารงาน",
                2,
                "_org_chart.html",
                text="org_chart",
                label="แผนภูมิโครงสร้างการบริหารงาน (ชื่อหัวข้อ)",
            ),
            Section("ch2-schools", template="_schools.html"),  # tables 1 to 6
            Section("ch2-vision", "วิสัยทัศน์ ค่านิยม พันธกิจ เป้าหมาย", 2, "_vision.html"),
            Section(
                "ch2-policy",
                "นโยบายและจุดเน้น",
                2,
                "_policy.html",
                text="policy_intro",
                label="ข้อความนำ นโยบายและจุดเน้น",
            ),
            Section(
                "ch2-swot",
                "สภาพบริบทองค์กร",
                2,
                "_swot.html",
                text="swot_intro",
                label="ข้อความนำ สภาพบริบทองค์กร (SWOT)",
            ),
            Section(
                "ch2-alignment",
                "ความสอดคล้องของโครงการ/กิจกรรม ประจำปีงบประมาณ พ.ศ. {year} กับแผน/นโยบายระดับต่าง ๆ",
                2,
                "_alignment.html",
                # The contents have always printed it with a space the heading lacks.
                toc_title="ความสอดคล้องของโครงการ/กิจกรรม ประจำปีงบประมาณ พ.ศ. {year}"
                " กับแผน/นโยบาย ระดับต่าง ๆ",
            ),
        ),
    ),
    Section(
        "ch3",
        "บทที่ ๓ ผลการดำเนินงาน",
        template="_chapter3.html",
        sections=(
            Section(
                "ch3-highlights",
                "ผลการดำเนินงานระดับสำนักงานเขตพื้นที่การศึกษาที่ประสบความสำเร็จ",
                2,
                "_highlights.html",
                text="highlights_intro",
                label="ข้อความนำ ผลการดำเนินงานที่ประสบความสำเร็จ",
                when="highlights",
                parts=_highlights,
            ),
            Section(
                "ch3-projects",
                "ผลการดำเนินงานตามแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {year}",
                2,
                "_projects.html",
            ),
            Section("ch3-areas", template="_policy_areas.html", parts=_policy_areas),
            _text(
                "ch3",
                "quality_results",
                "ผลด้านการพัฒนาคุณภาพการจัดการศึกษา (O-NET)",
                template="_onet.html",
            ),
            _text("ch3", "moral_results", "ผลด้านการพัฒนาคุณธรรม จริยธรรม"),
            _text("ch3", "opportunity_results", "ผลด้านการสร้างโอกาสทางการศึกษา"),
        ),
    ),
    Section(
        "ch4",
        "บทที่ ๔ สรุปผลการดำเนินงาน",
        template="_chapter4.html",
        sections=(
            Section(
                "ch4-summary",
                "สรุปผลการดำเนินโครงการตามแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {year}",
                2,
                "_summary.html",
            ),
            _text("ch4", "management_intro", "ข้อความนำ ผลด้านการบริหารจัดการศึกษา"),
            _text("ch4", "award", "รางวัลที่ได้รับ", 3),
            _text(
                "ch4",
                "obec_indicators_intro",
                "ผลตามตัวชี้วัดแผนปฏิบัติราชการของ สพฐ.",
                3,
                "_obec_indicators.html",
            ),
            _text("ch4", "ita_result", "ผลการประเมิน ITA Online", 3, "_ita.html"),
            _text(
                "ch4", "disbursement_award", "ผลการเบิกจ่ายงบประมาณภาพรวม", 3, "_disbursement.html"
            ),
            _text(
                "ch4",
                "standards_intro",
                "ผลตามมาตรฐานสำนักงานเขตพื้นที่การศึกษา",
                3,
                "_office_standards.html",
            ),
            Section("ch4-budget", "สรุปผลการบริหารจัดการงบประมาณ", 2, "_budget.html"),
            _text("ch4", "problems", "ปัญหา อุปสรรค"),
            _text("ch4", "recommendations", "ข้อเสนอแนะ"),
        ),
    ),
    Section(
        "ch5",
        "บทที่ ๕ ทิศทางการพัฒนาปีงบประมาณ พ.ศ. {next_year}",
        template="_chapter5.html",
        sections=(
            Section("ch5-vision", "วิสัยทัศน์", 2, "_direction_vision.html", when="direction"),
            Section("ch5-missions", "พันธกิจ", 2, "_direction_missions.html", when="direction"),
            Section("ch5-goals", "เป้าประสงค์", 2, "_direction_goals.html", when="direction"),
            Section(
                "ch5-strategies",
                "กลยุทธ์",
                2,
                "_direction_strategies.html",
                when="direction",
            ),
        ),
    ),
    Section("appendix", "ภาคผนวก", template="_appendix.html", when="committee_order"),
    Section("authors", "คณะผู้จัดทำ", template="_authors.html", when="authors"),
)


@dataclass(frozen=True)
class Outline:
    sections: list[Entry]

    @property
    def front(self) -> list[Entry]:
        return [s for s in self.sections if s.front]

    @property
    def body(self) -> list[Entry]:
        return [s for s in self.sections if not s.front]

    @property
    def contents(self) -> list[Entry]:
        """สารบัญ: every entry with a title, in print order."""
        return [e for e in _flatten(self.sections) if e.title]


def _flatten(entries: list[Entry]) -> list[Entry]:
    return [e for entry in entries for e in [entry, *_flatten(entry.sections)]]


def outline(report: AnnualReport) -> Outline:
    return Outline([e for e in (s.resolve(report) for s in SECTIONS) if e])


# -- the report texts the planning group edits ----------------------------------------------

# Texts a chapter's template prints itself (an introduction, a table's title), by the section
# that prints them: with the sections' own texts above, every report text the report reads.
PRINTED_BY: dict[str, tuple[tuple[str, str], ...]] = {
    "preface": (("preface", "คำนำ"),),
    "ch2-schools": (
        ("tables_intro", "ข้อความนำ ตารางข้อมูลโรงเรียน"),
        ("data_source", "ที่มาของข้อมูลโรงเรียน"),
    ),
    "ch3": (("chapter3_intro", "ข้อความนำ บทที่ ๓"),),
    "ch3-projects": (("plan_results_intro", "ข้อความนำ ผลการดำเนินงานตามแผน"),),
    "ch3-quality_results": (
        ("onet_notes_3", "ข้อสังเกตใต้ตาราง O-NET ม.๓ (ใช้ตัวเลขจากตารางได้)"),
        ("onet_notes_6", "ข้อสังเกตใต้ตาราง O-NET ม.๖ (ใช้ตัวเลขจากตารางได้)"),
    ),
    "ch4": (("chapter4_intro", "ข้อความนำ บทที่ ๔"),),
    "ch4-summary": (
        ("chapter4_summary", "สรุปผลการดำเนินโครงการ"),
        ("summary_table_title", "ชื่อตารางสรุปผลโครงการ/กิจกรรม"),
    ),
    "ch4-budget": (("budget_intro", "ข้อความนำ สรุปผลการบริหารจัดการงบประมาณ"),),
    "ch5": (("chapter5_intro", "ข้อความนำ บทที่ ๕"),),
}


def report_texts(year: int) -> list[TextSlot]:
    """Every report text the printed report reads, in print order: its key, its Thai name
    and where it prints in `year`'s report (the chapter and section as the contents name
    them)."""
    slots: list[TextSlot] = []

    def walk(sections: tuple[Section, ...], where: list[str]) -> None:
        for section in sections:
            title = section.toc_title or section.title
            here = (
                [
                    *where,
                    title.format(year=to_thai_digits(year), next_year=to_thai_digits(year + 1)),
                ]
                if title
                else where
            )
            place = " › ".join(here)
            for key, name in PRINTED_BY.get(section.id, ()):
                slots.append(TextSlot(key=key, name=name, where=place))
            if section.text:
                slots.append(TextSlot(key=section.text, name=section.label, where=place))
            walk(section.sections, here)

    walk(SECTIONS, [])
    slots.append(TextSlot(key="back_cover", name="ปกหลัง: หน่วยงานที่จัดทำ", where="ปกหลัง"))
    return slots


# -- the numbered tables ------------------------------------------------------------------


@dataclass(frozen=True)
class NumberedTable:
    """A numbered table of one report: the list of tables (สารบัญตาราง) prints its caption
    and links to its anchor; the table's template prints the same caption on the same anchor."""

    number: int
    title: str

    @property
    def id(self) -> str:
        return f"table-{self.number}"

    @property
    def caption(self) -> str:
        return f"ตารางที่ {to_thai_digits(self.number)} {self.title}"


@dataclass(frozen=True)
class Table:
    """A declared table: its number and title (which may hold {year}, the fiscal year in Thai
    digits), or `parts`, the numbered tables made from the report's data (O-NET)."""

    number: int = 0
    title: str = ""
    parts: Callable[[AnnualReport], list[NumberedTable]] | None = None

    def resolve(self, report: AnnualReport) -> list[NumberedTable]:
        if self.parts:
            return self.parts(report)
        return [
            NumberedTable(self.number, self.title.format(year=to_thai_digits(report.fiscal_year)))
        ]


def _onet_tables(report: AnnualReport) -> list[NumberedTable]:
    """Tables 8 to 11: each grade's scores by province, then each grade's two years compared."""
    tables = [
        NumberedTable(
            number,
            "แสดงผลการทดสอบทางการศึกษาระดับชาติด้านพื้นฐาน (O-NET) ชั้นมัธยมศึกษาปีที่"
            f" {to_thai_digits(scores.grade)}",
        )
        for number, scores in report.onet.numbered_provinces
    ]
    for number, comparison in report.onet.numbered_comparisons:
        before, after = to_thai_digits(comparison.year - 1), to_thai_digits(comparison.year)
        tables.append(
            NumberedTable(
                number,
                f"เปรียบเทียบคะแนนเฉลี่ยจากผลการสอบ O-NET ปีการศึกษา {before} และ {after}"
                f" ชั้นมัธยมศึกษาปีที่ {to_thai_digits(comparison.grade)}",
            )
        )
    return tables


TABLES: tuple[Table, ...] = (
    Table(1, "แสดงจำนวนโรงเรียนจำแนกตามขนาดโรงเรียน"),
    Table(2, "แสดงภาพรวมจำนวนโรงเรียน นักเรียน และครู"),
    Table(3, "แสดงจำนวนโรงเรียนจำแนกตามระดับการจัดการศึกษา"),
    Table(4, "แสดงจำนวนนักเรียนจำแนกตามระดับการจัดการศึกษา"),
    Table(5, "แสดงจำนวนนักเรียนและห้องเรียน จำแนกตามระดับชั้น"),
    Table(6, "แสดงจำนวนข้าราชการครูและบุคลากรทางการศึกษา"),
    Table(7, "แสดงความสอดคล้องของโครงการกับแผนระดับต่าง ๆ"),
    Table(parts=_onet_tables),
    Table(12, "ผลการประเมินตามตัวชี้วัดแผนปฏิบัติการของ สพฐ. ประจำปีงบประมาณ พ.ศ. {year}"),
    Table(13, "แสดงผลการบริหารจัดการงบประมาณ ปีงบประมาณ พ.ศ. {year}"),
)


@dataclass(frozen=True)
class Tables:
    """One report's numbered tables in print order (the list of tables iterates them); a
    chapter's template prints table 13's anchor and caption as `tables.13.id` and
    `tables.13.caption`."""

    entries: list[NumberedTable]

    def __iter__(self) -> Iterator[NumberedTable]:
        return iter(self.entries)

    def __getitem__(self, number: int) -> NumberedTable:
        for entry in self.entries:
            if entry.number == number:
                return entry
        raise KeyError(number)


def tables(report: AnnualReport) -> Tables:
    return Tables([t for declared in TABLES for t in declared.resolve(report)])
