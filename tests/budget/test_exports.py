"""The Excel files carry the same numbers as the pages, as numbers (plans/excel.py)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from budget.models import OfficeAllocation
from tests import factories
from tests import xlsx as x
from tests.budget import factories as budget_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(plan, group):
    cat = budget_factories.category()
    budget_factories.office_allocation(plan, cat, "1000.00")
    budget_factories.office_allocation(plan, cat, "500.50", number=2)
    budget_factories.office_disbursement(plan, cat, "750.25")
    project = factories.project(plan, 1, group=group, budget="300.00")
    other = factories.project(plan, 2, group=group, budget="100.00")
    budget_factories.transfer(project, other, "50.00")
    budget_factories.disbursement(project, "100.10", paid_on=date(2022, 3, 4))
    return project


def test_overview_workbook(client, data, director):
    client.force_login(director)
    response = client.get(reverse("budget:overview_xlsx", args=[2565]))
    book = x.book(response)
    assert 'filename="test-office-2565-budget.xlsx"' in response["Content-Disposition"]
    table = book["ตารางที่ 13"]
    assert x.headers(table)[:3] == ["ที่", "รายการ", "ได้รับจัดสรร (บาท)"]
    first, total = x.body(table)[:2]
    assert [c.value for c in first][:6] == [1, "งบดำเนินงาน", Decimal("1500.5"), 750.25, 750.25, 50]
    assert [c.number_format for c in first[2:6]] == ["#,##0.00"] * 3 + ["0.00"]
    assert first[6].value == "หนึ่งพันห้าร้อยบาทห้าสิบสตางค์"
    assert [c.value for c in total][1:3] == ["รวมทั้งสิ้น", 1500.5]
    assert total[1].font.b
    projects = book["โครงการ"]
    assert x.values(projects)[0] == [
        1,
        "โครงการทดสอบ 1",
        300,
        0,
        50,
        250,
        100.1,
        149.9,
        "หนึ่งร้อยสี่สิบเก้าบาทเก้าสิบสตางค์",
        40.04,
        "ยังไม่ประเมิน",
    ]


def test_overview_workbook_lists_the_office_instalments(client, data, director):
    OfficeAllocation.objects.filter(number=2).update(received_on=date(2021, 12, 1))
    client.force_login(director)
    book = x.book(client.get(reverse("budget:overview_xlsx", args=[2565])))
    sheet = book["การจัดสรรรายงวด"]
    assert x.headers(sheet) == [
        "หมวดงบประมาณ",
        "ครั้งที่",
        "วันที่ได้รับ",
        "เลขที่หนังสือ",
        "จำนวนเงิน (บาท)",
        "หมายเหตุ",
    ]
    rows = x.body(sheet)
    assert [(r[0].value, r[1].value, r[4].value) for r in rows] == [
        ("งบดำเนินงาน", 1, 1000),
        ("งบดำเนินงาน", 2, 500.5),
    ]
    assert rows[1][4].number_format == "#,##0.00"
    assert (rows[0][2].value, rows[1][2].value) == (None, "01/12/2564")


def test_ledger_workbook(client, data, director):
    client.force_login(director)
    response = client.get(reverse("budget:project_ledger_xlsx", args=[2565, data.pk]))
    sheet = x.book(response).active
    rows = x.values(sheet)
    assert [row[1] for row in rows] == [
        "จัดสรรครั้งที่ ๑",
        "โอนไปยังโครงการ ๒. โครงการทดสอบ 2",
        "เบิกจ่าย",
    ]
    assert [(row[5], row[6], row[7]) for row in rows] == [
        (300, None, 300),
        (None, 50, 250),
        (None, 100.1, 149.9),
    ]
    date_cell = x.body(sheet)[2][0]
    assert (date_cell.value, date_cell.data_type) == ("04/03/2565", "s")  # B.E., as text
    assert x.body(sheet)[2][7].number_format == "#,##0.00"
    assert "test-office-2565-ledger-1.xlsx" in response["Content-Disposition"]


def test_transfers_workbook(client, data, director):
    client.force_login(director)
    sheet = x.book(client.get(reverse("budget:transfers_xlsx", args=[2565]))).active
    row = x.values(sheet)[0]
    assert row[1:5] == ["๑. โครงการทดสอบ 1", "๒. โครงการทดสอบ 2", 50, "ห้าสิบบาทถ้วน"]
    assert row[5:7] == ["ปรับแผน", "ผู้อำนวยการ สพม."]


def test_free_text_is_exported_as_typed_never_as_a_formula(client, data, director):
    note = '=HYPERLINK("http://evil.example","คลิก")'
    entry = budget_factories.disbursement(data, "1.00", paid_on=date(2022, 3, 5))
    entry.note, entry.document_no = note, "+66-1"
    entry.save()
    client.force_login(director)
    sheet = x.book(client.get(reverse("budget:project_ledger_xlsx", args=[2565, data.pk]))).active
    last = x.body(sheet)[-1]
    assert (last[4].value, last[4].data_type, last[4].quotePrefix) == (note, "s", True)
    assert (last[3].value, last[3].data_type) == ("+66-1", "s")
