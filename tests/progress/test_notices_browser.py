"""Notices in Chromium: the group director sees the count in the menu after his staff
member submits a report, opens the list, marks a notice read, follows it to the report, and
turns the e-mail of a kind off from the page his name links to. Pictures of the list and the
preferences at 1366 and 390 px (UPDATE_SCREENSHOTS=1 keeps them in docs/screenshots/)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from plans.models import Notice, NoticeKind, NoticePreference, Role
from progress import services
from progress.reminders import send_reminders
from tests import factories
from tests.progress.factories import reportable_project
from tests.test_trust_browser import WIDE, named, shoot, sign_in  # noqa: F401 (shoot: fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_group_director_reads_his_notices_and_chooses_what_to_get(
    live_server,
    browser: Browser,
    shoot,  # noqa: F811
):
    office = factories.office(name="สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาทดสอบ")
    plan = factories.plan(office)
    group = factories.work_group(office, code="promotion", name="กลุ่มส่งเสริมการจัดการศึกษา")
    project = reportable_project(plan, group)
    second = reportable_project(plan, group, 2)
    staff = named(factories.member(office, "somchai", Role.STAFF, group), "สมชาย", "ใจดี")
    boss = named(factories.member(office, "wilai", Role.GROUP_DIRECTOR, group), "วิไล", "ตั้งใจ")
    boss.email = "wilai@example.go.th"
    boss.save()
    # Older notices: an overdue reminder (read) and a deadline reminder, then the submission.
    send_reminders(today=date(2022, 4, 16))
    Notice.objects.filter(recipient=boss).update(
        read_at=timezone.now(), created_at=timezone.now() - timedelta(days=3)
    )
    for p in (second, project):
        report = services.report_save_draft(
            project=p,
            quarter=3,
            user=staff,
            version=0,
            narrative={"work_done": "จัดอบรมครูแกนนำ"},
            values={},
            amounts={},
        )
        services.report_submit(report=report, user=staff, version=report.version)

    context = browser.new_context(locale="th-TH", viewport=WIDE)
    page = context.new_page()
    sign_in(page, live_server.url, "wilai")
    menu = page.get_by_test_id("menu-notices")
    expect(menu).to_contain_text("การแจ้งเตือน")
    expect(menu.locator(".badge")).to_contain_text("๒")
    menu.click()
    expect(page.get_by_role("heading", name="การแจ้งเตือน")).to_be_visible()
    notices = page.get_by_test_id("notices").locator("li")
    expect(notices).to_have_count(4)  # two submissions, two overdue reminders (read)
    expect(notices.first).to_contain_text("สมชาย ใจดี ส่งรายงานความก้าวหน้า ไตรมาสที่ ๓")
    expect(notices.first).to_contain_text("ใหม่")
    expect(notices.last).to_contain_text("เลยกำหนดส่งรายงาน")
    shoot(page, "notices-list")

    notices.first.get_by_role("button", name="ทำเครื่องหมายว่าอ่านแล้ว").click()
    expect(page.get_by_test_id("menu-notices").locator(".badge")).to_contain_text("๑")
    page.get_by_test_id("notices").locator("li").nth(1).get_by_role(
        "link", name="เปิดรายงาน"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("โครงการทดสอบ 2")

    page.get_by_role("link", name="วิไล ตั้งใจ").click()
    expect(page.get_by_role("heading", name="ตั้งค่าการแจ้งเตือน")).to_be_visible()
    page.get_by_label("รายงานส่งมารอพิจารณา: ส่งทางอีเมล").uncheck()
    shoot(page, "notices-preferences")
    page.get_by_role("button", name="บันทึก").click()
    expect(page.get_by_text("บันทึกการตั้งค่าการแจ้งเตือนแล้ว")).to_be_visible()
    expect(page.get_by_label("รายงานส่งมารอพิจารณา: ส่งทางอีเมล")).not_to_be_checked()
    assert list(NoticePreference.objects.values_list("kind", "in_portal", "by_email")) == [
        (NoticeKind.REPORT_SUBMITTED, True, False)
    ]
    context.close()
