"""Charts of the printed report as plain SVG made on the server (WeasyPrint runs no
JavaScript and draws SVG as vectors, so the charts print sharply).

Horizontal bars with their values written at the bar's end (Thai digits), series told apart
by fill pattern as well as shade, and the Sarabun face the report uses. Each function takes
report data (no queries) and returns the chart's geometry: where every legend key, label and
bar goes. templates/reports/charts/_bar_chart.html draws it (escaped like any template) and
the chapter prints the chart's data table right after it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from plans import thai
from reports.selectors.chapter3 import Comparison
from reports.selectors.chapter4 import QuarterAmount
from reports.selectors.summary import PlanSummary

WIDTH = 600
LABEL_WIDTH = 170
BAR_HEIGHT = 14
GAP = 10
LEGEND_Y = 28  # the legend's text baseline; the bars start 22 below it
# Solid black, diagonal hatching, dots: readable in greyscale and for colour-blind readers.
# Each chart names its patterns apart (several charts share one HTML document), after the
# patterns the template defines: <id>-hatch and <id>-dots.
FILLS = ["#333", "url(#{id}-hatch)", "url(#{id}-dots)"]


@dataclass(frozen=True)
class Series:
    name: str
    values: list[Decimal | None]


@dataclass(frozen=True)
class LegendKey:
    """A series' swatch and name at the top of the chart."""

    x: int
    y: int  # the swatch's top
    text_x: int
    text_y: int
    fill: str
    name: str


@dataclass(frozen=True)
class Bar:
    """One series' value in a category: a bar with the value written after it, or, with no
    value, the words ไม่มีข้อมูล where the bar would start."""

    x: int
    y: int
    width: float  # to a tenth of a point
    height: int
    fill: str
    text_x: float  # where the value (or ไม่มีข้อมูล) is written
    text_y: int
    value: Decimal | None


@dataclass(frozen=True)
class BarGroup:
    """A category: its label left of the axis and one bar per series."""

    label: str
    label_x: int
    label_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    id: str  # unique in the document: it prefixes the fill patterns' ids
    title: str
    width: int
    height: int
    keys: list[LegendKey]
    groups: list[BarGroup]
    axis_x: int
    axis_top: int
    axis_bottom: int
    places: int  # decimals of the values written at the bars' ends
    unit: str = ""


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
    fills = [fill.format(id=chart_id) for fill in FILLS]
    values = [v for s in series for v in s.values if v is not None]
    top = max(values, default=Decimal(0)) or Decimal(1)
    plot = WIDTH - LABEL_WIDTH - 70
    group = len(series) * BAR_HEIGHT + GAP
    y0 = LEGEND_Y + 22
    height = y0 + len(categories) * group + 10
    keys, x = [], 0
    for index, s in enumerate(series):
        keys.append(LegendKey(x, LEGEND_Y - 10, x + 24, LEGEND_Y, fills[index], s.name))
        x += 34 + 9 * len(s.name)
    groups = []
    for row, category in enumerate(categories):
        y = y0 + row * group
        bars = []
        for index, s in enumerate(series):
            value = s.values[row]
            by = y + index * BAR_HEIGHT
            width = 0.0 if value is None else float(value / top) * plot
            text_x = LABEL_WIDTH + 4 if value is None else round(LABEL_WIDTH + width + 4, 1)
            bars.append(
                Bar(
                    x=LABEL_WIDTH,
                    y=by + 1,
                    width=round(width, 1),
                    height=BAR_HEIGHT - 2,
                    fill=fills[index],
                    text_x=text_x,
                    text_y=by + 11,
                    value=value,
                )
            )
        groups.append(
            BarGroup(category, LABEL_WIDTH - 6, y + len(series) * BAR_HEIGHT / 2 + 4, bars)
        )
    return BarChart(
        id=chart_id,
        title=title,
        width=WIDTH,
        height=height,
        keys=keys,
        groups=groups,
        axis_x=LABEL_WIDTH,
        axis_top=y0 - 4,
        axis_bottom=height - 8,
        places=places,
        unit=unit,
    )


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
