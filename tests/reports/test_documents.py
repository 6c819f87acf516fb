"""The plan's printable documents (reports/documents.py): the action plan and the spending
plan as set at the start of the year, the six-month monitoring of each (only the approved
values of quarters 1 and 2), the year's spending results, and their pages."""

import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse

from indicators.models import IndicatorMilestone
from plans.models import Plan
from progress import services
from reports.documents import DOCUMENTS, document
from reports.selectors import monitoring, plan_documents
from tests.budget import factories as money
from tests.progress.factories import reportable_project

pytestmark = pytest.mark.django_db

PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run(  # noqa: S603 - poppler's pdftotext on our own file
        [PDFTOTEXT, "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return re.sub(r"\s+", " ", result.stdout.decode())


def report(project, quarter, *, staff, director, values, amount, approve=True, **narrative):
    """The quarter's report through the portal's own workflow: saved, and unless told
    otherwise submitted and approved (which writes the results and the ledger)."""
    indicators = list(project.indicators.order_by("order"))
    activity = project.activities.get()
    saved = services.report_save_draft(
        project=project,
        quarter=quarter,
        user=staff,
        version=0,
        narrative={"work_done": f"ดำเนินงานไตรมาส {quarter}", **narrative},
        values={i.pk: (Decimal(v), i.unit, None) for i, v in zip(indicators, values, strict=True)},
        amounts={activity.pk: Decimal(amount)} if amount else {},
    )
    if not approve:
        return saved
    submitted = services.report_submit(report=saved, user=staff, version=saved.version)
    return services.report_approve(report=submitted, user=director, version=submitted.version)


@pytest.fixture
def year(plan, group, staff_user, director):
    """Four quarters of approved reports on project 1 (each with other values), and on
    project 2 an approved first quarter and a second still in draft; half-year milestones,
    the usual cumulative targets, and 1,000 baht moved from project 1 to 2 in February."""
    money.targets(plan)  # 30 / 52 / 75 / 100
    one = reportable_project(plan, group, 1, budget="10000")
    two = reportable_project(plan, group, 2, budget="4000")
    rate, people = one.indicators.order_by("order")
    IndicatorMilestone.objects.create(indicator=rate, quarter=2, value=Decimal(60))
    IndicatorMilestone.objects.create(indicator=people, quarter=2, value=Decimal(40))
    IndicatorMilestone.objects.create(indicator=people, quarter=3, value=Decimal(70))
    money.transfer(one, two, "1000")
    people_of = {"staff": staff_user, "director": director}
    report(one, 1, values=["55.5", "12"], amount="1500", **people_of)
    report(
        one,
        2,
        values=["61.25", "30"],
        amount="2000",
        problems="ครูติดภารกิจสอบปลายภาค",
        corrective_action="เลื่อนการอบรมเป็นวันเสาร์",
        **people_of,
    )
    report(one, 3, values=["70.75", "25"], amount="3000", problems="งบประมาณล่าช้า", **people_of)
    report(one, 4, values=["83.4", "20"], amount="1000", **people_of)
    report(two, 1, values=["40", "5"], amount="500", **people_of)
    report(two, 2, values=["77.77", "66"], amount="900", approve=False, **people_of)
    return one, two


def test_the_six_month_report_prints_exactly_the_approved_first_two_quarters(plan, year):
    data = monitoring.monitoring(plan)
    one, two = data.projects
    rate, people = one.all_indicators
    assert rate.values == [Decimal("55.50"), Decimal("61.25")]
    assert (rate.row.result, rate.milestone, rate.row.target) == (
        Decimal("61.25"),
        Decimal(60),
        Decimal(80),
    )
    assert rate.row.verdict_label == "บรรลุ"
    assert people.values == [Decimal(12), Decimal(30)]
    assert (people.row.result, people.milestone) == (Decimal(42), Decimal(40))  # summed
    # Project 2: the approved first quarter only; its draft second quarter is not there.
    assert [i.values for i in two.all_indicators] == [[Decimal(40), None], [Decimal(5), None]]
    assert [i.row.verdict_label for i in two.all_indicators] == [
        "ยังไม่ถึงกำหนดประเมิน",  # no milestone at quarter 2
        "ยังไม่ถึงกำหนดประเมิน",
    ]
    # Money: the ledger to 31 March 2565 against the budget of that date and the target 52.
    assert one.disbursed_by_quarter == [Decimal("1500.00"), Decimal("2000.00")]
    assert (one.original, one.budget, one.rate, one.target) == (
        Decimal("10000.00"),
        Decimal("9000.00"),
        Decimal("38.89"),
        Decimal(52),
    )
    assert (one.planned, one.pace_label) == (Decimal("4680.00"), "ต่ำกว่าเป้าหมายมาก")
    assert two.disbursed_by_quarter == [Decimal("500.00"), Decimal("0.00")]
    assert (data.disbursed, data.budget) == (Decimal("4000.00"), Decimal("14000.00"))
    assert [(p.quarter, p.items) for p in one.problems] == [(2, ["ครูติดภารกิจสอบปลายภาค"])]
    assert [(p.quarter, p.items) for p in one.corrective_actions] == [(2, ["เลื่อนการอบรมเป็นวันเสาร์"])]

    html = DOCUMENTS["six-month-report"].html(plan)
    text = text_of(html)
    assert "รายงานการกำกับติดตามการดำเนินงานตามแผนปฏิบัติการ" in text
    assert "รอบ ๖ เดือน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕" in text
    assert "๑ ตุลาคม ๒๕๖๔ – ๓๑ มีนาคม ๒๕๖๕" in text
    assert "ร้อยละ ๕๕.๕๐ ร้อยละ ๖๑.๒๕ ร้อยละ ๖๑.๒๕ บรรลุ" in text  # Q1, Q2, so far, verdict
    assert "ร้อยละ ๘๐ ร้อยละ ๖๐" in text  # the year's target, the half-year milestone
    assert "๑๐๐ คน ๔๐ คน ๑๒ คน ๓๐ คน ๔๒ คน บรรลุ" in text
    assert "ครูติดภารกิจสอบปลายภาค (รายงานไตรมาสที่ ๒)" in text
    assert "เลื่อนการอบรมเป็นวันเสาร์ (รายงานไตรมาสที่ ๒)" in text
    assert (
        "งบประมาณ ๙,๐๐๐.๐๐ บาท เบิกจ่ายสะสม ณ สิ้นไตรมาสที่ ๒ ๓,๕๐๐.๐๐ บาท (ร้อยละ ๓๘.๘๙)"
        " เป้าหมายการเบิกจ่ายสะสมร้อยละ ๕๒.๐๐: ต่ำกว่าเป้าหมายมาก"
    ) in text
    # Nothing of the third and fourth quarters, nor of the draft.
    for later in ("๗๐.๗๕", "๘๓.๔๐", "๒๕ คน", "งบประมาณล่าช้า", "๗๗.๗๗", "๖๖ คน", "๙๐๐.๐๐"):
        assert later not in text, later


def test_the_six_month_spending_report_and_the_year_end_results(plan, year):
    half = text_of(DOCUMENTS["six-month-spending"].html(plan))
    assert "รายงานการกำกับติดตามการใช้จ่ายงบประมาณ" in half
    # Project 1: budget at Q2 end, planned 52 %, Q1, Q2, total, rate, pace, remaining.
    assert (
        "โครงการทดสอบ ๑ (ตามแผนเมื่อต้นปี ๑๐,๐๐๐.๐๐) ๙,๐๐๐.๐๐ ๔,๖๘๐.๐๐ ๑,๕๐๐.๐๐ ๒,๐๐๐.๐๐"
        " ๓,๕๐๐.๐๐ ๓๘.๘๙ ต่ำกว่าเป้าหมายมาก ๕,๕๐๐.๐๐"
    ) in half
    assert "๓,๐๐๐.๐๐" not in half  # the third quarter's money
    year_end = text_of(DOCUMENTS["spending-results"].html(plan))
    assert "รายงานผลการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. ๒๕๖๕" in year_end
    assert (
        "๙,๐๐๐.๐๐ ๑,๕๐๐.๐๐ ๒,๐๐๐.๐๐ ๓,๐๐๐.๐๐ ๑,๐๐๐.๐๐ ๗,๕๐๐.๐๐ ๘๓.๓๓ ต่ำกว่าเป้าหมายมาก ๑,๕๐๐.๐๐"
    ) in year_end


def test_the_action_plan_prints_original_budgets_and_milestones_by_quarter(plan, year):
    data = plan_documents.plan_document(plan)
    one, two = data.projects
    assert (one.budget, two.budget, data.budget) == (
        Decimal("10000.00"),  # before the transfer of 1,000 to project 2
        Decimal("4000.00"),
        Decimal("14000.00"),
    )
    people = one.activities[0].indicators[0]
    assert people.milestones == [None, Decimal(40), Decimal(70), None]
    text = text_of(DOCUMENTS["action-plan"].html(plan))
    assert "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๕" in text
    assert "รวมทั้งสิ้น ๒ โครงการ ๑๔,๐๐๐.๐๐" in text
    assert "(-หนึ่งหมื่นสี่พันบาทถ้วน-)" in text
    assert "ตัวชี้วัด ตัวชี้วัดทดสอบ ๒ ๑๐๐ คน – ๔๐ คน ๗๐ คน –" in text
    assert "ก่อนการโอนเปลี่ยนแปลงระหว่างปี" in text
    assert "๙,๐๐๐.๐๐" not in text


def test_the_spending_plan_spreads_the_original_budget_by_the_cumulative_targets(plan, year):
    data = plan_documents.plan_document(plan)
    assert data.projects[0].quarters == [
        Decimal("3000.00"),  # 30 %
        Decimal("2200.00"),  # 52 - 30
        Decimal("2300.00"),  # 75 - 52
        Decimal("2500.00"),  # 100 - 75
    ]
    assert data.quarters == [
        Decimal("4200.00"),
        Decimal("3080.00"),
        Decimal("3220.00"),
        Decimal("3500.00"),
    ]
    text = text_of(DOCUMENTS["spending-plan"].html(plan))
    assert "๑๐,๐๐๐.๐๐ ๓,๐๐๐.๐๐ ๒,๒๐๐.๐๐ ๒,๓๐๐.๐๐ ๒,๕๐๐.๐๐" in text
    assert "รวมทั้งสิ้น ๑๔,๐๐๐.๐๐ ๔,๒๐๐.๐๐ ๓,๐๘๐.๐๐ ๓,๒๒๐.๐๐ ๓,๕๐๐.๐๐" in text


def test_a_quarter_without_a_target_plans_no_amount():
    assert plan_documents.spread(Decimal(1000), {1: Decimal(30), 3: Decimal(75)}) == [
        Decimal("300.00"),
        None,
        None,
        None,
    ]
    assert plan_documents.spread(Decimal("100.01"), {q: Decimal(25 * q) for q in range(1, 5)}) == [
        Decimal("25.00"),
        Decimal("25.01"),  # 50.01 - 25.00: the quarters add up to the budget exactly
        Decimal("25.00"),
        Decimal("25.00"),
    ]


def test_the_pdfs_print_thai_digits_and_the_buddhist_year(plan, year):
    six = pdf_text(DOCUMENTS["six-month-report"].pdf(plan))
    assert "พ.ศ. ๒๕๖๕" in six
    assert "๖๑.๒๕" in six and "๗๐.๗๕" not in six
    assert "2565" not in six
    spending = pdf_text(DOCUMENTS["spending-plan"].pdf(plan))
    assert "แผนการใช้จ่ายงบประมาณ" in spending
    assert "๒,๒๐๐.๐๐" in spending


def build(plan, group, count):
    money.targets(plan)
    for number in range(1, count + 1):
        project = reportable_project(plan, group, number)
        for rate in project.indicators.all():
            IndicatorMilestone.objects.create(indicator=rate, quarter=2, value=Decimal(10))


@pytest.mark.parametrize("count", [1, 4])
def test_every_document_but_the_annual_report_runs_a_fixed_number_of_queries(
    plan, group, staff_user, director, count, django_assert_max_num_queries
):
    build(plan, group, count)
    for project in plan.projects.all():
        report(project, 1, values=["50", "5"], amount="100", staff=staff_user, director=director)
    plan = Plan.objects.select_related("office", "fiscal_year").get(pk=plan.pk)
    with django_assert_max_num_queries(plan_documents.ACTION_PLAN_QUERIES):
        DOCUMENTS["action-plan"].html(plan)
    with django_assert_max_num_queries(monitoring.MONITORING_QUERIES):
        DOCUMENTS["six-month-report"].html(plan)


def test_the_documents_page_lists_every_document_with_its_links(client, plan, year, director):
    client.force_login(director)
    page = client.get(reverse("reports:documents", args=[2565]))
    assert page.status_code == 200
    html = page.content.decode()
    for slug in DOCUMENTS:
        assert f'href="/plans/2565/documents/{slug}/"' in html
        assert f'href="/plans/2565/documents/{slug}.pdf"' in html
    assert "แผนการใช้จ่ายงบประมาณประจำปี ประจำปีงบประมาณ พ.ศ. ๒๕๖๕" in text_of(html)
    summary = client.get(reverse("reports:plan_summary", args=[2565])).content.decode()
    assert 'href="/plans/2565/documents/"' in summary
    shown = client.get(reverse("reports:document", args=[2565, "six-month-report"]))
    assert "๖๑.๒๕" in shown.content.decode()
    pdf = client.get(reverse("reports:document_pdf", args=[2565, "spending-plan"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert "spending-plan-2565.pdf" in pdf["Content-Disposition"]
    assert pdf.content.startswith(b"%PDF")
    annual = client.get(reverse("reports:document_pdf", args=[2565, "annual-report"]))
    assert annual.status_code == 302  # the annual report's own PDF job
    assert client.get(reverse("reports:document", args=[2565, "no-such"])).status_code == 404


def test_another_office_gets_404_and_a_visitor_the_sign_in(client, plan, year, outsider):
    urls = [
        reverse("reports:documents", args=[2565]),
        reverse("reports:document", args=[2565, "action-plan"]),
        reverse("reports:document_pdf", args=[2565, "six-month-spending"]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    client.force_login(outsider)
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_every_document_renders_for_a_plan_without_projects(plan):
    for slug, doc in DOCUMENTS.items():
        if slug != "annual-report":
            assert "ไม่มีโครงการในแผนของปีนี้" in doc.html(plan), slug
    assert document("action-plan").filename(plan, "pdf") == "action-plan-2565.pdf"
