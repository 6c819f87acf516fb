"""Milestones in a real browser: a director opens the dashboard of a year reported up to its
second quarter; the first quarter judges nothing (no project at risk), the second judges
against its milestone, and every page and the print say as of which quarter's end."""

from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from indicators.models import IndicatorMilestone, IndicatorResult
from plans.models import Role
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_director_sees_the_quarter_judged_against_its_milestone(live_server, page: Page):
    office = factories.office()
    plan = factories.plan(office, 2565)
    group = factories.work_group(office)
    project = factories.project(plan, 1, group=group, budget="1000")
    schools = factories.indicator(project, 1, target="50", unit="โรงเรียน", aggregation="sum")
    factories.indicator(project, 2, target="80", unit="ร้อยละ")  # judged at the year's end
    IndicatorMilestone.objects.create(indicator=schools, quarter=2, value=Decimal(20))
    for quarter, value in ((1, 3), (2, 9)):  # 12 of 20 by the second quarter's end
        IndicatorResult.objects.create(
            indicator=schools, quarter=quarter, value=Decimal(value), unit="โรงเรียน"
        )
    factories.member(office, "director", Role.DIRECTOR)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("director")
    page.get_by_label("รหัสผ่าน").fill("pw-test-2565")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()

    def value(testid):
        return page.get_by_test_id(testid).locator(".value")

    page.goto(f"{live_server.url}/dashboard/?year=2565&quarter=1")
    expect(page.get_by_test_id("scope")).to_contain_text("ข้อมูล ณ สิ้นไตรมาสที่ ๑")
    expect(value("not-due")).to_have_text("๒")
    expect(value("at-risk")).to_have_text("๐")
    expect(value("on-track")).to_have_text("๑")

    page.get_by_label("ข้อมูลถึง").select_option("2")  # submits the form by itself
    expect(page.get_by_test_id("scope")).to_contain_text("ข้อมูล ณ สิ้นไตรมาสที่ ๒")
    expect(value("not-achieved")).to_have_text("๑")
    expect(value("not-due")).to_have_text("๑")
    expect(value("at-risk")).to_have_text("๑")
    page.get_by_test_id("not-achieved").click()
    row = page.locator("tr.verdict-not_achieved")
    expect(row.get_by_test_id("milestone")).to_have_text("๒๐ โรงเรียน")
    expect(row).to_contain_text("๑๒ โรงเรียน")

    page.goto(f"{live_server.url}/plans/2565/")
    expect(page.locator(".lead")).to_contain_text("ข้อมูล ณ สิ้นไตรมาสที่ ๒")
    page.goto(f"{live_server.url}/plans/2565/report/")
    expect(page.locator(".cover")).to_contain_text("ข้อมูล ณ สิ้นไตรมาสที่ ๒")
    counts = page.get_by_test_id("summary-counts")
    expect(counts).to_contain_text("ยังไม่ถึงกำหนดประเมิน ๑ ตัวชี้วัด")
