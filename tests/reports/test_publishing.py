"""Publishing a plan's documents for the public: the planning group publishes and withdraws
(with a reason), anyone reads what is published at a stable address without signing in,
and both acts are in the history with who, when and why."""

from __future__ import annotations

import hashlib
import shutil
import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from plans import versions
from plans.models import AuditEntry, Role
from progress.models import QuarterlyReport
from reports import documents, publishing
from reports.models import Publication, ReportJob
from tests import factories
from tests.progress.factories import report

pytestmark = pytest.mark.django_db

FAKE_PDF = b"%PDF-1.4\n% the fake document, version "


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path / "media"


@pytest.fixture
def renders():
    """How many times the fake document was rendered."""
    return []


@pytest.fixture
def fake(monkeypatch, renders):
    """A small document of the registry, printing the office's data version (so that each
    render of changed data is another file)."""

    def pdf(plan):
        renders.append(plan.pk)
        return FAKE_PDF + versions.data_version(plan.office_id).encode()

    found = documents.Document("fake-plan", "แผนทดสอบการเผยแพร่", lambda plan: "<p>x</p>", pdf)
    monkeypatch.setitem(documents.DOCUMENTS, found.slug, found)
    return found


@pytest.fixture
def admin_user(office):
    return factories.member(office, "officeadmin", Role.ADMIN)


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _public(office, slug="fake-plan", year=2565) -> str:
    return f"/public/{office.code}/{year}/{slug}.pdf"


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# -- publishing ---------------------------------------------------------------------------


def test_planner_publishes_and_anyone_downloads_the_stored_file(
    plan, planner, fake, renders, django_assert_max_num_queries
):
    page = _signed_in(planner).get(reverse("reports:publication_publish", args=[2565, "fake-plan"]))
    assert "ยืนยันการเผยแพร่แผนทดสอบการเผยแพร่" in page.content.decode()
    response = _signed_in(planner).post(
        reverse("reports:publication_publish", args=[2565, "fake-plan"]), follow=True
    )
    assert "เผยแพร่แผนทดสอบการเผยแพร่แล้ว" in response.content.decode()
    publication = Publication.objects.get()
    assert publication.status == Publication.Status.PUBLISHED
    assert publication.requested_by == planner
    assert renders == [plan.pk]

    anonymous = Client()
    with django_assert_max_num_queries(1):
        download = anonymous.get(_public(plan.office))
    assert download.status_code == 200
    body = _body(download)
    assert body.startswith(b"%PDF")
    assert hashlib.sha256(body).hexdigest() == publication.sha256
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("inline")
    assert "test-office-fake-plan-2565.pdf" in download["Content-Disposition"]
    assert download["Cache-Control"] == "public, max-age=600"
    # A reader whose copy is current gets 304, by the digest or by the date.
    again = anonymous.get(_public(plan.office), HTTP_IF_NONE_MATCH=download["ETag"])
    assert again.status_code == 304
    since = anonymous.get(_public(plan.office), HTTP_IF_MODIFIED_SINCE=download["Last-Modified"])
    assert since.status_code == 304


def test_public_pages_list_what_is_published_with_buddhist_era_dates(plan, planner, fake):
    publishing.publish(plan=plan, slug="fake-plan", user=planner)
    anonymous = Client()
    office_page = anonymous.get(f"/public/{plan.office.code}/").content.decode()
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๕" in office_page
    assert "แผนทดสอบการเผยแพร่" in office_page
    year_page = anonymous.get(f"/public/{plan.office.code}/2565/")
    text = year_page.content.decode()
    assert year_page.status_code == 200
    assert f'href="{_public(plan.office)}"' in text
    assert "เผยแพร่เมื่อ" in text and "๒๕๖" in text  # the day, in the Buddhist era
    # What is not published is not listed.
    assert "รายงานผลการดำเนินงานประจำปี" not in text


def test_published_file_is_a_snapshot_until_published_again(plan, planner, fake, renders):
    first = publishing.publish(plan=plan, slug="fake-plan", user=planner)
    before = _body(Client().get(_public(plan.office)))
    factories.project(plan, 1)  # the data changes
    assert _body(Client().get(_public(plan.office))) == before
    page = _signed_in(planner).get(reverse("reports:publishing", args=[2565])).content.decode()
    assert "ข้อมูลมีการเปลี่ยนแปลงหลังเผยแพร่" in page
    assert "เผยแพร่ฉบับปรับปรุง" in page

    second = publishing.publish(plan=plan, slug="fake-plan", user=planner)
    assert second.pk != first.pk
    after = _body(Client().get(_public(plan.office)))
    assert after != before and after.startswith(b"%PDF")
    # Both versions are kept; the older one is still readable by the office's members.
    assert Publication.objects.filter(status="published").count() == 2
    assert _body(_signed_in(planner).get(first.file.url)) == before


def test_publishing_unchanged_data_again_adds_no_version(plan, planner, fake, renders):
    first = publishing.publish(plan=plan, slug="fake-plan", user=planner)
    again = publishing.publish(plan=plan, slug="fake-plan", user=planner)
    assert again.pk == first.pk
    assert renders == [plan.pk]


def test_publishing_moves_no_data_version(plan, planner, fake):
    before = versions.data_version(plan.office_id)
    publication = publishing.publish(plan=plan, slug="fake-plan", user=planner)
    publishing.withdraw(publication=publication, user=planner, reason="ข้อมูลผิด")
    assert versions.data_version(plan.office_id) == before


def test_annual_report_reuses_the_finished_pdf_of_the_current_data(plan, planner):
    job = ReportJob.objects.create(
        plan=plan,
        status=ReportJob.Status.DONE,
        data_version=versions.data_version(plan.office_id),
    )
    job.file.save("r.pdf", ContentFile(b"%PDF-1.7\n% the job's file\n"), save=True)
    publication = publishing.publish(plan=plan, slug="annual-report", user=planner)
    assert publication.status == Publication.Status.PUBLISHED
    assert publication.file.name != job.file.name  # a copy: pruning jobs keeps it
    assert _body(Client().get(_public(plan.office, "annual-report"))) == (
        b"%PDF-1.7\n% the job's file\n"
    )


def test_queued_render_keeps_the_previous_version_public(plan, planner, fake, settings):
    publishing.publish(plan=plan, slug="fake-plan", user=planner)
    before = _body(Client().get(_public(plan.office)))
    factories.project(plan, 1)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    pending = publishing.publish(plan=plan, slug="fake-plan", user=planner)
    assert pending.status == Publication.Status.PENDING
    # A second request joins it.
    assert publishing.publish(plan=plan, slug="fake-plan", user=planner).pk == pending.pk
    page = _signed_in(planner).get(reverse("reports:publishing", args=[2565])).content.decode()
    assert "กำลังจัดทำไฟล์เพื่อเผยแพร่" in page
    assert _body(Client().get(_public(plan.office))) == before

    publishing.publication_run(publication_id=pending.pk)  # what the worker does
    assert _body(Client().get(_public(plan.office))) != before


def test_failed_render_is_said_in_thai_and_publishes_nothing(plan, planner, monkeypatch):
    def broken(plan):
        raise RuntimeError("WeasyPrint ran out of memory")

    found = documents.Document("broken", "เอกสารที่จัดทำไม่ได้", lambda plan: "", broken)
    monkeypatch.setitem(documents.DOCUMENTS, found.slug, found)
    publication = publishing.publish(plan=plan, slug="broken", user=planner)
    assert publication.status == Publication.Status.FAILED
    page = _signed_in(planner).get(reverse("reports:publishing", args=[2565])).content.decode()
    assert "จัดทำไฟล์เพื่อเผยแพร่ไม่สำเร็จ" in page
    assert "WeasyPrint" not in page
    assert Client().get(_public(plan.office, "broken")).status_code == 404


# -- withdrawing --------------------------------------------------------------------------


def test_withdrawal_needs_a_reason(plan, planner, fake):
    publishing.publish(plan=plan, slug="fake-plan", user=planner)
    url = reverse("reports:publication_withdraw", args=[2565, "fake-plan"])
    response = _signed_in(planner).post(url, {"reason": "   "})
    assert response.status_code == 200
    assert "กรุณาระบุเหตุผลที่ถอนการเผยแพร่" in response.content.decode()
    assert Client().get(_public(plan.office)).status_code == 200
    publication = Publication.objects.get()
    with pytest.raises(ValidationError, match="กรุณาระบุเหตุผล"):
        publishing.withdraw(publication=publication, user=planner, reason="")


def test_withdrawn_document_answers_410_with_the_date_and_reason(plan, planner, fake):
    publishing.publish(plan=plan, slug="fake-plan", user=planner)
    url = reverse("reports:publication_withdraw", args=[2565, "fake-plan"])
    assert "เหตุผลที่ถอนการเผยแพร่" in _signed_in(planner).get(url).content.decode()
    response = _signed_in(planner).post(url, {"reason": "ตัวเลขงบประมาณไม่ถูกต้อง"}, follow=True)
    assert "ถอนการเผยแพร่แผนทดสอบการเผยแพร่แล้ว" in response.content.decode()

    gone = Client().get(_public(plan.office))
    text = gone.content.decode()
    assert gone.status_code == 410
    assert "ถอนการเผยแพร่เอกสารนี้เมื่อ" in text and "๒๕๖" in text
    assert "ตัวเลขงบประมาณไม่ถูกต้อง" in text
    year_page = Client().get(f"/public/{plan.office.code}/2565/").content.decode()
    assert "ถอนการเผยแพร่เมื่อ" in year_page
    assert _public(plan.office) not in year_page  # no link to a withdrawn file

    # Published again: the address serves it again.
    publishing.publish(plan=plan, slug="fake-plan", user=planner)
    assert Client().get(_public(plan.office)).status_code == 200


def test_publishing_and_withdrawing_are_in_the_history(plan, planner, admin_user, fake):
    publication = publishing.publish(plan=plan, slug="fake-plan", user=planner)
    publishing.withdraw(publication=publication, user=admin_user, reason="ข้อมูลไตรมาสผิด")
    entries = list(AuditEntry.objects.filter(object_type="reports.publication").order_by("pk"))
    assert [(e.user, e.action) for e in entries] == [
        (planner, "publish"),
        (admin_user, "withdraw"),
    ]
    assert entries[1].note == "ข้อมูลไตรมาสผิด"
    assert all(e.office_id == plan.office_id for e in entries)

    page = _signed_in(planner).get(reverse("reports:publishing", args=[2565])).content.decode()
    assert "เผยแพร่ต่อสาธารณะ" in page and "ข้อมูลไตรมาสผิด" in page
    trail = _signed_in(admin_user).get(reverse("trail:list")).content.decode()
    assert "การเผยแพร่เอกสาร" in trail
    assert "ข้อมูลไตรมาสผิด" in trail
    assert "ถอนการเผยแพร่" in trail and ">เผยแพร่<" in trail.replace(" ", "")
    assert "ถอนการเผยแพร่เมื่อ" in trail


# -- who may ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["staff_user", "group_director", "director", "finance"])
def test_other_roles_may_not_publish_or_withdraw(request, plan, planner, fake, role):
    if role == "finance":
        user = factories.member(plan.office, "finance", Role.FINANCE)
    else:
        user = request.getfixturevalue(role)
    client = _signed_in(user)
    for name in ("publishing", "publication_publish"):
        args = [2565] if name == "publishing" else [2565, "fake-plan"]
        assert client.get(reverse(f"reports:{name}", args=args)).status_code == 403
    publish_url = reverse("reports:publication_publish", args=[2565, "fake-plan"])
    assert client.post(publish_url).status_code == 403
    assert not Publication.objects.exists()
    with pytest.raises(PermissionDenied):
        publishing.publish(plan=plan, slug="fake-plan", user=user)

    publication = publishing.publish(plan=plan, slug="fake-plan", user=planner)
    url = reverse("reports:publication_withdraw", args=[2565, "fake-plan"])
    assert client.post(url, {"reason": "ไม่ควรเผยแพร่"}).status_code == 403
    publication.refresh_from_db()
    assert not publication.is_withdrawn


def test_another_office_is_not_found(plan, planner, outsider, fake):
    publication = publishing.publish(plan=plan, slug="fake-plan", user=planner)
    client = _signed_in(outsider)
    office = f"?office={plan.office.code}"
    assert client.get(reverse("reports:publishing", args=[2565]) + office).status_code == 404
    url = reverse("reports:publication_withdraw", args=[2565, "fake-plan"]) + office
    assert client.post(url, {"reason": "x"}).status_code == 404
    assert client.get(publication.file.url).status_code == 404
    publication.refresh_from_db()
    assert not publication.is_withdrawn


def test_unknown_document_office_or_year_is_not_found(plan, planner, fake):
    publishing.publish(plan=plan, slug="fake-plan", user=planner)
    anonymous = Client()
    for url in (
        "/public/no-such-office/",
        "/public/no-such-office/2565/",
        f"/public/{plan.office.code}/2564/",
        _public(plan.office, year=2564),
        _public(plan.office, slug="no-such-document"),
        _public(plan.office, slug="annual-report"),  # in the registry, never published
    ):
        assert anonymous.get(url).status_code == 404, url
    signed_in = _signed_in(planner)
    unknown = reverse("reports:publication_publish", args=[2565, "no-such-document"])
    assert signed_in.post(unknown).status_code == 404


def test_the_portal_stays_closed_to_anonymous_visitors(plan, planner, fake):
    publication = publishing.publish(plan=plan, slug="fake-plan", user=planner)
    anonymous = Client()
    for url in (
        reverse("reports:publishing", args=[2565]),
        reverse("reports:publication_publish", args=[2565, "fake-plan"]),
        publication.file.url,
        "/dashboard/",
    ):
        response = anonymous.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert anonymous.post(_public(plan.office)).status_code == 405


# -- query counts -------------------------------------------------------------------------


def _versions(plan, planner, count: int) -> None:
    for number in range(count):
        factories.project(plan, number + 1)  # new data: a new version each time
        publishing.publish(plan=plan, slug="fake-plan", user=planner)


@pytest.mark.parametrize("count", [1, 3])
def test_pages_query_counts_do_not_grow(plan, planner, fake, count, django_assert_max_num_queries):
    _versions(plan, planner, count)
    signed_in = _signed_in(planner)
    with django_assert_max_num_queries(15):  # 15: the stale versions ended first
        assert signed_in.get(reverse("reports:publishing", args=[2565])).status_code == 200
    anonymous = Client()
    with django_assert_max_num_queries(2):
        assert anonymous.get(f"/public/{plan.office.code}/").status_code == 200
    with django_assert_max_num_queries(2):
        assert anonymous.get(f"/public/{plan.office.code}/2565/").status_code == 200


# -- only approved data -------------------------------------------------------------------


def test_the_published_annual_report_prints_approved_reports_only(plan, group, planner):
    """The annual report, rendered for publishing, prints what approved quarterly reports
    say, never a returned report or a draft."""
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        pytest.skip("poppler-utils is not installed")
    project = factories.project(plan, 1, group=group, budget="1000")
    report(project, 1, status=QuarterlyReport.Status.APPROVED, work_done="อบรมครูแกนนำ")
    report(project, 2, status=QuarterlyReport.Status.RETURNED, work_done="ข้อความที่ส่งกลับ")
    report(project, 3, status=QuarterlyReport.Status.SUBMITTED, work_done="ข้อความที่รออนุมัติ")
    report(project, 4, work_done="ร่างที่ยังไม่ส่ง")
    publication = publishing.publish(plan=plan, slug="annual-report", user=planner)
    assert publication.status == Publication.Status.PUBLISHED
    command = [pdftotext, publication.file.path, "-"]
    text = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    assert "อบรมครูแกนนำ" in text
    for unapproved in ("ข้อความที่ส่งกลับ", "ข้อความที่รออนุมัติ", "ร่างที่ยังไม่ส่ง"):
        assert unapproved not in text


def test_a_version_left_pending_by_a_stopped_worker_ends_failed(plan, planner, fake):
    from datetime import timedelta

    from django.utils import timezone

    from reports.models import Publication

    left = Publication.objects.create(plan=plan, document="fake-plan", requested_by=planner)
    Publication.objects.filter(pk=left.pk).update(
        requested_at=timezone.now() - publishing.PENDING_STALE - timedelta(minutes=1)
    )
    fresh = Publication.objects.create(plan=plan, document="annual-report", requested_by=planner)
    assert publishing.publications_recover() == 1
    left.refresh_from_db()
    fresh.refresh_from_db()
    assert (left.status, left.error) == ("failed", publishing.INTERRUPTED_MESSAGE)
    assert fresh.status == "pending"


def test_publishing_again_over_a_version_its_worker_left_starts_a_new_one(plan, planner, fake):
    from datetime import timedelta

    from django.utils import timezone

    from reports.models import Publication

    left = Publication.objects.create(plan=plan, document="fake-plan", requested_by=planner)
    Publication.objects.filter(pk=left.pk).update(
        requested_at=timezone.now() - publishing.PENDING_STALE - timedelta(minutes=1)
    )
    published = publishing.publish(plan=plan, slug="fake-plan", user=planner)
    left.refresh_from_db()
    assert (left.status, left.error) == ("failed", publishing.INTERRUPTED_MESSAGE)
    assert published.pk != left.pk and published.status == "published"
