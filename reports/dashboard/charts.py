"""The dashboard's charts as data only: each page's numbers turned into Chart.js datasets,
sent to the page with json_script, drawn by static/js/dashboard.js and shown as a data
table beside the chart (templates/reports/dashboard/_chart.html)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from indicators.rules import VERDICT_LABELS, Verdict
from plans import thai
from plans.money import percent
from reports.dashboard.overview import Overview
from reports.dashboard.project_detail import ProjectPage
from reports.dashboard.rows import ProjectSet
from reports.dashboard.rules import PROJECT_STATUS_LABELS, ProjectStatus
from reports.dashboard.schools import SchoolsPage


@dataclass(frozen=True)
class Dataset:
    """One row of values drawn as bars or a line (a Chart.js dataset)."""

    label: str
    values: list[Decimal | int | None]
    kind: str = "bar"  # or "line"


@dataclass(frozen=True)
class Chart:
    """A chart's data, sent to the page with json_script and shown as a table beside it.

    `keys` are the codes of the labels when they name verdicts or project statuses: the page
    colours those bars by code, and shows the Thai labels."""

    id: str
    title: str
    labels: list[str]
    datasets: list[Dataset]
    unit: str = ""
    stacked: bool = False
    horizontal: bool = False
    keys: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        def number(v):
            return None if v is None else float(v)  # drawing only; tables show the Decimals

        return {
            "title": self.title,
            "labels": self.labels,
            "keys": self.keys,
            "unit": self.unit,
            "stacked": self.stacked,
            "horizontal": self.horizontal,
            "series": [
                {"label": d.label, "kind": d.kind, "values": [number(v) for v in d.values]}
                for d in self.datasets
            ],
        }

    @property
    def rows(self) -> list[tuple[str, list]]:
        """The data table: one row per label, one column per dataset."""

        def cell(v):
            return Decimal(v) if isinstance(v, int) else v

        return [
            (label, [cell(d.values[i]) for d in self.datasets])
            for i, label in enumerate(self.labels)
        ]


def overview_charts(data: Overview) -> list[Chart]:
    counts, statuses, money = data.counts, data.statuses, data.money
    labels = [thai.quarter_label(q) for q in thai.FISCAL_QUARTERS]
    return [
        Chart(
            "chart-verdicts",
            "ผลตัวชี้วัด",
            [VERDICT_LABELS[v] for v in Verdict],
            [Dataset("ตัวชี้วัด", [getattr(counts, v.value) for v in Verdict])],
            unit="ตัวชี้วัด",
            horizontal=True,
            keys=[v.value for v in Verdict],
        ),
        Chart(
            "chart-statuses",
            "สถานะโครงการ",
            [PROJECT_STATUS_LABELS[s] for s in ProjectStatus],
            [Dataset("โครงการ", [statuses.on_track, statuses.behind, statuses.at_risk])],
            unit="โครงการ",
            horizontal=True,
            keys=[s.value for s in ProjectStatus],
        ),
        Chart(
            "chart-disbursement",
            "การเบิกจ่ายสะสมของสำนักงานเทียบเป้าหมาย (ร้อยละของงบที่ได้รับจัดสรร)",
            labels,
            [
                Dataset(
                    "เบิกจ่ายสะสม",
                    [percent(d, money.allocated) for d in money.disbursed_by_quarter],
                ),
                Dataset(
                    "เป้าหมายสะสม", [money.targets.get(q) for q in thai.FISCAL_QUARTERS], "line"
                ),
            ],
            unit="ร้อยละ",
        ),
    ]


def sets_chart(chart_id: str, title: str, rows: list[ProjectSet], money_tracked: bool) -> Chart:
    datasets = [Dataset("ตัวชี้วัดบรรลุ (ร้อยละ)", [r.counts.achieved_percent for r in rows])]
    if money_tracked:
        datasets.append(Dataset("เบิกจ่าย (ร้อยละ)", [r.rate for r in rows]))
    return Chart(
        chart_id,
        title,
        [r.label for r in rows],
        datasets,
        unit="ร้อยละ",
        horizontal=True,
    )


def project_charts(page: ProjectPage) -> list[Chart]:
    indicators = page.project.indicators
    labels = [thai.quarter_label(q) for q in thai.FISCAL_QUARTERS]
    return [
        Chart(
            "chart-indicators",
            "ผลเทียบค่าเป้าหมายรายไตรมาส (ร้อยละของค่าเป้าหมาย)",
            [f"ตัวชี้วัด {thai.to_thai_digits(n)}" for n in range(1, len(indicators) + 1)],
            [Dataset("ค่าเป้าหมาย", [100 if i.row.target else None for i in indicators], "line")]
            + [
                Dataset(labels[q - 1], [i.percent_of_target[q - 1] for i in indicators])
                for q in thai.FISCAL_QUARTERS
            ],
            unit="ร้อยละ",
        ),
        Chart(
            "chart-money",
            "การเบิกจ่ายรายไตรมาสเทียบแผน (บาท)",
            labels,
            [
                Dataset("เบิกจ่ายในไตรมาส", [m.disbursed for m in page.money]),
                Dataset("เบิกจ่ายสะสม", [m.cumulative for m in page.money], "line"),
                Dataset("แผนสะสม", [m.planned for m in page.money], "line"),
            ],
            unit="บาท",
        ),
    ]


def schools_charts(page: SchoolsPage) -> list[Chart]:
    stats = page.stats
    grades = [row for row in stats.grades if not row.is_total]
    charts = [
        Chart(
            "chart-sizes",
            "จำนวนโรงเรียนจำแนกตามขนาดและจังหวัด",
            [row.label for row in stats.sizes],
            [
                Dataset(name, [row.counts[i] for row in stats.sizes])
                for i, name in enumerate(stats.provinces)
            ],
            unit="โรงเรียน",
            stacked=True,
        ),
        Chart(
            "chart-grades",
            "จำนวนนักเรียนจำแนกตามชั้นและเพศ",
            [row.label for row in grades],
            [
                Dataset("ชาย", [sum(c.male for c in row.cells) for row in grades]),
                Dataset("หญิง", [sum(c.female for c in row.cells) for row in grades]),
            ],
            unit="คน",
        ),
    ]
    for grade, lines in ((3, page.onet_m3), (6, page.onet_m6)):
        if not lines:
            continue
        datasets = [
            Dataset(f"สำนักงาน {thai.to_thai_digits(y)}", [line.office.get(y) for line in lines])
            for y in page.onet_years
            if any(y in line.office for line in lines)
        ] + [
            Dataset(
                f"ประเทศ {thai.to_thai_digits(y)}", [line.nation.get(y) for line in lines], "line"
            )
            for y in page.onet_years
            if any(y in line.nation for line in lines)
        ]
        charts.append(
            Chart(
                f"chart-onet-m{grade}",
                f"คะแนนเฉลี่ย O-NET ม.{thai.to_thai_digits(grade)} เทียบระดับประเทศ",
                [line.subject for line in lines],
                datasets,
                unit="คะแนน",
            )
        )
    return charts
