"""The FY2565 seed holds the report's year-end results as approved fourth-quarter reports."""

import pytest

from demo.loader import Loader
from indicators.models import IndicatorResult
from progress.models import QuarterlyReport, ReportValue

pytestmark = pytest.mark.django_db


def test_every_project_has_an_approved_q4_report_and_nothing_else(fy2565_db):
    reports = QuarterlyReport.objects.filter(project__plan=fy2565_db)
    assert reports.count() == 14
    assert set(reports.values_list("quarter", "status")) == {(4, "approved")}


def test_report_values_are_the_q4_results(fy2565_db):
    results = IndicatorResult.objects.filter(indicator__project__plan=fy2565_db)
    values = ReportValue.objects.filter(report__project__plan=fy2565_db)
    assert {(r.indicator_id, r.value, r.unit, r.count) for r in results.filter(quarter=4)} == {
        (v.indicator_id, v.value, v.unit, v.count) for v in values
    }
    assert results.exclude(quarter=4).count() == 0


def test_report_narrative_comes_from_the_projects_text(fy2565_db):
    report = QuarterlyReport.objects.get(project__plan=fy2565_db, project__number=1, quarter=4)
    project = report.project
    assert report.work_done == project.methods
    first = project.statements.filter(kind="quantitative").order_by("number").first()
    assert first.text in report.quantitative_results
    assert report.qualitative_results


def test_loading_again_changes_no_report(fy2565_db):
    loader = Loader()
    loader.load()
    assert (loader.stats.created, loader.stats.updated) == (0, 0)


def test_every_seeded_report_page_renders(fy2565_db, admin_client):
    """The seed's reports were submitted by nobody (no user then): the page says "–" rather
    than failing (it answered 500 for every role)."""
    reports = QuarterlyReport.objects.filter(project__plan=fy2565_db).select_related("project")
    for report in reports:
        response = admin_client.get(f"/progress/projects/{report.project_id}/q4/")
        assert response.status_code == 200, report
        assert "โดย –" in response.content.decode()
