"""Every model has an admin page in Thai that the planning staff can search and filter."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from demo.users import ensure_demo_users
from plans.models import Office

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("plans", "projects", "indicators", "budget")


def test_every_model_is_registered():
    missing = [
        model._meta.label
        for app in PROJECT_APPS
        for model in apps.get_app_config(app).get_models()
        if not admin.site.is_registered(model)
    ]
    assert missing == []


def test_planner_opens_every_changelist_with_the_seed(client, fy2565_db):
    ensure_demo_users(Office.objects.get(code="sec-plkutt"))
    client.login(username="planner", password="demo-2565")
    # The office administrator's (memberships, the trail) and the superuser's (used form
    # tokens, the data version counters), not the planner's.
    people = {
        "membership", "auditentry", "submissiontoken", "dataversion", "notice", "noticepreference"
    }  # fmt: skip
    for app in PROJECT_APPS:
        for model in apps.get_app_config(app).get_models():
            url = reverse(f"admin:{app}_{model._meta.model_name}_changelist")
            response = client.get(url, {"q": "ก"})
            if model._meta.model_name in people:
                assert response.status_code == 403, url
                continue
            assert response.status_code == 200, url
            assert model._meta.verbose_name_plural in response.content.decode()


def test_finance_sees_budget_only(client, fy2565_db):
    ensure_demo_users(Office.objects.get(code="sec-plkutt"))
    client.login(username="finance", password="demo-2565")
    assert client.get(reverse("admin:budget_officeallocation_changelist")).status_code == 200
    assert client.get(reverse("admin:projects_project_changelist")).status_code == 403


def test_staff_has_no_admin(client, fy2565_db):
    ensure_demo_users(Office.objects.get(code="sec-plkutt"))
    client.login(username="staff", password="demo-2565")
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
