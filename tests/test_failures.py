"""Failures reach someone (issue 14): with DJANGO_ADMINS set, an error the portal logs, a
server error's included, is e-mailed to them; without it nothing is sent."""

import logging

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import path

pytestmark = pytest.mark.django_db


def _boom(request):
    raise RuntimeError("คำนวณไม่สำเร็จ")


urlpatterns = [path("boom/", _boom)]


@override_settings(ADMINS=[("ผู้ดูแลระบบ", "it@example.go.th")], ROOT_URLCONF=__name__)
def test_a_server_error_is_mailed_to_the_admins(admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    assert client.get("/boom/").status_code == 500
    (message,) = mail.outbox
    assert message.to == ["it@example.go.th"]
    assert message.subject.startswith("[ระบบติดตามแผน] ERROR")
    assert "RuntimeError" in message.body and "/boom/" in message.body


@override_settings(ADMINS=[("ผู้ดูแลระบบ", "it@example.go.th")])
def test_an_error_a_background_task_logs_is_mailed_too():
    logging.getLogger("reports.tasks").error("การจัดทำรายงาน PDF ไม่สำเร็จ")
    assert [m.to for m in mail.outbox] == [["it@example.go.th"]]


def test_no_admins_no_mail():
    logging.getLogger("reports.tasks").error("การจัดทำรายงาน PDF ไม่สำเร็จ")
    assert mail.outbox == []
