"""Charts of the printed report, made on the server: WeasyPrint runs no JavaScript.

Horizontal bars with their values written at the bar's end (Thai digits), series told apart
by fill pattern as well as shade. Every word and number of a chart is HTML text, laid out by
the same engine as the page around it; only the bars and the legend's swatches are SVG
shapes. WeasyPrint draws the text of an SVG <text> without Thai mark positioning (the tone
mark of "ที่" sits on the vowel, ../shared/STACK.md), so a chart must hold no SVG text.

Each function takes report data (no queries) and returns the chart: its title, legend,
and for each category one bar per series with its length in points.
templates/reports/charts/_bar_chart.html draws it (escaped like any template) and the chapter
prints the chart's data table right after it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from plans import thai
from reports.selectors.chapter3 import Comparison
from reports.selectors.chapter4 import QuarterAmount
from reports.selectors.summary import PlanSummary

PLOT_WIDTH = 300  # points: the longest bar; the labels and values take the rest of the line
BAR_HEIGHT = 11
# Solid dark grey, diagonal hatching, dots: readable in greyscale and for colour-blind
# readers. The template draws each pattern inside the SVG that uses it, under an id made
# unique in the document (chart, category, series).
PATTERNS = ["solid", "hatch", "dots"]


@dataclass(frozen=True)
class Series:
    name: str
    values: list[Decimal | None]


@dataclass(frozen=True)
class LegendKey:
    """A series' swatch and name at the top of the chart."""

    pattern: str
    name: str


@dataclass(frozen=True)
class Bar:
    """One series' value in a category: a bar with the value written after it, or, with no
    value, the words ไม่มีข้อมูล where the bar would start."""

    width: float  # points, to a tenth
    pattern: str
    value: Decimal | None


@dataclass(frozen=True)
class BarGroup:
    """A category: its label left of the bars and one bar per series."""

    label: str
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    id: str  # unique in the document: it prefixes the fill patterns' ids
    title: str
    keys: list[LegendKey]
    groups: list[BarGroup]
    places: int  # decimals of the values written at the bars' ends
    unit: str = ""
    bar_height: int = BAR_HEIGHT


def bar_chart(
    chart_id: str,
    title: str,
    categories: list[str],
    series: list[Series],
    *,
    places: int = 2,
    unit: str = "",
) -> BarChart:
    """Grouped horizontal bars: one group per category, one bar per series, each as long as
    its value against the largest. `chart_id` must be unique in the document."""
    values = [v for s in series for v in s.values if v is not None]
    top = max(values, default=Decimal(0)) or Decimal(1)
    keys = [LegendKey(PATTERNS[i], s.name) for i, s in enumerate(series)]
    groups = [
        BarGroup(
            category,
            [
                Bar(
                    width=0.0
                    if s.values[row] is None
                    else round(float(s.values[row] / top) * PLOT_WIDTH, 1),
                    pattern=PATTERNS[i],
                    value=s.values[row],
                )
                for i, s in enumerate(series)
            ],
        )
        for row, category in enumerate(categories)
    ]
    return BarChart(id=chart_id, title=title, keys=keys, groups=groups, places=places, unit=unit)


def onet_chart(comparison: Comparison) -> BarChart:
    """The office against the nation (and OBEC) by subject, latest academic year."""
    year = thai.to_thai_digits(comparison.year)
    rows = [*comparison.rows, comparison.average]
    return bar_chart(
        f"onet-{comparison.grade}",
        f"คะแนนเฉลี่ย O-NET ชั้นมัธยมศึกษาปีที่ {thai.to_thai_digits(comparison.grade)} ปีการศึกษา {year}",
        [r.subject for r in rows],
        [
            Series("สำนักงานเขตพื้นที่การศึกษา", [r.office for r in rows]),
            Series("ระดับประเทศ", [r.nation for r in rows]),
            Series("สพฐ.", [r.obec for r in rows]),
        ],
    )


def onet_change_chart(comparison: Comparison) -> BarChart:
    """The office's own means by subject, the year before against the latest year (the
    reference prints it before the chart against the nation)."""
    before, year = (thai.to_thai_digits(y) for y in (comparison.year - 1, comparison.year))
    rows = [*comparison.rows, comparison.average]
    return bar_chart(
        f"onet-change-{comparison.grade}",
        f"คะแนนเฉลี่ย O-NET ของสำนักงาน ชั้นมัธยมศึกษาปีที่ {thai.to_thai_digits(comparison.grade)}"
        f" ปีการศึกษา {before} และ {year}",
        [r.subject for r in rows],
        [
            Series(f"ปีการศึกษา {before}", [r.office_before for r in rows]),
            Series(f"ปีการศึกษา {year}", [r.office for r in rows]),
        ],
    )


def achieved_chart(summary: PlanSummary) -> BarChart:
    """Indicators achieved and not achieved in each policy area."""
    areas = summary.policy_areas
    return bar_chart(
        "achieved",
        "ตัวชี้วัดที่บรรลุค่าเป้าหมาย จำแนกตามนโยบาย",
        [f"นโยบาย{a.name}" for a in areas],
        [
            Series("บรรลุ", [Decimal(a.counts.achieved) for a in areas]),
            Series("ไม่บรรลุ", [Decimal(a.counts.not_achieved) for a in areas]),
        ],
        places=0,
        unit="ตัวชี้วัด",
    )


def disbursement_chart(quarters: list[QuarterAmount]) -> BarChart:
    """The projects' disbursement in each fiscal quarter, in baht."""
    return bar_chart(
        "disbursement",
        "ผลการเบิกจ่ายงบประมาณโครงการรายไตรมาส (บาท)",
        [q.label for q in quarters],
        [Series("เบิกจ่าย", [q.amount for q in quarters])],
    )
