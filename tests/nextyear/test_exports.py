"""The next year's proposed budgets as Excel (the proposals page's export): planning only
(another role 403, another office 404), money as numbers, a fixed number of queries."""

from decimal import Decimal

import pytest
from django.urls import reverse

from nextyear.models import BudgetProposal
from nextyear.services import Part, plan_copy
from tests import factories, xlsx
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db
URL = reverse("nextyear:proposals_xlsx", args=[2566])


@pytest.fixture
def target(plan, group, planner):
    for number in (1, 2):
        factories.project(plan, number, group=group, budget="1500.25")
    copy = plan_copy(source=plan, parts=set(Part), user=planner)
    BudgetProposal.objects.filter(project__number=2, project__plan=copy.target).delete()
    return copy.target


def test_the_proposals_workbook(client, target, planner):
    client.force_login(planner)
    page = client.get(reverse("nextyear:proposals", args=[2566])).content.decode()
    assert URL in page and "ส่งออก Excel" in page
    response = client.get(URL)
    assert 'filename="test-office-2566-proposals.xlsx"' in response["Content-Disposition"]
    sheet = xlsx.book(response).active
    assert xlsx.headers(sheet)[3] == "งบประมาณที่เสนอ (บาท)"
    first, second, total = xlsx.body(sheet)
    assert (first[0].value, Decimal(str(first[3].value)), first[3].number_format) == (
        1,
        Decimal("1500.25"),
        "#,##0.00",
    )
    assert second[3].value is None  # none proposed
    assert (total[1].value, Decimal(str(total[3].value)), total[1].font.b) == (
        "รวม",
        Decimal("1500.25"),
        True,
    )


@pytest.mark.parametrize("who", ["director", "outsider"])
def test_others_are_refused(client, target, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == (403 if who == "director" else 404)


@pytest.mark.parametrize("size", [1, 5])
def test_a_fixed_number_of_queries(
    client, plan, group, planner, size, django_assert_max_num_queries
):
    for number in range(1, size + 1):
        factories.project(plan, number, group=group, budget="100")
    plan_copy(source=plan, parts=set(Part), user=planner)
    client.force_login(planner)
    client.get(reverse("nextyear:home"))  # the session's first write
    with django_assert_max_num_queries(3 + REQUEST_EXTRA):
        response = client.get(URL)
    assert len(xlsx.values(xlsx.book(response).active)) == size + 1
