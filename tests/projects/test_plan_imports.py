"""A fiscal year's plan imported from a spreadsheet (projects/imports.py,
indicators/imports.py): projects, then activities, then indicators, by the numbers people
use; a preview with every bad row named by row and column in Thai; nothing written when any
row is wrong; the same file again changes nothing; the planning group's only."""

from decimal import Decimal

import pytest

from budget.models import ProjectAllocation
from indicators.imports import INDICATORS
from indicators.models import Indicator, IndicatorMilestone
from plans.models import AuditEntry
from projects.imports import ACTIVITIES, PROJECTS
from projects.models import Activity, Project
from tests import factories
from tests.import_steps import confirm, import_file, issues, preview, url, xlsx

pytestmark = pytest.mark.django_db

P_HEADERS = [c.header for c in PROJECTS.columns]
A_HEADERS = [c.header for c in ACTIVITIES.columns]
I_HEADERS = [c.header for c in INDICATORS.columns]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(autouse=True)
def _policy_areas(db):
    for code in ("safety", "opportunity", "quality", "efficiency"):
        factories.policy_area(code)


@pytest.fixture
def signed_in(client, planner):
    client.force_login(planner)
    return client


def project_row(number=1, **values):
    row = {
        "ปีงบประมาณ (พ.ศ.)": "๒๕๖๕",
        "เลขที่โครงการ": number,
        "ชื่อโครงการ": f"โครงการนำเข้า {number}",
        "ด้านนโยบาย สพฐ. (ลำดับ)": 3,
        "กลุ่มงานที่รับผิดชอบ": "กลุ่มส่งเสริมการจัดการศึกษา",
        "ผู้รับผิดชอบโครงการ": "นางสาวทดสอบ นำเข้า",
        "งบประมาณทั้งโครงการ (บาท)": "๑๐๐,๐๐๐",
        "วัตถุประสงค์": "1. เพื่อพัฒนาครู\n\n๒) เพื่อพัฒนาผู้เรียน  ",
    }
    row.update(values)
    return row


def activity_row(project=1, number=1, **values):
    row = {
        "ปีงบประมาณ (พ.ศ.)": 2565,
        "เลขที่โครงการ": project,
        "กิจกรรมที่": number,
        "ชื่อกิจกรรม": f"กิจกรรมนำเข้า {number}",
        "งบประมาณของกิจกรรม (บาท)": 20000,
    }
    row.update(values)
    return row


def indicator_row(project=1, order=1, **values):
    row = {
        "ปีงบประมาณ (พ.ศ.)": 2565,
        "เลขที่โครงการ": project,
        "ตัวชี้วัดที่": order,
        "กิจกรรมที่": "",
        "ตัวชี้วัด": f"ร้อยละของโรงเรียนที่นำเข้า {order}",
        "หน่วย": "ร้อยละ",
        "ค่าเป้าหมาย": 80,
        "ทิศทาง": "",
        "การรวมผลรายไตรมาส": "",
        "เป้าหมาย ณ สิ้นไตรมาส ๒": 40,
        "เป้าหมาย ณ สิ้นไตรมาส ๔": 80,
    }
    row.update(values)
    return row


def written(plan) -> tuple:
    return (
        Project.objects.filter(plan=plan).count(),
        Activity.objects.filter(project__plan=plan).count(),
        Indicator.objects.filter(project__plan=plan).count(),
        ProjectAllocation.objects.filter(project__plan=plan).count(),
    )


def test_the_plan_in_three_steps_and_again_changes_nothing(signed_in, office, plan, group, planner):
    projects = xlsx(P_HEADERS, [project_row(1), project_row(2, **{"งบประมาณทั้งโครงการ (บาท)": ""})])
    outcome = import_file(signed_in, "plan-projects", office, projects)
    assert len(outcome.created) == 2
    one = Project.objects.get(plan=plan, number=1)
    assert (one.name, one.policy_area.number, one.work_group, one.owner_name) == (
        "โครงการนำเข้า 1",
        3,
        group,
        "นางสาวทดสอบ นำเข้า",
    )
    assert [a.amount for a in one.allocations.all()] == [Decimal("100000.00")]
    assert list(one.statements.values_list("kind", "number", "text")) == [
        ("objective", 1, "เพื่อพัฒนาครู"),
        ("objective", 2, "เพื่อพัฒนาผู้เรียน"),
    ]
    assert not Project.objects.get(plan=plan, number=2).allocations.exists()

    activities = xlsx(
        A_HEADERS, [activity_row(1, 1), activity_row(1, 2, **{"งบประมาณของกิจกรรม (บาท)": ""})]
    )
    import_file(signed_in, "plan-activities", office, activities)
    first = Activity.objects.get(project=one, number=1)
    assert [a.amount for a in first.allocations.all()] == [Decimal("20000.00")]

    indicators = xlsx(
        I_HEADERS,
        [
            indicator_row(1, 1),
            indicator_row(
                1, 2, **{"กิจกรรมที่": 2, "หน่วย": "คน", "ทิศทาง": "ยิ่งน้อยยิ่งดี (ไม่เกินค่าเป้าหมาย)"}
            ),
        ],
    )
    import_file(signed_in, "plan-indicators", office, indicators)
    second = Indicator.objects.get(project=one, order=2)
    assert (second.activity.number, second.unit, second.direction, second.aggregation) == (
        2,
        "คน",
        "at_most",
        "latest",
    )
    assert dict(
        IndicatorMilestone.objects.filter(indicator=second).values_list("quarter", "value")
    ) == {
        2: Decimal("40.00"),
        4: Decimal("80.00"),
    }
    # Every write is the planner's, with the import's note.
    notes = set(AuditEntry.objects.filter(office=office).values_list("note", "user"))
    assert ("นำเข้าโครงการของแผนปฏิบัติการ จากไฟล์ file.xlsx", planner.pk) in notes
    assert ("นำเข้าตัวชี้วัดของโครงการ จากไฟล์ file.xlsx", planner.pk) in notes

    counts, entries = written(plan), AuditEntry.objects.count()
    for kind, content in (
        ("plan-projects", projects),
        ("plan-activities", activities),
        ("plan-indicators", indicators),
    ):
        outcome = import_file(signed_in, kind, office, content)
        assert (len(outcome.created), len(outcome.changed), len(outcome.unchanged)) == (0, 0, 2), (
            kind
        )
    assert (written(plan), AuditEntry.objects.count()) == (counts, entries)


def test_a_changed_project_and_more_budget(signed_in, office, plan, group):
    import_file(signed_in, "plan-projects", office, xlsx(P_HEADERS, [project_row(1)]))
    row = project_row(1, **{"ชื่อโครงการ": "ชื่อใหม่", "งบประมาณทั้งโครงการ (บาท)": 150000})
    outcome = import_file(signed_in, "plan-projects", office, xlsx(P_HEADERS, [row]))
    assert outcome.changed[0].changed == ("ชื่อโครงการ", "งบประมาณทั้งโครงการ (บาท)")
    project = Project.objects.get(plan=plan, number=1)
    assert project.name == "ชื่อใหม่"
    assert sorted(a.amount for a in project.allocations.all()) == [
        Decimal("50000.00"),
        Decimal("100000.00"),
    ]
    # A project the file does not name is left alone, and the preview says so.
    factories.project(plan, 2)
    outcome = preview(signed_in, "plan-projects", office, xlsx(P_HEADERS, [row]))
    assert (outcome.absent, len(outcome.unchanged)) == (1, 1)
    page = signed_in.get(url("imports:preview", "plan-projects", office)).content.decode()
    assert "ข้อมูลที่มีอยู่ในระบบแต่ไม่อยู่ในไฟล์นี้ ๑ รายการ จะคงไว้ตามเดิม" in page
    assert Project.objects.filter(plan=plan).count() == 2
    # Less than allocated is refused: money moves by a transfer.
    less = project_row(1, **{"ชื่อโครงการ": "ชื่อใหม่", "งบประมาณทั้งโครงการ (บาท)": 1000})
    outcome = preview(signed_in, "plan-projects", office, xlsx(P_HEADERS, [less]))
    assert issues(outcome)[0][:2] == (2, "งบประมาณทั้งโครงการ (บาท)")
    assert "น้อยกว่างบประมาณที่จัดสรรให้โครงการแล้ว" in issues(outcome)[0][2]


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_written(
    signed_in, office, plan, group
):
    factories.project(plan, 5, name="โครงการเดิม")
    rows = [
        project_row(1),
        project_row(2, **{"เลขที่โครงการ": "สอง"}),
        project_row(3, **{"ด้านนโยบาย สพฐ. (ลำดับ)": 9}),
        project_row(4, **{"กลุ่มงานที่รับผิดชอบ": "กลุ่มที่ไม่มี"}),
        project_row(6, **{"ชื่อโครงการ": "โครงการเดิม"}),
        project_row(7, **{"งบประมาณทั้งโครงการ (บาท)": "หนึ่งพัน"}),
        project_row(8, **{"ปีงบประมาณ (พ.ศ.)": 2570}),
        project_row(1, **{"ชื่อโครงการ": "ซ้ำ"}),
        project_row(9, **{"ชื่อโครงการ": "โครงการนำเข้า 1"}),
    ]
    before = written(plan)
    outcome = preview(signed_in, "plan-projects", office, xlsx(P_HEADERS, rows))
    found = {(n, c) for n, c, _ in issues(outcome)}
    assert found == {
        (3, "เลขที่โครงการ"),
        (4, "ด้านนโยบาย สพฐ. (ลำดับ)"),
        (5, "กลุ่มงานที่รับผิดชอบ"),
        (6, "ชื่อโครงการ"),
        (7, "งบประมาณทั้งโครงการ (บาท)"),
        (8, "ปีงบประมาณ (พ.ศ.)"),
        (9, "ปีงบประมาณ (พ.ศ.)"),
        (10, "ชื่อโครงการ"),
    }
    messages = dict(((n, c), m) for n, c, m in issues(outcome))
    assert messages[(3, "เลขที่โครงการ")] == "ต้องเป็นตัวเลขจำนวนเต็ม"
    assert "ไม่พบกลุ่มงาน “กลุ่มที่ไม่มี”" in messages[(5, "กลุ่มงานที่รับผิดชอบ")]
    assert "ยังไม่มีแผนปฏิบัติการปีงบประมาณ ๒๕๗๐" in messages[(8, "ปีงบประมาณ (พ.ศ.)")]
    assert "ซ้ำกับแถวที่ ๒" in messages[(9, "ปีงบประมาณ (พ.ศ.)")]
    assert not outcome.ok
    confirm(signed_in, "plan-projects", office)
    assert written(plan) == before

    # Activities and indicators of a project that is not there, or an activity not there.
    outcome = preview(signed_in, "plan-activities", office, xlsx(A_HEADERS, [activity_row(9)]))
    assert issues(outcome) == [
        (2, "เลขที่โครงการ", "ไม่พบโครงการเลขที่ ๙ ในแผนปีงบประมาณ ๒๕๖๕ (นำเข้าโครงการก่อน)")
    ]
    rows = [
        indicator_row(5, 1, **{"กิจกรรมที่": 3}),
        indicator_row(5, 2, **{"หน่วย": "กิโลกรัม", "ค่าเป้าหมาย": -1}),
    ]
    outcome = preview(signed_in, "plan-indicators", office, xlsx(I_HEADERS, rows))
    assert {(n, c) for n, c, _ in issues(outcome)} == {
        (2, "กิจกรรมที่"),
        (3, "หน่วย"),
        (3, "ค่าเป้าหมาย"),
    }
    assert written(plan) == before


def test_another_offices_rows_and_people_without_the_right(
    client, office, plan, group, staff_user, director, outsider
):
    other = outsider.memberships.get().office
    factories.plan(other)
    client.force_login(outsider)
    # An outsider's file for our office: the office is not theirs (404), and a row naming our
    # office in their own import is refused on its row.
    assert client.get(url("imports:upload", "plan-projects", office)).status_code == 404
    rows = [project_row(1, **{"รหัสสำนักงาน": office.code})]
    outcome = preview(client, "plan-projects", other, xlsx([*P_HEADERS, "รหัสสำนักงาน"], rows))
    assert issues(outcome)[0][:2] == (2, "รหัสสำนักงาน")
    for user in (staff_user, director):
        client.force_login(user)
        for kind in ("plan-projects", "plan-activities", "plan-indicators", "plan-alignment"):
            for name in ("imports:upload", "imports:template", "imports:export"):
                assert client.get(url(name, kind, office)).status_code == 403, (user, kind, name)
    assert not Project.objects.filter(plan=plan).exists()


def test_the_templates_have_thai_headers_an_example_and_explanations(signed_in, office):
    import io

    import openpyxl

    for kind in (PROJECTS, ACTIVITIES, INDICATORS):
        response = signed_in.get(url("imports:template", kind.key, office))
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        assert book.sheetnames == [kind.sheet, "คำอธิบาย"]
        values = [
            [c for c in row if c is not None]
            for row in book[kind.sheet].iter_rows(values_only=True)
        ]
        assert [c.header for c in kind.columns] in values
        # The example row, as downloaded, is refused as the example.
        outcome = preview(signed_in, kind.key, office, response.content)
        assert [m for _, _, m in issues(outcome)] == [
            "แถวนี้เป็นแถวตัวอย่างของแบบฟอร์ม กรุณาลบออกก่อนนำเข้า"
        ]


def test_table_7_alignment_by_numbers(signed_in, office, plan):
    from plans.models import MasterPlanIssue, MinisterPolicy, NationalStrategy, PolicyArea
    from projects.alignment.imports import ALIGNMENT

    headers = [c.header for c in ALIGNMENT.columns]
    for n in (1, 2, 3):
        NationalStrategy.objects.create(number=n, name=f"ยุทธศาสตร์ {n}")
    MasterPlanIssue.objects.create(number=12, name="การพัฒนาการเรียนรู้")
    year = plan.fiscal_year
    main = MinisterPolicy.objects.create(fiscal_year=year, number=1, name="นโยบายหลัก")
    quick = MinisterPolicy.objects.create(
        fiscal_year=year, number=1, name="เร่งด่วน", tag="Quick Win"
    )
    project = factories.project(plan, 1)
    row = {
        "ปีงบประมาณ (พ.ศ.)": 2565,
        "เลขที่โครงการ": 1,
        "ยุทธศาสตร์ชาติ (ด้านที่)": "๓, 1",
        "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ (ประเด็นที่)": 12,
        "นโยบาย รมว.ศธ. (ข้อ)": "1, Quick Win 1",
        "นโยบาย สพฐ. (ด้านที่)": "3",
    }
    content = xlsx(headers, [row])
    outcome = import_file(signed_in, "plan-alignment", office, content)
    assert len(outcome.changed) == 1
    assert sorted(project.national_strategies.values_list("number", flat=True)) == [1, 3]
    assert list(project.master_plan_issues.values_list("number", flat=True)) == [12]
    assert set(project.minister_policies.all()) == {main, quick}
    assert list(project.obec_policies.all()) == [PolicyArea.objects.get(number=3)]
    outcome = import_file(signed_in, "plan-alignment", office, content)
    assert len(outcome.unchanged) == 1

    bad = [
        {**row, "ยุทธศาสตร์ชาติ (ด้านที่)": "1, 9", "นโยบาย รมว.ศธ. (ข้อ)": "Quick Win 5"},
        {**row, "เลขที่โครงการ": 4},
    ]
    outcome = preview(signed_in, "plan-alignment", office, xlsx(headers, bad))
    assert issues(outcome) == [
        (2, "ยุทธศาสตร์ชาติ (ด้านที่)", "ไม่พบยุทธศาสตร์ชาติ “9”"),
        (2, "นโยบาย รมว.ศธ. (ข้อ)", "ไม่พบนโยบาย รมว.ศธ. “Quick Win 5”"),
        (3, "เลขที่โครงการ", "ไม่พบโครงการเลขที่ ๔ ในแผนปีงบประมาณ ๒๕๖๕ (นำเข้าโครงการก่อน)"),
    ]
    confirm(signed_in, "plan-alignment", office)
    assert sorted(project.national_strategies.values_list("number", flat=True)) == [1, 3]


def test_one_workbook_of_four_sheets_serves_each_step(signed_in, office, plan, group):
    """The planner may keep the plan in one workbook: each step reads its own sheet."""
    import io

    import openpyxl

    from projects.alignment.imports import ALIGNMENT

    book = openpyxl.Workbook()
    sheets = [
        ("โครงการ", P_HEADERS, [project_row(1)]),
        ("กิจกรรม", A_HEADERS, [activity_row(1, 1)]),
        ("ตัวชี้วัด", I_HEADERS, [indicator_row(1, 1, **{"กิจกรรมที่": 1})]),
        (
            "ความสอดคล้อง",
            [c.header for c in ALIGNMENT.columns],
            [{"ปีงบประมาณ (พ.ศ.)": 2565, "เลขที่โครงการ": 1, "นโยบาย สพฐ. (ด้านที่)": 3}],
        ),
    ]
    book.remove(book.active)
    for title, headers, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(["แผนปฏิบัติการประจำปีงบประมาณ ๒๕๖๕"])
        sheet.append(headers)
        for row in rows:
            sheet.append([row.get(h, "") for h in headers])
    buffer = io.BytesIO()
    book.save(buffer)
    for kind, (title, _, _) in zip(
        ("plan-projects", "plan-activities", "plan-indicators", "plan-alignment"),
        sheets,
        strict=True,
    ):
        outcome = import_file(signed_in, kind, office, buffer.getvalue())
        assert outcome.sheet == title and len(outcome.created) + len(outcome.changed) == 1, kind
    project = Project.objects.get(plan=plan, number=1)
    assert project.indicators.get().activity.number == 1
    assert list(project.obec_policies.values_list("number", flat=True)) == [3]
