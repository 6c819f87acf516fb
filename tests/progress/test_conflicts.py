"""The second save after a conflict (progress/conflicts.py): the refused save shows, field by
field, what the other person saved beside what this user typed; the user's choices per field
(or for the whole page) are what the next save stores, and nothing is overwritten silently."""

import re
import threading
from decimal import Decimal
from html import unescape

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from progress.models import QuarterlyReport
from tests.progress import factories as pf

pytestmark = pytest.mark.django_db


def report_url(project):
    return reverse("progress:report", args=[project.pk, 1])


def typed(indicators, activity, version, **fields):
    data = {
        "version": str(version),
        "action": "save",
        "work_done": "",
        "problems": "",
        f"value_{indicators[0].pk}": "",
        f"unit_{indicators[0].pk}": "ร้อยละ",
        f"count_{indicators[0].pk}": "",
        f"value_{indicators[1].pk}": "",
        f"unit_{indicators[1].pk}": "คน",
        f"count_{indicators[1].pk}": "",
        f"amount_{activity.pk}": "",
    }
    data.update(fields)
    return data


def post_report(client, project, data: dict):
    """Post the report page's form as a browser does: `data` is given by the report's keys
    (those of the comparison table), laid out in the page's rows."""
    return client.post(report_url(project), pf.report_rows(project, data))


def conflict_rows(html: str) -> dict[str, tuple[str, str]]:
    """Field name -> (what the other person saved, what this user typed) as shown."""
    rows = {}
    for key, theirs, mine in re.findall(
        r'<tr data-field="([^"]+)">.*?<td data-side="theirs">(.*?)</td>\s*'
        r'<td data-side="mine">(.*?)</td>',
        html,
        re.S,
    ):
        rows[key] = (unescape(theirs).strip(), unescape(mine).strip())
    return rows


def version_on_page(html: str) -> str:
    return re.search(r'name="version" value="(\d+)"', html)[1]


@pytest.fixture
def two_people(staff_user, group_director):
    a, b = Client(), Client()
    a.force_login(group_director)
    b.force_login(staff_user)
    return a, b


def test_the_second_saver_sees_the_others_values_beside_theirs_and_chooses_per_field(
    two_people, project, indicators, activity
):
    a, b = two_people
    pf.report(project, 1, version=1, work_done="ฉบับเดิม")
    assert version_on_page(a.get(report_url(project)).content.decode()) == "1"
    assert version_on_page(b.get(report_url(project)).content.decode()) == "1"
    value, amount = f"value_{indicators[0].pk}", f"amount_{activity.pk}"
    first = post_report(
        a,
        project,
        typed(indicators, activity, 1, work_done="ของผู้อำนวยการกลุ่ม", problems="ครูไม่พอ")
        | {value: "๗๐", amount: "๑,๐๐๐"},
    )
    assert first.status_code == 302

    response = post_report(
        b,
        project,
        typed(indicators, activity, 1, work_done="ของเจ้าหน้าที่") | {value: "๘๐", amount: "๒,๐๐๐"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "มีผู้อื่นบันทึกรายงานนี้ก่อนท่าน" in html
    assert conflict_rows(html) == {
        "work_done": ("ของผู้อำนวยการกลุ่ม", "ของเจ้าหน้าที่"),
        "problems": ("ครูไม่พอ", "–"),
        value: ("๗๐", "๘๐"),
        amount: ("๑,๐๐๐", "๒,๐๐๐"),
    }
    assert "ผอ.กลุ่ม" in html or "groupdirector" in html  # who saved first
    report = QuarterlyReport.objects.get(project=project, quarter=1)
    assert (report.version, report.work_done) == (2, "ของผู้อำนวยการกลุ่ม")  # nothing of B's

    # B takes A's narrative and money, keeps their own value and their blank "problems".
    again = typed(indicators, activity, version_on_page(html), work_done="ของเจ้าหน้าที่")
    again |= {value: "๘๐", amount: "๒,๐๐๐", "conflict_version": version_on_page(html)}
    again |= {
        "choice_work_done": "theirs",
        f"choice_{amount}": "theirs",
        f"choice_{value}": "mine",
        "choice_problems": "mine",
    }
    assert post_report(b, project, again).status_code == 302
    report.refresh_from_db()
    assert (report.work_done, report.problems) == ("ของผู้อำนวยการกลุ่ม", "")
    assert report.values.get(indicator=indicators[0]).value == Decimal("80.00")
    assert report.disbursements.get(activity=activity).amount == Decimal("1000.00")
    assert report.version == 3


def test_take_everything_of_the_other_person_with_one_button(
    two_people, project, indicators, activity
):
    a, b = two_people
    value = f"value_{indicators[0].pk}"
    post_report(a, project, typed(indicators, activity, 0, work_done="ของ ก") | {value: "๗๐"})
    html = post_report(
        b, project, typed(indicators, activity, 0, work_done="ของ ข") | {value: "๘๐"}
    ).content.decode()
    data = typed(indicators, activity, version_on_page(html), work_done="ของ ข") | {value: "๘๐"}
    data |= {"conflict_version": version_on_page(html), "conflict_all": "theirs"}
    data.pop("action")  # the page-wide buttons carry their own name
    assert post_report(b, project, data).status_code == 302
    report = QuarterlyReport.objects.get(project=project, quarter=1)
    assert report.work_done == "ของ ก"
    assert report.values.get().value == Decimal("70.00")


def test_two_simultaneous_saves_give_one_save_and_one_conflict_page(
    two_people, project, indicators, activity
):
    """Both pages were opened before either saved (no report yet, version 0)."""
    a, b = two_people
    pages = [c.get(report_url(project)).content.decode() for c in (a, b)]
    assert [version_on_page(p) for p in pages] == ["0", "0"]
    amount = f"amount_{activity.pk}"
    responses = [
        post_report(client, project, typed(indicators, activity, 0, work_done=text) | extra)
        for client, text, extra in (
            (a, "ส่งโดย ก", {amount: "๕๐๐"}),
            (b, "ส่งโดย ข", {amount: "๗๕๐"}),
        )
    ]
    assert [r.status_code for r in responses] == [302, 200]
    rows = conflict_rows(responses[1].content.decode())
    assert rows["work_done"] == ("ส่งโดย ก", "ส่งโดย ข")
    assert rows[amount] == ("๕๐๐", "๗๕๐")
    report = QuarterlyReport.objects.get(project=project, quarter=1)
    assert (report.version, report.work_done) == (1, "ส่งโดย ก")
    assert QuarterlyReport.objects.filter(project=project).count() == 1


def test_choices_made_against_an_older_version_are_refused_again(
    two_people, project, indicators, activity
):
    a, b = two_people
    post_report(a, project, typed(indicators, activity, 0, work_done="ก ครั้งที่ ๑"))
    html = post_report(b, project, typed(indicators, activity, 0, work_done="ข")).content
    html = html.decode()
    # A saves again while B is choosing
    post_report(a, project, typed(indicators, activity, 1, work_done="ก ครั้งที่ ๒"))
    data = typed(indicators, activity, version_on_page(html), work_done="ข")
    data |= {"conflict_version": version_on_page(html), "choice_work_done": "mine"}
    response = post_report(b, project, data)
    assert response.status_code == 200
    assert conflict_rows(response.content.decode())["work_done"] == ("ก ครั้งที่ ๒", "ข")
    assert QuarterlyReport.objects.get(project=project).work_done == "ก ครั้งที่ ๒"


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_queue_one_saves_one_is_shown_the_other(
    staff_user, group_director, project, indicators, activity
):
    """Two people press save at the same instant (threads released together, each with its
    own connection): on SQLite the second waits for the write lock, on PostgreSQL for the
    project's row lock; one save lands and the other gets the conflict page with the first
    one's input beside theirs, never an error page."""
    amount = f"amount_{activity.pk}"
    people = []
    for user, text, money in ((group_director, "ของ ก", "๕๐๐"), (staff_user, "ของ ข", "๗๕๐")):
        client = Client()
        client.force_login(user)
        data = typed(indicators, activity, 0, work_done=text) | {amount: money}
        people.append((client, pf.report_rows(project, data)))
    start = threading.Barrier(len(people))
    outcomes: dict[str, tuple[int, str]] = {}

    def save(client, data):
        try:
            start.wait(timeout=30)
            response = client.post(report_url(project), data)
            outcomes[data["work_done"]] = (response.status_code, response.content.decode())
        except Exception as error:  # counted, never hidden
            outcomes[data["work_done"]] = (0, f"{type(error).__name__}: {error}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=person) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    statuses = sorted(status for status, _ in outcomes.values())
    assert statuses == [200, 302], outcomes
    saved = QuarterlyReport.objects.get(project=project, quarter=1)
    winner = saved.work_done
    loser = next(text for text in outcomes if text != winner)
    assert outcomes[winner][0] == 302
    rows = conflict_rows(outcomes[loser][1])
    assert rows["work_done"] == (winner, loser)
    assert saved.version == 1
