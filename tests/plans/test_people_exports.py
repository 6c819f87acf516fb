"""The people of the office as Excel (the people page's export): the office administrator's
only (another role 403, another office 404), the page's search, every page of members, a
B.E. last sign-in, and a fixed number of queries."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import Role
from tests import factories, xlsx
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db
URL = reverse("people:member_list_export")


@pytest.fixture
def officeadmin(office):
    return factories.member(office, "officeadmin", Role.ADMIN)


def test_the_people_page_links_its_export_with_the_search(client, officeadmin, office):
    client.force_login(officeadmin)
    html = client.get(reverse("people:member_list"), {"q": "สม ใจ"}).content.decode()
    assert "ส่งออก Excel" not in html  # nobody found: nothing to export
    html = client.get(reverse("people:member_list"), {"q": "officeadmin"}).content.decode()
    assert f"{URL}?office={office.code}&amp;q=officeadmin" in html


def test_the_workbook_lists_every_member(client, officeadmin, office, group):
    staff = factories.member(office, "somchai", Role.STAFF, group)
    staff.first_name, staff.last_name = "=สมชาย", "ใจดี"
    staff.last_login = timezone.make_aware(datetime(2022, 3, 4, 9, 15))
    staff.save()
    for n in range(30):  # more than a page of the list
        factories.member(office, f"member{n:02d}", Role.STAFF, group)
    client.force_login(officeadmin)
    response = client.get(URL, {"office": office.code})
    assert 'filename="test-office-people.xlsx"' in response["Content-Disposition"]
    sheet = xlsx.book(response).active
    assert xlsx.headers(sheet)[:5] == ["ชื่อ–นามสกุล", "ตำแหน่ง", "ชื่อผู้ใช้", "อีเมล", "บทบาท"]
    rows = xlsx.body(sheet)
    assert len(rows) == 32
    (somchai,) = [r for r in rows if r[2].value == "somchai"]
    assert (somchai[0].value, somchai[0].quotePrefix) == ("=สมชาย ใจดี", True)
    assert somchai[5].value == "กลุ่มส่งเสริมการจัดการศึกษา"
    assert somchai[7].value == "04/03/2565 09:15"
    searched = xlsx.values(xlsx.book(client.get(URL, {"q": "somchai"})).active)
    assert [r[2] for r in searched] == ["somchai"]


@pytest.mark.parametrize("role", ["staff_user", "planner", "director"])
def test_other_roles_get_403(client, request, role, office):
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL, {"office": office.code}).status_code == 403


def test_another_offices_administrator_gets_404(client, office):
    other = factories.office(code="other-office", name="สำนักงานอื่น")
    client.force_login(factories.member(other, "otheradmin", Role.ADMIN))
    assert client.get(URL, {"office": office.code}).status_code == 404
    own = xlsx.values(xlsx.book(client.get(URL)).active)  # their own office's people only
    assert [r[2] for r in own] == ["otheradmin"]


@pytest.mark.parametrize("size", [1, 20])
def test_a_fixed_number_of_queries(
    client, officeadmin, office, group, size, django_assert_max_num_queries
):
    for n in range(size):
        factories.member(office, f"member{n:02d}", Role.STAFF, group)
    client.force_login(officeadmin)
    client.get(reverse("people:member_list"))  # the session's first write
    with django_assert_max_num_queries(2 + REQUEST_EXTRA):
        response = client.get(URL)
    assert len(xlsx.values(xlsx.book(response).active)) == size + 1
