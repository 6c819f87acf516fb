"""Recording the approved plan in a real browser (Debian's Chromium): the planning group
opens the year's documents, records the director's approval with its date typed in Thai
digits, and the documents page and the printed action plan say which approval they print.
The page fits 1,366 px and a 390 px phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from plans.models import Role
from tests import factories
from tests.test_trust_browser import WIDE, shoot, sign_in  # noqa: F401 -- shoot is a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_planning_group_records_the_approved_plan(live_server, browser: Browser, shoot):  # noqa: F811
    office = factories.office(code="sec-test", name="สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาทดสอบ")
    plan = factories.plan(office)
    group = factories.work_group(office)
    project = factories.project(plan, 1, group=group, budget="375000", name="โครงการตามแผน")
    factories.indicator(project, 1, target="80")
    factories.member(office, "planner", Role.PLANNING)

    page = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    sign_in(page, live_server.url, "planner", "/plans/2565/documents/")
    expect(page.get_by_test_id("plan-approval")).to_contain_text("ยังไม่ได้บันทึกแผนที่ได้รับอนุมัติ")
    page.get_by_role("link", name="บันทึกแผนตามที่ได้รับอนุมัติ").click()
    page.get_by_label("วันที่อนุมัติแผน").fill("๕/๑๐/๒๕๖๔")
    page.get_by_label("คำสั่งหรือหนังสืออนุมัติ").fill("คำสั่ง สพม. ที่ ๑๒/๒๕๖๕")
    shoot(page, "plan-approval")
    page.get_by_role("button", name="บันทึกแผนตามที่ได้รับอนุมัติ").click()
    expect(page.get_by_text("บันทึกแผนตามที่ได้รับอนุมัติเมื่อ ๕ ตุลาคม ๒๕๖๔ แล้ว")).to_be_visible()
    expect(page.get_by_test_id("plan-approval")).to_contain_text(
        "พิมพ์จากแผนที่ได้รับอนุมัติเมื่อ ๕ ตุลาคม ๒๕๖๔ (คำสั่ง สพม. ที่ ๑๒/๒๕๖๕)"
    )
    project.name = "ชื่อใหม่หลังอนุมัติ"
    project.save()
    page.goto(f"{live_server.url}/plans/2565/documents/action-plan/")
    expect(page.get_by_test_id("approved-plan")).to_contain_text("๕ ตุลาคม ๒๕๖๔")
    expect(page.get_by_text("โครงการตามแผน").first).to_be_visible()
    expect(page.get_by_text("ชื่อใหม่หลังอนุมัติ")).to_have_count(0)
