"""Figures that a typed text of the annual report quotes, computed from the same selectors
as the tables beside it: one value per quantity (issue 16).

A report text (the planning group's, on /plan/<year>/manage/texts/) or a project's typed
narrative may write a figure's name in braces, ``{ตัวชี้วัดที่บรรลุ}``, where the figure
goes; the print puts the number the table prints there. So the prose of chapter 4 can no
longer say "๔๗ ตัวชี้วัด จาก ๔๙" above a table that counts 49 of 51, nor "คะแนนเฉลี่ยรวม
๔.๘๓" under a table 12 whose mean is 4.86. A name the portal does not know stays as typed,
braces included; the text's page refuses it (plans.manage.texts.unknown_figures), so a
typo shows before printing. The report app declares the names to that page at start-up.

Where a text keeps the reference's typed figure as a quotation, it writes
``{จำนวนโครงการ=๑๗}``: the print keeps ๑๗ and, when the table gives another value, says so
beside it ("๑๗ (ตามต้นฉบับ ค่าตามตารางสรุปผลการดำเนินงาน บทที่ ๔ คือ ๑๔)"), so the two
values never stand silently side by side; when they agree it prints the figure once. A
percent the text states from two of its own numbers is ``{ร้อยละ ๓๑๒.๙๒๓ จาก ๓๓๘.๓๑๖}`` (or
``{ร้อยละ … จาก …=๙๖.๐๔}`` to keep the typed one, marked the same way).

The values are written with Arabic digits and thousands separators; the templates turn the
whole paragraph into Thai digits as they do for any text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from plans import thai
from plans.manage import texts
from plans.manage.texts import FIGURE_NAME, Figure, quote
from plans.models import SizeClass

if TYPE_CHECKING:  # the report's dataclasses import this module's users, not this module
    from reports.selectors.annual import AnnualReport


def _count(value: int | None) -> str | None:
    return None if value is None else thai.format_number(value, 0, thai_digits=False)


def _percent(value: Decimal | None) -> str | None:
    return None if value is None else thai.format_number(value, 2, thai_digits=False)


def _baht(value: Decimal | None) -> str | None:
    """An amount as the report's prose writes it: satang only when there are some."""
    return None if value is None else thai.format_quantity(value, thai_digits=False)


def _office_total(report: AnnualReport, amount: str) -> Decimal | None:
    """`amount` of table 13's total row ("allocated", "disbursed", "rate"), or None before
    any allocation is entered."""
    return getattr(report.budget.total, amount) if report.budget.lines else None


def _fully_achieved(report: AnnualReport) -> int:
    """Projects whose every indicator was judged and achieved (none not achieved, none
    not yet reported)."""
    return sum(
        1 for p in report.summary.projects if p.counts.total and p.counts.achieved == p.counts.total
    )


@dataclass(frozen=True)
class Quantity:
    name: str  # Thai, typed between braces
    meaning: str  # Thai: which table's figure it is (shown on the texts' page)
    value: Callable[[AnnualReport], str | None]

    @property
    def source(self) -> str:
        """The table it comes from: the meaning's closing parenthesis ("ตารางที่ ๑๒")."""
        found = re.search(r"\(([^()]*)\)\s*$", self.meaning)
        return found.group(1) if found else self.meaning


def _small_and_medium(report: AnnualReport) -> int | None:
    """Table 1's small and medium schools together."""
    if not report.schools.by_province:
        return None
    labels = {SizeClass.SMALL.label, SizeClass.MEDIUM.label}
    return sum(row.total for row in report.schools.sizes if row.label in labels)


QUANTITIES: tuple[Quantity, ...] = (
    Quantity(
        "จำนวนโครงการ",
        "จำนวนโครงการของแผน (ตารางสรุปผลการดำเนินงาน บทที่ ๔)",
        lambda r: _count(len(r.summary.projects)),
    ),
    Quantity(
        "โครงการที่บรรลุทุกตัวชี้วัด",
        "จำนวนโครงการที่บรรลุค่าเป้าหมายครบทุกตัวชี้วัด (ตารางสรุปผลการดำเนินงาน)",
        lambda r: _count(_fully_achieved(r)),
    ),
    Quantity(
        "จำนวนตัวชี้วัด",
        "จำนวนตัวชี้วัดของโครงการทั้งหมด (ตารางสรุปผลการดำเนินงาน)",
        lambda r: _count(r.summary.counts.total),
    ),
    Quantity(
        "ตัวชี้วัดที่บรรลุ",
        "จำนวนตัวชี้วัดที่บรรลุค่าเป้าหมาย (ตารางสรุปผลการดำเนินงาน)",
        lambda r: _count(r.summary.counts.achieved),
    ),
    Quantity(
        "ร้อยละตัวชี้วัดที่บรรลุ",
        "ร้อยละของตัวชี้วัดที่บรรลุ เทียบกับตัวชี้วัดที่ประเมินแล้ว (ตารางสรุปผลการดำเนินงาน)",
        lambda r: _percent(r.summary.counts.achieved_percent),
    ),
    Quantity(
        "ตัวชี้วัดที่ไม่บรรลุ",
        "จำนวนตัวชี้วัดที่ไม่บรรลุค่าเป้าหมาย (ตารางสรุปผลการดำเนินงาน)",
        lambda r: _count(r.summary.counts.not_achieved),
    ),
    Quantity(
        "ร้อยละตัวชี้วัดที่ไม่บรรลุ",
        "ร้อยละของตัวชี้วัดที่ไม่บรรลุ เทียบกับตัวชี้วัดที่ประเมินแล้ว (ตารางสรุปผลการดำเนินงาน)",
        lambda r: _percent(r.summary.counts.not_achieved_percent),
    ),
    Quantity(
        "งบประมาณที่ได้รับจัดสรรทั้งสิ้น",
        "งบประมาณที่สำนักงานได้รับจัดสรรรวมทั้งสิ้น เป็นบาท (ตารางที่ ๑๓)",
        lambda r: _baht(_office_total(r, "allocated")),
    ),
    Quantity(
        "งบประมาณที่เบิกจ่ายทั้งสิ้น",
        "งบประมาณที่เบิกจ่ายแล้วรวมทั้งสิ้น เป็นบาท (ตารางที่ ๑๓)",
        lambda r: _baht(_office_total(r, "disbursed")),
    ),
    Quantity(
        "ร้อยละการเบิกจ่ายงบประมาณ",
        "ร้อยละของงบประมาณที่เบิกจ่ายเทียบกับที่ได้รับจัดสรร (ตารางที่ ๑๓)",
        lambda r: _percent(_office_total(r, "rate")),
    ),
    Quantity(
        "จำนวนนักเรียนทั้งหมด",
        "จำนวนนักเรียนรวมทั้งสิ้นของโรงเรียนในสังกัด (ตารางที่ ๒)",
        lambda r: _count(r.schools.students) if r.schools.by_province else None,
    ),
    Quantity(
        "จำนวนโรงเรียนทั้งหมด",
        "จำนวนโรงเรียนในสังกัด (ตารางที่ ๑ และ ๒)",
        lambda r: _count(r.schools.schools) if r.schools.by_province else None,
    ),
    Quantity(
        "จำนวนโรงเรียนขนาดเล็กและกลาง",
        "จำนวนโรงเรียนขนาดเล็กและขนาดกลางรวมกัน (ตารางที่ ๑)",
        lambda r: _count(_small_and_medium(r)),
    ),
    Quantity(
        "จำนวนตัวชี้วัด สพฐ. ที่ประเมินระดับคุณภาพ",
        "จำนวนตัวชี้วัดตามแผนปฏิบัติราชการของ สพฐ. ที่มีระดับคุณภาพ (ตารางที่ ๑๒)",
        lambda r: _count(len(r.assessments.ratings.rated)),
    ),
    Quantity(
        "จำนวนตัวชี้วัด สพฐ. ที่ไม่ประเมินระดับคุณภาพ",
        "จำนวนตัวชี้วัดตามแผนปฏิบัติราชการของ สพฐ. ที่ไม่ประเมินระดับคุณภาพ (ตารางที่ ๑๒)",
        lambda r: _count(len(r.assessments.ratings.unrated)),
    ),
    Quantity(
        "คะแนนเฉลี่ยตัวชี้วัด สพฐ.",
        "คะแนนเฉลี่ยรวมของตัวชี้วัดที่ประเมินระดับคุณภาพ (ตารางที่ ๑๒)",
        lambda r: _percent(r.assessments.ratings.average),
    ),
    Quantity(
        "ระดับคุณภาพตัวชี้วัด สพฐ.",
        "ระดับคุณภาพของคะแนนเฉลี่ยรวม เช่น ดีเยี่ยม (ตารางที่ ๑๒)",
        lambda r: r.assessments.ratings.average_label or None,
    ),
)
# -- O-NET: tables 10 (ม.๓) and 11 (ม.๖), the average row ---------------------------------


def _comparison(report: AnnualReport, grade: int):
    return next((c for c in report.onet.comparisons if c.grade == grade), None)


def _share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """`part` (without its sign) as a percent of `whole`: both are the two-place means and
    differences the table prints (reports.selectors.common.mean)."""
    if part is None or not whole:
        return None
    return abs(part) * 100 / whole


def _onet(grade: int) -> tuple[Quantity, ...]:
    label = "ม.๓" if grade == 3 else "ม.๖"
    table = "ตารางที่ ๑๐" if grade == 3 else "ตารางที่ ๑๑"

    def average(report):
        comparison = _comparison(report, grade)
        return comparison.average if comparison else None

    def above(report):
        row = average(report)
        return None if row is None or row.above_nation is None else abs(row.above_nation)

    def change(report):
        row = average(report)
        return None if row is None else row.change

    return (
        Quantity(
            f"O-NET {label} สูงกว่าระดับประเทศ (คะแนน)",
            f"คะแนนเฉลี่ยของสำนักงานต่างจากระดับประเทศ ไม่มีเครื่องหมาย ({table} แถวเฉลี่ย)",
            lambda r: _percent(above(r)),
        ),
        Quantity(
            f"O-NET {label} สูงกว่าระดับประเทศ (ร้อยละ)",
            f"ผลต่างข้างต้นคิดเป็นร้อยละของคะแนนเฉลี่ยระดับประเทศ ({table})",
            lambda r: _percent(_share(above(r), average(r) and average(r).nation)),
        ),
        Quantity(
            f"O-NET {label} เพิ่มขึ้นหรือลดลง",
            f"คำว่า เพิ่มขึ้น หรือ ลดลง ตามคะแนนเฉลี่ยเทียบกับปีก่อน ({table})",
            lambda r: None if change(r) is None else ("ลดลง" if change(r) < 0 else "เพิ่มขึ้น"),
        ),
        Quantity(
            f"O-NET {label} เปลี่ยนจากปีก่อน (คะแนน)",
            f"คะแนนเฉลี่ยเพิ่มหรือลดจากปีก่อน ไม่มีเครื่องหมาย ({table} แถวเฉลี่ย)",
            lambda r: None if change(r) is None else _percent(abs(change(r))),
        ),
        Quantity(
            f"O-NET {label} เปลี่ยนจากปีก่อน (ร้อยละ)",
            f"การเปลี่ยนแปลงข้างต้นคิดเป็นร้อยละของคะแนนเฉลี่ยปีก่อน ({table})",
            lambda r: _percent(_share(change(r), average(r) and average(r).office_before)),
        ),
    )


QUANTITIES = QUANTITIES + _onet(3) + _onet(6)

FIGURES = [Figure(q.name, q.meaning) for q in QUANTITIES]  # for the texts' page


def values(report: AnnualReport) -> dict[str, str]:
    """Each quantity's printed value in `report` (one with no value is left out: its name
    then stays as typed)."""
    found = {}
    for quantity in QUANTITIES:
        value = quantity.value(report)
        if value is not None:
            found[quantity.name] = value
    return found


SOURCES = {q.name: q.source for q in QUANTITIES}
# A typed figure kept as a quotation beside the value its table gives (never two silent values).
TYPED_BESIDE_TABLE = "{typed} (ตามต้นฉบับ ค่าตาม{source} คือ {value})"
TYPED_BESIDE_SHARE = "{typed} (ตามต้นฉบับ {part} จาก {whole} คำนวณได้ร้อยละ {value})"


def _same(typed: str, value: str) -> bool:
    """Whether the typed figure says what the table's value says: the same number (the
    typed one may carry its unit after it), else the same words."""
    typed_number, number = texts.number(typed), texts.number(value)
    if typed_number is not None and number is not None:
        return typed_number == number
    return typed.strip() == value.strip()


def fill(text: str, figures: dict[str, str]) -> str:
    """`text` with each known ``{name}`` replaced by its figure, each ``{name=typed}`` by
    the typed figure (marked beside the computed one where they differ) and each
    ``{ร้อยละ a จาก b}`` by the percent. Braces the texts' page would refuse (an unknown
    name, a percent that does not read, nothing after "=") stay as typed, to be seen."""

    def one(match: re.Match) -> str:
        asked = quote(match.group(1))
        if texts.refused(asked):
            return match.group(0)
        percent = texts.share(asked.name)
        computed = _percent(percent.part * 100 / percent.whole) if percent else None
        value = computed if percent else figures.get(asked.name)
        if asked.typed is None:
            return match.group(0) if value is None else value
        if value is None or _same(asked.typed, value):
            return asked.typed
        if percent:
            return TYPED_BESIDE_SHARE.format(
                typed=asked.typed, part=percent.part_text, whole=percent.whole_text, value=value
            )
        return TYPED_BESIDE_TABLE.format(typed=asked.typed, source=SOURCES[asked.name], value=value)

    return FIGURE_NAME.sub(one, text)


def filled(obj: Any, figures: dict[str, str]) -> Any:
    """`obj` (a string, or a list of strings) with its quantities filled in."""
    if isinstance(obj, str):
        return fill(obj, figures)
    if isinstance(obj, list):
        return [filled(item, figures) for item in obj]
    return obj
