"""In a real browser, the Content-Security-Policy blocks nothing the portal itself uses: no
page reports a violation (a blocked script or style fails silently, so it is looked for),
and the dashboard's charts are still drawn. Signing in goes through the lockout backend."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_no_page_breaks_the_content_security_policy(live_server, page: Page):
    office = factories.office()
    plan = factories.plan(office)
    group = factories.work_group(office)
    project = factories.project(plan, 1, group=group, budget="100000.00")
    factories.indicator(project, result="80")
    get_user_model().objects.create_superuser("admin", password="pw-test-2565")
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("admin")
    page.get_by_label("รหัสผ่าน").fill("pw-test-2565")
    page.get_by_label("รหัสผ่าน").press("Enter")
    expect(page.get_by_role("button", name="ออกจากระบบ")).to_be_visible()

    for path in [
        "/",
        "/plans/2565/",
        "/plans/2565/report/",
        "/dashboard/",
        "/budget/2565/",
        f"/budget/2565/projects/{project.pk}/",
        "/progress/",
        "/admin/",
        "/admin/projects/project/",
        f"/admin/projects/project/{project.pk}/change/",
        "/no-such-page/",
    ]:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.locator("canvas[data-drawn=true]").first).to_be_attached()
    assert violations == []
