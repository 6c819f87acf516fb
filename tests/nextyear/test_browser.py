"""The planner starts FY2566 from the demo's FY2565 in Chromium, and undoes it: the clicks
and the time it takes are counted and printed (issue 12: about 700 clicks in the admin)."""

import time

import pytest
from playwright.sync_api import Browser, Page, expect

from demo.users import DEMO_PASSWORD, ensure_demo_users
from indicators.models import Indicator
from nextyear.models import BudgetProposal
from plans.models import Plan
from projects.models import Activity, Project
from tests.test_trust_browser import WIDE, shoot  # noqa: F401 -- the fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Counted:
    """Clicks made through it, counted."""

    def __init__(self, page: Page):
        self.page, self.clicks = page, 0

    def click(self, locator) -> None:
        locator.click()
        self.clicks += 1


def test_the_planner_starts_fy2566_from_fy2565_in_two_clicks(
    live_server,
    browser: Browser,
    fy2565_db,
    shoot,  # noqa: F811
):
    ensure_demo_users(fy2565_db.office)
    page = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    user = Counted(page)
    page.goto(f"{live_server.url}/accounts/login/?next=/next-year/")
    page.get_by_label("ชื่อผู้ใช้").fill("planner")
    page.get_by_label("รหัสผ่าน").fill(DEMO_PASSWORD)
    user.click(page.get_by_role("button", name="เข้าสู่ระบบ"))
    sign_in_clicks, user.clicks = user.clicks, 0

    started = time.monotonic()
    expect(page.get_by_role("heading", level=1)).to_contain_text("๒๕๖๖")
    expect(page.get_by_test_id("count-projects")).to_have_text("๑๔")
    expect(page.get_by_test_id("frame-kept")).to_be_visible()  # chapter 5's direction
    pictures = time.monotonic()
    shoot(page, "next-year-preview")
    pictures = time.monotonic() - pictures
    user.click(page.get_by_test_id("copy-confirm"))
    expect(page.get_by_test_id("copy-done")).to_contain_text("๑๔ โครงการ")
    taken = time.monotonic()
    shoot(page, "next-year-done")
    pictures += time.monotonic() - taken
    user.click(page.get_by_role("link", name="เปิดโครงการของปีงบประมาณ พ.ศ. ๒๕๖๖").first)
    expect(page).to_have_url(f"{live_server.url}/plan/2566/projects/")
    seconds = time.monotonic() - started - pictures  # the pictures are the test's, not hers
    print(
        f"\nFY2565 -> FY2566 ready to edit: {user.clicks} clicks (after signing in with "
        f"{sign_in_clicks}), {seconds:.1f} s"
    )
    assert user.clicks == 2

    target = Plan.objects.get(office=fy2565_db.office, fiscal_year__year=2566)
    assert Project.objects.filter(plan=target).count() == 14
    assert (
        Activity.objects.filter(project__plan=target).count()
        == Activity.objects.filter(project__plan__fiscal_year__year=2565).count()
    )
    assert Indicator.objects.filter(project__plan=target).count() == 51
    assert BudgetProposal.objects.filter(project__plan=target).exists()

    # Undo, with its confirmation: two clicks from the page, and FY2566 is as it was.
    page.goto(f"{live_server.url}/next-year/2565/")
    user.clicks = 0
    user.click(page.get_by_test_id("copy-done").get_by_role("link", name="ยกเลิกการคัดลอก"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("ยกเลิกการคัดลอก")
    shoot(page, "next-year-undo")
    user.click(page.get_by_test_id("undo-confirm"))
    expect(page.get_by_test_id("copy-confirm")).to_be_visible()
    assert user.clicks == 2
    assert not Project.objects.filter(plan=target).exists()
    assert Plan.objects.filter(pk=target.pk).exists()  # chapter 5's plan stays
