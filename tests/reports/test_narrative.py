"""The annual report tells the year from the approved quarterly reports (progress/narrative.py):
the compilation rule, what prints in the HTML and the PDF, the planning group's page that
edits the text and chooses the photos, and who may use it."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from plans.forms import issue_token
from plans.history import history_for
from plans.models import Role
from progress import narrative
from progress.models import NarrativeEdit, PrintedPhoto, QuarterlyReport, ReportPhoto
from progress.services import narrative_edit
from projects.models import ProjectStatement
from reports import printing, selectors
from tests import factories
from tests.progress.factories import png_bytes, report
from tests.queries import REQUEST_EXTRA

APPROVED = QuarterlyReport.Status.APPROVED


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def project(plan, group):
    return factories.project(plan, 1, group=group, budget="1000")


@pytest.fixture
def reports(project):
    """Approved Q1 and Q2, a returned Q3 and a draft Q4: only Q1 and Q2 may print."""
    return [
        report(
            project,
            1,
            status=APPROVED,
            work_done="อบรมครูแกนนำ",
            quantitative_results="1. ครูเข้าร่วม ๕๐ คน\n๒) โรงเรียนเข้าร่วม ๑๒ โรงเรียน",
            problems="เวลาไม่พอ",
        ),
        report(
            project,
            2,
            status=APPROVED,
            work_done="นิเทศติดตามในโรงเรียน",
            quantitative_results="ครูเข้าร่วม ๕๐ คน",  # repeated: kept once, at Q1
            problems="งบประมาณล่าช้า",
        ),
        report(project, 3, status=QuarterlyReport.Status.RETURNED, problems="ข้อความที่ส่งกลับ"),
        report(project, 4, work_done="ร่างที่ยังไม่ส่ง"),
    ]


def photo(quarterly: QuarterlyReport, order: int = 1, caption: str = "ภาพการอบรม") -> ReportPhoto:
    item = ReportPhoto(report=quarterly, order=order, caption=caption)
    item.image.save("photo.png", ContentFile(png_bytes((40, 30))), save=False)
    item.save()
    return item


def story(project) -> narrative.Narrative:
    return narrative.narrative_for(project.pk)[1]


# -- the compilation rule ---------------------------------------------------------------------


def test_approved_quarters_compile_in_order_with_their_source(project, reports):
    compiled = story(project)
    methods = compiled.section(narrative.Section.METHODS)
    assert [(p.quarter, p.items) for p in methods.compiled] == [
        (1, ["อบรมครูแกนนำ"]),
        (2, ["นิเทศติดตามในโรงเรียน"]),
    ]
    assert methods.source == "รายงานไตรมาสที่ ๑, รายงานไตรมาสที่ ๒"
    # typed numbers are dropped (the report numbers items), a repeated item is kept once
    assert compiled.section(narrative.Section.QUANTITATIVE).items == [
        "ครูเข้าร่วม ๕๐ คน",
        "โรงเรียนเข้าร่วม ๑๒ โรงเรียน",
    ]
    # the returned Q3 and the draft Q4 never count
    assert compiled.section(narrative.Section.PROBLEMS).items == ["เวลาไม่พอ", "งบประมาณล่าช้า"]
    assert compiled.section(narrative.Section.RECOMMENDATIONS).items == []


def test_the_approved_year_end_report_is_the_summary(project, reports):
    reports[3].status = APPROVED
    reports[3].save()
    methods = story(project).section(narrative.Section.METHODS)
    assert methods.items == ["ร่างที่ยังไม่ส่ง"]
    assert methods.source == "รายงานไตรมาสที่ ๔"
    # a section the Q4 report leaves empty still comes from the quarters
    assert story(project).section(narrative.Section.PROBLEMS).items == ["เวลาไม่พอ", "งบประมาณล่าช้า"]


def test_typed_texts_print_as_before(project, reports):
    ProjectStatement.objects.create(
        project=project, kind=ProjectStatement.Kind.PROBLEM, number=1, text="ข้อความที่พิมพ์ไว้"
    )
    problems = story(project).section(narrative.Section.PROBLEMS)
    assert problems.items == ["ข้อความที่พิมพ์ไว้"]
    assert problems.source == narrative.TYPED


# -- the printed report -----------------------------------------------------------------------


def project_html(plan) -> str:
    html = printing.annual_report_html(selectors.annual_report(plan))
    return re.search(r'<article class="project".*?</article>', html, re.S).group(0)


def test_report_prints_the_approved_narrative_and_the_chosen_photo(plan, project, reports):
    chosen = photo(reports[0], 1, "ภาพที่เลือก")
    photo(reports[1], 1, "ภาพที่ไม่ได้เลือก")
    photo(reports[2], 1, "ภาพของรายงานที่ส่งกลับ")
    PrintedPhoto.objects.create(photo=chosen)
    html = project_html(plan)
    assert "อบรมครูแกนนำ" in html and "นิเทศติดตามในโรงเรียน" in html
    assert '<p class="item">๑. ครูเข้าร่วม ๕๐ คน</p>' in html
    assert "ข้อความที่ส่งกลับ" not in html and "ร่างที่ยังไม่ส่ง" not in html
    assert f'<img src="/files/progress-photo/{chosen.pk}/" alt="ภาพที่เลือก">' in html
    assert "ภาพที่ไม่ได้เลือก" not in html and "ภาพของรายงานที่ส่งกลับ" not in html


def test_a_reopened_reports_text_and_photo_stop_printing(plan, project, reports):
    PrintedPhoto.objects.create(photo=photo(reports[0]))
    reports[0].status = QuarterlyReport.Status.DRAFT
    reports[0].save()
    html = project_html(plan)
    assert "อบรมครูแกนนำ" not in html and "ภาพการอบรม" not in html


def test_pdf_embeds_the_chosen_photo(plan, project, reports, tmp_path):
    pdfimages = shutil.which("pdfimages")
    if not pdfimages:
        pytest.skip("poppler-utils is not installed")
    PrintedPhoto.objects.create(photo=photo(reports[0]))
    report_data = selectors.annual_report(plan)
    stored = printing.report_files(report_data).values()
    assert stored and all(default_storage.exists(name) for name in stored)
    path = tmp_path / "report.pdf"
    path.write_bytes(printing.annual_report_pdf(report_data))
    command = [pdfimages, "-list", str(path)]
    listing = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    assert re.search(r"\s40\s+30\s+rgb\s", listing), listing


# -- the planning group's page -----------------------------------------------------------------


def url(plan, project) -> str:
    return f"/plans/{plan.fiscal_year.year}/report/projects/{project.pk}/"


def post(client, user, plan, project, **data):
    client.force_login(user)
    texts = {key: "" for key in narrative.Section.values}
    return client.post(url(plan, project), {**texts, "submission_token": issue_token(user), **data})


def test_planner_sees_each_part_with_its_quarter(client, planner, plan, project, reports):
    photo(reports[0])
    client.force_login(planner)
    page = client.get(url(plan, project)).content.decode()
    assert "รายงานไตรมาสที่ ๑" in page and "รายงานไตรมาสที่ ๒" in page
    assert "อบรมครูแกนนำ" in page and "ภาพการอบรม" in page
    assert "ร่างที่ยังไม่ส่ง" not in page


def test_planners_edit_wins_and_prints(client, planner, plan, project, reports):
    chosen = photo(reports[1])
    compiled = story(project)
    response = post(
        client,
        planner,
        plan,
        project,
        methods=compiled.section(narrative.Section.METHODS).baseline,  # unchanged: no edit
        problems="ปัญหาที่เรียบเรียงใหม่\nข้อสอง",
        photos=[str(chosen.pk)],
    )
    assert response.status_code == 302
    assert list(NarrativeEdit.objects.values_list("section", "text")) == [
        ("problems", "ปัญหาที่เรียบเรียงใหม่\nข้อสอง")
    ]
    assert list(PrintedPhoto.objects.values_list("photo", flat=True)) == [chosen.pk]
    html = project_html(plan)
    assert "<p>๑. ปัญหาที่เรียบเรียงใหม่</p>" in html and "<p>๒. ข้อสอง</p>" in html
    assert "เวลาไม่พอ" not in html
    assert f"/files/progress-photo/{chosen.pk}/" in html
    # emptied: the section follows the quarterly reports again, the photo is dropped
    post(client, planner, plan, project)
    assert not NarrativeEdit.objects.exists() and not PrintedPhoto.objects.exists()
    assert "เวลาไม่พอ" in project_html(plan)


def test_a_figure_the_report_does_not_know_is_refused_in_thai(client, planner, plan, project):
    """The narrative's boxes follow the report texts' rule of figures in braces: a misspelt
    name would print as typed, unmarked."""
    response = post(client, planner, plan, project, problems="ขาดแคลนครู {จำนวนโครงงาน=๕} แห่ง")
    assert response.status_code == 200
    assert "ไม่รู้จักตัวเลข {จำนวนโครงงาน=๕}" in response.content.decode()
    assert not NarrativeEdit.objects.exists()
    response = post(client, planner, plan, project, problems="ขาดแคลนครู {จำนวนโครงการ=๕} แห่ง")
    assert response.status_code == 302
    assert NarrativeEdit.objects.get().text == "ขาดแคลนครู {จำนวนโครงการ=๕} แห่ง"


def test_the_edit_and_the_choice_are_in_the_projects_history(planner, project, reports):
    chosen = photo(reports[0])
    narrative_edit(
        project=project, user=planner, texts={"problems": "ข้อความใหม่"}, photos={chosen.pk: (1, "")}
    )
    entries = list(history_for(project))
    types = {e.object_type for e in entries if e.user_id == planner.pk}
    assert {"progress.narrativeedit", "progress.printedphoto"} <= types


def test_saving_typed_texts_unchanged_stores_no_edit(client, planner, plan, project, reports):
    """A typed item of several lines (as the seed has) is shown as lines; posted back
    unchanged it is no edit, and the report prints it as before."""
    ProjectStatement.objects.create(
        project=project,
        kind=ProjectStatement.Kind.PROBLEM,
        number=1,
        text="ผลการคัดเลือก ดังนี้\n๑) นาย ก\n๒) นาย ข",
    )
    before = project_html(plan)
    client.force_login(planner)
    page = client.get(url(plan, project)).content.decode()
    shown = re.search(r'<textarea name="problems"[^>]*>\n?(.*?)</textarea>', page, re.S).group(1)
    response = post(client, planner, plan, project, problems=shown.replace("\n", "\r\n"))
    assert response.status_code == 302
    assert not NarrativeEdit.objects.exists()
    assert project_html(plan) == before


def test_a_photo_of_an_unapproved_report_is_refused(client, planner, plan, project, reports):
    draft_photo = photo(reports[3])
    response = post(client, planner, plan, project, photos=[str(draft_photo.pk)])
    assert response.status_code == 200
    assert "ภาพที่เลือกไม่อยู่ในรายงานที่อนุมัติแล้วของโครงการนี้" in response.content.decode()
    assert not PrintedPhoto.objects.exists()


def test_a_second_post_of_the_same_form_records_nothing_twice(client, planner, plan, project):
    client.force_login(planner)
    data = {"problems": "ข้อความ", "submission_token": issue_token(planner)}
    client.post(url(plan, project), data)
    NarrativeEdit.objects.all().delete()
    client.post(url(plan, project), data)
    assert not NarrativeEdit.objects.exists()


@pytest.mark.parametrize("role", [Role.STAFF, Role.DIRECTOR, Role.FINANCE])
def test_other_roles_are_refused(client, office, plan, project, group, role):
    user = factories.member(office, "someone", role, group if role == Role.STAFF else None)
    client.force_login(user)
    assert client.get(url(plan, project)).status_code == 403
    assert post(client, user, plan, project, problems="x").status_code == 403
    assert client.get(f"/plans/{plan.fiscal_year.year}/report/projects/").status_code == 403
    assert not NarrativeEdit.objects.exists()


def test_another_office_is_404(client, plan, project):
    elsewhere = factories.office(code="elsewhere", name="สำนักงานอื่น")
    factories.plan(elsewhere)
    stranger = factories.member(elsewhere, "stranger", Role.PLANNING)
    client.force_login(stranger)
    assert client.get(url(plan, project), {"office": "elsewhere"}).status_code == 404


def test_list_shows_each_sections_source(client, planner, plan, project, reports):
    client.force_login(planner)
    page = client.get(f"/plans/{plan.fiscal_year.year}/report/projects/").content.decode()
    assert "รายงานไตรมาสที่ ๑, รายงานไตรมาสที่ ๒" in page
    assert url(plan, project) in page


def test_list_query_count_does_not_grow(
    client, planner, plan, group, django_assert_max_num_queries
):
    for number in (1, 2, 3):
        p = factories.project(plan, number, group=group)
        report(p, 1, status=APPROVED, work_done="ทำแล้ว")
    client.force_login(planner)
    with django_assert_max_num_queries(8 + REQUEST_EXTRA):
        assert client.get(f"/plans/{plan.fiscal_year.year}/report/projects/").status_code == 200


def test_plan_summary_links_planners_to_the_texts(client, planner, director, plan):
    link = f'href="/plans/{plan.fiscal_year.year}/report/projects/"'
    client.force_login(planner)
    assert link in client.get(f"/plans/{plan.fiscal_year.year}/").content.decode()
    client.force_login(director)
    assert link not in client.get(f"/plans/{plan.fiscal_year.year}/").content.decode()


def test_the_page_warns_when_the_reports_change_after_an_edit(
    client, planner, plan, project, reports
):
    narrative_edit(project=project, user=planner, texts={"problems": "ข้อความใหม่"}, photos={})
    client.force_login(planner)
    warning = "รายงานรายไตรมาสเปลี่ยนไปหลังการแก้ไขครั้งล่าสุด"
    assert warning not in client.get(url(plan, project)).content.decode()
    QuarterlyReport.objects.filter(pk=reports[1].pk).update(problems="ปัญหาที่แก้ไขหลังเปิดรายงาน")
    assert warning in client.get(url(plan, project)).content.decode()
    assert "ข้อความใหม่" in project_html(plan)  # the edit still prints until the planner acts


def test_a_section_printed_as_none_on_purpose(client, planner, plan, project, reports):
    """Emptying a box follows the reports again; ticking "ไม่มี" prints "ไม่มี" whatever the
    reports say, until it is unticked."""
    assert "เวลาไม่พอ" in project_html(plan)
    response = post(client, planner, plan, project, problems_none="on")
    assert response.status_code == 302
    assert list(NarrativeEdit.objects.values_list("section", "text")) == [("problems", "")]
    html = project_html(plan)
    assert "เวลาไม่พอ" not in html
    problems = re.search(r"ปัญหา/อุปสรรค.*?</h4>(.*?)<h4", html, re.S)
    assert problems and "<p>ไม่มี</p>" in problems.group(1)
    page = client.get(url(plan, project)).content.decode()
    assert "กลุ่มนโยบายและแผนเลือกพิมพ์ว่า “ไม่มี”" in page
    assert re.search(r'name="problems_none"[^>]*checked', page)
    post(client, planner, plan, project)  # unticked, box empty: the reports again
    assert not NarrativeEdit.objects.exists()
    assert "เวลาไม่พอ" in project_html(plan)


def test_the_planner_orders_the_photos_and_gives_their_printed_captions(
    client, planner, plan, project, reports
):
    first, second = photo(reports[0], 1, "ภาพไตรมาสแรก"), photo(reports[1], 1, "ภาพไตรมาสสอง")
    both = [str(first.pk), str(second.pk)]
    post(client, planner, plan, project, photos=both)
    html = project_html(plan)
    assert html.index("ภาพไตรมาสแรก") < html.index("ภาพไตรมาสสอง")  # by quarter at first
    response = post(
        client,
        planner,
        plan,
        project,
        photos=both,
        **{
            f"order_{first.pk}": "๒",
            f"order_{second.pk}": "๑",
            f"caption_{second.pk}": "ครูแกนนำร่วมอบรม ณ ห้องประชุม",
            f"caption_{first.pk}": "ภาพไตรมาสแรก",  # the report's own: stored as none
        },
    )
    assert response.status_code == 302
    assert sorted(PrintedPhoto.objects.values_list("photo", "order", "caption")) == sorted(
        [(first.pk, 2, ""), (second.pk, 1, "ครูแกนนำร่วมอบรม ณ ห้องประชุม")]
    )
    html = project_html(plan)
    assert "ภาพไตรมาสสอง" not in html  # its printed caption replaces the report's
    assert html.index("ครูแกนนำร่วมอบรม ณ ห้องประชุม") < html.index("ภาพไตรมาสแรก")
    page = client.get(url(plan, project)).content.decode()
    assert f'name="order_{second.pk}" value="๑"' in page
    bad = post(client, planner, plan, project, photos=both, **{f"order_{first.pk}": "ศูนย์"})
    assert bad.status_code == 200
    assert PrintedPhoto.objects.get(photo=first).order == 2  # nothing changed
