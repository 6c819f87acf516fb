"""In a real browser: finance records a disbursement and planning records a transfer; the
project's remaining amount and rate change on the page."""

import pytest
from playwright.sync_api import Page, expect

from plans.models import Role
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, url: str, username: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill("pw-test-2565")
    page.get_by_label("รหัสผ่าน").press("Enter")


def test_disbursement_and_transfer_change_remaining_and_rate(live_server, page: Page):
    office = factories.office()
    plan = factories.plan(office)
    group = factories.work_group(office)
    project = factories.project(plan, 1, group=group, budget="100000.00", name="โครงการหนึ่ง")
    factories.project(plan, 2, group=group, budget="50000.00", name="โครงการสอง")
    factories.member(office, "finance", Role.FINANCE)
    factories.member(office, "planner", Role.PLANNING)
    ledger = f"{live_server.url}/budget/2565/projects/{project.pk}/"

    sign_in(page, live_server.url, "finance")
    page.goto(ledger)
    expect(page.get_by_test_id("project-remaining")).to_have_text("๑๐๐,๐๐๐.๐๐")
    expect(page.get_by_test_id("project-rate")).to_have_text("๐.๐๐")
    page.get_by_label("วันที่เบิกจ่าย").fill("๔/๓/๒๕๖๕")
    page.get_by_label("จำนวนเงิน (บาท)").fill("๒๕,๐๐๐")
    page.get_by_label("เลขที่เอกสาร").fill("บจ 1/65")
    page.get_by_label("หมายเหตุ").press("Enter")
    expect(page.get_by_text("บันทึกการเบิกจ่ายแล้ว")).to_be_visible()
    expect(page.get_by_test_id("project-remaining")).to_have_text("๗๕,๐๐๐.๐๐")
    expect(page.get_by_test_id("project-remaining-text")).to_have_text("เจ็ดหมื่นห้าพันบาทถ้วน")
    expect(page.get_by_test_id("project-rate")).to_have_text("๒๕.๐๐")

    # Over-disbursing is refused with the amount left.
    page.get_by_label("วันที่เบิกจ่าย").fill("๕/๓/๒๕๖๕")
    page.get_by_label("จำนวนเงิน (บาท)").fill("๗๕,๐๐๐.๐๑")
    page.get_by_role("button", name="บันทึกการเบิกจ่าย").click()
    expect(page.get_by_text("เบิกจ่ายเกินงบประมาณคงเหลือ (คงเหลือ ๗๕,๐๐๐.๐๐ บาท)")).to_be_visible()

    page.get_by_role("button", name="ออกจากระบบ").click()
    sign_in(page, live_server.url, "planner")
    page.goto(f"{live_server.url}/budget/2565/transfers/")
    page.get_by_label("โอนจาก").select_option(f"p{project.pk}")
    page.get_by_label("โอนไป").select_option(index=2)
    page.get_by_label("จำนวนเงิน (บาท)").fill("50000")
    page.get_by_label("วันที่อนุมัติการโอน").fill("1/4/2565")
    page.get_by_label("เหตุผลการโอน").fill("ปรับแผนการดำเนินงาน")
    page.get_by_label("ผู้อนุมัติ").fill("ผู้อำนวยการ สพม.")
    page.get_by_role("button", name="บันทึกการโอน").click()
    expect(page.get_by_text("บันทึกการโอนงบประมาณแล้ว")).to_be_visible()
    expect(page.get_by_role("cell", name="ปรับแผนการดำเนินงาน")).to_be_visible()

    page.goto(ledger)
    expect(page.get_by_test_id("project-current")).to_have_text("๕๐,๐๐๐.๐๐")
    expect(page.get_by_test_id("project-remaining")).to_have_text("๒๕,๐๐๐.๐๐")
    expect(page.get_by_test_id("project-rate")).to_have_text("๕๐.๐๐")
