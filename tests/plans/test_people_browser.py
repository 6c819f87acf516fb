"""The office's administrator adds a colleague in a real browser (Debian's Chromium), without
the Django admin, and the colleague signs in with the password given; the people pages fit
1,366 px and a 390 px phone (tests/test_trust_browser.py's `shoot`)."""

import re

import pytest
from playwright.sync_api import Browser, expect

from plans.models import Membership, Role
from tests import factories
from tests.test_trust_browser import WIDE, shoot, sign_in  # noqa: F401 -- shoot is a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COLLEAGUE_PASSWORD = "Kr0ng-Kan-2566!"


def test_the_administrator_adds_a_colleague_who_then_signs_in(
    live_server,
    browser: Browser,
    shoot,  # noqa: F811
):
    office = factories.office()
    factories.work_group(office, code="promotion", name="กลุ่มส่งเสริมการจัดการศึกษา")
    factories.member(office, "officeadmin", Role.ADMIN)
    page = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    sign_in(page, live_server.url, "officeadmin")

    page.get_by_role("link", name="บุคลากร", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("บุคลากรของ")
    shoot(page, "people-list")
    page.get_by_role("link", name="สร้างบัญชีใหม่").first.click()
    page.get_by_label("ชื่อผู้ใช้").fill("somsri")
    page.locator("#id_first_name").fill("สมศรี")
    page.get_by_label("นามสกุล").fill("ใจดี")
    page.get_by_role("textbox", name="อีเมล").fill("somsri@example.go.th")
    page.get_by_label("กำหนดรหัสผ่านเริ่มต้นเอง").check()
    page.get_by_label("รหัสผ่านเริ่มต้น", exact=True).fill(COLLEAGUE_PASSWORD)
    page.get_by_label("ยืนยันรหัสผ่าน").fill(COLLEAGUE_PASSWORD)
    page.get_by_label("บทบาท").select_option(label=Role.STAFF.label)
    page.get_by_role("button", name="เพิ่มบุคลากร").click()
    # A staff member needs a group: the page says so and keeps what was typed.
    expect(page.get_by_text("บทบาทนี้ต้องระบุกลุ่มงาน").first).to_be_visible()
    expect(page.get_by_label("ชื่อผู้ใช้")).to_have_value("somsri")
    page.get_by_label("กลุ่มงาน").select_option(label="กลุ่มส่งเสริมการจัดการศึกษา")
    page.get_by_label("รหัสผ่านเริ่มต้น", exact=True).fill(COLLEAGUE_PASSWORD)
    page.get_by_label("ยืนยันรหัสผ่าน").fill(COLLEAGUE_PASSWORD)
    page.get_by_role("button", name="เพิ่มบุคลากร").click()
    expect(page.get_by_text("สร้างบัญชีและเพิ่ม สมศรี ใจดี")).to_be_visible()
    row = page.get_by_test_id("member-somsri")
    expect(row).to_contain_text("somsri@example.go.th")
    expect(row).to_contain_text("กลุ่มส่งเสริมการจัดการศึกษา")
    membership = Membership.objects.get(user__username="somsri", office=office)
    assert (membership.role, membership.work_group.code) == (Role.STAFF, "promotion")

    colleague = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    colleague.goto(f"{live_server.url}/accounts/login/")
    colleague.get_by_label("ชื่อผู้ใช้").fill("somsri")
    colleague.get_by_label("รหัสผ่าน").fill(COLLEAGUE_PASSWORD)
    colleague.get_by_label("รหัสผ่าน").press("Enter")
    expect(colleague.get_by_text("สมศรี ใจดี")).to_be_visible()
    expect(colleague.get_by_role("link", name="บุคลากร", exact=True)).to_have_count(0)


def test_an_invited_colleague_sets_their_password_from_the_link(
    live_server,
    browser: Browser,
    mailoutbox,
    shoot,  # noqa: F811
):
    """The default way: the administrator never types a password; the colleague opens the
    e-mailed link, sets their own and signs in with it."""
    office = factories.office()
    factories.member(office, "officeadmin", Role.ADMIN)
    page = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    sign_in(page, live_server.url, "officeadmin")
    page.goto(f"{live_server.url}/people/add/")
    expect(page.get_by_label("ส่งลิงก์ทางอีเมลให้ผู้ใช้ตั้งรหัสผ่านเอง (แนะนำ)")).to_be_checked()
    shoot(page, "people-invite")
    page.get_by_label("ชื่อผู้ใช้").fill("somchai")
    page.locator("#id_first_name").fill("สมชาย")
    page.get_by_label("นามสกุล").fill("รักงาน")
    page.get_by_role("textbox", name="อีเมล").fill("somchai@example.go.th")
    page.get_by_label("บทบาท").select_option(label=Role.DIRECTOR.label)
    page.get_by_role("button", name="เพิ่มบุคลากร").click()
    expect(page.get_by_text("ส่งลิงก์ตั้งรหัสผ่านไปที่ somchai@example.go.th แล้ว")).to_be_visible()
    expect(page.get_by_test_id("member-somchai")).to_contain_text("รอผู้ใช้ตั้งรหัสผ่าน")

    (message,) = mailoutbox
    link = re.search(r"https?://\S+/accounts/reset/\S+/", message.body).group(0)
    colleague = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    colleague.goto(link)
    colleague.locator("#id_new_password1").fill(COLLEAGUE_PASSWORD)
    colleague.locator("#id_new_password2").fill(COLLEAGUE_PASSWORD)
    colleague.get_by_role("button", name="ตั้งรหัสผ่านใหม่").click()
    expect(colleague.get_by_role("heading", level=1)).to_be_visible()
    colleague.goto(f"{live_server.url}/accounts/login/")
    colleague.get_by_label("ชื่อผู้ใช้").fill("somchai")
    colleague.get_by_label("รหัสผ่าน").fill(COLLEAGUE_PASSWORD)
    colleague.get_by_label("รหัสผ่าน").press("Enter")
    expect(colleague.get_by_text("สมชาย รักงาน")).to_be_visible()
