"""The one set of access predicates (plans/access.py) and the office a page is about."""

import pytest
from django.urls import reverse

from plans.access import Right, offices_with, rights_for
from plans.models import Membership, Role
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "rights"),
    [
        (Role.STAFF, {Right.READ}),
        (Role.GROUP_DIRECTOR, {Right.READ}),
        (
            Role.PLANNING,
            {
                Right.READ,
                Right.MANAGE_PLAN,
                Right.EDIT_ALL_REPORTS,
                Right.REOPEN_REPORTS,
                Right.FOLLOW_UP,
                Right.PLAN_BUDGET,
            },
        ),
        (Role.FINANCE, {Right.READ, Right.PLAN_BUDGET, Right.OFFICE_BUDGET, Right.CORRECT_LEDGER}),
        (Role.DIRECTOR, {Right.READ, Right.DECIDE_ALL_REPORTS, Right.FOLLOW_UP}),
        (Role.ADMIN, set(Right)),
    ],
)
def test_each_role_holds_its_rights_in_its_office_only(office, group, role, rights):
    user = factories.member(office, "someone", role, group)
    other = factories.office(code="other")
    assert {r for r in Right if r in rights_for(user, office)} == rights
    assert not any(r in rights_for(user, other) for r in Right)
    assert list(offices_with(user, Right.READ)) == [office]


def test_group_roles_act_in_their_own_group(office, group, other_group):
    staff = factories.member(office, "staff", Role.STAFF, group)
    boss = factories.member(office, "boss", Role.GROUP_DIRECTOR, group)
    assert rights_for(staff, office).can_edit_reports_of(group.pk)
    assert not rights_for(staff, office).can_decide_reports_of(group.pk)
    assert rights_for(boss, office).can_decide_reports_of(group.pk)
    assert not rights_for(boss, office).can_edit_reports_of(other_group.pk)


def test_an_inactive_or_anonymous_user_has_no_right(office, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    user = factories.member(office, "gone", Role.ADMIN)
    user.is_active = False
    user.save()
    assert not any(r in rights_for(user, office) for r in Right)
    assert not any(r in rights_for(AnonymousUser(), office) for r in Right)


@pytest.fixture
def two_offices(db):
    first = factories.office(code="first", name="สำนักงานแรก")
    second = factories.office(code="second", name="สำนักงานที่สอง")
    for office, name in ((first, "โครงการของสำนักงานแรก"), (second, "โครงการของสำนักงานที่สอง")):
        factories.project(factories.plan(office, 2565), 1, name=name, budget="1000")
    return first, second


@pytest.mark.parametrize("superuser", [False, True])
def test_a_user_of_two_offices_reaches_each(client, two_offices, superuser, django_user_model):
    first, second = two_offices
    user = django_user_model.objects.create_user("both", password="pw", is_superuser=superuser)
    if not superuser:
        Membership.objects.create(user=user, office=first, role=Role.DIRECTOR)
        Membership.objects.create(user=user, office=second, role=Role.DIRECTOR)
    client.force_login(user)
    for url in (
        reverse("budget:overview", args=[2565]),
        reverse("reports:plan_summary", args=[2565]),
        reverse("reports:annual_report", args=[2565]),
        reverse("reports:dashboard_projects"),
        reverse("progress:follow_up"),
    ):
        page = client.get(url, {"office": "second"}).content.decode()
        assert "โครงการของสำนักงานที่สอง" in page, url
        assert "โครงการของสำนักงานแรก" not in page, url
        # The choice is remembered for the session, and can be changed back.
        assert "โครงการของสำนักงานที่สอง" in client.get(url).content.decode(), url
        page = client.get(url, {"office": "first"}).content.decode()
        assert "โครงการของสำนักงานแรก" in page, url
    header = client.get(reverse("budget:overview", args=[2565])).content.decode()
    assert 'name="office"' in header  # the switcher, for a user of several offices


def test_another_office_in_the_url_is_not_found(client, two_offices, django_user_model):
    first, _second = two_offices
    user = factories.member(first, "one", Role.DIRECTOR)
    client.force_login(user)
    url = reverse("budget:overview", args=[2565])
    assert client.get(url, {"office": "second"}).status_code == 404
    page = client.get(url).content.decode()
    assert "โครงการของสำนักงานแรก" in page
    assert 'name="office"' not in page  # one office: no switcher


def test_a_form_of_one_office_saves_into_that_office_after_switching(client, two_offices):
    """A finance officer of two offices opens the instalment form of the first, switches to
    the second in another tab, then submits the first tab: the money goes to the first."""
    from budget.models import OfficeAllocation
    from plans.forms import issue_token
    from tests.budget import factories as money

    first, second = two_offices
    user = factories.member(first, "finance", Role.FINANCE)
    Membership.objects.create(user=user, office=second, role=Role.FINANCE)
    client.force_login(user)
    url = reverse("budget:office_allocation_add", args=[2565])
    form = client.get(url, {"office": "first"}).content.decode()
    assert 'name="office" value="first"' in form
    client.get(reverse("budget:overview", args=[2565]), {"office": "second"})  # other tab
    data = {
        "category": money.category().pk,
        "amount": "๑,๐๐๐",
        "received_on": "๑/๑๒/๒๕๖๔",
        "submission_token": issue_token(user),
    }
    assert client.post(url, {**data, "office": "first"}).status_code == 302
    assert OfficeAllocation.objects.get(office=first).amount == 1000
    assert not OfficeAllocation.objects.filter(office=second).exists()
    # A post that does not say its office is refused, not guessed.
    data["submission_token"] = issue_token(user)
    response = client.post(url, data)
    assert response.status_code == 400
    assert OfficeAllocation.objects.filter(office__in=two_offices).count() == 1
