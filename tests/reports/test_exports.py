"""The annual report's tables as Excel (chapter 4's summary, table 13, tables 1 to 6): the
FY2565 figures the printed report shows, as numbers; the page's access; fixed queries."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from plans import thai
from plans.models import Role
from reports.selectors import annual_report
from tests import factories, xlsx
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db

SUMMARY = "reports:summary_xlsx"
TABLE_13 = "reports:budget_table_xlsx"
SCHOOLS = "reports:school_tables_xlsx"


@pytest.fixture
def reader(fy2565_db):
    return factories.member(fy2565_db.office, "reader", Role.DIRECTOR)


@pytest.fixture
def printed(client, reader):
    """The HTML annual report the reader sees."""
    client.force_login(reader)
    return client.get(reverse("reports:annual_report", args=[2565])).content.decode()


def _row(html: str, testid: str) -> str:
    start = html.index(f'data-testid="{testid}"')
    return html[start : html.index("</tr>", start)]


def _get(client, name: str):
    return client.get(reverse(name, args=[2565]))


def test_the_plan_summary_page_links_every_table(client, fy2565_db, reader):
    client.force_login(reader)
    html = client.get(reverse("reports:plan_summary", args=[2565])).content.decode()
    for name in (SUMMARY, TABLE_13, SCHOOLS):
        assert reverse(name, args=[2565]) in html
    assert html.count("ส่งออก Excel") == 3


def test_table_13_has_the_printed_figures(client, fy2565_db, printed):
    code = fy2565_db.office.code
    response = _get(client, TABLE_13)
    assert f'filename="{code}-2565-table-13.xlsx"' in response["Content-Disposition"]
    sheet = xlsx.book(response)["ตารางที่ 13"]
    assert sheet["A1"].value == "ตารางที่ ๑๓ แสดงผลการบริหารจัดการงบประมาณ ปีงบประมาณ พ.ศ. ๒๕๖๕"
    assert xlsx.headers(sheet)[2:6] == [
        "ได้รับจัดสรร (บาท)",
        "เบิกแล้ว (บาท)",
        "คงเหลือ (บาท)",
        "ร้อยละการเบิกจ่าย",
    ]
    rows = xlsx.body(sheet)
    names = [r[1].value for r in rows]
    assert names == [
        "งบบุคลากร",
        "งบดำเนินงาน",
        "งบอุดหนุน",
        "งบลงทุน",
        "งบรายจ่ายอื่น",
        "รวมทั้งสิ้น",
        rows[6][1].value,  # the central fund, apart
    ]
    total = rows[5]
    figures = [Decimal(str(c.value)) for c in total[2:6]]
    assert figures == [
        Decimal("318223938"),
        Decimal("317489822.56"),
        Decimal("734115.44"),
        Decimal("99.77"),
    ]
    assert [c.number_format for c in total[2:6]] == ["#,##0.00"] * 3 + ["0.00"]
    assert total[6].value == thai.baht_text(Decimal("318223938"))
    central = rows[6]
    assert (Decimal(str(central[4].value)), central[5].value) == (Decimal("4.2"), 100)
    # the same figures as the printed table's total row
    printed_total = _row(printed, "budget-total")
    for value in figures[:3]:
        assert thai.format_money(value) in printed_total
    assert thai.format_percent(figures[3]) in printed_total


def test_the_chapter_4_summary_has_the_printed_figures(client, fy2565_db, printed):
    book = xlsx.book(_get(client, SUMMARY))
    sheet = book["สรุปผลโครงการ"]
    assert xlsx.headers(sheet)[:3] == ["ระดับ", "ที่", "โครงการ/กิจกรรม/ตัวชี้วัด"]
    rows = xlsx.body(sheet)
    projects = [r for r in rows if r[0].value == "โครงการ"]
    assert [r[1].value for r in projects] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    nine = next(r for r in projects if r[1].value == 9)
    assert (nine[14].value, nine[14].number_format) == (43135.2, "#,##0.00")
    indicators = [r for r in rows if r[0].value == "ตัวชี้วัด"]
    assert len(indicators) == 51
    verdicts = [r[11].value for r in indicators]
    assert (verdicts.count("บรรลุ"), verdicts.count("ไม่บรรลุ")) == (49, 2)
    assert all(r[4].data_type == "n" for r in indicators if r[4].value is not None)
    total = rows[-1]
    assert total[2].value == "รวม 14 โครงการ ตัวชี้วัด 51 ตัวชี้วัด"
    assert (total[12].value, total[13].value) == (49, 51)
    assert Decimal(str(total[14].value)) == Decimal("1570474.20")
    # the printed table says the same
    printed_total = _row(printed, "summary-total")
    assert "รวม ๑๔ โครงการ ตัวชี้วัด ๕๑ ตัวชี้วัด" in printed_total
    assert "บรรลุ ๔๙ (ร้อยละ ๙๖.๐๘)" in printed_total
    assert thai.format_money(Decimal("1570474.20")) in printed_total
    areas = book["จำแนกตามนโยบาย"]
    area_total = xlsx.values(areas)[-1]
    assert area_total[:5] == ["รวม", 14, 51, 49, 2]
    assert area_total[7] == 96.08
    assert xlsx.body(areas)[-1][7].number_format == "0.00"


def test_tables_1_to_6_have_the_printed_figures(client, fy2565_db, printed):
    report = annual_report(fy2565_db)
    book = xlsx.book(_get(client, SCHOOLS))
    assert book.sheetnames == [f"ตารางที่ {n}" for n in range(1, 7)]
    sizes = book["ตารางที่ 1"]
    assert sizes["A1"].value == "ตารางที่ ๑ แสดงจำนวนโรงเรียนจำแนกตามขนาดโรงเรียน"
    assert xlsx.headers(sizes) == ["ขนาดโรงเรียน", "จังหวัดพิษณุโลก", "จังหวัดอุตรดิตถ์", "รวม"]
    assert [r[1:] for r in xlsx.values(sizes)] == [
        [23, 9, 32],
        [11, 6, 17],
        [3, 1, 4],
        [2, 2, 4],
        [39, 18, 57],
    ]
    size_label = xlsx.values(sizes)[0][0]
    assert size_label in printed  # "ขนาดเล็ก (นักเรียนตั้งแต่ ๑ - ๔๙๙ คน)", as printed
    people = xlsx.values(book["ตารางที่ 2"])
    assert people[-1] == ["รวมทั้งสิ้น", 57, 19240, 23513, 42753, 676, 1590, 2266]
    printed_students = _row(printed, "students-total")
    for value in people[-1][1:]:
        assert f">{thai.format_number(value)}<" in printed_students
    assert xlsx.values(book["ตารางที่ 3"])[-1][1:] == [39, 18, 57]
    assert xlsx.values(book["ตารางที่ 4"])[-1] == ["รวมทั้งสิ้น", 21106, 21647, 42753]
    grades = book["ตารางที่ 5"]
    assert xlsx.headers(grades)[1:4] == [
        "จังหวัดพิษณุโลก ชาย",
        "จังหวัดพิษณุโลก หญิง",
        "จังหวัดพิษณุโลก ห้องเรียน",
    ]
    grand = xlsx.body(grades)[-1]
    assert [c.value for c in grand] == ["รวมทั้งสิ้น", 13168, 15493, 878, 6072, 8020, 444]
    assert grand[0].font.b
    staff = book["ตารางที่ 6"]
    assert xlsx.values(staff)[-1] == [None, "รวมทั้งสิ้น", report.personnel.total]
    assert report.personnel.total == 2690
    assert thai.format_number(2690) in _row(printed, "personnel-total")
    assert [r[2] for r in xlsx.values(staff)[:-1]] == [r.count for r in report.personnel.rows]


def test_another_offices_user_gets_404(client, fy2565_db, outsider):
    client.force_login(outsider)
    for name in (SUMMARY, TABLE_13, SCHOOLS):
        assert _get(client, name).status_code == 404, name


def test_a_year_without_a_plan_is_the_empty_year(client, fy2565_db, reader):
    client.force_login(reader)
    response = client.get(reverse(SUMMARY, args=[2599]))
    assert response.status_code == 404


@pytest.mark.parametrize("size", [1, 4])
def test_the_exports_run_a_fixed_number_of_queries(
    client, plan, group, director, size, django_assert_max_num_queries
):
    for number in range(1, size + 1):
        project = factories.project(plan, number, group=group, budget="100.00")
        factories.indicator(project, 1, target="80", unit="ร้อยละ")
    client.force_login(director)
    client.get(reverse("reports:home"))  # the session's first save is not the export's
    for name, most in ((SUMMARY, 5), (TABLE_13, 3), (SCHOOLS, 4)):
        with django_assert_max_num_queries(most + REQUEST_EXTRA):
            response = _get(client, name)
        assert response.status_code == 200, name
    rows = xlsx.values(xlsx.book(_get(client, SUMMARY))["สรุปผลโครงการ"])
    assert sum(1 for r in rows if r[0] == "โครงการ") == size
    assert re.match(r"รวม \d+ โครงการ", rows[-1][2])
