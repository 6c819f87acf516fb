"""Searching the FY2565 report's data in Thai (search/selectors.py, /search/): real phrases
of the report, words in any order, what must not match, the page, and its query count."""

import re

import pytest
from django.urls import reverse

from demo.users import ensure_demo_users
from plans.models import Membership, Role
from projects.models import Activity, Project
from search.models import Kind, SearchDocument
from search.selectors import PAGE_SIZE, search_for_user
from tests import factories

pytestmark = pytest.mark.django_db
URL = reverse("search:results")


@pytest.fixture
def staff(fy2565_db):
    ensure_demo_users(fy2565_db.office)
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="staff")


def found(user, office, query: str) -> set[tuple[str, str]]:
    """Every result of `query` as (kind, a name of its object)."""
    search = search_for_user(user, office, query, page=1)
    rows = matching_rows(user, office, query) if search.page else []
    return {(d.kind, _name(d)) for d in rows}


def matching_rows(user, office, query):
    from search.selectors import matching
    from search.text import parse_query

    return list(
        matching(
            SearchDocument.objects.visible_to(user).filter(office=office), parse_query(query)
        ).select_related("project")
    )


def _name(document) -> str:
    if document.kind in (Kind.PROJECT, Kind.NARRATIVE, Kind.REPORT):
        return f"project {document.project.number}"
    if document.kind in (Kind.ACTIVITY, Kind.INDICATOR):
        return f"{document.project.number}.{document.number}"
    return document.title


def test_ya_septid_is_found_in_the_narrative_of_the_drug_prevention_project(staff, fy2565_db):
    office = fy2565_db.office
    search = search_for_user(staff, office, "ยาเสพติด")
    narrative = next(r for r in search.page if r.kind == Kind.NARRATIVE)
    assert str(narrative.title) == (
        "โครงการป้องกันและแก้ไขปัญหา<mark>ยาเสพติด</mark>และอบายมุขในสถานศึกษา"
    )
    assert "<mark>ยาเสพติด</mark>" in str(narrative.snippet)
    assert narrative.context == "โครงการที่ ๑ · ปีงบประมาณ พ.ศ. ๒๕๖๕"
    assert narrative.url == "/plans/2565/report/#project-1"  # staff read the annual report
    # The project first (its name holds the word), then its narrative and quarterly report.
    assert [r.kind for r in search.page][:3] == [Kind.PROJECT, Kind.NARRATIVE, Kind.REPORT]
    assert found(staff, office, "ยาเสพติด") == {
        ("project", "project 1"),
        ("narrative", "project 1"),
        ("report", "project 1"),
        ("activity", "1.2"),  # คู่มือต่อต้านภัยยาเสพติด
        ("activity", "1.4"),
        ("activity", "1.5"),
        ("indicator", "1.1"),
    }


# A dozen phrases of the FY2565 report, as a person would type them, and what each must find
# (a subset: the narrative of other projects may hold them too).
PHRASES = {
    "เสพติด": {("activity", "1.2"), ("narrative", "project 1")},  # half of ยาเสพติด
    "ลูกเสือต้านภัยยาเสพติด": {("narrative", "project 1"), ("report", "project 1")},
    "TO BE NUMBER ONE": {("activity", "1.3")},
    "ทุนการศึกษาเฉลิมราชกุมารี": {("activity", "2.1"), ("indicator", "2.1")},
    "นักจิตวิทยา": {("activity", "2.3")},
    "บ้านเรียนหลายตาตะวัน": {("activity", "2.4")},
    "รวมพลังครูเพื่อสร้างศิษย์": {("project", "project 4")},
    "ตรวจสอบภายใน": {("project", "project 12")},
    "คุณธรรมและความโปร่งใส": {("project", "project 14")},
    "ระบบบริหารจัดการภาครัฐ ๔.๐": {("project", "project 8")},
    "โรงเรียนตัวอย่าง ๐๑": {("school", "โรงเรียนตัวอย่าง ๐๑")},
    "โรงเรียนตัวอย่าง 01": {("school", "โรงเรียนตัวอย่าง ๐๑")},  # Arabic digits
    "กีฬาสีต้านภัยยาเสพติด": {("narrative", "project 1")},
    "เฝ้าระวัง": {("narrative", "project 1")},
    "nispa": {("narrative", "project 1")},  # the narrative's NISPA system, lower case
    "โครงการป้องกัน": {("project", "project 1")},  # newmm reads "โครง" "การป้องกัน"
}


@pytest.mark.parametrize("query", PHRASES)
def test_real_phrases_of_the_report_find_what_a_person_expects(staff, fy2565_db, query):
    assert PHRASES[query] <= found(staff, fy2565_db.office, query)


def test_the_schools_of_a_cluster_are_found_by_its_name(staff, fy2565_db):
    schools = found(staff, fy2565_db.office, "สหวิทยาเขตตัวอย่าง ๓")
    expected = set(
        fy2565_db.office.schools.filter(cluster__name="สหวิทยาเขตตัวอย่าง ๓").values_list(
            "name", flat=True
        )
    )
    assert len(expected) == 7
    assert schools == {("school", name) for name in expected}


def test_two_words_are_found_in_any_order(staff, fy2565_db):
    office = fy2565_db.office
    # "คู่มือต่อต้านภัยยาเสพติด": both words, neither next to the other in the query's order.
    assert found(staff, office, "ยาเสพติด คู่มือ") == {("activity", "1.2")}
    assert found(staff, office, "คู่มือ ยาเสพติด") == {("activity", "1.2")}
    # Far apart in the narrative of project 1 (its methods and its results).
    both = found(staff, office, "อบายมุข NISPA")
    assert (
        both
        == found(staff, office, "nispa อบายมุข")
        == {
            ("narrative", "project 1"),
            ("report", "project 1"),
        }
    )


@pytest.mark.parametrize(
    "query",
    [
        "เสพ",  # inside ยาเสพติด, not a word of it
        "ราง",
        "ยาบ้า",  # a drug the report never names
        "ยาเสพติด ราง",  # one word is there, the other not
        "ยาเสพติดบ้า",  # typed together: its words are not both there
    ],
)
def test_what_is_not_in_the_report_is_not_found(staff, fy2565_db, query):
    assert found(staff, fy2565_db.office, query) == set()


def test_the_index_of_the_seed_is_complete(fy2565_db):
    projects = Project.objects.filter(plan=fy2565_db)
    expected = {
        Kind.PROJECT: projects.count(),
        Kind.NARRATIVE: projects.count(),
        Kind.ACTIVITY: Activity.objects.filter(project__plan=fy2565_db).count(),
        Kind.INDICATOR: 51,
        Kind.REPORT: 14,
        Kind.SCHOOL: 57,
    }
    counts = {k: SearchDocument.objects.filter(kind=k).count() for k in Kind.values}
    assert counts == expected


# -- the page -------------------------------------------------------------------------------


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_page_lists_highlighted_results_with_links(client, staff):
    client.force_login(staff)
    response = client.get(URL, {"q": "ยาเสพติด คู่มือ"})
    html = page_text(response)
    assert "พบ ๑ รายการสำหรับ “ยาเสพติด คู่มือ” ในสพม.พิษณุโลก อุตรดิตถ์" in html
    assert (
        '<h2><a href="/plans/2565/report/#project-1"><mark>คู่มือ</mark>ต่อต้านภัย'
        "<mark>ยาเสพติด</mark></a></h2>" in html
    )
    assert "กิจกรรมที่ ๒ · โครงการ ๑. โครงการป้องกันและแก้ไขปัญหายาเสพติด" in html
    # The top bar's box keeps the query.
    assert 'name="q" value="ยาเสพติด คู่มือ"' in html


def test_the_planner_is_linked_to_the_plan_pages(client, fy2565_db):
    ensure_demo_users(fy2565_db.office)
    client.login(username="planner", password="demo-2565")
    html = page_text(client.get(URL, {"q": "คู่มือต่อต้านภัยยาเสพติด"}))
    project = Project.objects.get(plan=fy2565_db, number=1)
    assert f'href="/plan/2565/projects/{project.pk}/#activities"' in html


def test_results_are_filtered_by_kind(client, staff):
    client.force_login(staff)
    html = page_text(client.get(URL, {"q": "ยาเสพติด", "kind": "activity"}))
    assert "พบ ๗ รายการ" in html
    assert 'aria-current="page" data-testid="kind-activity">กิจกรรม (๓)</a>' in html
    assert html.count('class="search-result"') == 3


def test_nothing_found_says_so_in_thai(client, staff):
    client.force_login(staff)
    html = page_text(client.get(URL, {"q": "ยาบ้า"}))
    assert "ไม่พบผลลัพธ์สำหรับ “ยาบ้า”" in html


@pytest.mark.parametrize("query", ["", "   ", "..."])
def test_an_empty_query_asks_for_words(client, staff, query):
    client.force_login(staff)
    html = page_text(client.get(URL, {"q": query}))
    assert 'data-testid="search-empty-query"' in html
    assert "กรุณาพิมพ์คำที่ต้องการค้นหา" in html


def test_the_page_needs_a_sign_in(client):
    response = client.get(URL, {"q": "ยาเสพติด"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_search_box_is_in_the_top_bar_for_signed_in_users_only(client, staff):
    assert 'role="search"' not in client.get(reverse("login")).content.decode()
    client.force_login(staff)
    html = client.get(reverse("notices:list")).content.decode()
    assert '<label for="site-search" class="visually-hidden">' in html
    assert 'role="search"' in html


def test_results_are_paged(client, staff):
    client.force_login(staff)
    first = page_text(client.get(URL, {"q": "การ"}))
    total = SearchDocument.objects.filter(body_tokens__contains=" การ ").count()
    assert total > PAGE_SIZE
    assert first.count('class="search-result"') == PAGE_SIZE
    assert 'href="?page=2&amp;q=%E0%B8%81%E0%B8%B2%E0%B8%A3" rel="next"' in first
    second = page_text(client.get(URL, {"q": "การ", "page": 2}))
    assert "หน้า ๒ จาก" in second


# -- the office boundary and the query count -----------------------------------------------


def office_with_projects(code: str, names: list[str]):
    office = factories.office(code=code, name=f"สำนักงาน {code}")
    plan = factories.plan(office)
    for number, name in enumerate(names, start=1):
        factories.project(plan, number, name=name)
    return office, factories.member(office, f"director-{code}", Role.DIRECTOR)


def test_a_search_never_returns_another_offices_data(client, fy2565_db):
    _other, outsider = office_with_projects("office-b", ["โครงการห้องสมุดมีชีวิต"])
    client.force_login(outsider)
    html = page_text(client.get(URL, {"q": "ยาเสพติด"}))
    assert "ไม่พบผลลัพธ์สำหรับ “ยาเสพติด”" in html  # office A's word, office B's user
    assert search_for_user(outsider, fy2565_db.office, "ยาเสพติด").total == 0
    assert client.get(URL, {"q": "ยาเสพติด", "office": "sec-plkutt"}).status_code == 404
    assert "พบ ๑ รายการ" in page_text(client.get(URL, {"q": "ห้องสมุดมีชีวิต"}))
    # And office A's staff never see office B's project.
    ensure_demo_users(fy2565_db.office)
    client.force_login(fy2565_db.office.memberships.get(user__username="staff").user)
    assert "ไม่พบผลลัพธ์สำหรับ “ห้องสมุดมีชีวิต”" in page_text(client.get(URL, {"q": "ห้องสมุดมีชีวิต"}))


def test_a_member_of_two_offices_searches_the_one_chosen(client, fy2565_db):
    other, _ = office_with_projects("office-b", ["โครงการยาเสพติดของสำนักงานบี"])
    ensure_demo_users(fy2565_db.office)
    director = fy2565_db.office.memberships.get(user__username="director").user
    Membership.objects.create(user=director, office=other, role=Role.DIRECTOR)
    client.force_login(director)
    a = page_text(client.get(URL, {"q": "ยาเสพติด", "office": "sec-plkutt"}))
    assert "พบ ๗ รายการ" in a and "สำนักงานบี" not in a
    b = page_text(client.get(URL, {"q": "ยาเสพติด", "office": "office-b"}))
    assert "พบ ๑ รายการ" in b and "อบายมุข" not in b


@pytest.mark.parametrize("query", ["ยาเสพติด", "ยาเสพติด โครงการ"])
def test_the_page_makes_as_many_queries_for_1_match_as_for_30(
    client, django_assert_max_num_queries, query
):
    counts = []
    for size in (1, 30):
        _office, user = office_with_projects(
            f"office-{size}", [f"โครงการป้องกันยาเสพติด {n}" for n in range(size)]
        )
        client.force_login(user)
        client.get(URL, {"q": query})  # the session's first request
        with django_assert_max_num_queries(100) as captured:
            response = client.get(URL, {"q": query})
        assert f"พบ {size}" in page_text(response).replace("๓๐", "30").replace("๑", "1")
        counts.append(len(captured))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(counts[1]):
        client.get(URL, {"q": query, "page": 2})
