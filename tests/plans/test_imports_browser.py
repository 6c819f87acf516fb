"""The planning group imports its schools in a real browser (Debian's Chromium), without the
Django admin: from the menu, a file with mistakes is uploaded, the preview lists every bad
row in Thai, the corrected file is uploaded and confirmed. The upload and preview pages fit
1,366 px and a 390 px phone (tests/test_trust_browser.py's `shoot`)."""

import pytest
from playwright.sync_api import Browser, expect

from plans.imports.schools import grade_header
from plans.models import GradeEnrolment, Province, Role, School
from tests import factories
from tests.plans.import_files import school, table, xlsx
from tests.test_trust_browser import WIDE, shoot, sign_in  # noqa: F401 -- shoot is a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_planner_fixes_a_file_after_reading_the_preview_and_imports_it(
    live_server,
    browser: Browser,
    shoot,  # noqa: F811
    tmp_path,
    settings,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    office = factories.office()
    Province.objects.create(name="พิษณุโลก")
    factories.member(office, "planner", Role.PLANNING)
    rows = [
        school("1001", "โรงเรียนบ้านสวนวิทยา"),
        school("1002", "โรงเรียนท่าทองพิทยาคม", **{grade_header(2, "male"): "สามสิบ"}),
        school("๑๐๐๑", "โรงเรียนซ้ำ"),
        school("1004", "โรงเรียนวังทองวิทยา", **{"ระดับที่เปิดสอน": "ประถม"}),
    ]
    wrong = tmp_path / "schools-wrong.xlsx"
    wrong.write_bytes(xlsx(table(rows), above=1, merged=True))
    rows[1][grade_header(2, "male")] = "๓๐"
    rows[2]["รหัสโรงเรียน"] = "1003"
    rows[3]["ระดับที่เปิดสอน"] = "ม.๑ – ม.๖"
    fixed = tmp_path / "schools.xlsx"
    fixed.write_bytes(xlsx(table(rows), above=1, merged=True))

    page = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    sign_in(page, live_server.url, "planner")
    page.get_by_role("link", name="นำเข้าข้อมูล", exact=True).click()
    page.get_by_role("link", name="นำเข้าข้อมูลโรงเรียนและนักเรียนรายปี").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("นำเข้าข้อมูลโรงเรียนและนักเรียนรายปี")
    shoot(page, "imports-upload")

    page.get_by_label("ไฟล์ข้อมูล").set_input_files(str(wrong))
    page.get_by_role("button", name="ตรวจดูตัวอย่าง").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ตรวจดูตัวอย่างก่อนนำเข้า")
    problems = page.locator(".import-issues")
    expect(problems.get_by_role("heading")).to_have_text("ต้องแก้ไขก่อนนำเข้า: ๓ แถว ๓ จุด")
    cells = problems.locator("tbody tr")
    expect(cells).to_have_count(3)
    expect(cells.nth(0)).to_contain_text("๔")  # the title row above the header counts
    expect(cells.nth(0)).to_contain_text("ม.๒ ชาย")
    expect(cells.nth(0)).to_contain_text("สามสิบ")
    expect(cells.nth(0)).to_contain_text("ต้องเป็นตัวเลขจำนวนเต็ม")
    expect(cells.nth(1)).to_contain_text("ซ้ำกับแถวที่ ๓")
    expect(cells.nth(2)).to_contain_text("ระดับที่เปิดสอน")
    expect(cells.nth(2)).to_contain_text("ประถม")
    expect(page.get_by_role("button", name="ยืนยันนำเข้า")).to_have_count(0)
    shoot(page, "imports-preview-errors")
    assert School.objects.count() == 0

    page.get_by_role("link", name="อัปโหลดไฟล์ที่แก้แล้ว").click()
    page.get_by_label("ไฟล์ข้อมูล").set_input_files(str(fixed))
    page.get_by_role("button", name="ตรวจดูตัวอย่าง").click()
    expect(page.locator(".import-issues")).to_have_count(0)
    expect(page.get_by_role("heading", name="จะเพิ่มใหม่ ๔ รายการ")).to_be_visible()
    expect(page.get_by_text("1002 โรงเรียนท่าทองพิทยาคม")).to_be_visible()
    shoot(page, "imports-preview")
    page.get_by_role("button", name="ยืนยันนำเข้า").click()

    expect(page.get_by_text("นำเข้าข้อมูลโรงเรียนและนักเรียนรายปีจากไฟล์ schools.xlsx แล้ว")).to_be_visible()
    expect(page.get_by_text("เพิ่มใหม่ ๔ รายการ")).to_be_visible()
    assert sorted(School.objects.values_list("code", flat=True)) == ["1001", "1002", "1003", "1004"]
    assert GradeEnrolment.objects.get(school_year__school__code="1002", grade=2).male == 30
