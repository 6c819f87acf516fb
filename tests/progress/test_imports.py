"""Quarterly indicator values imported from a spreadsheet (progress/imports.py): the values
of the quarter's report as a draft, through report_save_draft; never submitted or approved
by the import; a submitted or approved report refused on its row in Thai; the same file
again changes nothing; the planning group's only."""

from decimal import Decimal

import pytest

from indicators.models import IndicatorResult
from plans.models import AuditEntry
from progress.imports import VALUES
from progress.models import QuarterlyReport, ReportDisbursement, ReportValue
from tests import factories
from tests.import_steps import confirm, import_file, issues, preview, url, xlsx

pytestmark = pytest.mark.django_db

HEADERS = [c.header for c in VALUES.columns]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def project(plan, group):
    project = factories.project(plan, 1, group=group, budget="10000.00")
    factories.indicator(project, 1, target="80", unit="ร้อยละ")
    factories.indicator(project, 2, target="30", unit="คน")
    return project


@pytest.fixture
def signed_in(client, planner):
    client.force_login(planner)
    return client


def value(order=1, quarter=1, amount="75.5", **extra):
    row = {
        "ปีงบประมาณ (พ.ศ.)": 2565,
        "เลขที่โครงการ": 1,
        "ตัวชี้วัดที่": order,
        "ไตรมาส": quarter,
        "ผลการดำเนินงาน": amount,
    }
    row.update(extra)
    return row


def test_values_are_the_quarters_draft_and_again_change_nothing(
    signed_in, office, project, planner
):
    content = xlsx(
        HEADERS, [value(1, 1), value(2, 1, "12", **{"จำนวนที่ดำเนินการ": "๑๒"}), value(1, 2, "80")]
    )
    outcome = import_file(signed_in, "indicator-values", office, content)
    assert len(outcome.created) == 3
    reports = {r.quarter: r for r in QuarterlyReport.objects.filter(project=project)}
    assert {q: r.status for q, r in reports.items()} == {1: "draft", 2: "draft"}
    assert {r.submitted_by for r in reports.values()} == {None}
    saved = {
        (v.report.quarter, v.indicator.order): (v.value, v.unit, v.count, v.count_unit)
        for v in ReportValue.objects.select_related("report", "indicator")
    }
    assert saved == {
        (1, 1): (Decimal("75.50"), "ร้อยละ", None, ""),
        (1, 2): (Decimal("12.00"), "คน", Decimal("12.00"), "คน"),
        (2, 1): (Decimal("80.00"), "ร้อยละ", None, ""),
    }
    assert not IndicatorResult.objects.exists()  # a result only once approved
    assert AuditEntry.objects.filter(
        user=planner, note__startswith="นำเข้าผลตัวชี้วัดรายไตรมาส"
    ).exists()

    entries = AuditEntry.objects.count()
    outcome = import_file(signed_in, "indicator-values", office, content)
    assert (len(outcome.created), len(outcome.changed), len(outcome.unchanged)) == (0, 0, 3)
    assert AuditEntry.objects.count() == entries


def test_a_draft_keeps_its_narrative_money_and_other_values(signed_in, office, project, planner):
    from progress.services import report_save_draft

    second = project.indicators.get(order=2)
    report_save_draft(
        project=project,
        quarter=1,
        user=planner,
        version=0,
        narrative={"work_done": "จัดประชุม"},
        values={second.pk: (Decimal("5"), "คน", None)},
        amounts={None: Decimal("1000")},
    )
    import_file(signed_in, "indicator-values", office, xlsx(HEADERS, [value(1, 1, "50")]))
    report = QuarterlyReport.objects.get(project=project, quarter=1)
    assert report.work_done == "จัดประชุม" and report.status == "draft"
    assert dict(report.values.values_list("indicator__order", "value")) == {
        1: Decimal("50.00"),
        2: Decimal("5.00"),
    }
    assert list(ReportDisbursement.objects.values_list("amount", flat=True)) == [Decimal("1000.00")]


def test_submitted_and_approved_reports_are_refused_on_the_row(
    signed_in, office, project, planner, group_director
):
    from progress.services import report_approve, report_save_draft, report_submit

    first = project.indicators.get(order=1)
    for quarter in (1, 2):
        report = report_save_draft(
            project=project,
            quarter=quarter,
            user=planner,
            version=0,
            narrative={"work_done": "ทำแล้ว"},
            values={first.pk: (Decimal("40"), "ร้อยละ", None)},
            amounts={},
        )
        report = report_submit(report=report, user=planner, version=report.version)
    report_approve(report=report, user=group_director, version=report.version)  # quarter 2

    rows = [value(1, 1, "41"), value(1, 2, "42"), value(1, 2, "40", **{"ตัวชี้วัดที่": 1, "ไตรมาส": "๒"})]
    outcome = preview(signed_in, "indicator-values", office, xlsx(HEADERS, rows[:2]))
    messages = {n: (c, m) for n, c, m in issues(outcome)}
    assert messages[2][0] == "ไตรมาส" and "ส่งแล้วและรอพิจารณา" in messages[2][1]
    assert messages[3][0] == "ไตรมาส" and "อนุมัติแล้ว" in messages[3][1]
    assert "เปิดรายงานให้แก้ไขก่อน" in messages[3][1]
    confirm(signed_in, "indicator-values", office)
    assert set(ReportValue.objects.values_list("value", flat=True)) == {Decimal("40.00")}
    # The approved value read again as it is: left alone, not refused.
    outcome = preview(signed_in, "indicator-values", office, xlsx(HEADERS, rows[2:]))
    assert outcome.ok and len(outcome.unchanged) == 1


def test_bad_rows_name_row_and_column_and_write_nothing(signed_in, office, project):
    rows = [
        value(1, 1),
        value(3, 1),
        value(1, 5),
        value(2, 1, "ห้าสิบ"),
        value(2, 2, "-1"),
        value(2, 3, "1", **{"หน่วยของผล": "ลิตร"}),
        value(1, 1, "2"),
        value(1, 4, **{"เลขที่โครงการ": 9}),
    ]
    outcome = preview(signed_in, "indicator-values", office, xlsx(HEADERS, rows))
    assert {(n, c) for n, c, _ in issues(outcome)} == {
        (3, "ตัวชี้วัดที่"),
        (4, "ไตรมาส"),
        (5, "ผลการดำเนินงาน"),
        (6, "ผลการดำเนินงาน"),
        (7, "หน่วยของผล"),
        (8, "ปีงบประมาณ (พ.ศ.)"),
        (9, "เลขที่โครงการ"),
    }
    assert dict(((n, c), m) for n, c, m in issues(outcome))[(3, "ตัวชี้วัดที่")] == (
        "ไม่พบตัวชี้วัดที่ ๓ ในโครงการเลขที่ ๑ (นำเข้าตัวชี้วัดก่อน)"
    )
    confirm(signed_in, "indicator-values", office)
    assert not QuarterlyReport.objects.exists() and not ReportValue.objects.exists()


def test_who_may_import_values(client, office, project, staff_user, director, outsider):
    for user in (staff_user, director):
        client.force_login(user)
        for name in ("imports:upload", "imports:template", "imports:export"):
            assert client.get(url(name, "indicator-values", office)).status_code == 403
    client.force_login(outsider)
    assert client.get(url("imports:upload", "indicator-values", office)).status_code == 404
