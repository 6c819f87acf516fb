"""The planning group sets up the plan's frame and the report's texts in a real browser
(Debian's Chromium): from the menu to the frame, a list reordered, added to and a row
removed after confirming, then the preface written as the report's "คำนำ"; each page fits
1366 px and a 390 px phone (tests/test_trust_browser.py's `shoot`)."""

import pytest
from playwright.sync_api import Page, expect

from plans.models import PlanStatement, ReportText, Role
from tests import factories
from tests.test_trust_browser import shoot, sign_in  # noqa: F401 (shoot is a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_planner_edits_the_frame_and_the_preface(live_server, page: Page, shoot):  # noqa: F811
    office = factories.office()
    plan = factories.plan(office)
    factories.project(plan)
    factories.member(office, "planner", Role.PLANNING)
    for number, text in enumerate(["พัฒนาคุณภาพผู้เรียน", "ส่งเสริมโอกาส", "เลิกแล้ว"], start=1):
        PlanStatement.objects.create(plan=plan, kind="mission", number=number, text=text)

    sign_in(page, live_server.url, "planner")
    page.get_by_role("link", name="จัดการแผน").click()
    expect(page.get_by_role("heading", name="กรอบของแผน ปีงบประมาณ พ.ศ. ๒๕๖๕")).to_be_visible()
    shoot(page, "plan-manage-frame", keep=())

    page.get_by_role("link", name="แก้ไขพันธกิจ").click()
    rows = page.locator("fieldset.list-row")
    rows.nth(1).get_by_label("ลำดับ").fill("๑")
    rows.nth(0).get_by_label("ลำดับ").fill("๒")
    rows.nth(2).get_by_label("ลบรายการนี้").check()
    rows.nth(3).get_by_label("ข้อความ").fill("บริหารจัดการอย่างมีประสิทธิภาพ")
    page.get_by_role("button", name="บันทึกรายการ").click()
    expect(page.get_by_test_id("confirm-delete")).to_contain_text("ยืนยันการลบ ๑ รายการ")
    assert plan.statements.count() == 3  # nothing saved before confirming
    shoot(page, "plan-manage-list-confirm", keep=())
    page.get_by_role("button", name="ยืนยันการลบและบันทึก").click()
    expect(page.get_by_text("บันทึกแล้ว")).to_be_visible()
    assert list(plan.statements.values_list("number", "text")) == [
        (1, "ส่งเสริมโอกาส"),
        (2, "พัฒนาคุณภาพผู้เรียน"),
        (3, "บริหารจัดการอย่างมีประสิทธิภาพ"),
    ]

    page.get_by_role("link", name="ข้อความในรายงานประจำปี").click()
    shoot(page, "plan-manage-texts", keep=())
    page.get_by_role("link", name="แก้ไขคำนำ", exact=True).click()
    page.get_by_label("หัวข้อที่พิมพ์").fill("คำนำ")
    page.get_by_label("เนื้อหา").fill("รายงานผลการดำเนินงานฉบับนี้")
    page.get_by_label("ลงนามโดย").fill("กลุ่มนโยบายและแผน")
    page.get_by_role("button", name="บันทึกข้อความ").click()
    preface = page.get_by_role("row", name="คำนำ", exact=False).first
    expect(preface).to_contain_text("กรอกแล้ว")
    text = ReportText.objects.get(plan=plan, key="preface")
    assert (text.title, text.body, text.signed_by) == (
        "คำนำ",
        "รายงานผลการดำเนินงานฉบับนี้",
        "กลุ่มนโยบายและแผน",
    )


def test_planner_keeps_a_typed_figure_and_the_report_marks_the_tables(
    live_server,
    page: Page,
    shoot,  # noqa: F811
):
    """Issue 16 in Chromium: the planner writes chapter 4's paragraph keeping a typed count
    as the source document has it, first with a misspelt figure name (refused in Thai,
    nothing saved), then right; the annual report prints the typed count with the table's
    count beside it, marked."""
    office = factories.office()
    plan = factories.plan(office)
    factories.project(plan)
    factories.member(office, "planner", Role.PLANNING)

    sign_in(page, live_server.url, "planner")
    page.get_by_role("link", name="จัดการแผน").click()
    page.get_by_role("link", name="ข้อความในรายงานประจำปี").click()
    page.get_by_role("link", name="แก้ไขสรุปผลการดำเนินโครงการ", exact=True).click()
    page.get_by_text("ตัวเลขที่ใช้ในข้อความได้").click()  # the list of figures opens
    expect(page.get_by_test_id("figures-typed")).to_contain_text("{จำนวนโครงการ=๑๗}")
    body = page.get_by_label("เนื้อหา")
    body.fill("แผนมีโครงการ {จำนวนโครงกร=๑๗} โครงการ")
    page.get_by_role("button", name="บันทึกข้อความ").click()
    expect(page.get_by_text("ไม่รู้จักตัวเลข {จำนวนโครงกร=๑๗}")).to_be_visible()
    expect(page.get_by_text("{จำนวนโครงการ}", exact=True)).to_be_visible()  # the names, open
    assert not ReportText.objects.filter(plan=plan, key="chapter4_summary").exists()
    shoot(page, "plan-manage-text-figures", keep=(1366, 390))

    page.get_by_label("เนื้อหา").fill("แผนมีโครงการ {จำนวนโครงการ=๑๗} โครงการ")
    page.get_by_role("button", name="บันทึกข้อความ").click()
    expect(page.get_by_text("บันทึกแล้ว")).to_be_visible()

    page.goto(f"{live_server.url}/plans/{plan.fiscal_year.year}/report/")
    expect(page.get_by_text("แผนมีโครงการ ๑๗ (ตามต้นฉบับ", exact=False)).to_contain_text(
        "แผนมีโครงการ ๑๗ (ตามต้นฉบับ ค่าตามตารางสรุปผลการดำเนินงาน บทที่ ๔ คือ ๑) โครงการ"
    )
