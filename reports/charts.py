"""Charts of the printed report as plain SVG made on the server (WeasyPrint runs no
JavaScript and draws SVG as vectors, so the charts print sharply).

Horizontal bars with their values written at the bar's end (Thai digits), series told apart
by fill pattern as well as shade, and the Sarabun face the report uses. Each function takes
report data (no queries) and returns the SVG markup; the template prints the chart's data
table right after it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from plans import thai
from reports.selectors.chapter3 import Comparison
from reports.selectors.chapter4 import QuarterAmount
from reports.selectors.summary import PlanSummary

WIDTH = 600
LABEL_WIDTH = 170
BAR_HEIGHT = 14
GAP = 10
FONT = 'font-family="Sarabun, sans-serif"'
# Solid black, diagonal hatching, dots: readable in greyscale and for colour-blind readers.
# Each chart names its patterns apart (several charts share one HTML document).
FILLS = ["#333", "url(#{id}-hatch)", "url(#{id}-dots)"]
DEFS = (
    "<defs>"
    '<pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse"'
    ' patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#333" stroke-width="2.5"/></pattern>'
    '<pattern id="{id}-dots" width="5" height="5" patternUnits="userSpaceOnUse">'
    '<rect width="5" height="5" fill="#fff"/><circle cx="2.5" cy="2.5" r="1.2" fill="#333"/>'
    "</pattern></defs>"
)


@dataclass(frozen=True)
class Series:
    name: str
    values: list[Decimal | None]


def _number(value: Decimal, places: int) -> str:
    return thai.format_number(value, places)


def bar_chart(
    chart_id: str,
    title: str,
    categories: list[str],
    series: list[Series],
    *,
    places: int = 2,
    unit: str = "",
) -> str:
    """Grouped horizontal bars: one group per category, one bar per series. `chart_id`
    must be unique in the document (it prefixes the fill patterns' ids)."""
    fills = [fill.format(id=chart_id) for fill in FILLS]
    values = [v for s in series for v in s.values if v is not None]
    top = max(values, default=Decimal(0)) or Decimal(1)
    plot = WIDTH - LABEL_WIDTH - 70
    group = len(series) * BAR_HEIGHT + GAP
    legend_y = 28
    y0 = legend_y + 22
    height = y0 + len(categories) * group + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}"'
        f' width="{WIDTH}" height="{height}" role="img" aria-label="{escape(title)}">',
        DEFS.format(id=chart_id),
        f'<text x="0" y="14" {FONT} font-size="13" font-weight="700">{escape(title)}</text>',
    ]
    x = 0
    for index, s in enumerate(series):
        parts.append(
            f'<rect x="{x}" y="{legend_y - 10}" width="18" height="11" fill="{fills[index]}"'
            ' stroke="#000" stroke-width="0.6"/>'
            f'<text x="{x + 24}" y="{legend_y}" {FONT} font-size="11">{escape(s.name)}</text>'
        )
        x += 34 + 9 * len(s.name)
    for row, category in enumerate(categories):
        y = y0 + row * group
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + len(series) * BAR_HEIGHT / 2 + 4}"'
            f' {FONT} font-size="11" text-anchor="end">{escape(category)}</text>'
        )
        for index, s in enumerate(series):
            value = s.values[row]
            by = y + index * BAR_HEIGHT
            if value is None:
                parts.append(
                    f'<text x="{LABEL_WIDTH + 4}" y="{by + 11}" {FONT} font-size="10">'
                    "ไม่มีข้อมูล</text>"
                )
                continue
            width = float(value / top) * plot
            label = _number(value, places) + (f" {unit}" if unit else "")
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{by + 1}" width="{width:.1f}"'
                f' height="{BAR_HEIGHT - 2}" fill="{fills[index]}" stroke="#000"'
                ' stroke-width="0.6"/>'
                f'<text x="{LABEL_WIDTH + width + 4:.1f}" y="{by + 11}" {FONT}'
                f' font-size="10">{escape(label)}</text>'
            )
    parts.append(
        f'<line x1="{LABEL_WIDTH}" y1="{y0 - 4}" x2="{LABEL_WIDTH}" y2="{height - 8}"'
        ' stroke="#000" stroke-width="0.8"/></svg>'
    )
    return "".join(parts)


def onet_chart(comparison: Comparison) -> str:
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


def achieved_chart(summary: PlanSummary) -> str:
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


def disbursement_chart(quarters: list[QuarterAmount]) -> str:
    """The projects' disbursement in each fiscal quarter, in baht."""
    return bar_chart(
        "disbursement",
        "ผลการเบิกจ่ายงบประมาณโครงการรายไตรมาส (บาท)",
        [q.label for q in quarters],
        [Series("เบิกจ่าย", [q.amount for q in quarters])],
    )
