"""The budget services: what they save, what they refuse (nothing saved, Thai message),
and the audit entries they write in the same transaction."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from budget import selectors, services
from budget.models import (
    BudgetTransfer,
    DisbursementTarget,
    OfficeAllocation,
    OfficeDisbursement,
    ProjectDisbursement,
)
from plans.models import AuditEntry
from tests import factories
from tests.budget import factories as budget_factories
from tests.budget.factories import ours, written_by

pytestmark = pytest.mark.django_db

PAID_ON = date(2022, 3, 4)


def disburse(project, amount, user, **extra):
    return services.disbursement_record(
        project=project, amount=Decimal(amount), paid_on=PAID_ON, user=user, **extra
    )


def move(source, target, amount, user, **extra):
    return services.transfer_record(
        from_project=source,
        to_project=target,
        amount=Decimal(amount),
        reason="ปรับแผนการดำเนินงาน",
        approved_by="ผู้อำนวยการ สพม.",
        user=user,
        **{"transferred_on": date(2022, 2, 1), **extra},
    )


# -- disbursements ------------------------------------------------------------------------


def test_disbursement_is_saved_with_the_audit_entry(project, activity, finance):
    entry = disburse(project, "12500.25", finance, activity=activity, document_no="บจ 1/65")
    saved = ours(ProjectDisbursement).get()
    assert (saved.pk, saved.amount, saved.paid_on) == (entry.pk, Decimal("12500.25"), PAID_ON)
    assert (saved.activity, saved.document_no, saved.created_by) == (
        activity,
        "บจ 1/65",
        finance,
    )
    assert selectors.project_amounts(project).remaining == Decimal("87499.75")
    audit = written_by(finance).get()
    assert (audit.action, audit.object_id) == ("create", entry.pk)
    assert (audit.parent_type, audit.parent_id) == ("projects.project", project.pk)
    assert audit.changes["amount"] == [None, "12500.25"]
    assert audit.changes["document_no"] == [None, "บจ 1/65"]


def test_disbursing_more_than_is_left_is_refused(project, finance):
    disburse(project, "69999.99", finance)
    with pytest.raises(ValidationError) as refused:
        disburse(project, "0.02", finance)
    assert refused.value.message_dict == {"amount": ["เบิกจ่ายเกินงบประมาณคงเหลือ (คงเหลือ ๐.๐๑ บาท)"]}
    assert ours(ProjectDisbursement).count() == 1
    assert written_by(finance).count() == 1
    disburse(project, "0.01", finance)  # exactly what is left is allowed
    assert selectors.project_amounts(project).remaining == Decimal("0.00")


@pytest.mark.parametrize(
    ("paid_on", "message"),
    [
        (date(2021, 9, 30), "วันที่เบิกจ่ายต้องอยู่ในปีงบประมาณ พ.ศ. ๒๕๖๕ (๑ ตุลาคม ๒๕๖๔ ถึง ๓๐ กันยายน ๒๕๖๕)"),
        (date(2022, 10, 1), "วันที่เบิกจ่ายต้องอยู่ในปีงบประมาณ พ.ศ. ๒๕๖๕ (๑ ตุลาคม ๒๕๖๔ ถึง ๓๐ กันยายน ๒๕๖๕)"),
    ],
)
def test_a_disbursement_outside_the_fiscal_year_is_refused(project, finance, paid_on, message):
    with pytest.raises(ValidationError) as refused:
        services.disbursement_record(
            project=project, amount=Decimal("10.00"), paid_on=paid_on, user=finance
        )
    assert refused.value.message_dict == {"paid_on": [message]}
    assert not ours(ProjectDisbursement).exists() and not written_by(finance).exists()
    for edge in (date(2021, 10, 1), date(2022, 9, 30)):  # the year's first and last days
        services.disbursement_record(
            project=project, amount=Decimal("10.00"), paid_on=edge, user=finance
        )
    assert ours(ProjectDisbursement).count() == 2


def test_a_disbursement_dated_after_today_is_refused(project, finance, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda: date(2022, 3, 3))
    with pytest.raises(ValidationError) as refused:
        disburse(project, "10.00", finance)  # dated 4 March 2022, tomorrow
    assert refused.value.message_dict == {"paid_on": ["วันที่เบิกจ่ายต้องไม่เลยวันนี้"]}
    assert not ours(ProjectDisbursement).exists()


def test_disbursing_more_than_the_activity_has_is_refused(project, activity, finance):
    with pytest.raises(ValidationError) as refused:
        disburse(project, "30000.01", finance, activity=activity)
    assert refused.value.message_dict == {
        "amount": ["เบิกจ่ายเกินงบประมาณคงเหลือของกิจกรรมที่ ๑ จัดประชุม (คงเหลือ ๓๐,๐๐๐.๐๐ บาท)"]
    }
    assert not ours(ProjectDisbursement).exists()


def test_an_activity_without_its_own_allocation_uses_the_project_money(
    project, activity, second_activity, finance
):
    disburse(project, "45000.00", finance, activity=second_activity)
    assert selectors.project_amounts(project).remaining == Decimal("55000.00")


def test_an_activity_of_another_project_is_refused(project, other_project, finance):
    foreign = factories.activity(other_project, 1)
    with pytest.raises(ValidationError) as refused:
        disburse(project, "10.00", finance, activity=foreign)
    assert refused.value.message_dict == {"activity": ["กิจกรรมต้องอยู่ในโครงการเดียวกัน"]}


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("0", "จำนวนเงินต้องมากกว่าศูนย์"),
        ("-5.00", "จำนวนเงินต้องมากกว่าศูนย์"),
    ],
)
def test_zero_and_negative_amounts_are_refused(project, finance, amount, message):
    with pytest.raises(ValidationError) as refused:
        disburse(project, amount, finance)
    assert message in str(refused.value)
    assert not ours(ProjectDisbursement).exists()


def test_floats_are_refused(project, finance):
    with pytest.raises(TypeError):
        services.disbursement_record(project=project, amount=0.1, paid_on=PAID_ON, user=finance)


def test_satang_add_up_exactly(plan, finance):
    """0.10 + 0.20 is 0.30 to the satang (in floats it is 0.30000000000000004)."""
    project = factories.project(plan, 5, budget="0.30")
    disburse(project, "0.10", finance)
    disburse(project, "0.20", finance)
    amounts = selectors.project_amounts(project)
    assert amounts.disbursed == Decimal("0.30")
    assert amounts.remaining == Decimal("0.00")
    assert amounts.rate == Decimal("100.00")
    with pytest.raises(ValidationError):
        disburse(project, "0.01", finance)


def test_rate_is_rounded_half_up_to_two_places(plan, finance):
    project = factories.project(plan, 6, budget="3.00")
    disburse(project, "1.00", finance)
    assert selectors.project_amounts(project).rate == Decimal("33.33")
    disburse(project, "1.00", finance)
    assert selectors.project_amounts(project).rate == Decimal("66.67")


def test_more_than_two_decimal_places_are_refused(project, finance):
    with pytest.raises(ValidationError):
        disburse(project, "1.005", finance)
    assert not ours(ProjectDisbursement).exists()


def test_disbursement_delete_keeps_the_old_values_in_the_audit(project, finance):
    entry = disburse(project, "100.00", finance, document_no="บจ 9")
    services.disbursement_delete(disbursement=entry, user=finance)
    assert not ours(ProjectDisbursement).exists()
    audit = written_by(finance).filter(action="delete").get()
    assert audit.changes["amount"] == ["100.00", None]
    assert audit.changes["document_no"] == ["บจ 9", None]
    assert (audit.parent_type, audit.parent_id) == ("projects.project", project.pk)


# -- transfers ----------------------------------------------------------------------------


def test_transfer_between_projects_moves_the_current_amounts(project, other_project, planner):
    move(project, other_project, "20000.00", planner)
    source, target = selectors.project_amounts(project), selectors.project_amounts(other_project)
    assert (source.original, source.transferred_out, source.current) == (
        Decimal("70000.00"),
        Decimal("20000.00"),
        Decimal("50000.00"),
    )
    assert (target.transferred_in, target.current) == (Decimal("20000.00"), Decimal("70000.00"))
    # One change, in the history of both projects.
    out, into = written_by(planner).order_by("pk")
    assert (out.action, out.parent_id, into.action, into.parent_id) == (
        "transfer",
        project.pk,
        "transfer",
        other_project.pk,
    )
    assert out.changes == into.changes
    assert out.changes["amount"] == [None, "20000.00"]
    assert out.note == "ปรับแผนการดำเนินงาน"


def test_transfer_between_activities_keeps_the_project_total(
    project, activity, second_activity, planner
):
    move(project, project, "10000.00", planner, from_activity=activity, to_activity=second_activity)
    (row,) = selectors.project_budgets(project.plan, selectors.targets_for(project.plan))
    assert (row.transferred_in, row.transferred_out, row.current) == (
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("100000.00"),
    )
    first, second = row.activities
    assert (first.current, second.current) == (Decimal("20000.00"), Decimal("10000.00"))
    assert written_by(planner).get().action == "transfer"


def test_transfer_that_would_go_negative_is_refused(project, other_project, planner):
    with pytest.raises(ValidationError) as refused:
        move(other_project, project, "50000.01", planner)
    assert refused.value.message_dict == {
        "amount": ["โอนเกินงบประมาณของโครงการต้นทาง (งบประมาณปัจจุบัน ๕๐,๐๐๐.๐๐ บาท)"]
    }
    assert not ours(BudgetTransfer).exists()
    assert not written_by(planner).exists()


def test_transfer_below_what_was_disbursed_is_refused(project, other_project, planner):
    budget_factories.disbursement(other_project, "40000.00")
    with pytest.raises(ValidationError) as refused:
        move(other_project, project, "10000.01", planner)
    assert refused.value.message_dict == {
        "amount": [
            "โอนไม่ได้: งบประมาณของโครงการต้นทางหลังโอน (๓๙,๙๙๙.๙๙ บาท) "
            "จะต่ำกว่ายอดที่เบิกจ่ายแล้ว (๔๐,๐๐๐.๐๐ บาท)"
        ]
    }
    assert not ours(BudgetTransfer).exists()
    move(other_project, project, "10000.00", planner)  # down to exactly what was paid
    assert selectors.project_amounts(other_project).remaining == Decimal("0.00")


def test_activity_transfer_below_its_disbursement_is_refused(
    project, activity, second_activity, planner
):
    budget_factories.disbursement(project, "25000.00", activity=activity)
    with pytest.raises(ValidationError) as refused:
        move(
            project,
            project,
            "5000.01",
            planner,
            from_activity=activity,
            to_activity=second_activity,
        )
    assert "กิจกรรมต้นทางหลังโอน (๒๔,๙๙๙.๙๙ บาท)" in refused.value.message_dict["amount"][0]
    assert not ours(BudgetTransfer).exists()


def test_transfer_inside_a_project_needs_two_activities(project, activity, planner):
    with pytest.raises(ValidationError) as refused:
        move(project, project, "1.00", planner)
    assert "ภายในโครงการเดียวกันต้องโอนระหว่างกิจกรรมสองกิจกรรมที่ต่างกัน" in str(refused.value)
    assert not ours(BudgetTransfer).exists()


def test_transfer_to_another_plan_is_refused(project, office, planner):
    other_plan = factories.plan(office, 2566)
    elsewhere = factories.project(other_plan, 1, budget="10.00")
    with pytest.raises(ValidationError) as refused:
        move(project, elsewhere, "1.00", planner)
    assert refused.value.message_dict["to_project"] == ["โอนได้เฉพาะระหว่างโครงการในแผนปฏิบัติการเดียวกัน"]


def test_disbursement_checks_the_current_amount_after_transfers(project, other_project, finance):
    move(project, other_project, "30000.00", finance)
    with pytest.raises(ValidationError):
        disburse(project, "40000.01", finance)
    disburse(project, "40000.00", finance)


# -- allocations and targets --------------------------------------------------------------


def test_project_instalments_are_numbered_and_summed(project, finance):
    services.project_allocation_add(
        project=project, amount=Decimal("5000.50"), user=finance, letter_no="ศธ 04 ว 1"
    )
    second = services.project_allocation_add(project=project, amount=Decimal("0.50"), user=finance)
    assert second.number == 3  # after the factory's allocation and the first above
    assert selectors.project_amounts(project).original == Decimal("75001.00")
    audit = written_by(finance).first()  # newest first
    assert (audit.object_id, audit.parent_id) == (second.pk, project.pk)
    assert (audit.changes["number"], audit.changes["amount"]) == ([None, "3"], [None, "0.50"])


def test_office_instalments_are_numbered_and_audited(plan, finance):
    cat = budget_factories.category()
    services.office_allocation_add(plan=plan, category=cat, amount=Decimal("100.00"), user=finance)
    services.office_allocation_add(plan=plan, category=cat, amount=Decimal("0.25"), user=finance)
    assert list(ours(OfficeAllocation).values_list("number", "amount")) == [
        (1, Decimal("100.00")),
        (2, Decimal("0.25")),
    ]
    (line,) = selectors.office_budget(plan).lines
    assert line.allocated == Decimal("100.25")
    audit = written_by(finance).first()  # newest first
    assert audit.changes["amount"] == [None, "0.25"]
    assert audit.changes["category"] == [None, "งบดำเนินงาน"]
    assert (audit.parent_type, audit.parent_id) == ("plans.plan", plan.pk)


def test_targets_are_saved_and_audited_with_old_values(plan, finance):
    budget_factories.targets(plan)
    percents = {1: Decimal(30), 2: Decimal(55), 3: Decimal(75), 4: Decimal(100)}
    services.targets_update(plan=plan, percents=percents, user=finance)
    assert dict(ours(DisbursementTarget).values_list("quarter", "cumulative_percent")) == {
        1: Decimal("30.00"),
        2: Decimal("55.00"),
        3: Decimal("75.00"),
        4: Decimal("100.00"),
    }
    # Only the quarter that changed is in the history.
    assert written_by(finance).get().changes == {"cumulative_percent": ["52.00", "55.00"]}


def test_decreasing_targets_are_refused(plan, finance):
    percents = {1: Decimal(30), 2: Decimal(20), 3: Decimal(75), 4: Decimal(100)}
    with pytest.raises(ValidationError) as refused:
        services.targets_update(plan=plan, percents=percents, user=finance)
    assert refused.value.messages == ["เป้าหมายสะสมของไตรมาสหลังต้องไม่น้อยกว่าไตรมาสก่อนหน้า"]
    assert not ours(DisbursementTarget).exists()


# -- the office's disbursements (table 13) ------------------------------------------------


def office_disburse(plan, cat, amount, user, **extra):
    return services.office_disbursement_record(
        plan=plan, category=cat, amount=Decimal(amount), user=user, **extra
    )


def test_office_disbursement_is_saved_audited_and_counted_in_table_13(plan, finance):
    cat = budget_factories.category()
    budget_factories.office_allocation(plan, cat, "1000.00")
    office_disburse(plan, cat, "250.50", finance, paid_on=date(2022, 3, 4), document_no="ขบ 7")
    (line,) = selectors.office_budget(plan).lines
    assert (line.disbursed, line.remaining, line.rate) == (
        Decimal("250.50"),
        Decimal("749.50"),
        Decimal("25.05"),
    )
    audit = written_by(finance).get()
    assert (audit.action, audit.parent_id) == ("create", plan.pk)
    assert audit.changes["amount"] == [None, "250.50"]


def test_office_disbursement_beyond_the_category_is_refused(plan, finance):
    cat = budget_factories.category()
    other = budget_factories.category("personnel", "งบบุคลากร", 1)
    budget_factories.office_allocation(plan, cat, "1000.00")
    budget_factories.office_allocation(plan, other, "5000.00")  # another category's money
    budget_factories.office_disbursement(plan, cat, "999.99")
    with pytest.raises(ValidationError) as refused:
        office_disburse(plan, cat, "0.02", finance)
    assert refused.value.message_dict == {
        "amount": ["เบิกจ่ายเกินงบประมาณคงเหลือของงบดำเนินงาน (คงเหลือ ๐.๐๑ บาท)"]
    }
    assert ours(OfficeDisbursement).count() == 1 and not written_by(finance).exists()
    office_disburse(plan, cat, "0.01", finance)  # exactly what is left is allowed


def test_office_disbursement_outside_the_year_is_refused(plan, finance):
    cat = budget_factories.category()
    budget_factories.office_allocation(plan, cat, "1000.00")
    with pytest.raises(ValidationError) as refused:
        office_disburse(plan, cat, "10.00", finance, paid_on=date(2022, 10, 1))
    assert "วันที่เบิกจ่ายต้องอยู่ในปีงบประมาณ พ.ศ. ๒๕๖๕" in refused.value.message_dict["paid_on"][0]
    assert not ours(OfficeDisbursement).exists()


# -- one date rule for every money entry (finding 11) -------------------------------------

YEAR_2599 = date(2056, 3, 1)  # 1/3/2599 in the Buddhist era


@pytest.mark.parametrize(
    ("record", "field", "label"),
    [
        (
            lambda p, other, u: move(p, other, "10.00", u, transferred_on=YEAR_2599),
            "transferred_on",
            "วันที่อนุมัติการโอน",
        ),
        (
            lambda p, other, u: services.project_allocation_add(
                project=p, amount=Decimal("10.00"), user=u, received_on=YEAR_2599
            ),
            "received_on",
            "วันที่จัดสรร",
        ),
        (
            lambda p, other, u: services.office_allocation_add(
                plan=p.plan,
                category=budget_factories.category(),
                amount=Decimal("10.00"),
                user=u,
                received_on=YEAR_2599,
            ),
            "received_on",
            "วันที่ได้รับจัดสรร",
        ),
    ],
)
def test_allocation_and_transfer_dates_outside_the_year_are_refused(
    project, other_project, finance, record, field, label
):
    before = {m: ours(m).count() for m in (BudgetTransfer, OfficeAllocation, AuditEntry)}
    allocations = project.allocations.count()
    with pytest.raises(ValidationError) as refused:
        record(project, other_project, finance)
    (message,) = refused.value.message_dict[field]
    assert message.startswith(f"{label}ต้องอยู่ในปีงบประมาณ พ.ศ. ๒๕๖๕")
    assert {m: ours(m).count() for m in before} == before
    assert project.allocations.count() == allocations


def test_allocation_and_transfer_dates_after_today_are_refused(
    project, other_project, finance, monkeypatch
):
    monkeypatch.setattr(timezone, "localdate", lambda: date(2022, 1, 31))
    with pytest.raises(ValidationError) as refused:
        move(project, other_project, "10.00", finance)  # dated 1/2/2565
    assert refused.value.message_dict == {"transferred_on": ["วันที่อนุมัติการโอนต้องไม่เลยวันนี้"]}
    with pytest.raises(ValidationError) as refused:
        services.project_allocation_add(
            project=project, amount=Decimal("1"), user=finance, received_on=date(2022, 2, 1)
        )
    assert refused.value.message_dict == {"received_on": ["วันที่จัดสรรต้องไม่เลยวันนี้"]}
    assert not ours(BudgetTransfer).exists()


def test_dates_within_the_year_and_blank_allocation_dates_pass(project, other_project, finance):
    move(project, other_project, "10.00", finance)
    services.project_allocation_add(
        project=project, amount=Decimal("1"), user=finance, received_on=date(2021, 10, 1)
    )
    services.project_allocation_add(project=project, amount=Decimal("1"), user=finance)
    assert ours(BudgetTransfer).count() == 1


# -- reversals and report entries (finding 5) ---------------------------------------------


def test_a_reversal_is_a_counter_entry_and_the_sums_drop_the_original(project, activity, finance):
    entry = disburse(project, "1000.00", finance, activity=activity, document_no="บจ 9")
    reversal = services.disbursement_reverse(disbursement=entry, user=finance, reason="บันทึกซ้ำ")
    assert (reversal.amount, reversal.reverses, reversal.activity) == (
        Decimal("-1000.00"),
        entry,
        activity,
    )
    assert selectors.project_amounts(project).disbursed == Decimal("0.00")
    assert selectors.activity_amounts(activity).remaining == Decimal("30000.00")
    ledger = selectors.project_ledger(project)
    kinds = [(e.kind, e.label, e.amount, e.delta) for e in ledger.entries if e.disbursement_pk]
    assert kinds == [
        ("disbursement", "เบิกจ่าย (กลับรายการแล้ว)", Decimal("1000.00"), Decimal("-1000.00")),
        ("reversal", "กลับรายการเบิกจ่าย", Decimal("1000.00"), Decimal("1000.00")),
    ]
    assert ledger.entries[-1].balance == Decimal("100000.00")
    assert not any(e.reversible or e.deletable for e in ledger.entries if e.disbursement_pk)


def test_a_reversal_needs_a_reason_and_happens_once(project, finance):
    entry = disburse(project, "10.00", finance)
    with pytest.raises(ValidationError) as refused:
        services.disbursement_reverse(disbursement=entry, user=finance, reason="  ")
    assert refused.value.message_dict == {"reason": ["กรุณาระบุเหตุผลการกลับรายการ"]}
    reversal = services.disbursement_reverse(disbursement=entry, user=finance, reason="ผิด")
    for target in (entry, reversal):
        with pytest.raises(ValidationError):
            services.disbursement_reverse(disbursement=target, user=finance, reason="ผิดอีก")
        with pytest.raises(ValidationError):
            services.disbursement_delete(disbursement=target, user=finance)
    assert ours(ProjectDisbursement).count() == 2


def test_an_entry_posted_by_a_report_is_never_deleted(project, finance):
    entry = disburse(project, "10.00", finance, document_no="progress:7")
    with pytest.raises(ValidationError) as refused:
        services.disbursement_delete(disbursement=entry, user=finance)
    assert "เปิดรายงานให้แก้ไขอีกครั้ง" in refused.value.messages[0]
    assert ours(ProjectDisbursement).get() == entry


def test_the_database_refuses_a_negative_entry_that_reverses_nothing(project):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectDisbursement.objects.create(
            project=project, amount=Decimal("-5.00"), paid_on=PAID_ON
        )


@pytest.mark.parametrize(
    "write",
    [
        lambda p, other, u: disburse(p, "10.00", u),
        lambda p, other, u: move(p, other, "10.00", u),
        lambda p, other, u: services.project_allocation_add(
            project=p, amount=Decimal("10.00"), user=u
        ),
        lambda p, other, u: services.office_allocation_add(
            plan=p.plan, category=budget_factories.category(), amount=Decimal("10.00"), user=u
        ),
        lambda p, other, u: services.targets_update(
            plan=p.plan, percents={1: 20, 2: 50, 3: 75, 4: 100}, user=u
        ),
    ],
)
@pytest.mark.parametrize("who", ["staff_user", "group_director", "director", "outsider"])
def test_services_refuse_a_user_without_the_right(request, project, other_project, write, who):
    """The page's check is the first; the service's is the one every path goes through."""
    from django.core.exceptions import PermissionDenied

    user = request.getfixturevalue(who)
    before = (ours(ProjectDisbursement).count(), ours(BudgetTransfer).count())
    with pytest.raises(PermissionDenied):
        write(project, other_project, user)
    assert (ours(ProjectDisbursement).count(), ours(BudgetTransfer).count()) == before
