"""Numbers typed the Thai way are accepted in the admin; junk is refused in Thai and
nothing is saved."""

from decimal import Decimal

import pytest
from django.urls import reverse

from budget.models import ProjectAllocation
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", password="pw-test-2565")
    client.force_login(user)
    return client


def post_allocation(client, project, amount):
    return client.post(
        reverse("admin:budget_projectallocation_add"),
        {"project": project.pk, "number": "๑", "amount": amount, "note": ""},
    )


def test_thai_digits_and_separators_are_saved_as_decimal(admin_client, plan):
    project = factories.project(plan)
    response = post_allocation(admin_client, project, "๑,๒๓๔.๕๐")
    assert response.status_code == 302
    allocation = ProjectAllocation.objects.get(project=project)
    assert (allocation.amount, allocation.number) == (Decimal("1234.50"), 1)


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("๑๒ บาทเศษ", "กรุณากรอกตัวเลข"),
        ("1,2,3", "กรุณากรอกตัวเลข"),
        ("๐", "จำนวนเงินต้องมากกว่าศูนย์"),
    ],
)
def test_bad_amount_is_refused_and_nothing_saved(admin_client, plan, amount, message):
    project = factories.project(plan)
    response = post_allocation(admin_client, project, amount)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProjectAllocation.objects.filter(project=project).exists()
