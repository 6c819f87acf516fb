"""Numbers typed the Thai way are accepted in the admin and saved ones are shown in Thai
digits, as on every page; junk is refused in Thai and nothing is saved. Money is not typed
in the admin at all: its rows are the services'."""

from decimal import Decimal

import pytest
from django.urls import reverse

from budget.models import ProjectAllocation
from plans.forms import ThaiDecimalField
from plans.models import Strategy, StrategyIndicator
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", password="pw-test-2565")
    client.force_login(user)
    return client


def post_target(client, strategy, value):
    return client.post(
        reverse("admin:plans_strategyindicator_add"),
        {"strategy": strategy.pk, "number": "๑", "text": "ร้อยละของโรงเรียน", "target_value": value},
    )


def test_thai_digits_and_separators_are_saved_as_decimal(admin_client, plan):
    strategy = Strategy.objects.create(plan=plan, number=1, name="กลยุทธ์ทดสอบ")
    response = post_target(admin_client, strategy, "๑,๒๓๔.๕๐")
    assert response.status_code == 302
    indicator = StrategyIndicator.objects.get(strategy=strategy)
    assert (indicator.target_value, indicator.number) == (Decimal("1234.50"), 1)


def test_a_saved_number_is_shown_in_thai_digits_and_a_typed_one_as_typed(admin_client, plan):
    field = ThaiDecimalField(max_digits=14, decimal_places=2)
    assert field.prepare_value(Decimal("1234.5")) == "๑,๒๓๔.๕๐"
    assert field.prepare_value("1234.5") == "1234.5"  # typed: shown again as it was
    assert field.prepare_value(None) is None
    strategy = Strategy.objects.create(plan=plan, number=1, name="กลยุทธ์ทดสอบ")
    post_target(admin_client, strategy, "1234.5")
    indicator = StrategyIndicator.objects.get(strategy=strategy)
    url = reverse("admin:plans_strategyindicator_change", args=[indicator.pk])
    assert 'value="๑,๒๓๔.๕๐"' in admin_client.get(url).content.decode()


@pytest.mark.parametrize("value", ["๑๒ บาทเศษ", "1,2,3"])
def test_a_bad_number_is_refused_and_nothing_saved(admin_client, plan, value):
    strategy = Strategy.objects.create(plan=plan, number=1, name="กลยุทธ์ทดสอบ")
    response = post_target(admin_client, strategy, value)
    assert response.status_code == 200
    assert "กรุณากรอกตัวเลข" in response.content.decode()
    assert not StrategyIndicator.objects.filter(strategy=strategy).exists()


def test_money_is_not_added_in_the_admin_even_by_a_superuser(admin_client, plan):
    project = factories.project(plan)
    response = admin_client.post(
        reverse("admin:budget_projectallocation_add"),
        {"project": project.pk, "number": "๑", "amount": "๑,๐๐๐", "note": ""},
    )
    assert response.status_code == 403
    assert not ProjectAllocation.objects.filter(project=project).exists()
