"""Error pages in Thai, in the portal's look, with the right status, as production serves
them (DEBUG off): 400, 403, 404, 500 and a form posted without its CSRF token."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import path, reverse
from django.views.defaults import server_error

from config.urls import urlpatterns as portal_urlpatterns
from tests import factories


def _forbidden(request):
    raise PermissionDenied


def _crash(request):
    raise RuntimeError("a bug")


# This module is the URLconf of the tests marked with it: the portal's routes plus two views
# that fail the way real views can.
urlpatterns = [
    *portal_urlpatterns,
    path("test-forbidden/", _forbidden),
    path("test-crash/", _crash),
]

PORTAL_TITLE = "ระบบติดตามแผนปฏิบัติการประจำปี"


@pytest.fixture(autouse=True)
def production_errors(settings):
    settings.DEBUG = False


def _page(response) -> str:
    html = response.content.decode()
    assert '<html lang="th">' in html
    assert PORTAL_TITLE in html
    assert "css/app.css" in html  # the portal's look, not Django's bare page
    return html


@pytest.mark.django_db
def test_missing_page_is_a_thai_404(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = _page(response)
    assert "ไม่พบหน้าที่ต้องการ" in html and "๔๐๔" in html
    assert "Not Found" not in html
    assert "ออกจากระบบ" in html  # a signed-in user keeps the portal's menu


@pytest.mark.django_db
def test_missing_page_is_a_thai_404_for_anonymous_too(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "ไม่พบหน้าที่ต้องการ" in _page(response)


@pytest.mark.django_db
def test_another_offices_object_is_a_thai_404(client, outsider, plan, group):
    project = factories.project(plan, 1, group=group, budget="1000.00")
    client.force_login(outsider)
    response = client.get(reverse("budget:project_ledger", args=[2565, project.pk]))
    assert response.status_code == 404
    assert "Not Found" not in _page(response)


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_permission_denied_is_a_thai_403(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/test-forbidden/")
    assert response.status_code == 403
    html = _page(response)
    assert "ท่านไม่มีสิทธิ์ดำเนินการนี้" in html and "๔๐๓" in html
    assert "Forbidden" not in html


@pytest.mark.django_db
def test_bad_request_is_a_thai_400(client):
    response = client.get("/", HTTP_HOST="attacker.example")  # a host not allowed
    assert response.status_code == 400
    html = _page(response)
    assert "คำขอไม่ถูกต้อง" in html and "๔๐๐" in html
    assert "Bad Request" not in html


@pytest.mark.django_db
def test_form_without_csrf_token_gets_the_thai_csrf_page(staff_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    response = client.post(reverse("logout"))
    assert response.status_code == 403
    html = _page(response)
    assert "ส่งแบบฟอร์มไม่สำเร็จ" in html and "ยังไม่ได้บันทึก" in html
    assert "CSRF" not in html and "Forbidden" not in html


@pytest.mark.django_db
def test_sign_in_without_csrf_cookie_gets_the_thai_csrf_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "ส่งแบบฟอร์มไม่สำเร็จ" in _page(response)


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_server_error_is_a_thai_500(staff_user):
    client = Client(raise_request_exception=False)
    client.force_login(staff_user)
    response = client.get("/test-crash/")
    assert response.status_code == 500
    html = _page(response)
    assert "ระบบขัดข้องชั่วคราว" in html and "๕๐๐" in html
    assert "Server Error" not in html and "a bug" not in html


@pytest.mark.django_db
def test_500_page_needs_neither_request_context_nor_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert "ระบบขัดข้องชั่วคราว" in _page(response)
