"""The audit trail is recorded at the model level (plans/audit.py), keyed by field names and
action codes, and shown in Thai when read (plans/history.py): every write path appears in
the history, whoever wrote it and however."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from budget import services as budget_services
from plans import audit
from plans.history import history_for, lines, value_text
from plans.models import AuditAction, AuditEntry, Role
from projects.models import Activity, Project
from tests import factories
from tests.plans.test_admin import admin_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(plan):
    return factories.project(plan, 1, budget="100000")


def newest(obj) -> AuditEntry:
    return history_for(obj).first()


def test_a_save_records_field_names_and_a_code(project):
    project.name = "โครงการที่ตั้งชื่อใหม่"
    project.save()
    entry = newest(project)
    assert entry.action == AuditAction.UPDATE == "update"
    assert list(entry.changes) == ["name"]
    assert entry.changes["name"][1] == "โครงการที่ตั้งชื่อใหม่"
    assert entry.user is None  # the shell, a command: the system


def test_labels_are_rendered_when_read_not_stored(project, monkeypatch):
    project.name = "ชื่อใหม่"
    project.save()
    field = Project._meta.get_field("name")
    (line,) = lines(history_for(project)[:1], project)
    assert line.action == "แก้ไข"
    assert line.changes[0].label == str(field.verbose_name)
    # Renaming a label renames it in the whole history; nothing stored changes.
    monkeypatch.setattr(field, "verbose_name", "ชื่อที่เรียกใหม่")
    (line,) = lines(history_for(project)[:1], project)
    assert line.changes[0].label == "ชื่อที่เรียกใหม่"
    assert "name" in newest(project).changes


def test_a_service_names_its_user_action_and_reason_and_the_parent_shows_it(project, office):
    finance = factories.member(office, "finance", Role.FINANCE)
    entry = budget_services.disbursement_record(
        project=project,
        amount=Decimal("12500.25"),
        paid_on=date(2022, 3, 4),
        user=finance,
        document_no="บจ 1/65",
    )
    reversal = budget_services.disbursement_reverse(
        disbursement=entry, user=finance, reason="ลงยอดผิดโครงการ"
    )
    created, reversed_ = (
        AuditEntry.objects.filter(object_type="budget.projectdisbursement", object_id=pk).get()
        for pk in (entry.pk, reversal.pk)
    )
    assert (created.action, created.user, created.office) == ("create", finance, office)
    assert created.changes["amount"] == [None, "12500.25"]
    assert (created.parent_type, created.parent_id) == ("projects.project", project.pk)
    assert (reversed_.action, reversed_.note) == ("reverse", "ลงยอดผิดโครงการ")
    # The project's history holds both, in Thai.
    shown = lines(history_for(project)[:2], project)
    assert [x.action for x in shown] == ["กลับรายการเบิกจ่าย", "เพิ่ม"]
    amount = {c.label: c.new for c in shown[1].changes}["จำนวนเงิน (บาท)"]
    assert amount == "๑๒,๕๐๐.๒๕"
    assert shown[1].what.startswith("การเบิกจ่าย")


def test_an_admin_edit_appears_in_the_history_with_its_author(client, office, project):
    planner = admin_user(office, "planner", Role.PLANNING)
    client.force_login(planner)
    activity = factories.activity(project, 1, "กิจกรรมเดิม")
    url = reverse("admin:projects_activity_change", args=[activity.pk])
    response = client.post(url, {"project": project.pk, "number": "1", "name": "กิจกรรมใหม่"})
    assert response.status_code == 302
    entry = newest(activity)
    assert (entry.action, entry.user, entry.office) == ("update", planner, office)
    assert entry.changes == {"name": ["กิจกรรมเดิม", "กิจกรรมใหม่"]}
    # ... and in the project's history, which the budget page shows.
    assert history_for(project).filter(pk=entry.pk).exists()
    page = client.get(reverse("budget:project_ledger", args=[2565, project.pk]))
    text = page.content.decode()
    assert "กิจกรรมใหม่" in text and "ชื่อกิจกรรม" in text


def test_a_delete_keeps_the_values(project):
    activity = factories.activity(project, 2, "กิจกรรมที่จะลบ")
    pk = activity.pk
    activity.delete()
    entry = AuditEntry.objects.get(object_type="projects.activity", object_id=pk, action="delete")
    assert entry.changes["name"] == ["กิจกรรมที่จะลบ", None]
    assert (entry.parent_type, entry.parent_id) == ("projects.project", project.pk)


def test_many_to_many_changes_are_recorded(project, office):
    group = factories.work_group(office, code="support", name="กลุ่มสนับสนุน")
    project.supporting_groups.add(group)
    entry = newest(project)
    assert entry.changes == {"supporting_groups": [None, str(group)]}


def test_user_accounts_are_audited_without_secrets():
    user = get_user_model().objects.create_user("somchai", password="x")
    user.set_password("another secret")
    user.first_name = "สมชาย"
    user.save()
    entry = newest(user)
    assert entry.changes == {"first_name": [None, "สมชาย"], "password": [None, "changed"]}
    assert "secret" not in str(AuditEntry.objects.filter(object_type="auth.user").values())
    assert entry.office is None
    # A password reset alone is in the history too, as a fact.
    user.set_password("a third one")
    user.save()
    (line,) = lines(history_for(user)[:1], user)
    assert [(c.label, c.new) for c in line.changes] == [("รหัสผ่าน", "ตั้งรหัสผ่านใหม่")]


def test_nested_contexts_restore_the_outer_one(project, office):
    outer = factories.member(office, "outer", Role.PLANNING)
    inner = factories.member(office, "inner", Role.PLANNING)
    with audit.acting(user=outer, note="ภายนอก"):
        with audit.acting(user=inner, action=AuditAction.APPROVE):
            project.name = "ครั้งที่หนึ่ง"
            project.save()
        first = newest(project)
        project.name = "ครั้งที่สอง"
        project.save()
        second = newest(project)
    assert (first.user, first.action, first.note) == (inner, "approve", "ภายนอก")
    assert (second.user, second.action, second.note) == (outer, "update", "ภายนอก")


def test_an_unchanged_save_and_bookkeeping_fields_record_nothing(project):
    before = history_for(project).count()
    project.save()
    assert history_for(project).count() == before


def test_suppressed_writes_are_not_recorded(plan):
    before = AuditEntry.objects.count()
    with audit.suppressed():
        factories.project(plan, 9, budget="1")
    assert AuditEntry.objects.count() == before


def test_a_legacy_entry_is_shown_as_it_was_written(project, office):
    AuditEntry.objects.create(
        office=office,
        object_type="projects.project",
        object_id=project.pk,
        object_label=str(project),
        action="บันทึกการเบิกจ่าย",
        changes={"เบิกจ่าย (บาท)": [None, "12500.25"], "วันที่เบิกจ่าย": [None, "2022-03-04"]},
    )
    (line,) = [x for x in lines(history_for(project), project) if x.action == "บันทึกการเบิกจ่าย"]
    assert [(c.label, c.new) for c in line.changes] == [
        ("เบิกจ่าย (บาท)", "๑๒,๕๐๐.๒๕"),
        ("วันที่เบิกจ่าย", "๔ มี.ค. ๒๕๖๕"),
    ]


def test_values_are_shown_by_their_field_type():
    activity_number = Activity._meta.get_field("number")
    assert value_text(activity_number, "12") == "๑๒"
    assert value_text(None, None) == "–"
    status = get_user_model()._meta.get_field("is_active")
    assert value_text(status, "false") == "ไม่ใช่"


def test_an_update_shows_old_and_new_a_new_row_its_values(project):
    project.name = "ชื่อใหม่"
    project.save()
    update, create = lines(history_for(project)[:2], project)
    assert [(c.kind, c.new) for c in update.changes] == [("changed", "ชื่อใหม่")]
    assert update.changes[0].old != "–"
    assert {c.kind for c in create.changes} == {"set"}


def test_a_transfer_says_where_the_money_went_in_each_projects_history(plan, office):
    source = factories.project(plan, 1, budget="100000", name="ต้นทาง")
    target = factories.project(plan, 2, budget="10000", name="ปลายทาง")
    planner = factories.member(office, "planner", Role.PLANNING)
    budget_services.transfer_record(
        from_project=source,
        to_project=target,
        amount=Decimal("40000"),
        transferred_on=date(2022, 2, 1),
        reason="ปรับแผน",
        approved_by="ผู้อำนวยการ",
        user=planner,
    )
    (out,) = lines(history_for(source)[:1], source)
    (into,) = lines(history_for(target)[:1], target)
    assert ("โอนไปโครงการ", str(target)) in [(c.label, c.new) for c in out.changes]
    assert ("โอนจากโครงการ", str(source)) in [(c.label, c.new) for c in into.changes]
    assert str(source) not in [c.new for c in out.changes]  # not the page's own project


def test_a_changed_row_is_named_in_its_parents_history(project):
    activity = factories.activity(project, 1, "กิจกรรมเดิม")
    activity.name = "กิจกรรมใหม่"
    activity.save()
    (line,) = lines(history_for(project)[:1], project)
    assert line.what.endswith("กิจกรรมใหม่") and line.what.startswith("กิจกรรม")


def test_a_deleted_accounts_edits_stay_theirs(project, office):
    somchai = factories.member(office, "somchai", Role.PLANNING)
    somchai.first_name, somchai.last_name = "สมชาย", "ใจดี"
    somchai.save()
    with audit.acting(user=somchai):
        project.name = "แก้โดยสมชาย"
        project.save()
    somchai.delete()
    (line,) = lines(history_for(project)[:1], project)
    assert line.author == "สมชาย ใจดี (บัญชีผู้ใช้ที่ถูกลบแล้ว)"


def test_another_offices_entries_never_join_a_history(project, office):
    """Entries outlive their rows; a row of another office that took the same id (after a
    restore) does not inherit them."""
    other = factories.office(code="other", name="สำนักงานอื่น")
    AuditEntry.objects.create(
        office=other,
        object_type="projects.project",
        object_id=project.pk,
        object_label="โครงการของสำนักงานอื่น",
        action="update",
    )
    assert not history_for(project).filter(office=other).exists()
    assert all(e.office_id == office.pk for e in history_for(project))


def test_the_seed_loader_writes_no_history(db):
    from demo.loader import Loader

    Loader().load()
    assert not AuditEntry.objects.exists()
