"""The whole quarter in a real browser, as the people who do it: staff fills the quarter
with Thai digits and a photo and submits; the group director returns it with a reason;
staff fixes and resubmits; the office director approves; the page is locked and its
history shows every step."""

import re
from decimal import Decimal

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from budget.models import ProjectDisbursement
from indicators.models import IndicatorResult
from plans.models import Role
from tests import factories
from tests.progress.factories import reportable_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, base: str, username: str, path: str = "/progress/") -> None:
    page.goto(f"{base}/accounts/login/?next={path}")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill("pw-test-2565")
    page.get_by_label("รหัสผ่าน").press("Enter")


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="ออกจากระบบ").click()
    expect(page.get_by_role("heading", name="เข้าสู่ระบบ")).to_be_visible()


def test_a_quarter_from_entry_to_approval(live_server, page: Page, tmp_path):
    office = factories.office()
    plan = factories.plan(office)
    group = factories.work_group(office, code="promotion", name="กลุ่มส่งเสริมการจัดการศึกษา")
    project = reportable_project(plan, group)
    rate, persons = project.indicators.order_by("order")
    factories.member(office, "staff", Role.STAFF, group)
    factories.member(office, "groupdirector", Role.GROUP_DIRECTOR, group)
    factories.member(office, "director", Role.DIRECTOR)
    photo = tmp_path / "training.png"
    Image.new("RGB", (32, 24), (11, 92, 171)).save(photo)
    report_path = f"/progress/projects/{project.pk}/q1/"

    # Staff finds the project among theirs and fills the first quarter.
    sign_in(page, live_server.url, "staff")
    expect(page.get_by_role("heading", name="โครงการของฉัน")).to_be_visible()
    page.get_by_role("link", name="ไตรมาสที่ ๑").click()
    page.get_by_role("link", name="โครงการทดสอบ 1").click()
    first = page.get_by_role("group", name=re.compile("ตัวชี้วัดที่ ๑"))
    first.get_by_label("ผลการดำเนินงานไตรมาสนี้").fill("๘๕.๕")
    second = page.get_by_role("group", name=re.compile("ตัวชี้วัดที่ ๒"))
    second.get_by_label("ผลการดำเนินงานไตรมาสนี้").fill("๓๒")
    page.get_by_role("group", name=re.compile("กิจกรรมที่ ๑")).get_by_label(
        "เบิกจ่ายในไตรมาสนี้ (บาท)"
    ).fill("๒,๕๐๐")
    page.get_by_label("วิธีการดำเนินงาน/สิ่งที่ดำเนินการ").fill("จัดอบรมครูแกนนำ ๑ รุ่น")
    page.get_by_label("เพิ่มภาพกิจกรรม").set_input_files(str(photo))
    page.get_by_label("คำบรรยายภาพ").fill("ครูแกนนำร่วมอบรม")
    page.get_by_role("button", name="บันทึกและส่งรายงาน").click()
    expect(page.get_by_test_id("report-status")).to_contain_text("ส่งแล้ว รอพิจารณา")
    expect(page.get_by_role("img", name="ครูแกนนำร่วมอบรม")).to_have_count(1)
    sign_out(page)

    # The group director returns it with a reason.
    sign_in(page, live_server.url, "groupdirector", report_path)
    page.get_by_role("link", name="ส่งกลับแก้ไข").click()
    page.get_by_label("เหตุผล").fill("จำนวนครูไม่ตรงกับรายชื่อผู้เข้าอบรม")
    page.get_by_role("button", name="ยืนยันส่งกลับแก้ไข").click()
    expect(page.get_by_test_id("report-status")).to_contain_text("ส่งกลับแก้ไข")
    expect(page.get_by_test_id("report-status")).to_contain_text("จำนวนครูไม่ตรงกับรายชื่อผู้เข้าอบรม")
    sign_out(page)

    # Staff fixes the count and submits again.
    sign_in(page, live_server.url, "staff", report_path)
    field = page.get_by_role("group", name=re.compile("ตัวชี้วัดที่ ๒")).get_by_label(
        "ผลการดำเนินงานไตรมาสนี้"
    )
    expect(field).to_have_value("๓๒.๐๐")  # as every number input shows a saved number
    field.fill("๔๐")
    page.get_by_role("button", name="บันทึกและส่งรายงาน").click()
    expect(page.get_by_test_id("report-status")).to_contain_text("ส่งแล้ว รอพิจารณา")
    sign_out(page)

    # The office director approves; the page is locked.
    sign_in(page, live_server.url, "director", report_path)
    page.get_by_role("link", name="อนุมัติ", exact=True).click()
    page.get_by_role("button", name="ยืนยันอนุมัติรายงาน").click()
    expect(page.get_by_test_id("locked")).to_contain_text("ถูกล็อกไม่ให้แก้ไข")
    expect(page.get_by_role("button", name="บันทึกร่าง")).to_have_count(0)
    expect(page.get_by_role("cell", name="๔๐ คน", exact=True)).to_have_count(2)

    # Every step is in the history, newest first: the report's own lines, and the lines of
    # its values, money and photo (named by their kind).
    history = page.get_by_test_id("history")
    own = history.locator("tbody tr").filter(has_not=page.locator(".muted"))
    expect(own.locator("td:nth-child(3)")).to_have_text(
        ["อนุมัติ", "ส่งรายงาน", "ส่งกลับแก้ไข", "ส่งรายงาน", "เพิ่ม"]
    )
    corrected = history.locator("tbody tr", has_text="ผลการดำเนินงาน: ๓๒.๐๐ → ๔๐.๐๐")
    expect(corrected).to_have_count(1)
    expect(corrected).to_contain_text("ผลตัวชี้วัดในรายงาน")
    expect(history).to_contain_text("จำนวนครูไม่ตรงกับรายชื่อผู้เข้าอบรม")  # the return's reason

    assert {
        r.indicator_id: r.value
        for r in IndicatorResult.objects.filter(indicator__project=project, quarter=1)
    } == {
        rate.pk: Decimal("85.50"),
        persons.pk: Decimal("40.00"),
    }
    assert ProjectDisbursement.objects.get(project=project).amount == Decimal("2500.00")
