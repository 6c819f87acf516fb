"""The planning group sets up a project in a real browser (Debian's Chromium): adds it from
the plan's list, adds an activity and an indicator with quarterly milestones on the
project's page, and is told in Thai why an indicator with a result cannot be deleted. Each
page is looked at at 1366 and 390 px (tests/test_trust_browser.py `shoot`)."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Browser, expect

from indicators.models import Indicator, IndicatorResult
from plans.models import Role
from projects.models import Project
from tests import factories
from tests.test_trust_browser import WIDE, named, shoot, sign_in  # noqa: F401 (shoot: fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_planner_builds_a_project_tree(live_server, browser: Browser, shoot):  # noqa: F811
    office = factories.office()
    plan = factories.plan(office)
    group = factories.work_group(office, code="promotion", name="กลุ่มส่งเสริมการจัดการศึกษา")
    factories.policy_area("quality")
    old = factories.project(plan, 1, group=group, name="โครงการนิเทศ ติดตาม")
    reported = factories.indicator(old, 1, target="80", result="85")
    named(factories.member(office, "planner", Role.PLANNING), "วิไล", "วางแผน")
    named(factories.member(office, "somchai", Role.STAFF, group), "สมชาย", "ใจดี")

    page = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    sign_in(page, live_server.url, "planner", "/")
    page.get_by_role("link", name="โครงการของแผน", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("โครงการของแผนปฏิบัติการ")
    shoot(page, "plan-projects", keep=())

    # A new project, typed with the keyboard.
    page.get_by_role("link", name="เพิ่มโครงการ").click()
    expect(page.get_by_label("ลำดับโครงการ")).to_have_value("๒")
    page.get_by_label("ชื่อโครงการ").fill("โครงการพัฒนาครูด้านการวัดผล")
    page.get_by_label("วัตถุประสงค์").fill("เพื่อพัฒนาครู\nเพื่อยกระดับผลสัมฤทธิ์")
    page.get_by_label("ด้านนโยบาย").select_option(index=1)
    page.get_by_label("กลุ่มงานที่รับผิดชอบ").select_option(label=str(group))
    page.get_by_label("ผู้รับผิดชอบโครงการ", exact=True).select_option(label="สมชาย ใจดี")
    page.get_by_role("button", name="บันทึกโครงการ").click()
    expect(page.get_by_text("เพิ่มโครงการแล้ว")).to_be_visible()
    project = Project.objects.get(number=2)
    assert project.owner_name == "สมชาย ใจดี"

    # An activity, then an indicator under it with milestones at Q2 and Q4.
    page.get_by_label("ชื่อกิจกรรมใหม่").fill("อบรมเชิงปฏิบัติการ")
    page.get_by_role("button", name="บันทึกกิจกรรม").click()
    expect(page.get_by_text("บันทึกกิจกรรมแล้ว")).to_be_visible()
    page.get_by_role("link", name="เพิ่มตัวชี้วัด").click()
    page.get_by_label(re.compile("^ตัวชี้วัด")).fill("ร้อยละของครูที่ผ่านการอบรม")
    page.get_by_label("กิจกรรม", exact=True).select_option(index=1)
    page.get_by_label("ค่าเป้าหมาย").fill("๘๐")
    page.get_by_label("ณ สิ้นไตรมาสที่ ๒").fill("๔๐")
    page.get_by_label("ณ สิ้นไตรมาสที่ ๔").fill("๘๐")
    shoot(page, "plan-indicator-form", keep=())
    page.get_by_role("button", name="บันทึกตัวชี้วัด").click()
    expect(page.get_by_text("เพิ่มตัวชี้วัดแล้ว")).to_be_visible()
    indicator = Indicator.objects.get(project=project)
    assert dict(indicator.milestones.values_list("quarter", "value")) == {
        2: Decimal(40),
        4: Decimal(80),
    }
    expect(page.get_by_text("ภายใต้กิจกรรมที่ ๑")).to_be_visible()
    shoot(page, "plan-project-tree", keep=())

    # The old project's reported indicator: asked, and refused with the reason.
    page.goto(f"{live_server.url}/plan/2565/projects/{old.pk}/indicators/{reported.pk}/delete/")
    expect(page.get_by_test_id("delete-refused")).to_contain_text(
        "ตัวชี้วัดนี้มีผลการดำเนินงานของตัวชี้วัดบันทึกแล้ว"
    )
    shoot(page, "plan-delete-refused", keep=())
    assert IndicatorResult.objects.filter(indicator=reported).exists()

    # The new indicator has no result: deleted after the question.
    page.goto(f"{live_server.url}/plan/2565/projects/{project.pk}/")
    page.get_by_role("link", name=re.compile(r"^ลบ\s*ตัวชี้วัดที่ ๑")).click()
    page.get_by_role("button", name="ลบตัวชี้วัดนี้").click()
    expect(page.get_by_text("ลบตัวชี้วัดแล้ว")).to_be_visible()
    assert not Indicator.objects.filter(project=project).exists()
