"""Importing spreadsheets in the portal (plans/imports/): the schools' yearly statistics and
the personnel table, read as a person means them, previewed in Thai with every bad row, and
confirmed in one transaction or not at all."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.imports.reading import MAX_ROWS
from plans.imports.schools import PERSONNEL, SCHOOLS, grade_header
from plans.models import (
    AuditEntry,
    GradeEnrolment,
    ImportUpload,
    PersonnelCount,
    Province,
    School,
    SchoolCluster,
    SchoolYear,
)
from tests import factories
from tests.plans.import_files import (
    PERSONNEL_HEADERS,
    SCHOOL_HEADERS,
    csv_bytes,
    school,
    table,
    xlsx,
)

pytestmark = pytest.mark.django_db

OFFICE = "test-office"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def provinces(db):
    return [Province.objects.create(name=n) for n in ("พิษณุโลก", "อุตรดิตถ์")]


@pytest.fixture
def signed_in(client, planner, provinces):
    client.force_login(planner)
    return client


def url(name: str, kind: str = "schools") -> str:
    return f"{reverse(f'imports:{name}', kwargs={'kind': kind})}?office={OFFICE}"


def upload(client, content: bytes, name: str = "schools.xlsx", kind: str = "schools"):
    file = SimpleUploadedFile(name, content)
    return client.post(url("upload", kind), {"file": file, "office": OFFICE})


def preview(client, content: bytes, name: str = "schools.xlsx", kind: str = "schools"):
    response = upload(client, content, name, kind)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == url("preview", kind)
    page = client.get(url("preview", kind))
    assert page.status_code == 200
    return page, page.context["outcome"]


def confirm(client, kind: str = "schools", digest: str | None = None):
    stored = ImportUpload.objects.get(kind=kind)
    return client.post(url("preview", kind), {"digest": digest or stored.digest, "office": OFFICE})


def issues(outcome) -> list[tuple]:
    return [(i.number, i.column, i.value, i.message) for i in outcome.issues]


def nothing_written():
    return (
        School.objects.count(),
        SchoolYear.objects.count(),
        GradeEnrolment.objects.count(),
        SchoolCluster.objects.count(),
        PersonnelCount.objects.count(),
    ) == (0, 0, 0, 0, 0)


# -- the happy path ---------------------------------------------------------------------------


def test_upload_preview_confirm_imports_the_schools_with_their_year(signed_in, planner, office):
    content = xlsx(table([school("1001", "โรงเรียนหนึ่ง"), school("1002", "โรงเรียนสอง")]))
    page, outcome = preview(signed_in, content)
    assert outcome.ok
    assert [(r.number, r.label) for r in outcome.created] == [
        (2, "1001 โรงเรียนหนึ่ง"),
        (3, "1002 โรงเรียนสอง"),
    ]
    text = page.content.decode()
    assert "จะเพิ่มใหม่ ๒ รายการ" in text and "ยืนยันนำเข้า" in text
    assert nothing_written()  # the preview writes nothing

    response = confirm(signed_in)
    assert response.status_code == 302
    done = signed_in.get(response["Location"])
    assert "นำเข้าข้อมูลโรงเรียนและนักเรียนรายปีจากไฟล์ schools.xlsx แล้ว: เพิ่มใหม่ ๒ รายการ" in (
        done.content.decode()
    )
    one = School.objects.select_related("province", "cluster").get(office=office, code="1001")
    assert (one.name, one.province.name, one.cluster.name, one.levels) == (
        "โรงเรียนหนึ่ง",
        "พิษณุโลก",
        "สหวิทยาเขตทดสอบ",
        School.Levels.M1_M6,
    )
    year = one.years.get()
    assert (year.academic_year, year.teachers_male, year.teachers_female) == (2565, 3, 4)
    assert year.data_as_of.isoformat() == "2022-06-10"
    assert sorted(year.grades.values_list("grade", "male", "female", "classrooms")) == [
        (g, 10, 12, 1) for g in range(1, 7)
    ]
    assert SchoolCluster.objects.filter(office=office).count() == 1  # made once, for both
    # The audit trail: the planner's, each entry with the import's one note.
    entries = AuditEntry.objects.filter(object_type="plans.school")
    assert entries.count() == 2
    assert {(e.user_id, e.note) for e in entries} == {
        (planner.pk, "นำเข้าข้อมูลโรงเรียนและนักเรียนรายปี จากไฟล์ schools.xlsx")
    }
    assert not ImportUpload.objects.exists()  # the stored file is gone with its confirmation


def test_importing_the_same_file_again_changes_nothing(signed_in, office):
    content = xlsx(table([school("1001", "โรงเรียนหนึ่ง"), school("1002", "โรงเรียนสอง")]))
    preview(signed_in, content)
    confirm(signed_in)
    entries = AuditEntry.objects.count()
    rows = list(GradeEnrolment.objects.values_list())

    _page, outcome = preview(signed_in, content)
    assert (len(outcome.created), len(outcome.changed), len(outcome.unchanged)) == (0, 0, 2)
    assert "ไฟล์นี้ตรงกับข้อมูลในระบบทุกแถวแล้ว" in _page.content.decode()
    confirm(signed_in)
    assert AuditEntry.objects.count() == entries
    assert list(GradeEnrolment.objects.values_list()) == rows


def test_a_changed_row_is_previewed_with_the_columns_that_change(signed_in, office):
    preview(signed_in, xlsx(table([school("1001", "โรงเรียนหนึ่ง")])))
    confirm(signed_in)
    changed = school("1001", "โรงเรียนหนึ่งวิทยา", **{grade_header(2, "female"): 40})
    _page, outcome = preview(signed_in, xlsx(table([changed])))
    assert [(r.number, r.changed) for r in outcome.changed] == [(2, ("ชื่อโรงเรียน", "ม.๒ หญิง"))]
    confirm(signed_in)
    assert School.objects.get(code="1001").name == "โรงเรียนหนึ่งวิทยา"
    assert GradeEnrolment.objects.get(grade=2).female == 40


def test_thai_digits_separators_be_dates_spaces_and_blank_rows_read_as_meant(signed_in, office):
    row = school(
        " ๑๐๐๑ ",
        "  โรงเรียน   หนึ่ง ",
        **{
            "จังหวัด": "จังหวัดอุตรดิตถ์",
            "ระดับที่เปิดสอน": "ม.4-ม.6",
            "ปีการศึกษา (พ.ศ.)": "๒๕๖๖",
            "ข้อมูล ณ วันที่": "๑๐ มิ.ย. ๒๕๖๖",
            grade_header(4, "male"): "๑,๒๓๔",
            grade_header(4, "female"): " 1,005 ",
            grade_header(1, "male"): "",
            "ครูชาย": "๑๒",
        },
    )
    cells = table([row])
    cells.insert(1, [""] * len(SCHOOL_HEADERS))  # blank rows are skipped, numbers kept
    cells.insert(1, [None] * len(SCHOOL_HEADERS))
    _page, outcome = preview(signed_in, csv_bytes(cells), name="schools.csv")
    assert outcome.ok, issues(outcome)
    assert [(r.number, r.label) for r in outcome.created] == [(4, "1001 โรงเรียน หนึ่ง")]
    confirm(signed_in)
    one = School.objects.get(code="1001")
    assert (one.name, one.province.name, one.levels) == ("โรงเรียน หนึ่ง", "อุตรดิตถ์", "m4_m6")
    year = one.years.get()
    assert (year.academic_year, str(year.data_as_of), year.teachers_male) == (
        2566,
        "2023-06-10",
        12,
    )
    m4 = year.grades.get(grade=4)
    assert (m4.male, m4.female) == (1234, 1005)
    assert year.grades.get(grade=1).male == 0


def test_a_title_row_merged_above_the_header_and_a_two_row_header(signed_in):
    _page, outcome = preview(
        signed_in, xlsx(table([school("1001", "โรงเรียนหนึ่ง")]), above=3, merged=True)
    )
    assert outcome.ok and outcome.header_row == 4
    assert [r.number for r in outcome.created] == [5]

    # DMC's layout: "ม.๑" merged over "ชาย | หญิง | ห้องเรียน".
    book = openpyxl.Workbook()
    sheet = book.active
    first = ["รหัสโรงเรียน", "ชื่อโรงเรียน", "จังหวัด", "ระดับที่เปิดสอน", "ปีการศึกษา"]
    groups, parts, values = [], [], []
    for grade in range(1, 7):
        groups += [f"ม.{grade}", None, None]
        parts += ["ชาย", "หญิง", "ห้องเรียน"]
        values += [grade, grade * 2, 1]
    sheet.append(["ข้อมูลนักเรียน"])
    sheet.append([None] * len(first) + groups + ["ครูชาย", "ครูหญิง"])
    sheet.append(first + parts)
    sheet.append(["1009", "โรงเรียนเก้า", "พิษณุโลก", "ม.1-ม.6", 2565, *values, 5, 6])
    sheet.merge_cells("F2:H2")
    buffer = io.BytesIO()
    book.save(buffer)
    _page, outcome = preview(signed_in, buffer.getvalue())
    assert outcome.ok, issues(outcome) or outcome.refused
    confirm(signed_in)
    year = SchoolYear.objects.get(school__code="1009")
    assert (year.teachers_male, year.grades.get(grade=3).female) == (5, 6)


# -- what is refused, and that it changes nothing ----------------------------------------------


def test_text_in_number_columns_and_wrong_choices_name_row_column_and_value(signed_in):
    rows = [
        school("1001", "โรงเรียนหนึ่ง", **{grade_header(1, "male"): "สิบ"}),
        school("1002", "โรงเรียนสอง"),
        school(
            "1003",
            "",
            **{
                "จังหวัด": "ตาก",
                "ระดับที่เปิดสอน": "ประถม",
                "ปีการศึกษา (พ.ศ.)": 2022,
                "ข้อมูล ณ วันที่": "31/2/2565",
                "ครูหญิง": -1,
            },
        ),
    ]
    page, outcome = preview(signed_in, xlsx(table(rows)))
    assert not outcome.ok
    assert issues(outcome) == [
        (2, "ม.๑ ชาย", "สิบ", "ต้องเป็นตัวเลขจำนวนเต็ม"),
        (4, "ชื่อโรงเรียน", "", "ต้องกรอกช่องนี้"),
        (4, "จังหวัด", "ตาก", "ไม่พบจังหวัด “ตาก” ในระบบ"),
        (4, "ระดับที่เปิดสอน", "ประถม", "ต้องเป็นหนึ่งใน “ม.๑ – ม.๖”, “ม.๔ – ม.๖”, “ม.๑ – ม.๓”"),
        (4, "ปีการศึกษา (พ.ศ.)", "2022", "กรุณากรอกปีเป็นพุทธศักราช (พ.ศ.) เช่น ๒๕๖๕"),
        (4, "ข้อมูล ณ วันที่", "31/2/2565", "ไม่มีวันที่นี้ในปฏิทิน"),
        (4, "ครูหญิง", "-1", "ต้องไม่ติดลบ"),
    ]
    text = page.content.decode()
    assert "ต้องแก้ไขก่อนนำเข้า: ๒ แถว ๗ จุด" in text
    assert "ยืนยันนำเข้า" not in text  # no confirm button while anything is wrong
    assert "Traceback" not in text and "Error" not in text
    # Posting the confirmation anyway writes nothing, and shows the same errors.
    response = confirm(signed_in)
    assert response.status_code == 200
    assert len(response.context["outcome"].issues) == 7
    assert nothing_written()


def test_duplicate_keys_within_the_file_are_refused(signed_in):
    rows = [school("1001", "หนึ่ง"), school("1002", "สอง"), school("๑๐๐๑", "หนึ่งซ้ำ")]
    _page, outcome = preview(signed_in, xlsx(table(rows)))
    assert issues(outcome) == [
        (4, "รหัสโรงเรียน", "๑๐๐๑", "ซ้ำกับแถวที่ ๒ ในไฟล์นี้ (หนึ่งรายการต้องมีเพียงแถวเดียว)")
    ]
    confirm(signed_in)
    assert nothing_written()


def test_another_offices_code_is_refused_on_its_row(signed_in):
    factories.office(code="other-office", name="สำนักงานอื่น")
    headers = [*SCHOOL_HEADERS, "รหัสสำนักงาน"]
    rows = [
        school("1001", "หนึ่ง", **{"รหัสสำนักงาน": OFFICE}),
        school("1002", "สอง", **{"รหัสสำนักงาน": "other-office"}),
    ]
    _page, outcome = preview(signed_in, xlsx(table(rows, headers)))
    assert [(n, c, v) for n, c, v, _m in issues(outcome)] == [(3, "รหัสสำนักงาน", "other-office")]
    assert "ไม่ใช่รหัสของสำนักงานเขตพื้นที่การศึกษาทดสอบ" in outcome.issues[0].message
    confirm(signed_in)
    assert nothing_written()


def _zip(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _damaged_sheet() -> bytes:
    good = zipfile.ZipFile(io.BytesIO(xlsx(table([school("1001", "หนึ่ง")]))))
    files = {name: good.read(name) for name in good.namelist()}
    files["xl/worksheets/sheet1.xml"] = b"<worksheet><sheetData><row><c r='A1'"
    return _zip(files)


NOT_A_WORKBOOK = "เปิดไฟล์ Excel นี้ไม่ได้"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "schools.xlsx",
            lambda: b"this is text, not a workbook",
            "ตั้งชื่อเป็น .xlsx แต่เนื้อไฟล์ไม่ใช่ไฟล์ Excel",
        ),
        ("schools.xlsx", lambda: _zip({"readme.txt": "hello"}), NOT_A_WORKBOOK),
        ("schools.xlsx", _damaged_sheet, NOT_A_WORKBOOK),
        ("schools.xlsx", lambda: xlsx(table([school("1001", "หนึ่ง")]))[:2000], NOT_A_WORKBOOK),
        (
            "schools.xlsx",
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
            "Excel แบบเก่า (.xls)",
        ),
        (
            "schools.csv",
            lambda: "ชื่อ,อายุ\nก,1\n".encode(),
            "ไม่พบตารางข้อมูลโรงเรียนและนักเรียนรายปีในไฟล์นี้",
        ),
    ],
    ids=[
        "text-named-xlsx",
        "zip-not-workbook",
        "damaged-sheet",
        "truncated",
        "old-xls",
        "other-csv",
    ],
)
def test_a_file_that_is_not_the_spreadsheet_is_named_plainly(signed_in, name, content, message):
    page, outcome = preview(signed_in, content(), name=name)
    assert message in outcome.refused
    text = page.content.decode()
    assert "อ่านไฟล์นี้ไม่ได้" in text and message in text
    for leak in ("BadZipFile", "ParseError", "Traceback", "Exception", "zipfile", "KeyError"):
        assert leak not in text
    assert "ยืนยันนำเข้า" not in text


def test_a_wrong_sheet_and_a_missing_column_are_named(signed_in):
    book = openpyxl.Workbook()
    book.active.title = "สรุป"
    book.active.append(["สรุปผล", 12])
    other = book.create_sheet("นักเรียน")
    without_province = [h for h in SCHOOL_HEADERS if h != "จังหวัด"]
    for row in table([school("1001", "หนึ่ง")], without_province):
        other.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    _page, outcome = preview(signed_in, buffer.getvalue())
    assert outcome.refused.startswith("แผ่นงาน “นักเรียน” ไม่มีคอลัมน์ “จังหวัด” (หัวตารางอยู่ที่แถวที่ ๑)")

    _page, outcome = preview(signed_in, xlsx([["สรุปผล", "จำนวน"], ["ก", 1]], title="สรุป"))
    assert "แผ่นงานในไฟล์: “สรุป”" in outcome.refused
    assert "“รหัสโรงเรียน”" in outcome.refused


def test_an_empty_file_and_a_header_without_rows(signed_in):
    response = upload(signed_in, b"")
    assert "ไฟล์ว่างเปล่า ไม่มีข้อมูลให้นำเข้า" in response.content.decode()
    assert not ImportUpload.objects.exists()
    _page, outcome = preview(signed_in, xlsx([SCHOOL_HEADERS]))
    assert outcome.refused == "ไม่มีข้อมูลใต้แถวหัวตาราง (แถวที่ ๑) ของแผ่นงาน “ข้อมูล”"


def test_a_file_over_the_size_limit_is_refused_in_thai(signed_in, monkeypatch):
    monkeypatch.setattr("plans.imports.forms.MAX_BYTES", 1024 * 1024)
    response = upload(signed_in, b"x" * (1024 * 1024 + 1), name="big.csv")
    assert response.status_code == 200
    assert "ไฟล์มีขนาดเกิน ๑ MB กรุณาแบ่งไฟล์แล้วนำเข้าทีละไฟล์" in response.content.decode()
    assert not ImportUpload.objects.exists()
    response = upload(signed_in, b"x", name="schools.pdf")
    assert "รับเฉพาะไฟล์ .xlsx หรือ .csv" in response.content.decode()


def test_a_100000_row_file_is_refused_naming_the_limit(signed_in):
    row = school("000000", "โรงเรียน")
    rest = [row[h] for h in SCHOOL_HEADERS][1:]
    cells = [SCHOOL_HEADERS] + [[f"{n:06d}", *rest] for n in range(100_000)]
    content = csv_bytes(cells)
    page, outcome = preview(signed_in, content, name="schools.csv")
    assert MAX_ROWS == 50_000
    assert outcome.refused == (
        "ไฟล์มีข้อมูลเกิน ๕๐,๐๐๐ แถว ซึ่งเป็นจำนวนสูงสุดที่นำเข้าได้ในครั้งเดียว กรุณาแบ่งไฟล์เป็นหลายไฟล์แล้วนำเข้าทีละไฟล์"
    )
    assert "ยืนยันนำเข้า" not in page.content.decode()
    confirm(signed_in)
    assert nothing_written()


def test_a_confirmation_for_another_file_than_the_one_previewed_is_refused(signed_in):
    preview(signed_in, xlsx(table([school("1001", "หนึ่ง")])))
    response = confirm(signed_in, digest="0" * 64)
    assert response.status_code == 200
    assert "ไฟล์ที่ยืนยันไม่ใช่ไฟล์ที่ท่านเพิ่งตรวจดูตัวอย่าง" in response.content.decode()
    assert nothing_written()


def test_the_confirmation_reads_the_stored_file_again(signed_in, office):
    """What is confirmed is the stored file as it reads now: a school another upload created
    in between makes the row an update, and any error found now changes nothing."""
    preview(signed_in, xlsx(table([school("1001", "หนึ่ง"), school("1002", "สอง")])))
    # Between preview and confirmation, the province is renamed: the rows are wrong now.
    Province.objects.filter(name="พิษณุโลก").update(name="พิษณุโลก (เดิม)")
    response = confirm(signed_in)
    assert response.status_code == 200
    assert [i.message for i in response.context["outcome"].issues] == [
        "ไม่พบจังหวัด “พิษณุโลก” ในระบบ"
    ] * 2
    assert nothing_written()


def test_the_template_has_thai_headers_an_example_row_and_explanations(signed_in):
    response = signed_in.get(url("template"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    data, explained = book.worksheets
    assert data.title == "ข้อมูล" and explained.title == "คำอธิบาย"
    rows = list(data.iter_rows(values_only=True))
    assert rows[0][0] == "ข้อมูลโรงเรียนและนักเรียนรายปี"  # a title row above the header
    assert list(rows[1]) == SCHOOL_HEADERS
    assert rows[2][:2] == ("1065000001", "โรงเรียนตัวอย่างวิทยา")
    assert rows[2][SCHOOL_HEADERS.index("ม.๑ ชาย")] == 120  # numbers as numbers
    explanation = list(explained.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(explanation) if r[0] == "คอลัมน์")
    described = [r[0] for r in explanation[header + 1 :]]
    assert described == [*SCHOOL_HEADERS, "รหัสสำนักงาน"]
    assert explanation[header + 1][1:3] == (
        "ต้องมี",
        "รหัสที่ใช้ในระบบ DMC ไม่เกิน ๒๐ ตัว ใช้ระบุโรงเรียน: รหัสที่มีอยู่แล้วจะปรับปรุงข้อมูลของโรงเรียนนั้น",
    )
    # The template as downloaded is refused for its example row only.
    _page, outcome = preview(signed_in, response.content)
    assert [i.message for i in outcome.issues] == ["แถวนี้เป็นแถวตัวอย่างของแบบฟอร์ม กรุณาลบออกก่อนนำเข้า"]


def test_personnel_by_position(signed_in, office):
    rows = [
        {"ปีการศึกษา (พ.ศ.)": "๒๕๖๕", "ลำดับ": "๑", "ตำแหน่ง": "ผู้อำนวยการสถานศึกษา", "จำนวน (คน)": "๕๖"},
        {"ปีการศึกษา (พ.ศ.)": 2565, "ลำดับ": 2, "ตำแหน่ง": "ครู", "จำนวน (คน)": "1,234"},
        {"ปีการศึกษา (พ.ศ.)": 2565, "ลำดับ": 2, "ตำแหน่ง": "ครูซ้ำ", "จำนวน (คน)": 1},
        {"ปีการศึกษา (พ.ศ.)": 2565, "ลำดับ": 3, "ตำแหน่ง": "", "จำนวน (คน)": "ไม่ทราบ"},
    ]
    content = xlsx(table(rows, PERSONNEL_HEADERS))
    _page, outcome = preview(signed_in, content, kind="personnel")
    assert issues(outcome) == [
        (4, "ปีการศึกษา (พ.ศ.)", "2565 / 2", "ซ้ำกับแถวที่ ๓ ในไฟล์นี้ (หนึ่งรายการต้องมีเพียงแถวเดียว)"),
        (5, "ตำแหน่ง", "", "ต้องกรอกช่องนี้"),
        (5, "จำนวน (คน)", "ไม่ทราบ", "ต้องเป็นตัวเลขจำนวนเต็ม"),
    ]
    _page, outcome = preview(signed_in, xlsx(table(rows[:2], PERSONNEL_HEADERS)), kind="personnel")
    assert outcome.ok
    confirm(signed_in, kind="personnel")
    assert list(
        PersonnelCount.objects.filter(office=office).values_list("number", "position", "count")
    ) == [(1, "ผู้อำนวยการสถานศึกษา", 56), (2, "ครู", 1234)]


# -- who may -----------------------------------------------------------------------------------


def test_only_those_who_manage_the_plan_import(
    client, office, staff_user, director, outsider, provinces
):
    content = xlsx(table([school("1001", "หนึ่ง")]))
    for user in (staff_user, director):
        client.force_login(user)
        for name in ("upload", "preview", "template", "export"):
            assert client.get(url(name)).status_code == 403, (user, name)
        assert upload(client, content).status_code == 403
        assert client.get(reverse("imports:list") + f"?office={OFFICE}").status_code == 403
        assert "นำเข้าข้อมูล" not in client.get("/").content.decode()
    client.force_login(outsider)  # a planner of another office: ours is not theirs
    assert client.get(url("upload")).status_code == 404
    assert upload(client, content).status_code == 404
    assert not ImportUpload.objects.exists() and nothing_written()


def test_someone_elses_upload_is_not_confirmed(client, office, planner, provinces):
    colleague = factories.member(office, "planner2", "planning")
    client.force_login(planner)
    preview(client, xlsx(table([school("1001", "หนึ่ง")])))
    stored = ImportUpload.objects.get()
    client.force_login(colleague)
    response = client.post(url("preview"), {"digest": stored.digest, "office": OFFICE})
    assert response.status_code == 302  # the colleague has no upload: asked to upload one
    assert nothing_written()


def test_the_menu_links_the_import_pages_for_the_planning_group(signed_in):
    home = signed_in.get(reverse("imports:list") + f"?office={OFFICE}")
    text = home.content.decode()
    assert 'href="/imports/"' in text
    assert SCHOOLS.title in text and PERSONNEL.title in text


def test_the_preview_makes_as_many_queries_for_1_row_as_for_3(
    signed_in, django_assert_max_num_queries
):
    counts = []
    for size in (1, 3):
        content = xlsx(table([school(f"{n}", f"โรงเรียน{n}") for n in range(size)]))
        upload(signed_in, content)
        cache.clear()  # both measured cold: the menu's cached count is one query less warm
        with CaptureQueriesContext(connection) as queries:
            assert signed_in.get(url("preview")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(counts[1]):
        signed_in.get(url("preview"))


def test_rows_created_in_bulk_have_the_entries_a_save_writes(signed_in, planner, office):
    """The import creates its rows in bulk and writes their audit entries itself
    (plans.audit.created_in_bulk): the same entries a save would have written."""
    from plans import audit

    preview(signed_in, xlsx(table([school("1001", "หนึ่ง")])))
    confirm(signed_in)
    year = SchoolYear.objects.get()
    first = year.grades.get(grade=1).pk
    imported = AuditEntry.objects.get(object_type="plans.gradeenrolment", object_id=first)
    other = SchoolYear.objects.create(school=year.school, academic_year=2566)
    with audit.acting(user=planner, note=imported.note):
        saved = GradeEnrolment.objects.create(
            school_year=other, grade=1, male=10, female=12, classrooms=1
        )
    by_save = AuditEntry.objects.get(object_type="plans.gradeenrolment", object_id=saved.pk)
    fields = ("office_id", "user_id", "user_name", "object_label", "action", "note", "parent_type")
    assert [getattr(imported, f) for f in fields] == [getattr(by_save, f) for f in fields]
    assert imported.office_id == office.pk and imported.user_id == planner.pk
    assert set(imported.changes) == set(by_save.changes)
    assert imported.changes["male"] == by_save.changes["male"] == [None, "10"]
    assert imported.at is not None


def test_the_admin_exports_grade_enrolment_by_codes_and_leaves_importing_to_the_portal(
    client, office, provinces
):
    from django.contrib.auth import get_user_model

    from plans.resources import GradeEnrolmentResource

    school_row = School.objects.create(
        office=office, code="1001", name="หนึ่ง", province=provinces[0]
    )
    year = SchoolYear.objects.create(school=school_row, academic_year=2565)
    GradeEnrolment.objects.create(school_year=year, grade=1, male=10, female=12, classrooms=1)
    dataset = GradeEnrolmentResource().export()
    assert dataset.headers == [
        "office",
        "school",
        "academic_year",
        "grade",
        "male",
        "female",
        "classrooms",
    ]
    assert list(dataset[0]) == [OFFICE, "1001", "2565", "1", "10", "12", "1"]
    root = get_user_model().objects.create_superuser("root", password="pw")
    client.force_login(root)
    assert client.get(reverse("admin:plans_gradeenrolment_import")).status_code == 403
    assert client.get(reverse("admin:plans_gradeenrolment_changelist")).status_code == 200


def test_previewing_a_reimport_makes_as_many_queries_for_1_school_as_for_3(signed_in):
    """With stored schools, years and grades to compare against: still one read of each."""
    counts = []
    for size in (1, 3):
        content = xlsx(table([school(f"{size}{n}", f"โรงเรียน{n}") for n in range(size)]))
        preview(signed_in, content)
        confirm(signed_in)
        upload(signed_in, content)
        with CaptureQueriesContext(connection) as queries:
            page = signed_in.get(url("preview"))
        assert len(page.context["outcome"].unchanged) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_write_that_fails_in_the_database_changes_nothing_and_says_so(signed_in, monkeypatch):
    """A school of the same code saved by someone else at the very moment of the
    confirmation (after it read the office's schools) fails the database's constraint: the
    whole import is rolled back and the page says so in Thai."""
    from plans.imports.schools import SchoolYearResource

    content = xlsx(table([school("1001", "หนึ่ง"), school("1002", "สอง")]))
    preview(signed_in, content)
    write_all = SchoolYearResource._write_all

    def racing(resource):
        School.objects.create(
            office=resource.office, code="1002", name="ของคนอื่น", province=Province.objects.first()
        )
        write_all(resource)

    monkeypatch.setattr(SchoolYearResource, "_write_all", racing)
    response = confirm(signed_in)
    assert response.status_code == 200
    assert [i.message for i in response.context["outcome"].issues] == [
        "บันทึกข้อมูลไม่สำเร็จ (ข้อมูลอาจถูกแก้ไขพร้อมกันจากที่อื่น) ไม่มีข้อมูลใดถูกบันทึก กรุณาตรวจดูตัวอย่างอีกครั้งแล้วยืนยันใหม่"
    ]
    assert nothing_written()
    assert ImportUpload.objects.exists()  # kept, to be confirmed again


def test_the_framework_widgets_read_cells_as_typed():
    from datetime import date
    from decimal import Decimal

    from plans.imports.widgets import DateWidget, IntegerWidget, MoneyWidget, YearWidget

    money = MoneyWidget()
    assert money.clean("๑,๒๓๔.๕๐") == Decimal("1234.50")
    assert money.clean(" 375000 บาท ") == Decimal("375000.00")
    assert money.clean(1234.5) == Decimal("1234.50")
    for wrong, message in (("1.005", "จำนวนเงินต้องมีทศนิยมไม่เกิน ๒ ตำแหน่ง"), ("-1", "ต้องไม่ติดลบ")):
        with pytest.raises(ValueError, match=message):
            money.clean(wrong)
    assert IntegerWidget().clean("๑,๒๓๔") == 1234 and IntegerWidget().clean("") == 0
    assert IntegerWidget().clean(12.0) == 12
    with pytest.raises(ValueError, match="ต้องเป็นตัวเลขจำนวนเต็ม"):
        IntegerWidget().clean("12.5")
    assert YearWidget().clean("๒๕๖๕") == 2565
    with pytest.raises(ValueError, match="ต้องมี ๔ หลัก"):
        YearWidget().clean("65")
    assert DateWidget().clean("๔ มี.ค. ๒๕๖๕") == date(2022, 3, 4)
    assert DateWidget().clean("") is None


def test_uploads_never_confirmed_are_cleared_after_a_day(
    signed_in, django_capture_on_commit_callbacks
):
    import os
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    preview(signed_in, xlsx(table([school("1001", "หนึ่ง")])))
    stored = ImportUpload.objects.get()
    path = stored.file.path
    call_command("clear_import_uploads", stdout=io.StringIO())
    assert ImportUpload.objects.exists()  # not a day old yet
    ImportUpload.objects.update(uploaded_at=timezone.now() - timedelta(days=2))
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clear_import_uploads", stdout=out)
    assert out.getvalue().strip() == "ลบไฟล์ที่รอยืนยันเกิน ๑ วันแล้ว ๑ ไฟล์"
    assert not ImportUpload.objects.exists()
    assert not os.path.exists(path)


def test_personnel_changed_on_reimport_through_the_models_save(signed_in, planner, office):
    """A kind without bulk writes (the framework's default) saves each changed row through
    the model, audited with the import's note."""
    rows = [{"ปีการศึกษา (พ.ศ.)": 2565, "ลำดับ": 1, "ตำแหน่ง": "ครู", "จำนวน (คน)": 10}]
    preview(signed_in, xlsx(table(rows, PERSONNEL_HEADERS)), name="p.xlsx", kind="personnel")
    confirm(signed_in, kind="personnel")
    rows[0]["จำนวน (คน)"] = "๑๒"
    _page, outcome = preview(
        signed_in, xlsx(table(rows, PERSONNEL_HEADERS)), name="p.xlsx", kind="personnel"
    )
    assert [(r.number, r.label, r.changed) for r in outcome.changed] == [
        (2, "๑. ครู", ("จำนวน (คน)",))
    ]
    confirm(signed_in, kind="personnel")
    count = PersonnelCount.objects.get(office=office)
    assert count.count == 12
    entry = AuditEntry.objects.filter(object_type="plans.personnelcount").latest("pk")
    assert (entry.action, entry.changes, entry.user_id) == (
        "update",
        {"count": ["10", "12"]},
        planner.pk,
    )
    assert entry.note == "นำเข้าจำนวนบุคลากรตามตำแหน่ง จากไฟล์ p.xlsx"
