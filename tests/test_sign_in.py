"""Signing in: a username is locked from an address after five failed attempts (Thai page,
even the right password is refused until the cool-off ends), and a session ends after
30 idle minutes and with the browser."""

import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from config.security import forwarded_client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "pw-test-2565"  # tests/factories.py member()


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail(client, username, times, address="10.0.0.1"):
    return [sign_in(client, username, "wrong", address).status_code for _ in range(times)]


def test_four_failures_then_the_right_password_signs_in(client, staff_user):
    assert fail(client, "staff", 4) == [200] * 4
    response = sign_in(client, "staff", PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_the_fifth_failure_locks_even_the_right_password_out(client, staff_user):
    assert fail(client, "staff", 4) == [200] * 4
    fifth = sign_in(client, "staff", "wrong")
    assert fifth.status_code == 429
    html = fifth.content.decode()
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in html
    assert "ครบ ๕ ครั้ง" in html and "๑๕ นาที" in html
    assert '<html lang="th">' in html and "css/app.css" in html

    right = sign_in(client, "staff", PASSWORD)
    assert right.status_code == 429
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in right.content.decode()
    assert not signed_in(client)


def test_a_failed_sign_in_checks_the_password_once(client, staff_user, monkeypatch):
    """Two backends read the portal's passwords (PortalBackend, and Django's ModelBackend
    for older sessions): a wrong password is hashed by the first only."""
    from django.contrib.auth import get_user_model

    checks = []
    check = get_user_model().check_password
    monkeypatch.setattr(
        get_user_model(), "check_password", lambda user, raw: checks.append(1) or check(user, raw)
    )
    assert fail(client, "staff", 1) == [200] and len(checks) == 1
    assert AccessAttempt.objects.get(username="staff").failures_since_start == 1
    assert sign_in(client, "staff", PASSWORD).status_code == 302 and signed_in(client)


def test_the_lockout_is_of_that_username_from_that_address(client, staff_user, planner):
    fail(client, "staff", 5, address="10.0.0.1")
    assert sign_in(client, "planner", PASSWORD, address="10.0.0.1").status_code == 302
    client.logout()
    assert sign_in(client, "staff", PASSWORD, address="10.0.0.2").status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, staff_user):
    fail(client, "staff", 5)
    assert sign_in(client, "staff", PASSWORD).status_code == 429
    # Sixteen minutes later (the cool-off is fifteen).
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, "staff", PASSWORD).status_code == 302
    assert signed_in(client)


def test_the_admin_sign_in_is_locked_too(client, staff_user):
    url = reverse("admin:login")
    for _ in range(5):
        response = client.post(url, {"username": "staff", "password": "wrong"})
    assert response.status_code == 429
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in response.content.decode()


def test_behind_the_proxy_the_address_is_the_one_the_proxy_appended():
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="127.0.0.1"
    )
    assert forwarded_client_ip(request) == "203.0.113.7"
    assert forwarded_client_ip(RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"


# -- sessions ------------------------------------------------------------------------------


def _session(client) -> Session:
    return Session.objects.get(session_key=client.cookies["sessionid"].value)


def test_the_session_cookie_ends_with_the_browser(client, staff_user):
    response = sign_in(client, "staff", PASSWORD)
    cookie = response.cookies["sessionid"]
    assert cookie.value
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert cookie["httponly"]


def test_the_session_lasts_thirty_idle_minutes(client, staff_user):
    sign_in(client, "staff", PASSWORD)
    left = _session(client).expire_date - timezone.now()
    assert timedelta(minutes=29) < left <= timedelta(minutes=30)


def test_each_request_moves_the_idle_expiry_on(client, staff_user, monkeypatch):
    sign_in(client, "staff", PASSWORD)
    # As if the user had been idle for 25 minutes: five minutes left.
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=5))
    later = time.time() + 25 * 60
    monkeypatch.setattr("config.security.time.time", lambda: later)
    client.get(reverse("budget:home"))
    assert signed_in(client)
    left = _session(client).expire_date - timezone.now()
    assert left > timedelta(minutes=29)


def test_a_second_request_within_the_minute_does_not_write_the_session(client, staff_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sign_in(client, "staff", PASSWORD)
    client.get(reverse("budget:home"))  # moves the expiry on
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("budget:home"))
    assert not [
        q
        for q in queries.captured_queries
        if "django_session" in q["sql"] and q["sql"].lstrip().upper().startswith("UPDATE")
    ]
