"""The next-year pages: preview and confirm, undo with confirmation."""

from decimal import Decimal

import pytest
from django.urls import reverse

from indicators.models import IndicatorResult
from nextyear.models import PlanCopy
from nextyear.services import Part, plan_copy
from plans.forms import issue_token
from plans.models import Plan
from tests import factories


@pytest.fixture
def source(plan, group):
    project = factories.project(plan, 1, group=group, budget="1500")
    factories.activity(project, 1)
    factories.indicator(project, 1, result="50")
    factories.project(plan, 2)
    return plan


def _post(client, user, url, **data):
    client.force_login(user)
    return client.post(url, {"submission_token": issue_token(user), **data})


def test_preview_lists_what_will_be_made(client, source, planner):
    client.force_login(planner)
    response = client.get(reverse("nextyear:preview", args=[2565]))
    text = response.content.decode()
    assert response.status_code == 200
    assert "เริ่มแผนปีงบประมาณ พ.ศ. ๒๕๖๖" in text
    assert "โครงการทดสอบ 1" in text and "โครงการทดสอบ 2" in text
    assert "๑,๕๐๐.๐๐" in text  # the proposal
    assert not Plan.objects.filter(fiscal_year__year=2566).exists()  # a preview writes nothing


def test_confirm_copies_the_checked_parts(client, source, planner):
    url = reverse("nextyear:preview", args=[2565])
    response = _post(client, planner, url, activities="on", indicators="on")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "สร้างแผนปฏิบัติการปีงบประมาณ พ.ศ. ๒๕๖๖ จากแผนปีนี้แล้ว" in page
    assert "๒ โครงการ พร้อมให้แก้ไข" in page
    target = Plan.objects.get(fiscal_year__year=2566)
    assert target.projects.count() == 2
    assert target.projects.get(number=1).activities.count() == 1
    assert target.projects.get(number=1).indicators.count() == 1
    assert not hasattr(target.projects.get(number=1), "budget_proposal")  # not checked
    assert PlanCopy.objects.get().parts == "activities,indicators"


def test_the_same_confirm_posted_twice_copies_once(client, source, planner):
    url = reverse("nextyear:preview", args=[2565])
    client.force_login(planner)
    data = {"submission_token": issue_token(planner), "activities": "on"}
    client.post(url, data)
    response = client.post(url, data, follow=True)
    assert "รายการนี้บันทึกไปแล้ว" in response.content.decode()
    assert Plan.objects.get(fiscal_year__year=2566).projects.count() == 2


@pytest.mark.parametrize("who", ["director", "staff_user"])
def test_read_only_roles_get_403(client, source, who, request):
    user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(reverse("nextyear:preview", args=[2565])).status_code == 403
    response = _post(client, user, reverse("nextyear:preview", args=[2565]), activities="on")
    assert response.status_code == 403
    assert not Plan.objects.filter(fiscal_year__year=2566).exists()


def test_another_offices_planner_gets_404(client, source, outsider):
    client.force_login(outsider)
    assert client.get(reverse("nextyear:preview", args=[2565])).status_code == 404
    response = _post(client, outsider, reverse("nextyear:preview", args=[2565]))
    assert response.status_code == 404
    assert not Plan.objects.filter(fiscal_year__year=2566).exists()


def test_undo_asks_then_deletes(client, source, planner):
    plan_copy(source=source, parts=set(Part), user=planner)
    url = reverse("nextyear:undo", args=[2566])
    client.force_login(planner)
    page = client.get(url).content.decode()
    assert "ยืนยันยกเลิกการคัดลอก" in page and "๒" in page
    assert Plan.objects.filter(fiscal_year__year=2566).exists()  # asking deletes nothing
    response = _post(client, planner, url)
    assert response.status_code == 302
    assert not Plan.objects.filter(fiscal_year__year=2566).exists()


def test_undo_is_refused_in_thai_once_a_result_exists(client, source, planner):
    copy = plan_copy(source=source, parts=set(Part), user=planner)
    indicator = copy.target.projects.get(number=1).indicators.get()
    IndicatorResult.objects.create(indicator=indicator, quarter=1, value=Decimal(1), unit="ร้อยละ")
    url = reverse("nextyear:undo", args=[2566])
    client.force_login(planner)
    assert "มีผลการดำเนินงานของตัวชี้วัดแล้ว" in client.get(url).content.decode()
    response = _post(client, planner, url)
    assert response.status_code == 200
    assert "จึงยกเลิกการคัดลอกไม่ได้" in response.content.decode()
    assert copy.target.projects.count() == 2


def test_undo_of_a_plan_not_copied_is_404(client, source, planner):
    client.force_login(planner)
    assert client.get(reverse("nextyear:undo", args=[2565])).status_code == 404


def test_home_opens_the_newest_year(client, source, planner):
    client.force_login(planner)
    response = client.get(reverse("nextyear:home"))
    assert response["Location"] == reverse("nextyear:preview", args=[2565])


@pytest.mark.parametrize("size", [1, 3])
def test_preview_query_count_does_not_grow(
    client, office, planner, group, size, django_assert_max_num_queries
):
    plan = factories.plan(office)
    for n in range(1, size + 1):
        project = factories.project(plan, n, group=group, budget="10")
        factories.activity(project, 1)
        factories.indicator(project, 1)
    client.force_login(planner)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("nextyear:preview", args=[2565])).status_code == 200


def test_the_planner_sets_the_proposals(client, source, planner):
    copy = plan_copy(source=source, parts=set(Part), user=planner)
    first, second = copy.target.projects.order_by("number")
    url = reverse("nextyear:proposals", args=[2566])
    client.force_login(planner)
    page = client.get(url).content.decode()
    assert "๑,๕๐๐.๐๐" in page and "ไม่ใช่ยอดจัดสรร" in page
    data = {
        "office": source.office.code,
        "rows-TOTAL_FORMS": "2",
        "rows-INITIAL_FORMS": "2",
        "rows-0-key": str(first.pk),
        "rows-0-amount": "๒,๐๐๐.๕๐",
        "rows-1-key": str(second.pk),
        "rows-1-amount": "",
    }
    assert client.post(url, data).status_code == 302
    assert first.budget_proposal.__class__.objects.get(project=first).amount == Decimal("2000.50")
    bad = client.post(url, {**data, "rows-0-amount": "-๕"})
    assert bad.status_code == 200 and "rows-0-amount" in bad.content.decode()


@pytest.mark.parametrize("who", ["director", "outsider"])
def test_others_cannot_set_proposals(client, source, planner, who, request):
    plan_copy(source=source, parts=set(Part), user=planner)
    client.force_login(request.getfixturevalue(who))
    status = client.get(reverse("nextyear:proposals", args=[2566])).status_code
    assert status == (403 if who == "director" else 404)
