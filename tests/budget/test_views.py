"""Budget pages: who may read and write, what a form saves, what it refuses (in Thai,
nothing saved), and a fixed number of queries whatever the size of the plan."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from budget.models import (
    BudgetTransfer,
    DisbursementTarget,
    OfficeAllocation,
    OfficeDisbursement,
    ProjectDisbursement,
)
from plans.forms import issue_token
from plans.models import AuditEntry
from tests import factories
from tests.budget import factories as budget_factories
from tests.budget.factories import ours, written_by
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db


def once(user):
    """The one-time token a form page gives this user (plans.forms.OnceForm)."""
    return {"submission_token": issue_token(user)}


def ledger_url(project):
    return reverse("budget:project_ledger", args=[2565, project.pk])


def disbursement_data(amount="๑,๒๓๔.๕๐", **extra):
    return {"paid_on": "๔/๓/๒๕๖๕", "amount": amount, "document_no": "บจ 1/65", **extra}


def test_finance_records_a_disbursement_typed_in_thai_digits(client, project, finance):
    client.force_login(finance)
    response = client.post(ledger_url(project), disbursement_data() | once(finance))
    assert response.status_code == 302
    saved = ours(ProjectDisbursement).get()
    assert (saved.amount, saved.paid_on, saved.created_by) == (
        Decimal("1234.50"),
        date(2022, 3, 4),
        finance,
    )
    html = client.get(ledger_url(project)).content.decode()
    assert "๖๘,๗๖๕.๕๐" in html  # 70,000.00 − 1,234.50 left
    assert "หกหมื่นแปดพันเจ็ดร้อยหกสิบห้าบาทห้าสิบสตางค์" in html
    assert "บันทึกการเบิกจ่าย" in html and "บจ 1/65" in html


@pytest.mark.parametrize("who", ["staff_user", "group_director"])
def test_project_staff_record_money_in_the_report_not_on_the_ledger(client, project, who, request):
    client.force_login(request.getfixturevalue(who))
    html = client.get(ledger_url(project)).content.decode()
    assert 'data-testid="disburse-in-report"' in html and 'name="paid_on"' not in html
    assert client.post(ledger_url(project), disbursement_data()).status_code == 403
    assert not ours(ProjectDisbursement).exists()


def test_over_disbursement_is_refused_on_the_page(client, project, finance):
    client.force_login(finance)
    response = client.post(ledger_url(project), disbursement_data("70,000.01") | once(finance))
    assert response.status_code == 200
    assert "เบิกจ่ายเกินงบประมาณคงเหลือ (คงเหลือ ๗๐,๐๐๐.๐๐ บาท)" in response.content.decode()
    assert not ours(ProjectDisbursement).exists()


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("หนึ่งพัน", "กรุณากรอกตัวเลข"),
        ("1.005", "จำนวนเงินต้องมีทศนิยมไม่เกิน ๒ ตำแหน่ง"),
        ("0", "จำนวนเงินต้องมากกว่าศูนย์"),
    ],
)
def test_bad_amounts_are_refused_in_thai(client, project, finance, amount, message):
    client.force_login(finance)
    response = client.post(ledger_url(project), disbursement_data(amount) | once(finance))
    assert message in response.content.decode()
    assert not ours(ProjectDisbursement).exists()


def test_a_christian_era_date_is_refused(client, project, finance):
    client.force_login(finance)
    response = client.post(
        ledger_url(project), disbursement_data(paid_on="4/3/2022") | once(finance)
    )
    assert "กรุณากรอกปีเป็นพุทธศักราช" in response.content.decode()
    assert not ours(ProjectDisbursement).exists()


def test_a_date_outside_the_fiscal_year_is_refused_beside_its_field(client, project, finance):
    client.force_login(finance)
    response = client.post(
        ledger_url(project), disbursement_data(paid_on="๑/๑๐/๒๕๖๕") | once(finance)
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "วันที่เบิกจ่ายต้องอยู่ในปีงบประมาณ พ.ศ. ๒๕๖๕" in page
    assert response.context["form"].errors["paid_on"]  # beside the date, not at the top
    assert 'value="๑/๑๐/๒๕๖๕"' in page  # what was typed stays on screen
    assert not ours(ProjectDisbursement).exists()


@pytest.mark.parametrize("who", ["director", "planner"])
def test_readers_cannot_record_disbursements(client, project, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(ledger_url(project)).status_code == 200
    assert client.post(ledger_url(project), disbursement_data()).status_code == 403
    assert not ours(ProjectDisbursement).exists()


def test_staff_of_another_group_cannot_record(client, office, other_project, staff_user):
    client.force_login(staff_user)
    url = ledger_url(other_project)
    assert client.get(url).status_code == 200  # everyone of the office reads
    assert client.post(url, disbursement_data() | once(staff_user)).status_code == 403


def test_outsider_gets_404_everywhere(client, project, outsider):
    client.force_login(outsider)
    for url in [
        reverse("budget:overview", args=[2565]),
        reverse("budget:overview_xlsx", args=[2565]),
        reverse("budget:transfer_add", args=[2565]),
        ledger_url(project),
        reverse("budget:project_ledger_xlsx", args=[2565, project.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(ledger_url(project), disbursement_data() | once(outsider)).status_code == 404


def test_deleting_a_disbursement_asks_first(client, project, finance):
    entry = budget_factories.disbursement(project, "500.00")
    client.force_login(finance)
    url = reverse("budget:disbursement_delete", args=[2565, project.pk, entry.pk])
    page = client.get(url).content.decode()
    assert "ยืนยันการลบรายการเบิกจ่าย" in page and "๕๐๐.๐๐" in page
    assert ours(ProjectDisbursement).exists()
    assert client.post(url).status_code == 302
    assert not ours(ProjectDisbursement).exists()
    deleted = written_by(finance).get()
    assert (deleted.action, deleted.changes["amount"]) == ("delete", ["500.00", None])


@pytest.mark.parametrize("who", ["director", "staff_user", "group_director", "planner"])
def test_only_finance_deletes_or_reverses_a_disbursement(client, project, who, request):
    entry = budget_factories.disbursement(project, "500.00")
    client.force_login(request.getfixturevalue(who))
    for action in ("disbursement_delete", "disbursement_reverse"):
        url = reverse(f"budget:{action}", args=[2565, project.pk, entry.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, {"reason": "ผิด"}).status_code == 403
    assert ours(ProjectDisbursement).get() == entry


def report_entry(project, amount="500.00", **extra):
    """A ledger entry as a quarterly report's approval posts it."""
    entry = budget_factories.disbursement(project, amount, **extra)
    entry.document_no, entry.note = "progress:41", "ตามรายงานความก้าวหน้าไตรมาสที่ ๒"
    entry.save()
    return entry


def test_a_report_entry_cannot_be_deleted_from_the_ledger(client, project, finance):
    entry = report_entry(project)
    client.force_login(finance)
    html = client.get(ledger_url(project)).content.decode()
    delete = reverse("budget:disbursement_delete", args=[2565, project.pk, entry.pk])
    assert delete not in html  # not offered
    page = client.get(delete).content.decode()
    assert "เปิดรายงานให้แก้ไขอีกครั้ง" in page and "ลบรายการนี้" not in page
    response = client.post(delete)
    assert response.status_code == 200
    assert "ลงบัญชีจากรายงานความก้าวหน้ารายไตรมาสที่อนุมัติแล้ว จึงลบไม่ได้" in response.content.decode()
    assert ours(ProjectDisbursement).get() == entry
    assert not written_by(finance).exists()


def test_finance_reverses_a_report_entry_with_a_reason(client, project, activity, finance):
    entry = report_entry(project, "12000.00", activity=activity)
    client.force_login(finance)
    url = reverse("budget:disbursement_reverse", args=[2565, project.pk, entry.pk])
    assert url in client.get(ledger_url(project)).content.decode()
    response = client.post(url, {"reason": " "})
    assert response.context["form"].errors["reason"]
    assert ours(ProjectDisbursement).count() == 1
    response = client.post(url, {"reason": "ยอดในรายงานซ้ำกับฎีกาเดิม"})
    assert response.status_code == 302
    reversal = ours(ProjectDisbursement).get(reverses=entry)
    assert (reversal.amount, reversal.activity, reversal.paid_on, reversal.document_no) == (
        Decimal("-12000.00"),
        activity,
        entry.paid_on,
        "progress:41",
    )
    assert (reversal.note, reversal.created_by) == ("ยอดในรายงานซ้ำกับฎีกาเดิม", finance)
    audit = written_by(finance).get(action="reverse")
    assert audit.note == "ยอดในรายงานซ้ำกับฎีกาเดิม"
    assert (audit.object_id, audit.parent_id) == (reversal.pk, project.pk)
    assert audit.changes["amount"] == [None, "-12000.00"]
    html = client.get(ledger_url(project)).content.decode()
    assert "กลับรายการเบิกจ่าย" in html and "เบิกจ่าย (กลับรายการแล้ว)" in html
    assert url not in html  # reversed once only
    # a second post of the same reversal records nothing
    client.post(url, {"reason": "ซ้ำ"})
    assert ours(ProjectDisbursement).count() == 2


# -- transfers ----------------------------------------------------------------------------


def transfer_data(source, target, amount="๒๐,๐๐๐"):
    return {
        "source": source,
        "target": target,
        "amount": amount,
        "transferred_on": "1/2/2565",
        "reason": "ปรับแผน",
        "approved_by": "ผู้อำนวยการ สพม.",
        "letter_no": "ศธ 04/65",
    }


@pytest.mark.parametrize("who", ["planner", "finance"])
def test_planning_and_finance_record_transfers(client, project, other_project, who, request):
    user = request.getfixturevalue(who)
    client.force_login(user)
    url = reverse("budget:transfer_add", args=[2565])
    data = transfer_data(f"p{project.pk}", f"p{other_project.pk}") | once(user)
    assert client.post(url, data).status_code == 302
    saved = ours(BudgetTransfer).get()
    assert (saved.from_project, saved.to_project, saved.amount) == (
        project,
        other_project,
        Decimal("20000.00"),
    )
    html = client.get(url).content.decode()
    assert "สองหมื่นบาทถ้วน" in html and "ศธ 04/65" in html


def test_transfer_between_activities_from_the_form(
    client, project, activity, second_activity, planner
):
    client.force_login(planner)
    url = reverse("budget:transfer_add", args=[2565])
    data = transfer_data(f"a{activity.pk}", f"a{second_activity.pk}", "5000")
    assert client.post(url, data | once(planner)).status_code == 302
    saved = ours(BudgetTransfer).get()
    assert (saved.from_activity, saved.to_activity) == (activity, second_activity)


def test_transfer_going_negative_is_refused_on_the_page(client, project, other_project, planner):
    client.force_login(planner)
    url = reverse("budget:transfer_add", args=[2565])
    response = client.post(
        url, transfer_data(f"p{other_project.pk}", f"p{project.pk}", "50000.01") | once(planner)
    )
    assert "โอนเกินงบประมาณของโครงการต้นทาง" in response.content.decode()
    assert not ours(BudgetTransfer).exists()


@pytest.mark.parametrize("who", ["director", "staff_user", "group_director"])
def test_others_cannot_record_transfers(client, project, other_project, who, request):
    client.force_login(request.getfixturevalue(who))
    url = reverse("budget:transfer_add", args=[2565])
    assert client.get(url).status_code == 200
    response = client.post(url, transfer_data(f"p{project.pk}", f"p{other_project.pk}"))
    assert response.status_code == 403
    assert not ours(BudgetTransfer).exists()


def test_a_transfer_dated_2599_is_refused_beside_its_date(client, project, other_project, finance):
    client.force_login(finance)
    url = reverse("budget:transfer_add", args=[2565])
    data = transfer_data(f"p{project.pk}", f"p{other_project.pk}") | {"transferred_on": "๑/๓/๒๕๙๙"}
    response = client.post(url, data | once(finance))
    assert response.status_code == 200
    (error,) = response.context["form"].errors["transferred_on"]
    assert error.startswith("วันที่อนุมัติการโอนต้องอยู่ในปีงบประมาณ พ.ศ. ๒๕๖๕")
    assert not ours(BudgetTransfer).exists()


def test_an_office_instalment_dated_2599_is_refused_beside_its_date(client, plan, finance):
    client.force_login(finance)
    url = reverse("budget:office_allocation_add", args=[2565])
    data = {"category": budget_factories.category().pk, "amount": "1", "received_on": "1/3/2599"}
    response = client.post(url, data | once(finance))
    (error,) = response.context["form"].errors["received_on"]
    assert error.startswith("วันที่ได้รับจัดสรรต้องอยู่ในปีงบประมาณ พ.ศ. ๒๕๖๕")
    assert not ours(OfficeAllocation).exists()


# -- office budget and targets ------------------------------------------------------------


def test_finance_adds_an_office_instalment(client, plan, finance):
    cat = budget_factories.category()
    client.force_login(finance)
    url = reverse("budget:office_allocation_add", args=[2565])
    data = {"category": cat.pk, "amount": "๒๖,๖๑๑,๐๑๖", "received_on": "15 ต.ค. 2564"}
    assert client.post(url, {**data, "letter_no": "ศธ 04002/1"} | once(finance)).status_code == 302
    saved = ours(OfficeAllocation).get()
    assert (saved.number, saved.amount, saved.received_on, saved.letter_no) == (
        1,
        Decimal("26611016.00"),
        date(2021, 10, 15),
        "ศธ 04002/1",
    )
    html = client.get(reverse("budget:overview", args=[2565])).content.decode()
    assert "จัดสรรครั้งที่ ๑" in html
    assert "ยี่สิบหกล้านหกแสนหนึ่งหมื่นหนึ่งพันสิบหกบาทถ้วน" in html


@pytest.mark.parametrize("who", ["planner", "director", "staff_user"])
def test_only_finance_adds_office_instalments(client, plan, who, request):
    cat = budget_factories.category()
    client.force_login(request.getfixturevalue(who))
    url = reverse("budget:office_allocation_add", args=[2565])
    assert client.get(url).status_code == 403
    assert client.post(url, {"category": cat.pk, "amount": "1"}).status_code == 403
    assert not ours(OfficeAllocation).exists()


def test_finance_records_an_office_disbursement_typed_in_thai_digits(client, plan, finance):
    cat = budget_factories.category()
    budget_factories.office_allocation(plan, cat, "26611016.00")
    client.force_login(finance)
    overview = client.get(reverse("budget:overview", args=[2565])).content.decode()
    url = reverse("budget:office_disbursement_add", args=[2565])
    assert url in overview  # the overview offers the form to finance
    data = {"category": cat.pk, "amount": "๒๖,๑๐๑,๖๗๖.๐๕", "paid_on": "๓๐/๙/๒๕๖๕"}
    assert client.post(url, {**data, "document_no": "ขบ 12"} | once(finance)).status_code == 302
    saved = ours(OfficeDisbursement).get()
    assert (saved.amount, saved.paid_on, saved.document_no) == (
        Decimal("26101676.05"),
        date(2022, 9, 30),
        "ขบ 12",
    )
    html = client.get(reverse("budget:overview", args=[2565])).content.decode()
    assert "๕๐๙,๓๓๙.๙๕" in html  # remaining, computed
    assert "ร้อยละ" in html and "๙๘.๐๙" in html


def test_office_disbursement_beyond_the_allocation_is_refused_on_the_page(client, plan, finance):
    cat = budget_factories.category()
    budget_factories.office_allocation(plan, cat, "100.00")
    client.force_login(finance)
    url = reverse("budget:office_disbursement_add", args=[2565])
    response = client.post(url, {"category": cat.pk, "amount": "๑๐๐.๐๑"} | once(finance))
    assert response.status_code == 200
    assert "เบิกจ่ายเกินงบประมาณคงเหลือของงบดำเนินงาน (คงเหลือ ๑๐๐.๐๐ บาท)" in response.content.decode()
    assert response.context["form"].errors["amount"]
    assert not ours(OfficeDisbursement).exists()


@pytest.mark.parametrize("who", ["planner", "director", "staff_user"])
def test_only_finance_records_office_disbursements(client, plan, who, request):
    cat = budget_factories.category()
    budget_factories.office_allocation(plan, cat, "100.00")
    client.force_login(request.getfixturevalue(who))
    url = reverse("budget:office_disbursement_add", args=[2565])
    assert client.get(url).status_code == 403
    assert client.post(url, {"category": cat.pk, "amount": "1"}).status_code == 403
    assert not ours(OfficeDisbursement).exists()
    overview = client.get(reverse("budget:overview", args=[2565])).content.decode()
    assert url not in overview


@pytest.mark.parametrize(("who", "status"), [("finance", 302), ("planner", 302), ("director", 403)])
def test_targets_are_edited_by_finance_and_planning(client, plan, who, status, request):
    client.force_login(request.getfixturevalue(who))
    url = reverse("budget:targets_edit", args=[2565])
    data = budget_factories.targets_form("๓๐", "๕๒", "๗๕", "๑๐๐")
    assert client.post(url, data).status_code == status
    expected = {1: 30, 2: 52, 3: 75, 4: 100} if status == 302 else {}
    assert dict(ours(DisbursementTarget).values_list("quarter", "cumulative_percent")) == expected


def test_the_targets_page_shows_the_saved_targets_in_thai_digits(client, plan, finance):
    """As every number input of the portal (plans.forms.initial_number): ๓๐.๐๐, not 30.00."""
    budget_factories.targets(plan, {1: 30, 2: 52, 3: 75, 4: 100})
    client.force_login(finance)
    html = client.get(reverse("budget:targets_edit", args=[2565])).content.decode()
    shown = re.findall(r'name="quarters-\d-percent" value="([^"]*)"', html)
    assert shown == ["๓๐.๐๐", "๕๒.๐๐", "๗๕.๐๐", "๑๐๐.๐๐"]


def test_decreasing_targets_are_refused_on_the_page(client, plan, finance):
    client.force_login(finance)
    url = reverse("budget:targets_edit", args=[2565])
    response = client.post(url, budget_factories.targets_form("50", "40", "75", "100"))
    assert "เป้าหมายสะสมของไตรมาสหลังต้องไม่น้อยกว่าไตรมาสก่อนหน้า" in response.content.decode()
    assert not ours(DisbursementTarget).exists()


def test_one_bad_quarter_is_shown_on_its_row_and_changes_nothing(client, plan, finance):
    """The four quarters are a formset: a bad third quarter is a Thai error on that field
    alone, what was typed stays, and the year's targets are unchanged."""
    budget_factories.targets(plan, {1: 25, 2: 50, 3: 75, 4: 100})
    client.force_login(finance)
    url = reverse("budget:targets_edit", args=[2565])
    response = client.post(url, budget_factories.targets_form("๓๐", "๕๒", "๗๕ก", "๑๐๐"))
    assert response.status_code == 200
    html = response.content.decode()
    errors = re.findall(r'id="id_quarters-(\d)-percent_error"[^>]*><li class="error">(.*?)<', html)
    assert errors == [("2", "กรุณากรอกตัวเลข")]
    assert 'value="๗๕ก"' in html and 'value="๕๒"' in html
    assert "ยังไม่ได้บันทึก กรุณาแก้ไขรายการที่แจ้งด้านล่าง" in html
    saved = dict(ours(DisbursementTarget).values_list("quarter", "cumulative_percent"))
    assert saved == {1: 25, 2: 50, 3: 75, 4: 100}


def test_planning_adds_a_project_instalment(client, project, planner):
    client.force_login(planner)
    url = reverse("budget:project_allocation_add", args=[2565, project.pk])
    assert (
        client.post(url, {"amount": "๕,๐๐๐.๒๕", "letter_no": "ศธ 1"} | once(planner)).status_code
        == 302
    )
    assert project.allocations.order_by("number").last().amount == Decimal("5000.25")


def test_staff_cannot_add_project_instalments(client, project, staff_user):
    client.force_login(staff_user)
    url = reverse("budget:project_allocation_add", args=[2565, project.pk])
    assert client.post(url, {"amount": "5"} | once(staff_user)).status_code == 403


# -- reading ------------------------------------------------------------------------------


def test_overview_shows_projects_and_table_13_with_empty_states(client, plan, director):
    client.force_login(director)
    html = client.get(reverse("budget:overview", args=[2565])).content.decode()
    assert "ยังไม่มีข้อมูลงบประมาณของสำนักงานในปีนี้" in html
    assert "แผนปฏิบัติการปีนี้ยังไม่มีโครงการ" in html
    assert "แก้ไขเป้าหมายการเบิกจ่าย" not in html  # directors read only


def test_budget_home_redirects_to_the_newest_plan(client, plan, director):
    client.force_login(director)
    assert client.get(reverse("budget:home")).url == reverse("budget:overview", args=[2565])


def test_the_ledger_shows_the_history(client, project, finance):
    client.force_login(finance)
    client.post(ledger_url(project), disbursement_data() | once(finance))
    html = client.get(ledger_url(project)).content.decode()
    assert "ประวัติการเปลี่ยนแปลง" in html
    history = html[html.index("ประวัติการเปลี่ยนแปลง") :]
    assert "1234.50" not in history  # amounts in Thai, not raw
    assert "จำนวนเงิน (บาท): ๑,๒๓๔.๕๐" in history  # a new entry: its values, no arrows
    assert "วันที่เบิกจ่าย: ๔ มี.ค. ๒๕๖๕" in history  # a B.E. date


def build(plan, group, size: int):
    cat = budget_factories.category()
    for number in range(1, size + 1):
        project = factories.project(plan, number, group=group, budget="1000.00")
        activity = factories.activity(project, 1)
        budget_factories.allocation(project, "100.00", activity=activity)
        budget_factories.disbursement(project, "10.00", activity=activity)
        budget_factories.disbursement(project, "20.00")
        budget_factories.office_allocation(plan, cat, "500.00", number=number)
        if number > 1:
            budget_factories.transfer(project, plan.projects.get(number=1), "1.00")
    budget_factories.office_disbursement(plan, cat, "100.00")
    budget_factories.targets(plan)
    return plan.projects.get(number=1)


@pytest.mark.parametrize("size", [1, 4])
def test_pages_run_a_fixed_number_of_queries(
    client, plan, group, staff_user, size, django_assert_max_num_queries
):
    first = build(plan, group, size)
    client.force_login(staff_user)
    pages = {
        reverse("budget:overview", args=[2565]): 10,
        reverse("budget:overview_xlsx", args=[2565]): 8,
        ledger_url(first): 14,
        reverse("budget:project_ledger_xlsx", args=[2565, first.pk]): 10,
        reverse("budget:transfer_add", args=[2565]): 8,
        reverse("budget:transfers_xlsx", args=[2565]): 4,
    }
    for url, most in pages.items():
        with django_assert_max_num_queries(most + REQUEST_EXTRA):
            assert client.get(url).status_code == 200, url


# -- idempotent forms (finding 6) ---------------------------------------------------------


def page_token(client, url) -> str:
    """The one-time token of the form the page shows (what a browser would post back)."""
    html = client.get(url).content.decode()
    (token,) = re.findall(r'name="submission_token" value="([^"]+)"', html)
    return token


def test_posting_the_same_disbursement_twice_records_one_ledger_row(client, project, finance):
    client.force_login(finance)
    data = disbursement_data() | {"submission_token": page_token(client, ledger_url(project))}
    first = client.post(ledger_url(project), data, follow=True)
    assert "บันทึกการเบิกจ่ายแล้ว" in first.content.decode()
    second = client.post(ledger_url(project), data, follow=True)
    assert second.redirect_chain == [(ledger_url(project), 302)]
    assert "รายการนี้บันทึกไปแล้ว" in second.content.decode()
    assert ours(ProjectDisbursement).count() == 1
    assert written_by(finance).count() == 1


def _forms(plan, project, other_project):
    cat = budget_factories.category()
    budget_factories.office_allocation(plan, cat, "1000.00")
    return [
        (reverse("budget:project_allocation_add", args=[2565, project.pk]), {"amount": "5"}),
        (reverse("budget:office_allocation_add", args=[2565]), {"category": cat.pk, "amount": "5"}),
        (
            reverse("budget:office_disbursement_add", args=[2565]),
            {"category": cat.pk, "amount": "5"},
        ),
        (
            reverse("budget:transfer_add", args=[2565]),
            transfer_data(f"p{project.pk}", f"p{other_project.pk}"),
        ),
    ]


def _counts(project):
    return (
        project.allocations.count(),
        ours(OfficeAllocation).count(),
        ours(OfficeDisbursement).count(),
        ours(BudgetTransfer).count(),
    )


def test_every_money_form_records_once(client, plan, project, other_project, finance):
    client.force_login(finance)
    forms = _forms(plan, project, other_project)
    before = _counts(project)
    for url, data in forms:
        data = data | {"submission_token": page_token(client, url)}
        assert client.post(url, data).status_code == 302, url
        again = client.post(url, data, follow=True)
        assert "รายการนี้บันทึกไปแล้ว" in again.content.decode(), url
    assert _counts(project) == tuple(n + 1 for n in before)


@pytest.mark.parametrize("token", [None, "", "1.forged:abc:def", "issued-to-someone-else"])
def test_a_missing_or_forged_token_is_refused_and_saves_nothing(
    client, plan, project, other_project, finance, planner, token
):
    client.force_login(finance)
    if token == "issued-to-someone-else":
        token = issue_token(planner)
    forms = [(ledger_url(project), disbursement_data()), *_forms(plan, project, other_project)]
    before = (_counts(project), ours(ProjectDisbursement).count(), ours(AuditEntry).count())
    for url, data in forms:
        if token is not None:
            data = data | {"submission_token": token}
        response = client.post(url, data)
        assert response.status_code == 200, url
        form = response.context["form"]
        assert form.non_field_errors() == [
            "แบบฟอร์มนี้หมดอายุหรือไม่ถูกต้อง ข้อมูลยังไม่ถูกบันทึก กรุณาตรวจสอบข้อมูลแล้วกดบันทึกอีกครั้ง"
        ]
        # the page shown again carries a fresh valid token: posting it now records
        fresh = re.findall(r'name="submission_token" value="([^"]+)"', response.content.decode())
        assert fresh and fresh[0] != token
    assert (_counts(project), ours(ProjectDisbursement).count(), ours(AuditEntry).count()) == before


def test_a_refused_post_keeps_its_token_for_the_corrected_post(client, project, finance):
    client.force_login(finance)
    token = {"submission_token": page_token(client, ledger_url(project))}
    refused = client.post(ledger_url(project), disbursement_data("70,000.01") | token)
    assert refused.status_code == 200  # over the budget: nothing recorded, token unused
    assert client.post(ledger_url(project), disbursement_data() | token).status_code == 302
    assert ours(ProjectDisbursement).count() == 1
