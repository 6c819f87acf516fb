"""The planning group's pages of a plan's frame, report texts and committees
(plans/manage/): what they show and save, the rights, deleting asks first, a changed list
is refused, and the query counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from plans.manage import services
from plans.manage.texts import text_slots
from plans.models import (
    AuditEntry,
    Committee,
    CommitteeMember,
    CommitteeSection,
    PlanStatement,
    ReportText,
    Strategy,
    StrategyIndicator,
)
from tests import factories

pytestmark = pytest.mark.django_db
YEAR = 2565


def url(name: str, *args) -> str:
    return reverse(f"plan_manage:{name}", args=[YEAR, *args])


def missions(plan, *texts: str) -> list[PlanStatement]:
    return [
        PlanStatement.objects.create(plan=plan, kind="mission", number=n, text=t)
        for n, t in enumerate(texts, start=1)
    ]


def rows_post(rows: list[dict], extra: int = 0, initial: int | None = None, **more) -> dict:
    """A list page's post: `rows` (the stored rows first, then new ones) with their fields."""
    data = {
        "rows-TOTAL_FORMS": str(len(rows) + extra),
        "rows-INITIAL_FORMS": str(initial if initial is not None else len(rows)),
        "rows-MIN_NUM_FORMS": "0",
        "rows-MAX_NUM_FORMS": "500",
        **more,
    }
    for i, row in enumerate(rows):
        for name, value in row.items():
            if value is True:
                data[f"rows-{i}-{name}"] = "on"
            elif value is not None:
                data[f"rows-{i}-{name}"] = str(value)
    return data


# -- rights --------------------------------------------------------------------------------


def test_pages_are_the_planning_groups(client, plan, planner, staff_user, director, outsider):
    pages = [
        url("home"),
        url("vision"),
        url("statements", "mission"),
        url("strategies"),
        url("texts"),
        url("text_edit", "preface"),
        url("committees"),
        url("committee_edit", "order"),
    ]
    client.force_login(planner)
    assert [client.get(p).status_code for p in pages] == [200] * len(pages)
    for reader in (staff_user, director):
        client.force_login(reader)
        assert [client.get(p).status_code for p in pages] == [403] * len(pages)
        assert client.post(url("vision"), {"vision": "x"}).status_code == 403
    client.force_login(outsider)
    assert {client.get(p).status_code for p in pages} == {404}
    assert client.post(url("vision"), {"vision": "x"}).status_code == 404
    plan.refresh_from_db()
    assert plan.vision == ""


def test_another_offices_rows_are_not_reached(client, plan, planner, outsider):
    other_plan = factories.plan(outsider.memberships.get().office)
    committee = Committee.objects.create(plan=other_plan, kind="order")
    section = CommitteeSection.objects.create(committee=committee, order=1, title="ที่ปรึกษา")
    Committee.objects.create(plan=plan, kind="order")
    client.force_login(planner)
    assert client.get(url("committee_members", "order", section.pk)).status_code == 404


def test_menu_entry_only_for_the_planning_group(client, plan, planner, staff_user):
    factories.project(plan)
    client.force_login(planner)
    page = client.get(reverse("progress:project_list")).content.decode()
    assert reverse("plan_manage:start") in page
    assert client.get(reverse("plan_manage:start")).url == url("home")
    client.force_login(staff_user)
    assert (
        reverse("plan_manage:start")
        not in client.get(reverse("progress:project_list")).content.decode()
    )
    assert client.get(reverse("plan_manage:start")).status_code == 403


def test_service_checks_the_right_again(plan, staff_user):
    with pytest.raises(PermissionDenied):
        services.plan_vision_save(plan=plan, user=staff_user, vision="x", values_name="")


# -- the frame -----------------------------------------------------------------------------


def test_home_lists_every_kind_filled_or_empty(client, plan, planner):
    missions(plan, "จัดการศึกษาให้มีคุณภาพ")
    Strategy.objects.create(plan=plan, number=1, name="พัฒนาคุณภาพผู้เรียน")
    client.force_login(planner)
    page = client.get(url("home")).content.decode()
    for label in PlanStatement.Kind.labels:
        assert label in page
    assert "จัดการศึกษาให้มีคุณภาพ" in page
    assert "กลยุทธ์ที่ ๑ พัฒนาคุณภาพผู้เรียน" in page
    assert "ยังไม่ได้กำหนดวิสัยทัศน์" in page


def test_vision_is_saved_with_its_author(client, plan, planner):
    client.force_login(planner)
    response = client.post(url("vision"), {"vision": "ผู้เรียนมีคุณภาพ", "values_name": "SMART"})
    assert response.url == url("home")
    plan.refresh_from_db()
    assert (plan.vision, plan.values_name) == ("ผู้เรียนมีคุณภาพ", "SMART")
    entry = AuditEntry.objects.get(object_type="plans.plan", object_id=plan.pk, action="update")
    assert entry.user == planner


def test_list_adds_reorders_and_edits(client, plan, planner):
    first, second = missions(plan, "หนึ่ง", "สอง")
    client.force_login(planner)
    data = rows_post(
        [
            {"row": first.pk, "ORDER": 2, "text": "หนึ่ง (แก้ไข)"},
            {"row": second.pk, "ORDER": 1, "text": "สอง"},
            {"ORDER": "", "title": "", "text": "สาม"},
            {"ORDER": "", "title": "", "text": ""},  # a blank new row is not saved
        ],
        initial=2,
    )
    response = client.post(url("statements", "mission"), data)
    assert response.status_code == 302
    saved = list(plan.statements.filter(kind="mission").values_list("number", "text", "pk"))
    assert saved == [(1, "สอง", second.pk), (2, "หนึ่ง (แก้ไข)", first.pk), (3, "สาม", saved[2][2])]


def test_deleting_asks_first(client, plan, planner):
    first, second = missions(plan, "หนึ่ง", "สอง")
    client.force_login(planner)
    data = rows_post(
        [
            {"row": first.pk, "ORDER": 1, "text": "หนึ่ง", "DELETE": True},
            {"row": second.pk, "ORDER": 2, "text": "สอง"},
        ]
    )
    response = client.post(url("statements", "mission"), data)
    assert response.status_code == 200
    assert "ยืนยันการลบ ๑ รายการ" in response.content.decode()
    assert plan.statements.count() == 2
    response = client.post(url("statements", "mission"), {**data, "confirm": "1"})
    assert response.status_code == 302
    assert list(plan.statements.values_list("number", "text")) == [(1, "สอง")]


def test_invalid_row_saves_nothing(client, plan, planner):
    (first,) = missions(plan, "หนึ่ง")
    client.force_login(planner)
    data = rows_post([{"row": first.pk, "ORDER": "หนึ่ง", "text": ""}])
    response = client.post(url("statements", "mission"), data)
    assert response.status_code == 200
    assert "ยังบันทึกไม่ได้" in response.content.decode()
    assert list(plan.statements.values_list("text", flat=True)) == ["หนึ่ง"]


def test_a_changed_list_is_refused(client, plan, planner, outsider):
    (first,) = missions(plan, "หนึ่ง")
    other = missions(factories.plan(outsider.memberships.get().office), "ของสำนักงานอื่น")[0]
    client.force_login(planner)
    data = rows_post([{"row": other.pk, "ORDER": 1, "text": "ยึด"}])
    response = client.post(url("statements", "mission"), data)
    assert "รายการในแบบฟอร์มนี้เปลี่ยนไป" in response.content.decode()
    assert other.__class__.objects.get(pk=other.pk).text == "ของสำนักงานอื่น"
    assert plan.statements.get().text == "หนึ่ง"
    assert first.pk


def test_strategy_indicators_read_thai_numbers(client, plan, planner):
    strategy = Strategy.objects.create(plan=plan, number=1, name="กลยุทธ์")
    client.force_login(planner)
    data = rows_post(
        [{"text": "ร้อยละของโรงเรียน", "target_qualifier": "ไม่น้อยกว่า", "target_value": "๘๐"}],
        initial=0,
    )
    assert client.post(url("strategy_part", 1, "indicators"), data).status_code == 302
    indicator = StrategyIndicator.objects.get(strategy=strategy)
    assert (indicator.number, indicator.target_value) == (1, 80)


@pytest.mark.parametrize("rows", [1, 3])
def test_list_page_queries_do_not_grow(client, plan, planner, django_assert_max_num_queries, rows):
    missions(plan, *[f"พันธกิจ {n}" for n in range(rows)])
    client.force_login(planner)
    client.get(url("home"))  # the session and rights
    with django_assert_max_num_queries(12):
        assert client.get(url("statements", "mission")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url("home")).status_code == 200


# -- report texts ----------------------------------------------------------------------------


def test_every_report_text_is_listed_with_its_thai_name(client, plan, planner):
    ReportText.objects.create(plan=plan, key="background", title="ความเป็นมา", body="เนื้อหา")
    client.force_login(planner)
    page = client.get(url("texts")).content.decode()
    slots = text_slots(YEAR)
    keys = [s.key for s in slots]
    assert {"preface", "background", "problems", "recommendations", "swot_intro"} <= set(keys)
    assert len(keys) == len(set(keys))
    for slot in slots:
        assert slot.name and slot.name in page
        assert url("text_edit", slot.key) in page
    assert page.count(">กรอกแล้ว<") == 1
    assert page.count(">ยังว่าง<") == len(slots) - 1
    assert "บทที่ ๑ บทนำ" in page


def test_a_text_is_made_then_edited(client, plan, planner):
    client.force_login(planner)
    data = {"title": "คำนำ", "body": "รายงานฉบับนี้", "signed_by": "กลุ่มนโยบายและแผน"}
    assert client.post(url("text_edit", "preface"), data).url == url("texts")
    text = ReportText.objects.get(plan=plan, key="preface")
    assert (text.title, text.body, text.signed_by) == ("คำนำ", "รายงานฉบับนี้", "กลุ่มนโยบายและแผน")
    client.post(url("text_edit", "preface"), {**data, "body": "แก้ไขแล้ว"})
    assert ReportText.objects.get(plan=plan, key="preface").body == "แก้ไขแล้ว"


def test_an_unknown_text_is_not_made(client, plan, planner):
    client.force_login(planner)
    assert client.get(url("text_edit", "no_such_text")).status_code == 404
    assert client.post(url("text_edit", "no_such_text"), {"body": "x"}).status_code == 404
    assert not ReportText.objects.exists()


# -- committees -------------------------------------------------------------------------------


def test_committee_with_groups_and_members(client, plan, planner):
    client.force_login(planner)
    assert "ยังไม่มีคำสั่งแต่งตั้งคณะทำงาน" in client.get(url("committees")).content.decode()
    data = {"number": "๑๒/๒๕๖๕", "title": "แต่งตั้งคณะทำงาน", "signed_on": "๔/๓/๒๕๖๕"}
    response = client.post(url("committee_edit", "order"), data)
    assert response.url == url("committee_sections", "order")
    committee = Committee.objects.get(plan=plan, kind="order")
    assert committee.signed_on == date(2022, 3, 4)
    data = rows_post([{"title": "คณะที่ปรึกษา", "duty": "ให้คำปรึกษา"}], extra=1, initial=0)
    assert client.post(url("committee_sections", "order"), data).status_code == 302
    section = CommitteeSection.objects.get(committee=committee)
    data = rows_post([{"name": "นายหนึ่ง", "role": "ประธาน"}, {"name": "นางสอง"}], initial=0)
    assert client.post(url("committee_members", "order", section.pk), data).status_code == 302
    assert list(CommitteeMember.objects.values_list("order", "name", "role")) == [
        (1, "นายหนึ่ง", "ประธาน"),
        (2, "นางสอง", ""),
    ]
    page = client.get(url("committees")).content.decode()
    assert "๑ กลุ่ม ๒ คน" in page


def test_a_committee_date_in_christian_era_is_refused(client, plan, planner):
    client.force_login(planner)
    response = client.post(url("committee_edit", "order"), {"signed_on": "4/3/2022"})
    assert response.status_code == 200
    assert not Committee.objects.exists()


@pytest.mark.parametrize("count", [1, 3])
def test_texts_and_committees_queries_do_not_grow(
    client, plan, planner, django_assert_max_num_queries, count
):
    committee = Committee.objects.create(plan=plan, kind="order")
    for n in range(1, count + 1):
        ReportText.objects.create(plan=plan, key=text_slots(YEAR)[n].key, body=f"ข้อความ {n}")
        section = CommitteeSection.objects.create(committee=committee, order=n, title=f"กลุ่ม {n}")
        CommitteeMember.objects.create(section=section, order=1, name=f"กรรมการ {n}")
    client.force_login(planner)
    client.get(url("home"))
    for page in (url("texts"), url("committees"), url("committee_sections", "order")):
        with django_assert_max_num_queries(12):
            assert client.get(page).status_code == 200


def test_a_text_the_report_does_not_print_is_listed_last(client, plan, planner):
    ReportText.objects.create(plan=plan, key="old_notes", title="บันทึกเดิมของปีก่อน", body="")
    client.force_login(planner)
    page = client.get(url("texts")).content.decode()
    assert page.index("บันทึกเดิมของปีก่อน") > page.index("ข้อเสนอแนะ")
    assert "ไม่ได้พิมพ์ในรายงาน" in page
    assert client.get(url("text_edit", "old_notes")).status_code == 200


def _token(client, path: str) -> str:
    import re

    html = client.get(path).content.decode()
    return re.search(r'name="submission_token" value="([^"]+)"', html).group(1)


def test_an_office_without_a_plan_creates_its_first_year(client, office, planner):
    """A new office has no year to copy from: the planning group creates an empty plan for a
    fiscal year in the portal, never in the admin; a second one for that year is refused."""
    from plans.models import FiscalYear, Plan

    client.force_login(planner)
    start = client.get(reverse("plan_manage:start")).content.decode()
    assert reverse("plan_manage:plan_create") in start
    path = reverse("plan_manage:plan_create")
    response = client.post(path, {"year": "๒๕๗๐", "submission_token": _token(client, path)})
    assert response.status_code == 302
    assert response.url == reverse("plan_manage:home", args=[2570])
    plan = Plan.objects.get(office=office, fiscal_year__year=2570)
    assert FiscalYear.objects.filter(year=2570).exists()
    assert history_for_plan(plan).filter(user=planner, action="create").exists()
    again = client.post(path, {"year": "2570", "submission_token": _token(client, path)})
    assert "สำนักงานมีแผนปฏิบัติการของปีงบประมาณนี้อยู่แล้ว" in again.content.decode()
    assert Plan.objects.filter(office=office, fiscal_year__year=2570).count() == 1
    bad = client.post(path, {"year": "2022", "submission_token": _token(client, path)})
    assert bad.status_code == 200 and not Plan.objects.filter(fiscal_year__year=2022).exists()


def test_only_the_planning_group_creates_a_plan(client, office, staff_user, director):
    for user in (staff_user, director):
        client.force_login(user)
        assert client.get(reverse("plan_manage:plan_create")).status_code == 403
        assert client.post(reverse("plan_manage:plan_create"), {"year": "2570"}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.plan_create(office=office, year=2570, user=staff_user)


def history_for_plan(plan):
    from plans.history import history_for

    return history_for(plan)
