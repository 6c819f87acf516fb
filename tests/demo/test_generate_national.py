"""The national-scale synthetic data set, at a tiny size: exact row counts, deterministic,
refused twice, and the dashboard reads it in the same number of queries."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from budget.models import ProjectDisbursement
from indicators.models import Indicator, IndicatorResult
from plans.models import GradeEnrolment, Office, School
from projects.models import Activity, Project
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db


def generate(**sizes):
    call_command("generate_national_data", **{"offices": 3, "projects": 2, "schools": 10, **sizes})


def test_generates_the_asked_sizes(capsys):
    generate()
    assert Office.objects.filter(code__startswith="syn-").count() == 3
    synthetic = {"plan__office__code__startswith": "syn-"}
    assert Project.objects.filter(**synthetic).count() == 6
    assert Activity.objects.filter(project__plan__office__code__startswith="syn-").count() == 18
    assert Indicator.objects.filter(project__plan__office__code__startswith="syn-").count() == 30
    assert (
        ProjectDisbursement.objects.filter(project__plan__office__code__startswith="syn-").count()
        == 18
    )
    schools = School.objects.filter(office__code__startswith="syn-")
    assert schools.count() == 10
    assert schools.filter(office__code="syn-001").count() == 4
    assert (
        GradeEnrolment.objects.filter(school_year__school__office__code__startswith="syn-").count()
        == 60
    )
    assert "bench-director" in capsys.readouterr().out


def test_same_seed_same_rows():
    generate()
    results = IndicatorResult.objects.filter(
        indicator__project__plan__office__code__startswith="syn-"
    ).order_by("pk")
    first = list(results.values_list("quarter", "value"))
    assert len(first) > 20
    Project.objects.filter(plan__office__code__startswith="syn-").delete()  # they protect groups
    Office.objects.filter(code__startswith="syn-").delete()
    generate()
    assert list(results.values_list("quarter", "value")) == first


def test_refuses_a_database_that_has_it_already():
    generate()
    with pytest.raises(CommandError):
        generate()


@pytest.mark.parametrize("offices", [1, 4])
def test_dashboard_queries_do_not_grow_with_the_data(
    client, offices, django_assert_max_num_queries
):
    generate(offices=offices, projects=3, schools=offices * 5)
    client.login(username="bench-director", password="bench-2567")
    for name in ("reports:dashboard", "reports:dashboard_schools", "reports:dashboard_areas"):
        with django_assert_max_num_queries(15 + REQUEST_EXTRA):
            assert client.get(reverse(name)).status_code == 200
