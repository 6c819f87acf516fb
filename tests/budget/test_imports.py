"""Money imported from a spreadsheet (budget/imports.py): a project's ledger entries and the
office's budget by category, through the budget services' rules (what is left, dates in
the year, the ledger never edited in place); the same file again changes nothing; finance's
only."""

from decimal import Decimal

import pytest

from budget.imports import OFFICE_ALLOCATIONS, OFFICE_DISBURSEMENTS, PROJECT_DISBURSEMENTS
from budget.models import OfficeAllocation, OfficeDisbursement, ProjectDisbursement
from plans.models import AuditEntry
from tests import factories
from tests.budget import factories as budget_factories
from tests.import_steps import confirm, import_file, issues, preview, url, xlsx

pytestmark = pytest.mark.django_db

D_HEADERS = [c.header for c in PROJECT_DISBURSEMENTS.columns]
A_HEADERS = [c.header for c in OFFICE_ALLOCATIONS.columns]
O_HEADERS = [c.header for c in OFFICE_DISBURSEMENTS.columns]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def signed_in(client, finance):
    client.force_login(finance)
    return client


def entry(document="บจ.1/2565", amount="๑๐,๐๐๐", activity="", project=1, **values):
    row = {
        "ปีงบประมาณ (พ.ศ.)": 2565,
        "เลขที่โครงการ": project,
        "กิจกรรมที่": activity,
        "วันที่เบิกจ่าย": "๑๕/๑/๒๕๖๕",
        "จำนวนเงิน (บาท)": amount,
        "เลขที่เอกสาร": document,
        "หมายเหตุ": "ค่าวัสดุ",
    }
    row.update(values)
    return row


def test_project_disbursements_through_the_ledgers_rules(
    signed_in, office, project, activity, finance
):
    rows = [entry("บจ.1/2565", "10,000.50"), entry("บจ.2/2565", 20000, activity=1)]
    content = xlsx(D_HEADERS, rows)
    outcome = import_file(signed_in, "project-disbursements", office, content)
    assert len(outcome.created) == 2
    saved = {
        (e.document_no, e.activity_id, e.amount, e.created_by)
        for e in ProjectDisbursement.objects.all()
    }
    assert saved == {
        ("บจ.1/2565", None, Decimal("10000.50"), finance),
        ("บจ.2/2565", activity.pk, Decimal("20000.00"), finance),
    }
    # Audited as the service writes them: the finance user's, with each entry's own note.
    assert (
        AuditEntry.objects.filter(
            object_type="budget.projectdisbursement", user=finance, note="ค่าวัสดุ"
        ).count()
        == 2
    )

    # The same file again changes nothing; a recorded entry that differs is refused.
    entries = AuditEntry.objects.count()
    outcome = import_file(signed_in, "project-disbursements", office, content)
    assert (len(outcome.created), len(outcome.unchanged)) == (0, 2)
    assert (ProjectDisbursement.objects.count(), AuditEntry.objects.count()) == (2, entries)
    outcome = preview(
        signed_in, "project-disbursements", office, xlsx(D_HEADERS, [entry("บจ.1/2565", 999)])
    )
    assert issues(outcome)[0][:2] == (2, "จำนวนเงิน (บาท)")
    assert "บันทึกไว้แล้ว" in issues(outcome)[0][2]


def test_disbursements_over_what_is_left_or_outside_the_year_write_nothing(
    signed_in, office, project, activity
):
    # 100,000 on the project, 30,000 of it on activity 1.
    rows = [
        entry("บจ.1", 25000, activity=1),
        entry("บจ.2", 10000, activity=1),  # with the row above: over the activity's 30,000
        entry("บจ.3", 60000),
        entry("บจ.4", 20000),  # with the rows above: over the project's 100,000
        entry("บจ.5", 100, **{"วันที่เบิกจ่าย": "1/10/2565"}),  # FY2566
        entry("บจ.6", 100, project=7),
        entry("บจ.7", 100, activity=5),
        entry("บจ.8", 0),
        entry("", 100),
    ]
    outcome = preview(signed_in, "project-disbursements", office, xlsx(D_HEADERS, rows))
    assert {(n, c) for n, c, _ in issues(outcome)} == {
        (3, "จำนวนเงิน (บาท)"),
        (5, "จำนวนเงิน (บาท)"),
        (6, "วันที่เบิกจ่าย"),
        (7, "เลขที่โครงการ"),
        (8, "กิจกรรมที่"),
        (9, "จำนวนเงิน (บาท)"),
        (10, "เลขที่เอกสาร"),
    }
    messages = {n: m for n, _, m in issues(outcome)}
    assert "เกินงบประมาณคงเหลือของกิจกรรมที่ ๑ (คงเหลือ ๕,๐๐๐.๐๐ บาท)" in messages[3]
    assert "เกินงบประมาณคงเหลือของโครงการ (คงเหลือ ๑๕,๐๐๐.๐๐ บาท)" in messages[5]
    confirm(signed_in, "project-disbursements", office)
    assert not ProjectDisbursement.objects.exists()


def test_the_office_budget_by_category(signed_in, office, plan, finance):
    operating = budget_factories.category()
    budget_factories.category("personnel", "งบบุคลากร", 1)
    allocations = [
        {
            "ปีงบประมาณ (พ.ศ.)": 2565,
            "หมวดงบประมาณ": "งบดำเนินงาน",
            "ครั้งที่": 1,
            "วันที่ได้รับจัดสรร": "1/11/2564",
            "จำนวนเงิน (บาท)": "500,000",
        },
        {
            "ปีงบประมาณ (พ.ศ.)": 2565,
            "หมวดงบประมาณ": "operating",
            "ครั้งที่": 2,
            "จำนวนเงิน (บาท)": 100000,
        },
        {"ปีงบประมาณ (พ.ศ.)": 2565, "หมวดงบประมาณ": "งบบุคลากร", "ครั้งที่": 1, "จำนวนเงิน (บาท)": 42},
    ]
    content = xlsx(A_HEADERS, allocations)
    import_file(signed_in, "office-allocations", office, content)
    assert sorted(
        OfficeAllocation.objects.filter(category=operating).values_list("number", "amount")
    ) == [
        (1, Decimal("500000.00")),
        (2, Decimal("100000.00")),
    ]
    outcome = import_file(signed_in, "office-allocations", office, content)
    assert len(outcome.unchanged) == 3 and OfficeAllocation.objects.count() == 3
    # A new instalment follows the last one.
    skip = {**allocations[0], "ครั้งที่": 4}
    outcome = preview(signed_in, "office-allocations", office, xlsx(A_HEADERS, [skip]))
    assert issues(outcome) == [(2, "ครั้งที่", "ครั้งที่ต้องต่อจากที่บันทึกแล้ว: ครั้งถัดไปของงบดำเนินงานคือครั้งที่ ๓")]

    spent = [
        {
            "ปีงบประมาณ (พ.ศ.)": 2565,
            "หมวดงบประมาณ": "งบดำเนินงาน",
            "เลขที่เอกสาร": "ฎ.1",
            "วันที่เบิกจ่าย": "28/2/2565",
            "จำนวนเงิน (บาท)": 550000,
        },
        {
            "ปีงบประมาณ (พ.ศ.)": 2565,
            "หมวดงบประมาณ": "งบดำเนินงาน",
            "เลขที่เอกสาร": "ฎ.2",
            "จำนวนเงิน (บาท)": 50000,
        },
    ]
    content = xlsx(O_HEADERS, spent)
    import_file(signed_in, "office-disbursements", office, content)
    assert OfficeDisbursement.objects.filter(category=operating).count() == 2
    outcome = import_file(signed_in, "office-disbursements", office, content)
    assert len(outcome.unchanged) == 2 and OfficeDisbursement.objects.count() == 2
    over = [{**spent[0], "เลขที่เอกสาร": "ฎ.3", "จำนวนเงิน (บาท)": 1}]
    outcome = preview(signed_in, "office-disbursements", office, xlsx(O_HEADERS, over))
    assert issues(outcome)[0][:2] == (2, "จำนวนเงิน (บาท)")
    assert "คงเหลือ ๐.๐๐ บาท" in issues(outcome)[0][2]
    unknown = [{**spent[0], "หมวดงบประมาณ": "งบพิเศษ"}]
    outcome = preview(signed_in, "office-disbursements", office, xlsx(O_HEADERS, unknown))
    assert issues(outcome)[0][:2] == (2, "หมวดงบประมาณ")


def test_only_finance_imports_money_and_only_in_its_office(
    client, office, plan, planner, staff_user, outsider, finance
):
    for user in (planner, staff_user):
        client.force_login(user)
        for kind in ("project-disbursements", "office-allocations", "office-disbursements"):
            for name in ("imports:upload", "imports:template", "imports:export"):
                assert client.get(url(name, kind, office)).status_code == 403, (user, kind, name)
    client.force_login(outsider)
    assert client.get(url("imports:upload", "office-allocations", office)).status_code == 404
    other = outsider.memberships.get().office
    other_finance = factories.member(other, "otherfinance", "finance")
    factories.plan(other)
    budget_factories.category()
    client.force_login(other_finance)
    row = {
        "ปีงบประมาณ (พ.ศ.)": 2565,
        "หมวดงบประมาณ": "งบดำเนินงาน",
        "ครั้งที่": 1,
        "จำนวนเงิน (บาท)": 1,
        "รหัสสำนักงาน": office.code,
    }
    outcome = preview(client, "office-allocations", other, xlsx([*A_HEADERS, "รหัสสำนักงาน"], [row]))
    assert issues(outcome)[0][:2] == (2, "รหัสสำนักงาน")
    assert not OfficeAllocation.objects.exists()
