"""The FY2565 seed loads completely, twice without change, and holds the report's facts.
The golden numbers here are computed from the report's rows; where the report's own text
says otherwise, docs/seed-discrepancies.md explains why the rows win."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from indicators.models import Indicator, ItaAssessment, ObecIndicatorRating, OnetScore, StandardItem
from plans.models import (
    Committee,
    GradeEnrolment,
    Membership,
    PersonnelCount,
    Plan,
    ReportText,
    School,
    SchoolYear,
    SizeClass,
    Strategy,
)
from projects.models import Highlight, Project, ProjectStatement

pytestmark = pytest.mark.django_db


def test_load_demo_twice_changes_nothing():
    out = StringIO()
    call_command("load_demo", stdout=out)
    counts = {model: model.objects.count() for model in (Project, Indicator, School, Membership)}
    second = StringIO()
    call_command("load_demo", stdout=second)
    assert "เพิ่ม 0 แก้ไข 0" in second.getvalue()
    assert {model: model.objects.count() for model in counts} == counts
    assert counts[Project] == 14
    # one demo user per role, logins printed
    for username in ("admin", "director", "planner", "finance", "groupdirector", "staff"):
        assert username in out.getvalue()


def test_seed_holds_every_project_with_its_text(fy2565_db):
    plan = fy2565_db
    projects = Project.objects.filter(plan=plan).order_by("number")
    assert list(projects.values_list("number", flat=True)) == list(range(1, 15))
    first = projects[0]
    assert first.name == "โครงการป้องกันและแก้ไขปัญหายาเสพติดและอบายมุขในสถานศึกษา"
    assert first.policy_area.code == "safety"
    assert first.work_group.name == "กลุ่มส่งเสริมการจัดการศึกษา"
    assert first.statements.filter(kind=ProjectStatement.Kind.OBJECTIVE).count() == 3
    assert "กิจกรรมที่ ๑" in first.methods
    # every project has objectives, results and problems from chapter 3
    for project in projects:
        kinds = set(project.statements.values_list("kind", flat=True))
        assert {"objective", "quantitative", "qualitative"} <= kinds, project
        assert project.work_group_id, project


def test_alignment_of_table_7(fy2565_db):
    project = Project.objects.get(plan=fy2565_db, number=5)
    assert sorted(project.national_strategies.values_list("number", flat=True)) == [3, 6]
    assert sorted(project.master_plan_issues.values_list("number", flat=True)) == [12, 20]
    assert sorted(project.obec_policies.values_list("code", flat=True)) == ["efficiency", "quality"]
    quick_win = Project.objects.get(plan=fy2565_db, number=1).minister_policies.get()
    assert quick_win.tag == "Quick Win"


def test_school_statistics_add_up_to_tables_1_to_5(fy2565_db):
    office = fy2565_db.office
    assert School.objects.filter(office=office).count() == 57
    grades = GradeEnrolment.objects.filter(school_year__school__office=office)
    totals = grades.aggregate(male=Sum("male"), female=Sum("female"), rooms=Sum("classrooms"))
    assert totals == {"male": 19240, "female": 23513, "rooms": 1322}
    assert totals["male"] + totals["female"] == 42753
    teachers = SchoolYear.objects.filter(school__office=office).aggregate(
        m=Sum("teachers_male"), f=Sum("teachers_female")
    )
    assert teachers == {"m": 676, "f": 1590}
    by_size: dict[str, int] = {}
    for year in SchoolYear.objects.filter(school__office=office).prefetch_related("grades"):
        students = sum(g.male + g.female for g in year.grades.all())
        size = SizeClass.for_students(students)
        by_size[size] = by_size.get(size, 0) + 1
    assert by_size == {"small": 32, "medium": 17, "large": 4, "extra_large": 4}
    names = School.objects.values_list("name", flat=True)
    assert all(name.startswith("โรงเรียนตัวอย่าง") for name in names)


def test_personnel_table_6(fy2565_db):
    rows = PersonnelCount.objects.filter(office=fy2565_db.office)
    assert rows.count() == 11
    assert rows.aggregate(total=Sum("count"))["total"] == 2690


def test_assessments(fy2565_db):
    office = fy2565_db.office
    ita = ItaAssessment.objects.get(office=office)
    assert (ita.score, ita.level, ita.change) == (Decimal("95.92"), "AA", Decimal("4.68"))
    rated = ObecIndicatorRating.objects.filter(office=office, level__isnull=False)
    assert rated.count() == 7
    assert ObecIndicatorRating.objects.get(office=office, number=6).province_results.count() == 2
    assert StandardItem.objects.filter(office=office, kind="standard").count() == 3
    assert OnetScore.objects.filter(office=office, scope="province").count() == 54
    nation_thai_m3 = OnetScore.objects.get(
        office=office, scope="nation", grade=3, academic_year=2564, subject__code="thai"
    )
    assert nation_thai_m3.score == Decimal("51.19")


def test_report_texts_and_people(fy2565_db):
    texts = ReportText.objects.filter(plan=fy2565_db)
    assert texts.get(key="preface").title == "คำนำ"
    assert "๑๔ โครงการ" in texts.get(key="preface").body
    order = Committee.objects.get(plan=fy2565_db, kind="order")
    assert order.number == "146/2565"
    assert order.signed_on.isoformat() == "2022-03-04"
    assert order.sections.get(order=2).members.count() == 18
    assert Committee.objects.get(plan=fy2565_db, kind="authors").sections.count() == 4
    assert Highlight.objects.filter(plan=fy2565_db).count() == 5


def test_next_year_direction_is_the_fy2566_plan(fy2565_db):
    plan = Plan.objects.get(office=fy2565_db.office, fiscal_year__year=2566)
    assert plan.vision.startswith("ภายในปี ๒๕๗๐")
    strategies = Strategy.objects.filter(plan=plan)
    assert strategies.count() == 4
    first = strategies.get(number=1)
    assert first.indicators.get(number=1).target_value == Decimal("80")


# -- load_demo refuses a database it did not make (demo/guard.py) ----------------------------


def _demo_db(plan):
    """The session's FY2565 seed as load_demo leaves it: marked as the demo's."""
    from demo import guard
    from demo.loader import LoadStats

    guard.record_load(plan, LoadStats())
    return plan


def _load_demo(*args) -> str:
    out = StringIO()
    call_command("load_demo", "--no-users", *args, stdout=out)
    return out.getvalue()


def _refused(*args) -> str:
    from django.core.management import CommandError

    with pytest.raises(CommandError) as caught:
        _load_demo(*args)
    assert caught.value.returncode == 3  # scripts/run serves the database as it is then
    return str(caught.value)


def _user_adds_an_activity(plan, user):
    from plans import audit
    from projects.models import Activity

    project = Project.objects.get(plan=plan, number=1)
    with audit.acting(user=user):  # as a request of theirs would (plans.audit.AuditMiddleware)
        return Activity.objects.create(project=project, number=99, name="กิจกรรมที่ผู้ใช้เพิ่ม")


def test_load_demo_refuses_a_database_with_another_office_and_changes_nothing(office, plan):
    from tests import factories

    factories.project(plan, 1)
    counts = (Plan.objects.count(), Project.objects.count(), ProjectStatement.objects.count())
    message = _refused()
    assert "สำนักงานอื่นที่ไม่ใช่ของข้อมูลตัวอย่าง: 1" in message
    assert "load_demo --force" in message
    assert (Plan.objects.count(), Project.objects.count(), ProjectStatement.objects.count()) == (
        counts
    )


def test_load_demo_refuses_the_demo_office_it_did_not_create(fy2565_db):
    """The seed's office loaded by something else (a real office using the portal)."""
    from demo.guard import MARKER_TYPE
    from plans.models import AuditEntry

    AuditEntry.objects.filter(object_type=MARKER_TYPE).delete()
    message = _refused()
    assert "ข้อมูลสำนักงานและแผนที่ไม่ได้สร้างโดย load_demo" in message


def test_load_demo_refuses_after_a_user_added_an_activity_and_deletes_nothing(fy2565_db):
    from plans.models import Role
    from tests import factories

    plan = _demo_db(fy2565_db)
    planner = factories.member(plan.office, "realplanner", Role.PLANNING)
    activity = _user_adds_an_activity(plan, planner)
    statements = ProjectStatement.objects.count()
    message = _refused()
    assert "รายการแก้ไขข้อมูลโดยผู้ใช้" in message
    activity.refresh_from_db()  # still there
    assert ProjectStatement.objects.count() == statements


def test_load_demo_refuses_after_a_quarterly_report_saved_through_the_service(fy2565_db):
    from plans.models import Role
    from progress import services
    from progress.models import QuarterlyReport
    from tests import factories

    plan = _demo_db(fy2565_db)
    planner = factories.member(plan.office, "realplanner", Role.PLANNING)
    project = Project.objects.select_related("plan__office").get(plan=plan, number=1)
    services.report_save_draft(
        project=project,
        quarter=1,
        user=planner,
        version=0,
        narrative={"work_done": "ประชุมชี้แจง"},
        values={},
        amounts={},
    )
    message = _refused()
    assert "รายการแก้ไขข้อมูลโดยผู้ใช้" in message
    assert "รายงานรายไตรมาสที่ผู้ใช้จัดทำ: 1" in message
    assert QuarterlyReport.objects.filter(project=project, quarter=1).exists()


def test_load_demo_force_lists_what_it_overwrites_then_loads(fy2565_db):
    from plans.models import Role
    from projects.models import Activity
    from tests import factories

    plan = _demo_db(fy2565_db)
    planner = factories.member(plan.office, "realplanner", Role.PLANNING)
    activity = _user_adds_an_activity(plan, planner)
    statement = ProjectStatement.objects.filter(project__plan=plan).order_by("pk").first()
    seed_text = statement.text
    ProjectStatement.objects.filter(pk=statement.pk).update(text="ข้อความที่ผู้ใช้แก้")

    out = _load_demo("--force")
    overwrite = out[out.index("การโหลดครั้งนี้จะเขียนทับ:") :]
    assert "แก้ไข ข้อความของโครงการ: 1 รายการ" in overwrite
    assert "ลบ กิจกรรม: 1 รายการ" in overwrite
    assert overwrite.index("ลบ กิจกรรม") < overwrite.index("โหลดข้อมูล แผนปฏิบัติการ")
    assert not Activity.objects.filter(pk=activity.pk).exists()
    statement.refresh_from_db()
    assert statement.text == seed_text
    # the database is the demo's again: a plain run loads and changes nothing
    assert "เพิ่ม 0 แก้ไข 0" in _load_demo()


def test_load_demo_on_its_own_database_runs_again_and_writes_no_history():
    from demo.guard import MARKER_TYPE
    from plans.models import AuditEntry

    _load_demo()
    assert AuditEntry.objects.filter(object_type=MARKER_TYPE).exists()
    entries = AuditEntry.objects.count()
    assert "เพิ่ม 0 แก้ไข 0" in _load_demo()
    assert AuditEntry.objects.count() == entries
