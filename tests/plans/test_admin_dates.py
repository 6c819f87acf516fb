"""The admin reads and shows dates in the Buddhist era, as the portal's forms do (issue 12):
"15/11/2565" typed in any date field is 15 November 2022, never the year 2565 C.E."""

from datetime import date

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from plans.forms import ThaiDateField
from plans.thai import format_thai_date
from progress.models import ReportDeadline
from tests import factories

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"plans", "projects", "indicators", "budget", "progress", "reports"}


def _date_fields():
    """(model, field name) of every date field (not date-time) of the project's models."""
    return [
        (model, field.name)
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        for field in model._meta.fields
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)
    ]


def test_the_project_has_date_fields_and_each_is_in_the_admin():
    fields = _date_fields()
    assert len(fields) >= 8
    assert all(model in admin.site._registry for model, _ in fields)


@pytest.mark.parametrize(("model", "name"), _date_fields(), ids=lambda v: getattr(v, "__name__", v))
def test_every_admin_date_field_reads_and_shows_buddhist_era(admin_user, model, name):
    request = RequestFactory().get("/")
    request.user = admin_user
    model_admin = admin.site._registry[model]
    db_field = model._meta.get_field(name)
    field = model_admin.formfield_for_dbfield(db_field, request)
    assert isinstance(field, ThaiDateField)
    assert field.clean("15/11/2565") == date(2022, 11, 15)
    assert field.clean("๑๕/๑๑/๒๕๖๕") == date(2022, 11, 15)
    assert field.prepare_value(date(2021, 10, 1)) == "๑/๑๐/๒๕๖๔"
    with pytest.raises(Exception, match="พุทธศักราช"):
        field.clean("15/11/2022")


def test_a_date_typed_in_the_admin_is_saved_as_buddhist_era_and_listed_so(admin_client):
    year = factories.fiscal_year(2566)
    response = admin_client.post(
        reverse("admin:progress_reportdeadline_add"),
        {"fiscal_year": year.pk, "quarter": "1", "due_on": "15/1/2566"},
    )
    assert response.status_code == 302, response.content.decode()
    assert ReportDeadline.objects.get().due_on == date(2023, 1, 15)
    listing = admin_client.get(reverse("admin:progress_reportdeadline_changelist"))
    page = listing.content.decode()
    assert "๑๕ ม.ค. ๒๕๖๖" in page
    assert "2023" not in page
    change = admin_client.get(
        reverse("admin:progress_reportdeadline_change", args=[ReportDeadline.objects.get().pk])
    ).content.decode()
    assert 'value="๑๕/๑/๒๕๖๖"' in change


def test_read_only_dates_and_times_in_the_admin_are_buddhist_era(admin_client):
    """A service-written row is shown read-only: its date and its time stamp in B.E."""
    from tests.budget import factories as money

    plan = factories.plan(factories.office())
    paid = money.disbursement(factories.project(plan), "1000", paid_on=date(2022, 1, 15))
    page = admin_client.get(
        reverse("admin:budget_projectdisbursement_change", args=[paid.pk])
    ).content.decode()
    assert "๑๕ ม.ค. ๒๕๖๕" in page
    assert "2022" not in page
    rows = admin_client.get(reverse("admin:plans_auditentry_changelist")).content.decode()
    rows = rows.split("<tbody>")[1].split("</tbody>")[0]  # the audit entries of the writes
    today = timezone.localdate()
    assert format_thai_date(today, month="short") in rows
    assert str(today.year) not in rows


def test_dated_lists_filter_by_buddhist_fiscal_year_not_a_christian_calendar(admin_client):
    from tests.budget import factories as money

    project = factories.project(factories.plan(factories.office()))
    money.disbursement(project, "1000", paid_on=date(2022, 1, 15))  # FY2565
    money.disbursement(project, "2000", paid_on=date(2022, 10, 3))  # FY2566
    url = reverse("admin:budget_projectdisbursement_changelist")
    page = admin_client.get(url).content.decode()
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๖" in page and "ปีงบประมาณ พ.ศ. ๒๕๖๕" in page
    assert ">2022<" not in page and "2022-" not in page
    only = admin_client.get(url, {"fiscal_year": "2566"}).content.decode()
    assert "๓ ต.ค. ๒๕๖๕" in only and "๑๕ ม.ค. ๒๕๖๕" not in only
    audit = admin_client.get(reverse("admin:plans_auditentry_changelist"), {"fiscal_year": "2566"})
    assert audit.status_code == 200
