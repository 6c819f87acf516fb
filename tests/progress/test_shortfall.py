"""The shortfall of a result short of its target (issue 16): how many fell short, in the
count's unit, entered on the quarterly report beside the count (or imported with the
values), copied to IndicatorResult.shortfall by the approval, and printed in chapter 4's
"ไม่บรรลุเป้าหมาย: จำนวน" column, as the seed's is."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from indicators.models import IndicatorResult
from plans import thai
from progress import services
from progress.imports import VALUES
from progress.models import QuarterlyReport, ReportValue
from progress.selectors import history_for
from tests.import_steps import download, import_file, issues, preview, xlsx
from tests.progress import factories as pf
from tests.reports.test_annual_report_chapters import _row

pytestmark = pytest.mark.django_db

YEAR_END = 4  # judged against the target (no milestones)


def _post(client, project, rate, version="0", **row):
    """The report page's save of the year-end quarter, with the rate indicator's `row`."""
    url = reverse("progress:report", args=[project.pk, YEAR_END])
    other = project.indicators.get(order=2)
    fields = {
        "version": version,
        "action": "save",
        "work_done": "จัดการแข่งขันทักษะภาษาไทย",
        f"unit_{other.pk}": "คน",
    }
    fields |= {f"{name}_{rate.pk}": value for name, value in row.items()}
    return client.post(url, pf.report_rows(project, fields))


@pytest.fixture
def rate(indicators):
    return indicators[0]  # target ร้อยละ ๘๐


def test_the_page_offers_the_shortfall_beside_the_count(client, project, staff_user):
    client.force_login(staff_user)
    page = client.get(reverse("progress:report", args=[project.pk, YEAR_END])).content.decode()
    assert 'name="values-0-shortfall"' in page
    assert "จำนวนที่ไม่บรรลุ (ถ้ามี)" in page
    assert "เป็นหน่วยเดียวกับจำนวนที่ดำเนินการ กรอกเฉพาะเมื่อผลไม่บรรลุค่าเป้าหมาย" in page


def test_entered_saved_shown_approved_and_printed_in_chapter_4(
    client, plan, project, rate, staff_user, group_director, director
):
    client.force_login(staff_user)
    response = _post(
        client, project, rate, value="๕๔.๓๙", unit="ร้อยละ", count_unit="โรงเรียน", shortfall="๒๖"
    )
    assert response.status_code == 302
    value = ReportValue.objects.get(indicator=rate)
    # No count of its own: the unit is kept for the shortfall.
    assert (value.value, value.count, value.count_unit, value.shortfall) == (
        Decimal("54.39"),
        None,
        "โรงเรียน",
        Decimal("26.00"),
    )
    assert [
        e.changes["shortfall"]
        for e in history_for(value.report)
        if e.object_type.endswith(".reportvalue") and "shortfall" in e.changes
    ] == [[None, "26.00"]]

    report = services.report_submit(report=value.report, user=staff_user, version=1)
    page = client.get(reverse("progress:report", args=[project.pk, YEAR_END])).content.decode()
    assert f'<span data-testid="shortfall-{rate.pk}">ไม่บรรลุ ๒๖ โรงเรียน</span>' in page

    services.report_approve(report=report, user=group_director, version=report.version)
    result = IndicatorResult.objects.get(indicator=rate, quarter=YEAR_END)
    assert (result.value, result.count_unit, result.shortfall) == (
        Decimal("54.39"),
        "โรงเรียน",
        Decimal("26.00"),
    )

    client.force_login(director)
    html = client.get(reverse("reports:annual_report", args=[2565])).content.decode()
    # As the seed's Thai contest row prints (test_chapter_4_carries_the_reached_and_short_columns).
    assert _row(html, thai.to_thai_digits(rate.text))[2:7] == [
        "ร้อยละ ๘๐",
        "",
        "ร้อยละ ๕๔.๓๙",
        "๒๖ โรงเรียน",
        "ร้อยละ ๒๕.๖๑",
    ]


def test_an_achieved_result_prints_no_shortfall(
    client, project, rate, staff_user, group_director, director
):
    client.force_login(staff_user)
    _post(client, project, rate, value="90", unit="ร้อยละ", count_unit="โรงเรียน", shortfall="3")
    report = QuarterlyReport.objects.get(project=project)
    report = services.report_submit(report=report, user=staff_user, version=report.version)
    services.report_approve(report=report, user=group_director, version=report.version)
    assert IndicatorResult.objects.get(indicator=rate).shortfall == Decimal(3)
    client.force_login(director)
    html = client.get(reverse("reports:annual_report", args=[2565])).content.decode()
    assert _row(html, thai.to_thai_digits(rate.text))[2:7] == ["ร้อยละ ๘๐", "", "ร้อยละ ๙๐", "", ""]


def test_a_negative_shortfall_is_refused(client, project, rate, staff_user):
    client.force_login(staff_user)
    response = _post(client, project, rate, value="50", unit="ร้อยละ", shortfall="-3")
    assert response.status_code == 200
    assert "ตัวเลขต้องไม่ติดลบ" in response.content.decode()
    assert not QuarterlyReport.objects.exists() and not ReportValue.objects.exists()

    with pytest.raises(ValidationError) as refused:
        services.report_save_draft(
            project=project,
            quarter=YEAR_END,
            user=staff_user,
            version=0,
            narrative={},
            values={rate.pk: (Decimal(50), "ร้อยละ", None, "โรงเรียน", Decimal(-3))},
            amounts={},
        )
    assert "จำนวนที่ไม่บรรลุต้องไม่ติดลบ" in str(refused.value)
    assert not ReportValue.objects.exists()


def test_a_blank_shortfall_clears_the_saved_one(client, project, rate, staff_user):
    client.force_login(staff_user)
    _post(client, project, rate, value="50", unit="ร้อยละ", count_unit="คน", shortfall="4")
    response = _post(client, project, rate, "1", value="50", unit="ร้อยละ", count_unit="คน")
    assert response.status_code == 302
    value = ReportValue.objects.get(indicator=rate)
    assert (value.shortfall, value.count_unit) == (None, "")  # no count, no shortfall


# -- the quarterly values import --------------------------------------------------------


def _values_row(**extra):
    return {
        "ปีงบประมาณ (พ.ศ.)": 2565,
        "เลขที่โครงการ": 1,
        "ตัวชี้วัดที่": 1,
        "ไตรมาส": YEAR_END,
        "ผลการดำเนินงาน": "54.39",
        **extra,
    }


HEADERS = [c.header for c in VALUES.columns]


def test_the_import_reads_the_shortfall_and_exports_it(client, office, project, rate, planner):
    assert HEADERS[-1] == "จำนวนที่ไม่บรรลุ"
    client.force_login(planner)
    row = _values_row(**{"หน่วยของจำนวน": "โรงเรียน", "จำนวนที่ไม่บรรลุ": "๒๖"})
    content = xlsx(HEADERS, [row])
    assert len(import_file(client, "indicator-values", office, content).created) == 1
    value = ReportValue.objects.get(indicator=rate)
    assert (value.count, value.count_unit, value.shortfall) == (None, "โรงเรียน", Decimal(26))

    again = import_file(client, "indicator-values", office, content)
    assert (len(again.created), len(again.changed), len(again.unchanged)) == (0, 0, 1)

    # The export carries it back, in its own column.
    sheet = openpyxl.load_workbook(io.BytesIO(download(client, "indicator-values", office)))
    sheet = sheet.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if row[0] == "ปีงบประมาณ (พ.ศ.)")
    exported = dict(zip(rows[at], rows[at + 1], strict=True))
    assert Decimal(str(exported["จำนวนที่ไม่บรรลุ"])) == 26


def test_the_import_refuses_a_negative_shortfall(client, office, project, planner):
    client.force_login(planner)
    outcome = preview(
        client, "indicator-values", office, xlsx(HEADERS, [_values_row(**{"จำนวนที่ไม่บรรลุ": "-2"})])
    )
    assert [(n, c) for n, c, _ in issues(outcome)] == [(2, "จำนวนที่ไม่บรรลุ")]
    assert not ReportValue.objects.exists()
