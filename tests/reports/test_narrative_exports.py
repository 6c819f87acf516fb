"""The projects' printed narrative as Excel (the planning group's narrative list): each
project's sections as the report prints them and where each comes from; planning only."""

import pytest
from django.urls import reverse

from progress import narrative
from progress.models import QuarterlyReport
from tests import factories, xlsx
from tests.progress.factories import report
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db
URL = reverse("reports:narrative_xlsx", args=[2565])
APPROVED = QuarterlyReport.Status.APPROVED


def _build(plan, group, size):
    for number in range(1, size + 1):
        project = factories.project(plan, number, group=group, budget="1000")
        report(
            project,
            1,
            status=APPROVED,
            work_done="อบรมครูแกนนำ",
            problems="=เวลาไม่พอ\nงบประมาณล่าช้า",
        )
        report(project, 2, work_done="ร่างที่ยังไม่ส่ง")


def test_the_workbook_prints_what_the_report_prints(client, plan, group, planner):
    _build(plan, group, 1)
    client.force_login(planner)
    page = client.get(reverse("reports:narrative_list", args=[2565])).content.decode()
    assert URL in page and "ส่งออก Excel" in page
    response = client.get(URL)
    assert 'filename="test-office-2565-narratives.xlsx"' in response["Content-Disposition"]
    sheet = xlsx.book(response).active
    assert xlsx.headers(sheet) == ["ที่", "โครงการ", "หัวข้อ", "ที่มา", "ข้อความที่พิมพ์"]
    rows = xlsx.body(sheet)
    story = narrative.plan_narratives(plan)[0][1]
    assert [r[2].value for r in rows] == [s.title for s in story.sections]
    problems = next(r for r in rows if r[2].value == story.section("problems").title)
    assert problems[3].value == story.section("problems").source
    assert problems[4].value == "\n".join(story.section("problems").items)
    assert problems[4].alignment.wrap_text
    texts = " ".join(str(r[4].value) for r in rows)
    assert "อบรมครูแกนนำ" in texts and "ร่างที่ยังไม่ส่ง" not in texts


def test_others_are_refused(client, plan, group, director, outsider):
    _build(plan, group, 1)
    client.force_login(director)
    assert client.get(URL).status_code == 403
    client.force_login(outsider)
    assert client.get(URL).status_code == 404


@pytest.mark.parametrize("size", [1, 4])
def test_a_fixed_number_of_queries(
    client, plan, group, planner, size, django_assert_max_num_queries
):
    _build(plan, group, size)
    client.force_login(planner)
    client.get(reverse("reports:home"))  # the session's first write
    with django_assert_max_num_queries(8 + REQUEST_EXTRA):
        response = client.get(URL)
    assert len({r[0] for r in xlsx.values(xlsx.book(response).active)}) == size
