"""The work queue in Chromium (issue 12): the demo's group director finds the report waiting
for him and opens it from the queue; the page fits 1,366 px and a 390 px phone; the staff
member who submitted it does not see it among the reports to decide (four eyes)."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import Page, expect

from demo.users import DEMO_PASSWORD, ensure_demo_users
from progress.models import QuarterlyReport
from projects.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page.get_by_role("navigation", name="เมนูหลัก")).to_be_visible()


def test_the_group_director_finds_and_opens_the_waiting_report(live_server, browser, fy2565_db):
    ensure_demo_users(fy2565_db.office)
    staff = get_user_model().objects.get(username="staff")
    group = staff.memberships.get().work_group
    project = Project.objects.filter(plan__fiscal_year__year=2565, work_group=group).first()
    QuarterlyReport.objects.filter(project=project, quarter=2).delete()
    QuarterlyReport.objects.create(
        project=project,
        quarter=2,
        status=QuarterlyReport.Status.SUBMITTED,
        version=1,
        submitted_by=staff,
        submitted_at=timezone.now(),
    )
    url = f"{live_server.url}/progress/queue/?year=2565"
    page = browser.new_context(locale="th-TH", viewport={"width": 1366, "height": 900}).new_page()
    sign_in(page, live_server.url, "groupdirector")
    page.goto(url)
    waiting = page.get_by_test_id("queue-waiting")
    expect(waiting).to_contain_text("ไตรมาสที่ ๒")
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(150)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.set_viewport_size({"width": 1366, "height": 900})
    waiting.get_by_role("link").first.click()
    expect(page).to_have_url(f"{live_server.url}/progress/projects/{project.pk}/q2/")
    expect(page.get_by_role("link", name="อนุมัติ")).to_be_visible()

    mine = browser.new_context(locale="th-TH", viewport={"width": 390, "height": 844}).new_page()
    sign_in(mine, live_server.url, "staff")
    mine.goto(url)
    expect(mine.get_by_test_id("queue-waiting")).to_have_count(0)
