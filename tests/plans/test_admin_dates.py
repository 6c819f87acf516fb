"""The admin reads and shows dates in the Buddhist era, as the portal's forms do (issue 12):
"15/11/2565" typed in any date field is 15 November 2022, never the year 2565 C.E."""

from datetime import date

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.test import RequestFactory
from django.urls import reverse

from plans.forms import ThaiDateField
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
