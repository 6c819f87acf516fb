"""/budget/<year>/ fits a 1,366 px screen and a 390 px phone (issue 12: it was about
1,770 px wide and hid the office budget's last column): the page is never wider than the
window; a table wider than its box scrolls inside that box, never the page."""

import pytest
from playwright.sync_api import Page, expect

from demo.users import DEMO_PASSWORD, ensure_demo_users

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1366, 390)


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page.get_by_role("navigation", name="เมนูหลัก")).to_be_visible()


def page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_budget_overview_fits_1366_and_390_px(live_server, browser, fy2565_db):
    ensure_demo_users(fy2565_db.office)
    page = browser.new_context(locale="th-TH", viewport={"width": 1366, "height": 900}).new_page()
    sign_in(page, live_server.url, "finance")
    page.goto(f"{live_server.url}/budget/2565/")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(150)
        assert page_width(page) <= width, f"/budget/2565/ at {width} px"
    page.set_viewport_size({"width": 1366, "height": 900})
    page.wait_for_timeout(150)
    # At 1,366 px both budget tables show every column without scrolling.
    for table in ("table.budget", "table.projects-budget"):
        box = page.locator(table).locator("xpath=..")
        assert box.evaluate("e => e.scrollWidth <= e.clientWidth"), table
    last = page.locator("table.budget thead th").last
    expect(last).to_have_text("ร้อยละการเบิกจ่าย")
    assert last.evaluate("e => e.getBoundingClientRect().right <= window.innerWidth")
