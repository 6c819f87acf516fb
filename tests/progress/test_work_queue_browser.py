"""The work queue in a real browser (Debian's Chromium): the group director finds the
reports waiting for him across quarters without choosing a quarter, returns one and
approves the other from there; the staff member finds the returned report first, with the
reason. Each queue is looked at at 1366 and 390 px (tests.test_trust_browser.shoot)."""

from decimal import Decimal

import pytest
from playwright.sync_api import Browser, Page, expect

from plans.models import Role
from progress import services as progress_services
from progress.models import QuarterlyReport
from tests import factories
from tests.progress.factories import reportable_project
from tests.test_trust_browser import WIDE, named, shoot, sign_in  # noqa: F401 (shoot: fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submitted(project, quarter: int, staff) -> None:
    activity = project.activities.get()
    report = progress_services.report_save_draft(
        project=project,
        quarter=quarter,
        user=staff,
        version=0,
        narrative={"work_done": f"จัดอบรมครูแกนนำ ไตรมาสที่ {quarter}"},
        values={},
        amounts={activity.pk: Decimal("1000")},
    )
    progress_services.report_submit(report=report, user=staff, version=report.version)


def _page(browser: Browser, base: str, username: str) -> Page:
    page = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    sign_in(page, base, username)
    return page


def test_group_director_and_staff_find_their_work(live_server, browser: Browser, shoot):  # noqa: F811
    office = factories.office()
    plan = factories.plan(office)
    group = factories.work_group(office, code="promotion", name="กลุ่มส่งเสริมการจัดการศึกษา")
    project = reportable_project(plan, group, budget="100000")
    staff = named(factories.member(office, "somchai", Role.STAFF, group), "สมชาย", "ใจดี")
    named(factories.member(office, "wichai", Role.GROUP_DIRECTOR, group), "วิชัย", "ผู้อำนวยการ")
    _submitted(project, 1, staff)
    _submitted(project, 2, staff)

    # The group director opens the quarterly reports and his queue: both quarters wait.
    boss = _page(browser, live_server.url, "wichai")
    menu = boss.get_by_role("navigation", name="เมนูหลัก")
    menu.get_by_role("link", name="รายงานรายไตรมาส").click()
    boss.get_by_role("link", name="งานที่รอฉัน").click()
    waiting = boss.get_by_test_id("queue-waiting")
    expect(waiting.locator("tbody tr")).to_have_count(2)
    expect(waiting).to_contain_text("สมชาย ใจดี")
    expect(boss.get_by_text("ไม่มีรายงานที่ถูกส่งกลับให้คุณแก้ไข")).to_be_visible()
    shoot(boss, "work-queue-groupdirector")

    # He returns the second quarter with a reason, from the queue.
    waiting.locator("tr", has_text="ไตรมาสที่ ๒").get_by_role("link").click()
    boss.get_by_role("link", name="ส่งกลับแก้ไข").click()
    boss.get_by_label("เหตุผล").fill("ยอดเบิกจ่ายไม่ตรงกับหลักฐาน")
    boss.get_by_role("button", name="ยืนยันส่งกลับแก้ไข").click()
    boss.get_by_role("link", name="งานที่รอฉัน").click()
    expect(waiting.locator("tbody tr")).to_have_count(1)
    expect(waiting).to_contain_text("ไตรมาสที่ ๑")

    # And approves the first.
    waiting.get_by_role("link").click()
    boss.get_by_role("link", name="อนุมัติ", exact=True).click()
    boss.get_by_role("button", name="ยืนยันอนุมัติ").click()
    boss.get_by_role("link", name="งานที่รอฉัน").click()
    expect(boss.get_by_text("ไม่มีรายงานที่รอให้คุณพิจารณา")).to_be_visible()

    # The staff member finds the returned report first, with the reason, and opens it.
    mine = _page(browser, live_server.url, "somchai")
    mine.goto(f"{live_server.url}/progress/queue/")
    returned = mine.get_by_test_id("queue-returned")
    expect(returned.locator("tbody tr")).to_have_count(1)
    expect(returned).to_contain_text("ยอดเบิกจ่ายไม่ตรงกับหลักฐาน")
    shoot(mine, "work-queue-staff")
    returned.get_by_role("link").click()
    expect(mine.get_by_role("button", name="บันทึกร่าง", exact=True)).to_be_visible()

    reports = QuarterlyReport.objects.filter(project=project)
    statuses = dict(reports.values_list("quarter", "status"))
    assert statuses == {1: QuarterlyReport.Status.APPROVED, 2: QuarterlyReport.Status.RETURNED}
