"""Searching from the top bar in a real browser (Debian's Chromium): typed with the keyboard,
the result is highlighted and links to its page; the page fits 1,366 px and a 390 px phone."""

import pytest
from playwright.sync_api import Browser, expect

from plans.models import Role
from projects.models import ProjectStatement
from tests import factories
from tests.test_trust_browser import WIDE, shoot, sign_in  # noqa: F401 -- shoot is a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_in_the_top_bar_finds_a_highlighted_narrative(
    live_server,
    browser: Browser,
    shoot,  # noqa: F811
):
    office = factories.office(code="sec-plkutt", name="สพม.พิษณุโลก อุตรดิตถ์")
    plan = factories.plan(office)
    project = factories.project(plan, 1, name="โครงการป้องกันและแก้ไขปัญหายาเสพติดและอบายมุขในสถานศึกษา")
    ProjectStatement.objects.create(
        project=project,
        kind="qualitative",
        number=1,
        text="นักเรียนทุกคนมีภูมิคุ้มกันป้องกันยาเสพติด มีพฤติกรรมที่พึงประสงค์",
    )
    factories.activity(project, 1, name="คู่มือต่อต้านภัยยาเสพติด")
    factories.project(plan, 2, name="โครงการรวมพลังครูเพื่อสร้างศิษย์")
    factories.member(office, "director", Role.DIRECTOR)

    page = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    sign_in(page, live_server.url, "director")
    box = page.get_by_role("searchbox", name="ค้นหาโครงการ กิจกรรม ตัวชี้วัด โรงเรียน")
    box.focus()
    page.keyboard.type("ภูมิคุ้มกัน")
    page.keyboard.press("Enter")

    expect(page.get_by_test_id("search-count")).to_have_text(
        "พบ ๑ รายการสำหรับ “ภูมิคุ้มกัน” ในสพม.sec-plkutt"
    )
    result = page.locator(".search-result")
    expect(result.locator(".search-kind")).to_have_text("ผลการดำเนินงานโครงการ (รายงานประจำปี)")
    expect(result.locator(".search-snippet mark")).to_have_text("ภูมิคุ้มกัน")
    expect(box).to_have_value("ภูมิคุ้มกัน")

    box.fill("ยาเสพติด")
    box.press("Enter")
    expect(page.get_by_test_id("search-count")).to_have_text(
        "พบ ๓ รายการสำหรับ “ยาเสพติด” ในสพม.sec-plkutt"
    )
    expect(page.locator(".search-result h2 mark").first).to_have_text("ยาเสพติด")
    shoot(page, "search-results")

    page.get_by_role("link", name="คู่มือต่อต้านภัยยาเสพติด").click()
    expect(page).to_have_url(f"{live_server.url}/plans/2565/report/#project-1")

    page.goto(f"{live_server.url}/search/?q=ยาบ้า")
    expect(page.get_by_test_id("search-none")).to_have_text("ไม่พบผลลัพธ์สำหรับ “ยาบ้า”")
    shoot(page, "search-none", keep=())
