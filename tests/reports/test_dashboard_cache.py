"""The dashboards' cache (plans/caching.py): a page seen again by the same user costs the
fixed queries of a cache hit, the figures are computed once for every reader of the office,
and every kind of write shows on the very next request (no stale figure)."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from budget import services as budget_services
from config.security import PortalBackend
from plans import versions
from plans.access import Right, offices_with
from plans.models import Membership, Role
from plans.notices import services as notice_services
from progress import services as progress_services
from projects.models import Project
from reports import dashboard_views, printing
from tests import factories
from tests.budget.test_imports import D_HEADERS, entry
from tests.import_steps import import_file, xlsx
from tests.progress import factories as pf

pytestmark = pytest.mark.django_db

# A hit: the session, and the user loaded with their version (their offices' data and their
# notices: config.security.PortalBackend). A test's force_login() signs in through the first
# backend, django-axes's, whose user comes without it: one query more.
HIT_QUERIES = 2
KIND = "report_submitted"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def project(plan, group):
    return pf.reportable_project(plan, group, budget="10000")


@pytest.fixture
def second(plan, group):
    return factories.project(plan, 2, group=group, budget="5000", name="โครงการที่สอง")


@pytest.fixture
def finance(office):
    return factories.member(office, "finance", Role.FINANCE)


def page(client, name="dashboard", **query) -> str:
    target = reverse(f"reports:{name}") + "?" + "&".join(f"{k}={v}" for k, v in query.items())
    response = client.get(target)
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_seen_again_is_a_cache_hit_with_the_same_html(
    client, director, project, django_assert_max_num_queries
):
    director.set_password("pass-2565")
    director.save()
    assert client.login(username=director.username, password="pass-2565")  # as a browser
    first = page(client, "dashboard_projects", quarter=4)  # sets the CSRF cookie
    second = page(client, "dashboard_projects", quarter=4)
    with django_assert_max_num_queries(HIT_QUERIES):
        third = page(client, "dashboard_projects", quarter=4)
    assert (
        first.split('name="csrfmiddlewaretoken"')[0] == third.split('name="csrfmiddlewaretoken"')[0]
    )
    assert second == third
    assert project.name in third


def test_the_figures_are_computed_once_for_every_reader_of_the_office(
    client, director, office, project, monkeypatch
):
    calls = []
    compute = dashboard_views.overview_page
    monkeypatch.setattr(
        dashboard_views, "overview_page", lambda *a, **k: calls.append(1) or compute(*a, **k)
    )
    deputy = factories.member(office, "deputy", Role.DIRECTOR)
    for user in (director, deputy, director):
        client.force_login(user)
        page(client, quarter=4)
        page(client, "dashboard_projects", quarter=4)
    assert len(calls) == 1  # two users, two pages, one computation


def test_an_approved_report_shows_on_the_next_request(
    client, director, staff_user, group_director, project
):
    indicator = project.indicators.get(order=1)
    draft = progress_services.report_save_draft(
        project=project,
        quarter=1,
        user=staff_user,
        version=0,
        narrative={"work_done": "จัดอบรมครู"},
        values={indicator.pk: (Decimal("85.5"), "ร้อยละ", None)},
        amounts={},
    )
    submitted = progress_services.report_submit(report=draft, user=staff_user, version=1)
    client.force_login(director)
    for _ in range(2):
        assert "๘๕.๕๐" not in page(client, "dashboard_indicators", quarter=1)
    progress_services.report_approve(
        report=submitted, user=group_director, version=submitted.version
    )
    assert "๘๕.๕๐" in page(client, "dashboard_indicators", quarter=1)


def test_a_disbursement_and_a_transfer_show_on_the_next_request(
    client, director, planner, finance, project, second
):
    client.force_login(director)
    for _ in range(2):
        before = page(client, "dashboard_projects", quarter=4)
    assert "๑๐,๐๐๐.๐๐" in before and "๑,๒๓๔.๕๐" not in before
    budget_services.disbursement_record(
        project=project, amount=Decimal("1234.50"), paid_on=date(2022, 1, 10), user=finance
    )
    assert "๑,๒๓๔.๕๐" in page(client, "dashboard_projects", quarter=4)
    budget_services.transfer_record(
        from_project=project,
        to_project=second,
        amount=Decimal("1000"),
        transferred_on=date(2022, 2, 1),
        reason="ปรับแผน",
        approved_by="ผู้อำนวยการ",
        user=planner,
    )
    after = page(client, "dashboard_projects", quarter=4)
    assert "๙,๐๐๐.๐๐" in after and "๖,๐๐๐.๐๐" in after


def test_an_import_and_a_plan_edit_show_on_the_next_request(
    client, director, finance, office, project
):
    client.force_login(director)
    for _ in range(2):
        assert "๒,๐๐๐.๐๐" not in page(client, "dashboard_projects", quarter=4)
    importer = factories.member(office, "finance2", Role.FINANCE)
    client.force_login(importer)
    content = xlsx(D_HEADERS, [entry("บจ.9/2565", "2000", project=project.number)])
    assert len(import_file(client, "project-disbursements", office, content).created) == 1
    client.force_login(director)
    assert "๒,๐๐๐.๐๐" in page(client, "dashboard_projects", quarter=4)
    # Any write path, the admin's included: the audit's receivers move the version on.
    renamed = Project.objects.get(pk=project.pk)
    renamed.name = "โครงการที่เปลี่ยนชื่อแล้ว"
    renamed.save()
    assert "โครงการที่เปลี่ยนชื่อแล้ว" in page(client, "dashboard_projects", quarter=4)


def test_a_lost_membership_is_never_answered_from_the_cache(client, director, project):
    client.force_login(director)
    for _ in range(2):
        assert project.name in page(client, "dashboard_projects", quarter=4)
    Membership.objects.get(user=director).delete()
    target = reverse("reports:dashboard_projects") + "?quarter=4"
    assert project.name not in client.get(target).content.decode()


def test_a_new_notice_shows_in_a_cached_page(client, director, office, project):
    client.force_login(director)
    for _ in range(2):
        html = page(client, quarter=4)
    assert "ยังไม่ได้อ่าน" not in html
    notice_services.notify(
        recipients=[director], office_id=office.pk, kind=KIND, text="มีรายงานรอพิจารณา"
    )
    assert "ยังไม่ได้อ่าน </span>๑" in page(client, quarter=4)


@pytest.mark.parametrize("role", list(Role))
def test_the_users_version_reads_the_offices_plans_access_gives_them(office, plan, role):
    """user_version's plain SQL holds to plans.access.offices_with: the same offices."""
    other = factories.office("other-office", "สำนักงานอื่น")
    for each in (office, other):
        versions.bump(each.pk)
    versions.bump(None)
    user = factories.member(office, f"u-{role}", role, factories.work_group(office))
    superuser = get_user_model().objects.create_superuser("root", "root@example.invalid", "x")
    for person in (user, superuser):
        read = {int(part.split(":")[0]) for part in versions.user_version(person).split(",")}
        expected = set(offices_with(person, Right.READ).values_list("pk", flat=True))
        assert read == expected | {0, -1}  # -1: their notices
        # The signed-in user's is the same, loaded with them in one query.
        loaded = PortalBackend().get_user(person.pk)
        assert getattr(loaded, versions.USER_VERSION) == versions.user_version(person)


def test_the_annual_reports_page_is_made_once_per_change(client, director, project, monkeypatch):
    calls = []
    render = printing.annual_report_html
    monkeypatch.setattr(printing, "annual_report_html", lambda r: calls.append(1) or render(r))
    target = reverse("reports:annual_report", args=[2565])
    client.force_login(director)
    first = client.get(target).content.decode()
    assert client.get(target).content.decode() == first and len(calls) == 1
    renamed = Project.objects.get(pk=project.pk)
    renamed.name = "โครงการที่เปลี่ยนชื่อในรายงาน"
    renamed.save()
    assert "โครงการที่เปลี่ยนชื่อในรายงาน" in client.get(target).content.decode()
    assert len(calls) == 2


def test_an_office_chosen_on_a_cached_page_is_remembered(client, director, office, project):
    """A→B→A→B with the header's switcher: the fourth page may come from the cache, and the
    office it chose is still the session's (the menu's links open it)."""
    other = factories.office("other-office", "สำนักงานอื่น")
    other_plan = factories.plan(other)
    factories.project(other_plan, 1, group=factories.work_group(other), name="โครงการของอีกแห่ง")
    Membership.objects.create(user=director, office=other, role=Role.DIRECTOR)
    client.force_login(director)
    for code in (other.code, office.code, other.code):
        page(client, "dashboard_projects", quarter=4, office=code)
    assert "โครงการของอีกแห่ง" in page(client, "dashboard_projects", quarter=4)


def test_a_parameter_no_page_reads_is_never_kept(client, director, project, monkeypatch):
    calls = []
    compute = dashboard_views._overview
    monkeypatch.setattr(dashboard_views, "_overview", lambda s: calls.append(1) or compute(s))
    client.force_login(director)
    for _ in range(3):
        page(client, "dashboard_projects", quarter=4, junk="1")
    assert len(calls) == 3  # figures shared, but no page kept for ?junk=
    for _ in range(3):
        page(client, "dashboard_projects", quarter=4)
    assert len(calls) == 4  # the first view is kept, the next two come from the cache


def test_a_deploy_reads_nothing_the_code_before_it_kept(monkeypatch):
    """Pages and shared data alike are kept under the release: on a shared cache (Redis,
    the database) a new release never reads an entry the old code pickled."""
    from plans import caching

    made = []
    compute = lambda: made.append(1) or len(made)  # noqa: E731
    assert caching.cached("t", "v1", (1,), compute) == 1
    assert caching.cached("t", "v1", (1,), compute) == 1
    monkeypatch.setattr(caching, "RELEASE", "next-release")
    assert caching.cached("t", "v1", (1,), compute) == 2
