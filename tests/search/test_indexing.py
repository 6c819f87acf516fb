"""The index follows every write (search/indexing.py): saves, deletes, rollbacks, bulk
imports, seed loading, and `manage.py search_reindex`."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from plans import audit
from plans.models import Province, Role, School, SchoolCluster
from progress import services as progress_services
from projects import services as project_services
from projects.models import Activity, ProjectStatement
from search.models import Kind, SearchDocument
from search.selectors import search_for_user
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner(office, plan):
    return factories.member(office, "planner", Role.PLANNING)


def titles(user, office, query: str) -> list[str]:
    search = search_for_user(user, office, query)
    return [f"{r.kind}:{r.title}" for r in search.page] if search.page else []


def test_a_new_project_and_its_statements_are_found_at_once(office, plan, planner):
    project = factories.project(plan, 1, name="โครงการห้องสมุดมีชีวิต")
    ProjectStatement.objects.create(
        project=project, kind="quantitative", number=1, text="นักเรียนยืมหนังสือเพิ่มขึ้น"
    )
    assert titles(planner, office, "ห้องสมุด") == ["project:โครงการ<mark>ห้องสมุด</mark>มีชีวิต"]
    assert [t[:9] for t in titles(planner, office, "ยืมหนังสือ")] == ["narrative"]


def test_a_figure_kept_as_typed_is_indexed_as_typed(office, plan, planner):
    project = factories.project(plan, 1, name="โครงการห้องสมุดมีชีวิต")
    ProjectStatement.objects.create(
        project=project,
        kind="quantitative",
        number=1,
        text="ครูจากโรงเรียนขนาดเล็ก จำนวน {จำนวนโรงเรียนขนาดเล็กและกลาง=๕๐} โรงเรียน",
    )
    document = SearchDocument.objects.get(kind=Kind.NARRATIVE, project=project)
    assert "จำนวน ๕๐ โรงเรียน" in document.body and "{" not in document.body


def test_an_edit_replaces_the_old_words(office, plan, planner):
    project = factories.project(plan, 1, name="โครงการห้องสมุดมีชีวิต")
    project.name = "โครงการลูกเสือต้านภัยยาเสพติด"
    project.save()
    assert titles(planner, office, "ห้องสมุด") == []
    assert len(titles(planner, office, "ยาเสพติด")) == 1


def test_a_rolled_back_write_leaves_the_index_as_it_was(office, plan, planner):
    project = factories.project(plan, 1, name="โครงการห้องสมุดมีชีวิต")
    with pytest.raises(RuntimeError), transaction.atomic():
        project.name = "โครงการลูกเสือ"
        project.save()
        raise RuntimeError
    assert len(titles(planner, office, "ห้องสมุด")) == 1
    assert titles(planner, office, "ลูกเสือ") == []


def test_a_quarterly_report_saved_by_its_service_is_found(office, plan, planner):
    project = factories.project(plan, 1)
    progress_services.report_save_draft(
        project=project,
        quarter=1,
        user=planner,
        version=0,
        narrative={"work_done": "จัดค่ายลูกเสือต้านภัยยาเสพติด", "problems": ""},
        values={},
        amounts={},
    )
    (result,) = search_for_user(planner, office, "ค่ายลูกเสือ").page
    assert result.kind == Kind.REPORT
    assert str(result.snippet) == "จัด<mark>ค่ายลูกเสือ</mark>ต้านภัยยาเสพติด"
    assert result.context == "รายงานไตรมาสที่ ๑ · โครงการที่ ๑ · ปีงบประมาณ พ.ศ. ๒๕๖๕"


def test_deleting_an_activity_or_a_project_removes_their_documents(office, plan, planner):
    project = factories.project(plan, 1, name="โครงการห้องสมุดมีชีวิต")
    activity = factories.activity(project, 1, name="อบรมบรรณารักษ์")
    factories.activity(project, 2, name="จัดมุมหนังสือ")
    project_services.activity_delete(activity=activity, user=planner)
    assert titles(planner, office, "บรรณารักษ์") == []
    assert len(titles(planner, office, "มุมหนังสือ")) == 1
    project_services.project_delete(project=project, user=planner)
    assert SearchDocument.objects.count() == 0


def test_renaming_a_cluster_refreshes_its_schools(office, planner):
    province = Province.objects.create(name="พิษณุโลก")
    cluster = SchoolCluster.objects.create(office=office, name="สหวิทยาเขตนครไทย")
    School.objects.create(
        office=office, code="1001", name="โรงเรียนนครไทย", province=province, cluster=cluster
    )
    cluster.name = "สหวิทยาเขตชาติตระการ"
    cluster.save()
    assert titles(planner, office, "ชาติตระการ") == ["school:โรงเรียนนครไทย"]
    cluster.delete()
    assert titles(planner, office, "ชาติตระการ") == []
    assert titles(planner, office, "นครไทย") == ["school:โรงเรียน<mark>นครไทย</mark>"]


def test_rows_created_in_bulk_are_indexed(office, planner):
    # The schools' import creates its rows with bulk_create (plans/imports/schools.py).
    province = Province.objects.create(name="อุตรดิตถ์")
    schools = School.objects.bulk_create(
        [School(office=office, code=f"{n}", name=f"โรงเรียนน้ำปาด {n}", province=province)
         for n in range(3)]
    )  # fmt: skip
    audit.created_in_bulk(schools)
    assert len(titles(planner, office, "น้ำปาด")) == 3


def test_seed_loading_rebuilds_the_offices_it_wrote(office, plan, planner):
    with audit.suppressed():  # as demo/loader.py and restores write
        project = factories.project(plan, 1, name="โครงการห้องสมุดมีชีวิต")
        Activity.objects.create(project=project, number=1, name="อบรมบรรณารักษ์")
        assert SearchDocument.objects.count() == 0  # nothing one by one
    assert len(titles(planner, office, "บรรณารักษ์")) == 1
    assert SearchDocument.objects.filter(kind=Kind.NARRATIVE).count() == 1


def test_the_command_rebuilds_one_office_or_all(office, plan, outsider):
    factories.project(plan, 1, name="โครงการห้องสมุดมีชีวิต")
    other = outsider.memberships.get().office
    factories.project(factories.plan(other), 1, name="โครงการอื่น")
    SearchDocument.objects.all().delete()
    out = StringIO()
    call_command("search_reindex", office="test-office", stdout=out)
    assert out.getvalue().startswith("test-office: ๒ รายการ\nสร้างดัชนีค้นหาใหม่ ๒ รายการ ใน ")
    assert set(SearchDocument.objects.values_list("office_id", flat=True)) == {office.pk}
    call_command("search_reindex", stdout=StringIO())
    assert SearchDocument.objects.count() == 4
    with pytest.raises(CommandError, match="ไม่พบสำนักงานรหัส nowhere"):
        call_command("search_reindex", office="nowhere")


def test_money_writes_touch_no_document(office, plan, planner):
    project = factories.project(plan, 1, budget=Decimal("1000"))
    before = list(SearchDocument.objects.values_list("pk", "indexed_at"))
    project.allocations.create(amount=Decimal("500"), number=2)
    assert list(SearchDocument.objects.values_list("pk", "indexed_at")) == before
