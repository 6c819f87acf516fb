"""The dashboard in a real browser: a director opens it, changes a filter, follows a tile
to its list, sees a chart drawn, and a full-page screenshot is kept for the README."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from demo.loader import Loader
from plans.models import Role
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The README's picture; a run writes it there only when asked (UPDATE_SCREENSHOTS=1), so
# that running the suite leaves the work tree clean.
SCREENSHOT = Path(settings.BASE_DIR) / "docs" / "screenshots" / "dashboard.png"


def test_director_reads_the_dashboard(live_server, page: Page, tmp_path):
    plan = Loader().load()
    factories.member(plan.office, "director", Role.DIRECTOR)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("director")
    page.get_by_label("รหัสผ่าน").fill("pw-test-2565")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()

    page.get_by_role("link", name="แดชบอร์ด").click()
    page.get_by_label("ข้อมูลถึง").select_option("4")  # submits the form by itself
    expect(page).to_have_url(f"{live_server.url}/dashboard/?year=2565&quarter=4&area=&group=")
    expect(page.get_by_test_id("achieved")).to_contain_text("๔๙ / ๕๑")
    expect(page.get_by_test_id("achieved")).to_contain_text("ร้อยละ ๙๖.๐๘")
    expect(page.get_by_test_id("allocated")).to_contain_text("๓๑๘,๒๒๓,๙๓๘.๐๐")

    chart = page.locator("#chart-verdicts canvas")
    expect(chart).to_have_attribute("data-drawn", "true")
    assert page.evaluate("Object.keys(Chart.instances).length") == 3
    painted = page.evaluate(
        """() => {
          const c = document.querySelector('#chart-verdicts canvas');
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++;
          return n;
        }"""
    )
    assert painted > 1000  # pixels drawn on the canvas
    # Each verdict and project status in its own colour, found by the code the server sends.
    borders = """(id) => Chart.getChart(document.querySelector(`#${id} canvas`))
        .data.datasets[0].borderColor"""
    assert page.evaluate(borders, "chart-verdicts") == [
        "#1b7a3d",
        "#b3261e",
        "#8a94a3",
        "#5b7fa6",
    ]
    assert page.evaluate(borders, "chart-statuses") == ["#1b7a3d", "#e69f00", "#b3261e"]
    page.locator("#chart-verdicts summary").click()
    expect(page.locator("#chart-verdicts table")).to_contain_text("ยังไม่รายงาน")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_timeout(300)
    page.locator("#chart-verdicts summary").click()  # closed again for the picture
    screenshot = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path / "dashboard.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 50_000  # a page with charts, not a blank one

    page.get_by_label("ด้านนโยบาย").select_option("4")
    expect(page.get_by_test_id("achieved")).to_contain_text("๑๖ / ๑๗")
    page.get_by_test_id("not-achieved").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ไม่บรรลุ")
    expect(page.get_by_test_id("count")).to_have_text("(๑ ตัวชี้วัด)")
    page.get_by_role("link", name="๙. ").first.click()
    expect(page.locator("#chart-indicators canvas")).to_have_attribute("data-drawn", "true")
