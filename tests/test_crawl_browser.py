"""Each demo role signs in through the form in Chromium and clicks through the menu and the
first link of each menu page: no page answers 5xx, and each is the portal's Thai page.
(Every link of every page is followed by tests/test_crawl.py with Django's test client.)"""

import pytest
from playwright.sync_api import Page, expect

from demo.users import DEMO_PASSWORD, DEMO_USERS, ensure_demo_users

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MENU = ["สรุปผล", "รายงานรายไตรมาส", "งบประมาณ", "แดชบอร์ด"]
LINKS_PER_PAGE = 1


def _sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page.get_by_role("navigation", name="เมนูหลัก")).to_be_visible()


def test_each_demo_role_clicks_through_the_menus(
    live_server, browser, settings, tmp_path, fy2565_db
):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path
    ensure_demo_users(fy2565_db.office)
    failures: list[str] = []
    visited = 0
    for username, *_ in DEMO_USERS:
        context = browser.new_context(locale="th-TH", viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.on(
            "response",
            lambda r, who=username: (
                failures.append(f"{who}: {r.url} {r.status}")
                if r.request.resource_type == "document" and r.status >= 500
                else None
            ),
        )
        _sign_in(page, live_server.url, username)
        for item in MENU:
            menu = page.get_by_role("navigation", name="เมนูหลัก")
            menu.get_by_role("link", name=item, exact=True).click()
            page.wait_for_load_state()
            expect(page.locator("html")).to_have_attribute("lang", "th")
            visited += 1
            here = page.url
            links = page.locator("main a[href^='/']:not([download])")
            for index in range(min(LINKS_PER_PAGE, links.count())):
                link = page.locator("main a[href^='/']:not([download])").nth(index)
                if "/files/" in (link.get_attribute("href") or ""):
                    continue
                link.click()
                page.wait_for_load_state()
                visited += 1
                page.goto(here)
        context.close()
    print(f"\nbrowser: {visited} pages clicked, {len(failures)} 5xx")
    assert failures == []
    assert visited > len(DEMO_USERS) * len(MENU)
