"""Finance imports the office's budget by category in a real browser (Debian's Chromium):
the menu's นำเข้าข้อมูล lists finance's kinds only; a disbursement file read before the
allocations is refused on its row with what is left; the allocations and then the same
disbursement file are confirmed, and table 13's figures are saved."""

from decimal import Decimal

import pytest
from playwright.sync_api import Browser, expect

from budget.imports import OFFICE_ALLOCATIONS, OFFICE_DISBURSEMENTS
from budget.models import OfficeAllocation, OfficeDisbursement
from plans.models import Role
from tests import factories
from tests.budget import factories as budget_factories
from tests.import_steps import xlsx
from tests.test_trust_browser import WIDE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_finance_imports_the_office_budget(live_server, browser: Browser, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    office = factories.office()
    factories.plan(office)
    budget_factories.category()
    factories.member(office, "finance", Role.FINANCE)
    year = {"ปีงบประมาณ (พ.ศ.)": "๒๕๖๕", "หมวดงบประมาณ": "งบดำเนินงาน"}
    allocations = tmp_path / "allocations.xlsx"
    allocations.write_bytes(
        xlsx(
            [c.header for c in OFFICE_ALLOCATIONS.columns],
            [{**year, "ครั้งที่": 1, "จำนวนเงิน (บาท)": "๒๐๐,๐๐๐"}],
        )
    )
    spent = tmp_path / "disbursements.xlsx"
    spent.write_bytes(
        xlsx(
            [c.header for c in OFFICE_DISBURSEMENTS.columns],
            [{**year, "เลขที่เอกสาร": "ฎ.1/2565", "จำนวนเงิน (บาท)": "๑๕๐,๐๐๐.๕๐"}],
        )
    )

    page = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    sign_in(page, live_server.url, "finance")
    page.get_by_role("link", name="นำเข้าข้อมูล", exact=True).click()
    kinds = page.locator(".import-kinds h2")
    expect(kinds).to_have_count(3)
    expect(kinds.nth(0)).to_have_text("การเบิกจ่ายงบประมาณโครงการ")

    page.get_by_role("link", name="การเบิกจ่ายงบประมาณของสำนักงานรายหมวด", exact=True).first.click()
    page.get_by_label("ไฟล์ข้อมูล").set_input_files(str(spent))
    page.get_by_role("button", name="ตรวจดูตัวอย่าง").click()
    row = page.locator(".import-issues tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("จำนวนเงิน (บาท)")
    expect(row).to_contain_text("เบิกจ่ายเกินงบประมาณคงเหลือของงบดำเนินงาน (คงเหลือ ๐.๐๐ บาท")
    expect(page.get_by_role("button", name="ยืนยันนำเข้า")).to_have_count(0)

    for file, title in (
        (allocations, "งบประมาณที่สำนักงานได้รับจัดสรรรายหมวด"),
        (spent, "การเบิกจ่ายงบประมาณของสำนักงานรายหมวด"),
    ):
        page.get_by_role("link", name="นำเข้าข้อมูล", exact=True).first.click()
        page.get_by_role("link", name=title, exact=True).first.click()
        page.get_by_label("ไฟล์ข้อมูล").set_input_files(str(file))
        page.get_by_role("button", name="ตรวจดูตัวอย่าง").click()
        expect(page.get_by_role("heading", name="จะเพิ่มใหม่ ๑ รายการ")).to_be_visible()
        page.get_by_role("button", name="ยืนยันนำเข้า").click()
        expect(page.get_by_text(f"นำเข้า{title}จากไฟล์ {file.name} แล้ว")).to_be_visible()
    assert [a.amount for a in OfficeAllocation.objects.all()] == [Decimal("200000.00")]
    assert [d.amount for d in OfficeDisbursement.objects.all()] == [Decimal("150000.50")]
