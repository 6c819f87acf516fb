"""The trust work of issue 10 as people meet it in a real browser (Debian's Chromium):

- two people of one group save the same quarterly report; the second sees the Thai conflict
  table with the other's value beside theirs, chooses per field, and gets exactly that;
- finance reverses a ledger entry that an approved report posted, with a reason; staff see
  no way to delete or reverse;
- a user of two offices switches office in the header and the choice stays;
- five wrong passwords lead to the Thai lockout page;
- the Thai 404 page and the empty-year page, signed in.

Each page is also looked at as a picture, at 1366 px and at a phone's 390 px, and must not
be wider than the window (a phone user would have to scroll the whole page sideways).
`UPDATE_SCREENSHOTS=1` keeps the pictures under docs/screenshots/ (like the dashboard's);
without it they go to a temporary folder, so that running the suite leaves the tree clean.
"""

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, expect

from budget.models import ProjectDisbursement
from plans.models import Membership, Office, Role
from progress import services as progress_services
from progress.models import QuarterlyReport
from tests import factories
from tests.progress.factories import reportable_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"
PASSWORD = "pw-test-2565"
WIDE = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def shoot(tmp_path):
    """shoot(page, name, keep=(1366, 390)): a full-page picture at each width, after
    checking that nothing makes the page wider than the window. Widths in `keep` go to
    docs/screenshots/ when UPDATE_SCREENSHOTS is set; the rest to a temporary folder."""
    update = bool(os.environ.get("UPDATE_SCREENSHOTS"))

    def take(page: Page, name: str, keep=(1366, 390)) -> None:
        for size in (WIDE, PHONE):
            page.set_viewport_size(size)
            page.wait_for_timeout(150)
            too_wide = page.evaluate(
                """() => {
                  const width = document.documentElement.clientWidth;
                  if (document.documentElement.scrollWidth <= width) return null;
                  const out = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1)
                    .filter(e => {  // not inside something that scrolls or clips it
                      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
                        if (getComputedStyle(p).overflowX !== 'visible') return false;
                      return true;
                    })
                    .slice(0, 5)
                    .map(e => e.tagName + '.' + e.className + ' '
                              + (e.textContent || '').trim().slice(0, 40));
                  return [document.documentElement.scrollWidth, ...out];
                }"""
            )
            folder = SCREENSHOTS if update and size["width"] in keep else tmp_path
            path = folder / f"{name}-{size['width']}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 5_000
            assert too_wide is None, f"{name} at {size['width']} px is wider than the window"
        page.set_viewport_size(WIDE)

    return take


def sign_in(page: Page, base: str, username: str, path: str = "/") -> None:
    page.goto(f"{base}/accounts/login/?next={path}")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_label("รหัสผ่าน").press("Enter")
    expect(page.get_by_role("button", name="ออกจากระบบ")).to_be_visible()


def named(user, first: str, last: str):
    user.first_name, user.last_name = first, last
    user.save()
    return user


def person_page(browser: Browser, base: str, username: str, path: str) -> Page:
    context = browser.new_context(locale="th-TH", viewport=WIDE)
    page = context.new_page()
    sign_in(page, base, username, path)
    return page


def test_the_second_saver_chooses_field_by_field(live_server, browser: Browser, shoot):
    office = factories.office()
    plan = factories.plan(office)
    group = factories.work_group(office, code="promotion", name="กลุ่มส่งเสริมการจัดการศึกษา")
    project = reportable_project(plan, group)
    named(factories.member(office, "somchai", Role.STAFF, group), "สมชาย", "ใจดี")
    named(factories.member(office, "suda", Role.STAFF, group), "สุดา", "รักเรียน")
    path = f"/progress/projects/{project.pk}/q1/"
    work_done = "วิธีการดำเนินงาน/สิ่งที่ดำเนินการ"

    def result_field(page: Page):
        return page.get_by_role("group", name=re.compile("ตัวชี้วัดที่ ๑")).get_by_label(
            "ผลการดำเนินงานไตรมาสนี้"
        )

    # Both open the same new report.
    a = person_page(browser, live_server.url, "somchai", path)
    b = person_page(browser, live_server.url, "suda", path)

    # A saves first.
    a.get_by_label(work_done).fill("จัดอบรมครูแกนนำ ๑ รุ่น ๔๐ คน")
    result_field(a).fill("๗๐")
    a.get_by_role("button", name="บันทึกร่าง", exact=True).click()
    expect(a.get_by_text("บันทึกร่างแล้ว")).to_be_visible()

    # B, whose page is older, saves something else: refused, with both versions side by side.
    b.get_by_label(work_done).fill("จัดอบรมครูแกนนำ ๒ รุ่น และนิเทศติดตามในโรงเรียน")
    result_field(b).fill("๘๕.๕")
    b.get_by_role("button", name="บันทึกร่าง", exact=True).click()
    conflict = b.get_by_test_id("conflict")
    expect(conflict).to_be_visible()
    expect(b.get_by_text("มีผู้อื่นบันทึกรายงานนี้ก่อน")).to_be_visible()
    expect(conflict).to_contain_text("สมชาย ใจดี")
    narrative = conflict.locator('tr[data-field="work_done"]')
    expect(narrative.locator('[data-side="theirs"]')).to_have_text("จัดอบรมครูแกนนำ ๑ รุ่น ๔๐ คน")
    expect(narrative.locator('[data-side="mine"]')).to_have_text(
        "จัดอบรมครูแกนนำ ๒ รุ่น และนิเทศติดตามในโรงเรียน"
    )
    value = conflict.locator('tr[data-field^="value_"]')
    expect(value).to_have_count(1)
    expect(value.locator("th")).to_have_text("ตัวชี้วัดที่ ๑: ผลการดำเนินงาน")
    expect(value.locator('[data-side="theirs"]')).to_have_text("๗๐")
    expect(value.locator('[data-side="mine"]')).to_have_text("๘๕.๕๐")
    expect(conflict.locator("tbody tr")).to_have_count(2)  # nothing else differs
    report = QuarterlyReport.objects.get(project=project, quarter=1)
    assert report.work_done == "จัดอบรมครูแกนนำ ๑ รุ่น ๔๐ คน"  # nothing of B's yet
    shoot(b, "conflict")

    # B takes A's narrative, keeps their own result, and saves.
    conflict.get_by_role("group", name=f"ใช้ข้อมูลใดสำหรับ {work_done}").get_by_label(
        "ที่ผู้อื่นบันทึก"
    ).check()
    conflict.get_by_role("group", name="ใช้ข้อมูลใดสำหรับ ตัวชี้วัดที่ ๑: ผลการดำเนินงาน").get_by_label(
        "ของท่าน"
    ).check()
    conflict.get_by_role("button", name="บันทึกร่างตามที่เลือก").click()
    expect(b.get_by_text("บันทึกร่างแล้ว")).to_be_visible()
    expect(b.get_by_test_id("conflict")).to_have_count(0)
    expect(b.get_by_label(work_done)).to_have_value("จัดอบรมครูแกนนำ ๑ รุ่น ๔๐ คน")
    expect(result_field(b)).to_have_value(re.compile(r"^๘๕\.๕๐?$"))

    # A opens the report again and sees the same.
    a.reload()
    expect(a.get_by_label(work_done)).to_have_value("จัดอบรมครูแกนนำ ๑ รุ่น ๔๐ คน")
    expect(result_field(a)).to_have_value(re.compile(r"^๘๕\.๕๐?$"))
    report.refresh_from_db()
    assert report.work_done == "จัดอบรมครูแกนนำ ๑ รุ่น ๔๐ คน"
    assert report.values.get().value == Decimal("85.50")


def approved_report_with_money(plan, group, project, amount: str) -> None:
    """Staff reports the quarter's money, the office director approves: the ledger entry."""
    staff = factories.member(plan.office, "staff", Role.STAFF, group)
    director = factories.member(plan.office, "director", Role.DIRECTOR)
    activity = project.activities.get()
    report = progress_services.report_save_draft(
        project=project,
        quarter=1,
        user=staff,
        version=0,
        narrative={"work_done": "จัดอบรมครูแกนนำ"},
        values={},
        amounts={activity.pk: Decimal(amount)},
    )
    report = progress_services.report_submit(report=report, user=staff, version=report.version)
    progress_services.report_approve(report=report, user=director, version=report.version)


def test_finance_reverses_a_reports_entry_and_staff_cannot(live_server, page: Page, shoot):
    office = factories.office()
    plan = factories.plan(office)
    group = factories.work_group(office, code="promotion", name="กลุ่มส่งเสริมการจัดการศึกษา")
    project = reportable_project(plan, group, budget="100000")
    approved_report_with_money(plan, group, project, "25000")
    posted = ProjectDisbursement.objects.get(project=project)
    assert posted.from_report
    named(factories.member(office, "finance", Role.FINANCE), "มาลี", "การเงิน")
    ledger = f"/budget/2565/projects/{project.pk}/"

    sign_in(page, live_server.url, "finance", ledger)
    expect(page.get_by_test_id("project-remaining")).to_have_text("๗๕,๐๐๐.๐๐")
    row = page.locator("table.ledger tbody tr", has_text="เบิกจ่าย")
    expect(row).to_have_count(1)
    expect(row.get_by_role("link", name=re.compile("^ลบ"))).to_have_count(0)  # a report's entry
    row.get_by_role("link", name=re.compile("^กลับรายการ")).click()

    expect(page.get_by_role("heading", name="กลับรายการเบิกจ่าย")).to_be_visible()
    expect(page.get_by_text("รายการนี้มาจากรายงานรายไตรมาส")).to_be_visible()
    page.get_by_role("button", name="ยืนยันกลับรายการ").click()  # no reason yet
    expect(page.locator(".form-errors, .errorlist").first).to_be_visible()
    expect(page.get_by_role("heading", name="กลับรายการเบิกจ่าย")).to_be_visible()
    assert ProjectDisbursement.objects.filter(project=project).count() == 1
    page.get_by_label("เหตุผลการกลับรายการ").fill("ยอดในรายงานไม่ตรงกับหลักฐานการจ่าย (ฎีกาซ้ำ)")
    shoot(page, "ledger-reverse-confirm")
    page.get_by_role("button", name="ยืนยันกลับรายการ").click()

    expect(page.get_by_text("กลับรายการเบิกจ่ายแล้ว")).to_be_visible()
    expect(page.get_by_test_id("project-remaining")).to_have_text("๑๐๐,๐๐๐.๐๐")
    expect(page.get_by_test_id("project-disbursed")).to_have_text("๐.๐๐")
    reversal = page.locator("table.ledger tbody tr", has_text="กลับรายการเบิกจ่าย")
    expect(reversal).to_contain_text("ยอดในรายงานไม่ตรงกับหลักฐานการจ่าย (ฎีกาซ้ำ)")
    expect(reversal).to_contain_text("มาลี การเงิน")
    expect(
        page.locator("table.ledger").get_by_role("link", name=re.compile("^กลับรายการ"))
    ).to_have_count(0)
    expect(page.locator("table.ledger tbody tr", has_text="เบิกจ่าย (กลับรายการแล้ว)")).to_have_count(1)
    expect(reversal.locator("td").nth(3)).to_have_text("รายงานรายไตรมาส")  # not "progress:7"
    history = page.get_by_role("region", name="ประวัติการเปลี่ยนแปลง")
    newest = history.locator("tbody tr").first
    expect(newest).to_contain_text("กลับรายการเบิกจ่าย")
    expect(newest).to_contain_text("จำนวนเงิน (บาท): -๒๕,๐๐๐.๐๐")
    expect(newest).to_contain_text("วันที่เบิกจ่าย: ๓๑ ธ.ค. ๒๕๖๔")
    expect(newest).to_contain_text("เลขที่เอกสาร: รายงานรายไตรมาส")
    expect(newest).to_contain_text("ยอดในรายงานไม่ตรงกับหลักฐานการจ่าย (ฎีกาซ้ำ)")
    expect(page.locator("main")).not_to_contain_text("progress:")
    shoot(page, "ledger-reversal")
    page.get_by_role("button", name="ออกจากระบบ").click()

    # Staff of the project's group read the same ledger, with no way to change it.
    sign_in(page, live_server.url, "staff", ledger)
    expect(page.get_by_test_id("project-remaining")).to_have_text("๑๐๐,๐๐๐.๐๐")
    expect(page.get_by_test_id("disburse-in-report")).to_be_visible()
    table = page.locator("table.ledger")
    expect(table.get_by_role("link")).to_have_count(0)
    expect(page.get_by_role("button", name="บันทึกการเบิกจ่าย")).to_have_count(0)
    entry = ProjectDisbursement.objects.get(project=project, reverses__isnull=True)
    response = page.goto(f"{live_server.url}{ledger}disbursements/{entry.pk}/reverse/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("ไม่มีสิทธิ์"))


def test_a_user_of_two_offices_switches_office_in_the_header(live_server, page: Page, shoot):
    north = factories.office(code="north", name="สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาพิษณุโลก อุตรดิตถ์")
    south = factories.office(code="south", name="สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาสุโขทัย")
    Office.objects.filter(pk=north.pk).update(short_name="สพม.พิษณุโลก อุตรดิตถ์")
    Office.objects.filter(pk=south.pk).update(short_name="สพม.สุโขทัย")
    for office, name in ((north, "โครงการพัฒนาครูภาคเหนือ"), (south, "โครงการนิเทศโรงเรียนสุโขทัย")):
        plan = factories.plan(office)
        factories.project(plan, 1, budget="50000", name=name)
    user = named(factories.member(north, "somsri", Role.DIRECTOR), "สมศรี", "มีสุข")
    Membership.objects.create(user=user, office=south, role=Role.FINANCE)

    sign_in(page, live_server.url, "somsri", "/budget/")
    switcher = page.get_by_label("สำนักงาน", exact=True)
    expect(switcher).to_be_visible()
    expect(switcher.locator("option")).to_have_text(["สพม.พิษณุโลก อุตรดิตถ์", "สพม.สุโขทัย"])
    # The first office by name is shown first.
    expect(switcher.locator("option:checked")).to_have_text("สพม.พิษณุโลก อุตรดิตถ์")
    expect(page.locator("main")).to_contain_text(north.name)
    expect(page.locator("main")).to_contain_text("โครงการพัฒนาครูภาคเหนือ")

    switcher.select_option(label="สพม.สุโขทัย")
    page.get_by_role("button", name="เปลี่ยน").click()
    expect(page).to_have_url(re.compile(r"\?office=south$"))
    expect(page.locator("main")).to_contain_text(south.name)
    expect(page.locator("main")).to_contain_text("โครงการนิเทศโรงเรียนสุโขทัย")
    expect(page.locator("main")).not_to_contain_text("โครงการพัฒนาครูภาคเหนือ")
    shoot(page, "office-switcher")

    # The choice stays on the next pages, without the parameter.
    menu = page.get_by_role("navigation", name="เมนูหลัก")
    menu.get_by_role("link", name="สรุปผล").click()
    expect(page).not_to_have_url(re.compile("office="))
    expect(page.get_by_label("สำนักงาน", exact=True).locator("option:checked")).to_have_text(
        "สพม.สุโขทัย"
    )
    page.get_by_role("navigation", name="เมนูหลัก").get_by_role("link", name="งบประมาณ").click()
    expect(page.locator("main")).to_contain_text("โครงการนิเทศโรงเรียนสุโขทัย")
    expect(page.locator("main")).not_to_contain_text("โครงการพัฒนาครูภาคเหนือ")


def test_five_wrong_passwords_lead_to_the_thai_lockout_page(live_server, page: Page, shoot):
    office = factories.office()
    factories.member(office, "staff", Role.STAFF, factories.work_group(office))
    page.goto(f"{live_server.url}/accounts/login/")
    for attempt in range(5):
        page.get_by_label("ชื่อผู้ใช้").fill("staff")
        page.get_by_label("รหัสผ่าน").fill(f"wrong-{attempt}")
        page.get_by_role("button", name="เข้าสู่ระบบ").click()
        if attempt < 4:
            expect(page.get_by_role("heading", name="เข้าสู่ระบบ")).to_be_visible()
    expect(page.get_by_role("heading", name="ระงับการเข้าสู่ระบบชั่วคราว")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("ครบ ๕ ครั้ง")
    expect(page.get_by_role("alert")).to_contain_text("๑๕ นาที")
    shoot(page, "lockout", keep=(390,))

    # Even the right password is refused now.
    page.get_by_role("link", name="กลับไปหน้าเข้าสู่ระบบ").click()
    page.get_by_label("ชื่อผู้ใช้").fill("staff")
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page.get_by_role("heading", name="ระงับการเข้าสู่ระบบชั่วคราว")).to_be_visible()
    expect(page.get_by_role("button", name="ออกจากระบบ")).to_have_count(0)


def test_the_thai_404_and_empty_year_pages_signed_in(live_server, page: Page, shoot):
    office = factories.office()
    plan = factories.plan(office)
    factories.project(plan, 1, budget="10000")
    factories.plan(office, 2566)  # a plan without projects yet
    named(factories.member(office, "director", Role.DIRECTOR), "ประเสริฐ", "ศรีสุข")
    sign_in(page, live_server.url, "director")

    response = page.goto(f"{live_server.url}/budget/2565/projects/999999/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="ไม่พบหน้าที่ต้องการ")).to_be_visible()
    expect(page.get_by_text("รหัสข้อผิดพลาด ๔๐๔")).to_be_visible()
    expect(page.get_by_text("ประเสริฐ ศรีสุข")).to_be_visible()  # still signed in, in the header
    shoot(page, "not-found", keep=(390,))
    page.get_by_role("link", name="กลับสู่หน้าหลัก").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ปีงบประมาณ พ.ศ. ๒๕๖๕")

    response = page.goto(f"{live_server.url}/dashboard/?year=2566")
    assert response.status == 200
    expect(page.get_by_test_id("empty-year")).to_contain_text(
        "แผนปฏิบัติการ ปีงบประมาณ พ.ศ. ๒๕๖๖ ยังไม่มีโครงการ"
    )
    response = page.goto(f"{live_server.url}/plans/2570/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("ยังไม่มีแผนปฏิบัติการ ปีงบประมาณ พ.ศ. ๒๕๗๐")
    expect(page.get_by_text("Page not found")).to_have_count(0)
    shoot(page, "empty-year")
    page.get_by_role("link", name="พ.ศ. ๒๕๖๕").click()
    expect(page).to_have_url(f"{live_server.url}/plans/2565/")
