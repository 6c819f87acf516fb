"""The plan summary in a real browser: a director signs in with the keyboard and reads the
computed numbers."""

import pytest
from playwright.sync_api import Page, expect

from plans.models import Role
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_director_signs_in_and_reads_the_summary(live_server, page: Page):
    office = factories.office()
    plan = factories.plan(office)
    group = factories.work_group(office)
    project = factories.project(plan, 1, group=group, budget="375000")
    factories.indicator(project, 1, target="38", unit="คน", result="100", result_unit="ร้อยละ")
    factories.indicator(project, 2, target="100", result="54.39")
    factories.member(office, "director", Role.DIRECTOR)

    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="เข้าสู่ระบบ")).to_be_visible()
    page.get_by_label("ชื่อผู้ใช้").fill("director")
    page.get_by_label("ชื่อผู้ใช้").press("Tab")
    page.keyboard.type("pw-test-2565")
    page.keyboard.press("Enter")

    expect(page.get_by_test_id("achieved")).to_have_text("๑ / ๒")
    expect(page.get_by_test_id("plan-budget")).to_have_text("๓๗๕,๐๐๐.๐๐")
    expect(page.get_by_role("cell", name="ไม่บรรลุ", exact=True)).to_be_visible()
    # Sarabun is served as a static file and actually used.
    font = page.evaluate("document.fonts.check('16px Sarabun')")
    assert font is True


def test_wrong_password_is_answered_in_thai(live_server, page: Page):
    factories.member(factories.office(), "director", Role.DIRECTOR)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("director")
    page.get_by_label("รหัสผ่าน").fill("wrong")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page.get_by_role("alert")).to_have_text("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง กรุณาลองอีกครั้ง")
