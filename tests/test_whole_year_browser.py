"""Issue 12's whole year in a real browser (Debian's Chromium), as its users run it and
without ever opening /admin/: the planner starts FY2566 from the demo's FY2565, edits a
project and adds an indicator with quarterly milestones; finance records the project's
allocation; staff fill Q1 and Q2 with narrative, money and a photo; the group director
returns one and approves both (four eyes); the director sees Q2 judged against the
milestones; the planner chooses the photo for the print; the FY2566 report prints the
approved narrative and the photo and says it is as of Q2, in the HTML and in the PDF.

FY2566 (1 Oct 2022 - 30 Sep 2023) is in the past on the calendar, so every quarter may be
reported and every date typed lies inside that year. The planner's clicks and seconds from
the copy to the edited plan are counted and printed."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from decimal import Decimal

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from budget.models import ProjectDisbursement
from demo.users import DEMO_PASSWORD, ensure_demo_users
from indicators.models import Indicator
from progress.models import QuarterlyReport
from projects.models import Project, ProjectStatement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDE = {"width": 1366, "height": 900}
INDICATOR = "ร้อยละของโรงเรียนที่ได้รับการนิเทศแบบออนไลน์"
WORK_DONE = {1: "นิเทศออนไลน์โรงเรียนกลุ่มแรก ๑๒ โรงเรียน", 2: "นิเทศออนไลน์โรงเรียนกลุ่มที่สอง"}
CAPTION = "ศึกษานิเทศก์นิเทศออนไลน์"
VISITED: list[str] = []  # every URL any user's browser asked for


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path / "media"
    # The PDF is rendered while the user waits (the tests' immediate task backend), so the
    # link downloads it.
    return settings.MEDIA_ROOT


class Person:
    """One user's browser window; the clicks made through it are counted."""

    def __init__(self, browser: Browser, base: str, username: str):
        self.base, self.clicks = base, 0
        self.page: Page = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
        self.page.on("request", lambda request: VISITED.append(request.url))
        self.page.goto(f"{base}/accounts/login/?next=/")
        self.page.get_by_label("ชื่อผู้ใช้").fill(username)
        self.page.get_by_label("รหัสผ่าน").fill(DEMO_PASSWORD)
        self.page.get_by_role("button", name="เข้าสู่ระบบ").click()
        expect(self.page.get_by_role("button", name="ออกจากระบบ")).to_be_visible()

    def go(self, path: str) -> Page:
        assert not path.startswith("/admin")
        self.page.goto(f"{self.base}{path}")
        return self.page

    def click(self, locator) -> None:
        locator.click()
        self.clicks += 1


def test_a_whole_year_from_the_copy_to_the_printed_report(
    live_server, browser: Browser, fy2565_db, tmp_path
):
    VISITED.clear()
    office = fy2565_db.office
    ensure_demo_users(office)
    base = live_server.url
    photo = tmp_path / "supervision.png"
    Image.new("RGB", (320, 240), (11, 92, 171)).save(photo)

    # -- The planner: FY2565 -> FY2566, one project edited, one indicator with milestones.
    planner = Person(browser, base, "planner")
    page = planner.page
    started = time.monotonic()
    planner.go("/next-year/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("๒๕๖๖")
    planner.click(page.get_by_test_id("copy-confirm"))
    expect(page.get_by_test_id("copy-done")).to_contain_text("๑๔ โครงการ")
    planner.click(page.get_by_role("link", name="เปิดโครงการของปีงบประมาณ พ.ศ. ๒๕๖๖").first)
    expect(page).to_have_url(f"{base}/plan/2566/projects/")
    copy_clicks = planner.clicks

    project = (
        Project.objects.filter(
            plan__office=office,
            plan__fiscal_year__year=2566,
            work_group__code="promotion_education",
        )
        .order_by("number")
        .first()
    )
    assert project is not None, "the copy has no project of the staff's group"
    planner.click(page.get_by_role("link", name=project.name, exact=True).first)
    expect(page.get_by_role("button", name="บันทึกข้อมูลโครงการ")).to_be_visible()
    objectives = page.get_by_label("วัตถุประสงค์")
    objectives.fill(objectives.input_value() + "\nเพื่อขยายการนิเทศออนไลน์ให้ครบทุกโรงเรียน")
    planner.click(page.get_by_role("button", name="บันทึกข้อมูลโครงการ"))
    expect(page.get_by_text("บันทึกข้อมูลโครงการแล้ว")).to_be_visible()

    planner.click(page.get_by_role("link", name="เพิ่มตัวชี้วัด"))
    page.get_by_label(re.compile("^ตัวชี้วัด")).fill(INDICATOR)
    page.get_by_label("กิจกรรม", exact=True).select_option(index=1)
    page.get_by_label("ค่าเป้าหมาย").fill("๘๐")
    page.get_by_label("ณ สิ้นไตรมาสที่ ๑").fill("๒๐")
    page.get_by_label("ณ สิ้นไตรมาสที่ ๒").fill("๔๐")
    page.get_by_label("ณ สิ้นไตรมาสที่ ๔").fill("๘๐")
    planner.click(page.get_by_role("button", name="บันทึกตัวชี้วัด"))
    expect(page.get_by_text("เพิ่มตัวชี้วัดแล้ว")).to_be_visible()
    seconds = time.monotonic() - started
    print(
        f"\nFY2565 -> FY2566 copied and open: {copy_clicks} clicks; with one project edited "
        f"and one indicator with milestones added: {planner.clicks} clicks, {seconds:.1f} s"
    )
    indicator = Indicator.objects.get(project=project, text=INDICATOR)
    assert dict(indicator.milestones.values_list("quarter", "value")) == {
        1: Decimal(20),
        2: Decimal(40),
        4: Decimal(80),
    }
    assert ProjectStatement.objects.filter(
        project=project,
        kind=ProjectStatement.Kind.OBJECTIVE,
        text="เพื่อขยายการนิเทศออนไลน์ให้ครบทุกโรงเรียน",
    ).exists()

    # -- Finance: the year's allocation for the project, dated inside FY2566.
    finance = Person(browser, base, "finance")
    page = finance.go(f"/budget/2566/projects/{project.pk}/")
    page.get_by_role("link", name="บันทึกการจัดสรรงบประมาณ").click()
    page.get_by_label("จำนวนเงิน (บาท)").fill("๑๐๐,๐๐๐")
    page.get_by_label("วันที่จัดสรร").fill("๑๕/๑๑/๒๕๖๕")
    page.get_by_label("เลขที่หนังสือ").fill("ศธ ๐๔๒๙๓/๑๒๓")
    page.get_by_role("button", name="บันทึกการจัดสรร").click()
    expect(page.get_by_text("๑๐๐,๐๐๐").first).to_be_visible()

    # -- Staff: Q1 and Q2 with narrative, money and a photo.
    staff = Person(browser, base, "staff")

    def fill_quarter(quarter: int, value: str, money: str, with_photo: bool) -> None:
        page = staff.go(f"/progress/projects/{project.pk}/q{quarter}/")
        page.get_by_role("group", name=re.compile(INDICATOR)).get_by_label(
            "ผลการดำเนินงานไตรมาสนี้"
        ).fill(value)
        page.get_by_role("group", name=re.compile("กิจกรรมที่ ๑")).first.get_by_label(
            "เบิกจ่ายในไตรมาสนี้ (บาท)"
        ).fill(money)
        page.get_by_label("วิธีการดำเนินงาน/สิ่งที่ดำเนินการ").fill(WORK_DONE[quarter])
        page.get_by_label("ผลการดำเนินงานเชิงปริมาณ").fill(f"โรงเรียนได้รับการนิเทศ {value} แห่ง")
        page.get_by_label("ปัญหา/อุปสรรค").fill("สัญญาณอินเทอร์เน็ตของโรงเรียนขนาดเล็กไม่เสถียร")
        if with_photo:
            page.get_by_label("เพิ่มภาพกิจกรรม").set_input_files(str(photo))
            page.get_by_label("คำบรรยายภาพ").fill(CAPTION)
        page.get_by_role("button", name="บันทึกและส่งรายงาน").click()
        expect(page.get_by_test_id("report-status")).to_contain_text("ส่งแล้ว รอพิจารณา")

    fill_quarter(1, "๒๕", "๒๐,๐๐๐", with_photo=True)
    fill_quarter(2, "๔๕", "๓๐,๐๐๐", with_photo=False)

    # -- The group director: returns Q2 with a reason, approves Q1.
    chief = Person(browser, base, "groupdirector")
    page = chief.go(f"/progress/projects/{project.pk}/q2/")
    page.get_by_role("link", name="ส่งกลับแก้ไข").click()
    page.get_by_label("เหตุผล").fill("กรุณาระบุจำนวนโรงเรียนในผลเชิงปริมาณให้ตรงกับทะเบียน")
    page.get_by_role("button", name="ยืนยันส่งกลับแก้ไข").click()
    expect(page.get_by_test_id("report-status")).to_contain_text("ส่งกลับแก้ไข")
    page = chief.go(f"/progress/projects/{project.pk}/q1/")
    page.get_by_role("link", name="อนุมัติ", exact=True).click()
    page.get_by_role("button", name="ยืนยันอนุมัติรายงาน").click()
    expect(page.get_by_test_id("locked")).to_be_visible()

    # Staff fix Q2 and send it again; the group director approves it.
    page = staff.go(f"/progress/projects/{project.pk}/q2/")
    expect(page.get_by_test_id("report-status")).to_contain_text("ส่งกลับแก้ไข")
    page.get_by_label("ผลการดำเนินงานเชิงปริมาณ").fill("โรงเรียนได้รับการนิเทศ ๔๕ แห่ง ตามทะเบียน")
    page.get_by_role("button", name="บันทึกและส่งรายงาน").click()
    expect(page.get_by_test_id("report-status")).to_contain_text("ส่งแล้ว รอพิจารณา")
    page = chief.go(f"/progress/projects/{project.pk}/q2/")
    page.get_by_role("link", name="อนุมัติ", exact=True).click()
    page.get_by_role("button", name="ยืนยันอนุมัติรายงาน").click()
    expect(page.get_by_test_id("locked")).to_be_visible()
    reports = QuarterlyReport.objects.filter(project=project).order_by("quarter")
    assert [(r.quarter, r.status) for r in reports] == [(1, "approved"), (2, "approved")]
    assert all(r.approved_by_id != r.submitted_by_id for r in reports)  # four eyes
    assert sum(d.amount for d in ProjectDisbursement.objects.filter(project=project)) == Decimal(
        "50000"
    )

    # -- The director: the project's Q2, judged against the Q2 milestone (๔๐).
    director = Person(browser, base, "director")
    page = director.go(f"/dashboard/projects/{project.pk}/?year=2566&quarter=2")
    table = page.get_by_test_id("indicators")
    expect(table.get_by_role("columnheader", name="เป้าหมายถึงสิ้นไตรมาสที่ ๒")).to_be_visible()
    row = table.get_by_role("row").filter(has_text=INDICATOR)
    cells = row.get_by_role("cell")
    expect(cells.nth(3)).to_have_text("ร้อยละ ๔๐")  # the Q2 milestone, not ๘๐
    expect(cells.nth(4)).to_have_text("๒๕")
    expect(cells.nth(5)).to_have_text("๔๕")
    # ๔๕ against the Q2 milestone ๔๐ reaches it (against the year's ๘๐ it would not).
    expect(row).to_have_class("verdict-achieved")
    expect(cells.last).to_have_text("✔ บรรลุ")
    expect(page.get_by_text("ข้อมูล ณ สิ้นไตรมาสที่ ๒").first).to_be_visible()

    # -- The planner chooses the photo for the print.
    page = planner.go(f"/plans/2566/report/projects/{project.pk}/")
    page.get_by_role("checkbox", name=re.compile(CAPTION)).check()
    page.get_by_role("button", name="บันทึกข้อความและภาพ").click()
    expect(page.get_by_text("บันทึกข้อความและภาพสำหรับรายงานประจำปีแล้ว")).to_be_visible()

    # -- The FY2566 report: the approved narrative, the photo, and "as of Q2".
    page = planner.go("/plans/2566/report/")
    expect(page.get_by_text(WORK_DONE[1]).first).to_be_visible()
    expect(page.get_by_text(WORK_DONE[2]).first).to_be_visible()
    expect(page.get_by_text("ตามทะเบียน").first).to_be_visible()  # Q2 as approved
    printed = page.get_by_role("img", name=CAPTION).first
    expect(printed).to_be_visible()
    assert printed.evaluate("img => img.complete && img.naturalWidth") == 320
    expect(page.get_by_text("ข้อมูล ณ สิ้นไตรมาสที่ ๒").first).to_be_visible()

    pdf = tmp_path / "report-2566.pdf"
    page = planner.go("/plans/2566/")
    with page.expect_download() as download:
        page.get_by_role("link", name="ดาวน์โหลด PDF").click()
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    pdfimages = shutil.which("pdfimages")
    assert pdfimages, "poppler-utils' pdfimages is needed"
    command = [pdfimages, "-list", str(pdf)]
    listing = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    assert re.search(r"\s320\s+240\s", listing), listing  # the photo, at its own size
    text = subprocess.run(  # noqa: S603
        [shutil.which("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "ข้อมูล ณ สิ้นไตรมาสที่ ๒" in text
    assert WORK_DONE[1] in text and WORK_DONE[2] in text and CAPTION in text
    assert not [url for url in VISITED if "/admin/" in url]
