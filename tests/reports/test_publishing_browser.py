"""Publishing in a real browser (Debian's Chromium): a planner publishes the annual report
and a second document of the registry; an anonymous visitor opens the office's public page,
sees both with their Buddhist-era dates, downloads each, and is sent to sign in for
everything else; after a withdrawal with a reason, the page says so and the address answers
410 (issue 17, "Done when"). The pages fit 1,366 px and a 390 px phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from plans.models import Role
from plans.thai import format_thai_date
from reports import documents
from tests import factories
from tests.test_trust_browser import WIDE, shoot, sign_in  # noqa: F401 -- shoot is a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def second_document(monkeypatch):
    """Another document of the registry (the action plan, in the registry's real life)."""

    def pdf(plan):
        return b"%PDF-1.4\n% action plan of " + plan.office.code.encode() + b"\n%%EOF\n"

    found = documents.Document(
        "action-plan-test", "แผนปฏิบัติการประจำปี (ทดสอบ)", lambda plan: "<p>แผน</p>", pdf
    )
    monkeypatch.setitem(documents.DOCUMENTS, found.slug, found)
    return found


def test_anonymous_visitor_reads_what_was_published_and_nothing_else(
    live_server,
    browser: Browser,
    settings,
    tmp_path,
    second_document,
    shoot,  # noqa: F811
):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path / "media"
    office = factories.office(code="sec-test", name="สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาทดสอบ")
    plan = factories.plan(office)
    group = factories.work_group(office)
    project = factories.project(plan, 1, group=group, budget="375000")
    factories.indicator(project, 1, target="80", result="85")
    factories.member(office, "planner", Role.PLANNING)

    planner = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    sign_in(planner, live_server.url, "planner", "/plans/2565/")
    planner.get_by_test_id("publishing-link").click()
    expect(planner.get_by_role("heading", level=1)).to_have_text(
        "เผยแพร่เอกสารต่อสาธารณะ ปีงบประมาณ พ.ศ. ๒๕๖๕"
    )
    for found in (documents.document("annual-report"), second_document):
        card = planner.get_by_test_id(f"document-{found.slug}")
        expect(card.get_by_test_id("state")).to_have_text("ยังไม่เผยแพร่")
        card.get_by_role("link", name="เผยแพร่", exact=True).click()
        expect(planner.get_by_role("heading", level=1)).to_contain_text("ยืนยันการเผยแพร่")
        planner.get_by_role("button", name="เผยแพร่").click()
        expect(planner.get_by_text(f"เผยแพร่{found.title}แล้ว")).to_be_visible()
        card = planner.get_by_test_id(f"document-{found.slug}")
        expect(card.get_by_test_id("state")).to_contain_text("เผยแพร่เมื่อ")
    public_url = planner.get_by_test_id("public-url").input_value()
    assert public_url == f"{live_server.url}/public/sec-test/"
    shoot(planner, "publishing")

    # An anonymous visitor, in a browser of their own.
    visitor = browser.new_context(locale="th-TH", viewport=WIDE).new_page()
    visitor.goto(public_url)
    visitor.get_by_role("link", name="ปีงบประมาณ พ.ศ. ๒๕๖๕").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("เอกสารเผยแพร่ ปีงบประมาณ พ.ศ. ๒๕๖๕")
    today = format_thai_date(plan.publications.first().published_at.date())
    for found in (documents.document("annual-report"), second_document):
        row = visitor.get_by_test_id(f"public-{found.slug}")
        expect(row).to_contain_text(f"เผยแพร่เมื่อ {today}")
        href = row.get_by_role("link").get_attribute("href")
        assert href == f"/public/sec-test/2565/{found.slug}.pdf"
        download = visitor.request.get(f"{live_server.url}{href}")
        assert download.status == 200
        assert download.body().startswith(b"%PDF")
    shoot(visitor, "public-year")

    # Everything else asks the visitor to sign in.
    for path in ("/dashboard/", "/plans/2565/publishing/", "/plans/2565/report.pdf", "/people/"):
        visitor.goto(f"{live_server.url}{path}")
        expect(visitor.get_by_role("heading", name="เข้าสู่ระบบ")).to_be_visible()
        assert "/accounts/login/" in visitor.url

    # Withdrawn with a reason: the public page says so, the address answers 410.
    planner.get_by_test_id(f"document-{second_document.slug}").get_by_role(
        "link", name="ถอนการเผยแพร่"
    ).click()
    planner.get_by_role("button", name="ถอนการเผยแพร่").click()
    expect(planner.get_by_text("กรุณาระบุเหตุผลที่ถอนการเผยแพร่").first).to_be_visible()
    planner.get_by_label("เหตุผลที่ถอนการเผยแพร่").fill("ปรับปรุงตัวเลขงบประมาณไตรมาสที่ ๒")
    planner.get_by_role("button", name="ถอนการเผยแพร่").click()
    card = planner.get_by_test_id(f"document-{second_document.slug}")
    expect(card.get_by_test_id("state")).to_contain_text("ถอนการเผยแพร่เมื่อ")
    expect(planner.get_by_test_id("history")).to_contain_text("ปรับปรุงตัวเลขงบประมาณไตรมาสที่ ๒")

    visitor.goto(f"{live_server.url}/public/sec-test/2565/")
    row = visitor.get_by_test_id(f"public-{second_document.slug}")
    expect(row).to_contain_text("ถอนการเผยแพร่เมื่อ")
    expect(row.get_by_role("link")).to_have_count(0)
    response = visitor.goto(f"{live_server.url}/public/sec-test/2565/{second_document.slug}.pdf")
    assert response.status == 410
    expect(visitor.get_by_test_id("withdrawn")).to_contain_text(re.compile(r"เมื่อ .+๒๕๖"))
    expect(visitor.get_by_text("ปรับปรุงตัวเลขงบประมาณไตรมาสที่ ๒")).to_be_visible()
    shoot(visitor, "public-withdrawn", keep=(390,))
    # The annual report is still there.
    annual = visitor.request.get(f"{live_server.url}/public/sec-test/2565/annual-report.pdf")
    assert annual.status == 200 and annual.body().startswith(b"%PDF")
