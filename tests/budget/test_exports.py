"""The Excel files carry the same numbers as the pages."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories
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


def sheets(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(BytesIO(response.content))


def test_overview_workbook(client, data, director):
    client.force_login(director)
    book = sheets(client.get(reverse("budget:overview_xlsx", args=[2565])))
    table = book["ตารางที่ 13"]
    assert [c.value for c in table[4]][:6] == [
        1,
        "งบดำเนินงาน",
        1500.5,
        750.25,
        750.25,
        50,
    ]
    assert table["G4"].value == "หนึ่งพันห้าร้อยบาทห้าสิบสตางค์"
    assert [c.value for c in table[5]][1:3] == ["รวมทั้งสิ้น", 1500.5]
    projects = book["โครงการ"]
    assert [c.value for c in projects[4]] == [
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


def test_ledger_workbook(client, data, director):
    client.force_login(director)
    book = sheets(client.get(reverse("budget:project_ledger_xlsx", args=[2565, data.pk])))
    sheet = book.active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=7)]
    assert [row[1] for row in rows] == ["จัดสรรครั้งที่ ๑", "โอนไปยังโครงการ ๒. โครงการทดสอบ 2", "เบิกจ่าย"]
    assert [(row[5], row[6], row[7]) for row in rows] == [
        (300, None, 300),
        (None, 50, 250),
        (None, 100.1, 149.9),
    ]
    assert rows[2][0].date() == date(2022, 3, 4)


def test_transfers_workbook(client, data, director):
    client.force_login(director)
    sheet = sheets(client.get(reverse("budget:transfers_xlsx", args=[2565]))).active
    row = [c.value for c in sheet[3]]
    assert row[1:5] == ["๑. โครงการทดสอบ 1", "๒. โครงการทดสอบ 2", 50, "ห้าสิบบาทถ้วน"]
    assert row[5:7] == ["ปรับแผน", "ผู้อำนวยการ สพม."]


def test_free_text_is_exported_as_typed_never_as_a_formula(client, data, director):
    note = '=HYPERLINK("http://evil.example","คลิก")'
    entry = budget_factories.disbursement(data, "1.00", paid_on=date(2022, 3, 5))
    entry.note, entry.document_no = note, "+66-1"
    entry.save()
    client.force_login(director)
    sheet = sheets(client.get(reverse("budget:project_ledger_xlsx", args=[2565, data.pk]))).active
    last = sheet[sheet.max_row]
    assert (last[4].value, last[4].data_type) == (note, "s")
    assert (last[3].value, last[3].data_type) == ("+66-1", "s")
