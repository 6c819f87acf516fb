"""One default quarter on every page: the quarter being reported now (issue 12). In the
weeks after a quarter ends, up to its report's deadline, people report the quarter just
ended, so the quarterly reports and the dashboard open there; after the deadline, at the
quarter the day is in."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from plans import thai
from progress.models import ReportDeadline
from progress.selectors import reporting_quarter
from tests.progress import factories as pf

DEADLINES = {
    1: date(2022, 1, 15),
    2: date(2022, 4, 15),
    3: date(2022, 7, 15),
    4: date(2022, 10, 15),
}


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2021, 9, 30), 1),  # before the year: its first quarter
        (date(2021, 10, 5), 1),  # Q1 itself (the previous quarter is another year's)
        (date(2022, 1, 10), 1),  # Q1 ended, its reports are due on 15 January
        (date(2022, 1, 15), 1),
        (date(2022, 1, 16), 2),
        (date(2022, 4, 1), 2),
        (date(2022, 7, 15), 3),
        (date(2022, 9, 30), 4),
        (date(2022, 10, 10), 4),  # the year has ended: its last quarter
    ],
)
def test_the_rule(day, quarter):
    assert thai.default_quarter(2565, day, DEADLINES) == quarter


@pytest.mark.django_db
def test_a_deadline_set_by_planning_moves_it(plan):
    ReportDeadline.objects.create(fiscal_year=plan.fiscal_year, quarter=1, due_on=date(2022, 1, 31))
    assert reporting_quarter(2565, date(2022, 1, 20)) == 1
    assert reporting_quarter(plan.fiscal_year, date(2022, 2, 1)) == 2


@pytest.mark.django_db
def test_the_progress_and_dashboard_pages_open_at_it(client, director, plan, group, monkeypatch):
    pf.reportable_project(plan, group)
    monkeypatch.setattr(timezone, "localdate", lambda: date(2022, 1, 10))
    client.force_login(director)
    mine = client.get(reverse("progress:project_list"), {"year": 2565})
    assert mine.context["quarter"] == 1
    dashboard = client.get(reverse("reports:dashboard"), {"year": 2565})
    assert dashboard.context["filters"].quarter == 1
