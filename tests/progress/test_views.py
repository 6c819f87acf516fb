"""The progress pages for each role: what is saved and shown, the outsider's 404, the
read-only 403, bad input saving nothing, the lost-update guard, and query counts."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from budget.models import ProjectDisbursement
from indicators.models import IndicatorResult
from plans import files as plans_files
from plans.history import history_for
from progress.models import QuarterlyReport, ReportDeadline
from tests import factories, xlsx
from tests.progress import factories as pf
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db
Status = QuarterlyReport.Status


def report_url(project, quarter=1, suffix=""):
    name = f"progress:report{'_' + suffix if suffix else ''}"
    return reverse(name, args=[project.pk, quarter])


def form_data(indicators, activity, version=0, **extra):
    """The page's form as a browser posts it (tests.progress.factories.report_rows), given
    by the report's keys: `value_<pk>`, `unit_<pk>`, `count_<pk>`, `amount_<pk>`."""
    data = {
        "version": str(version),
        "action": "save",
        "work_done": "จัดอบรมครู",
        f"value_{indicators[0].pk}": "๘๕.๕",
        f"unit_{indicators[0].pk}": "ร้อยละ",
        f"value_{indicators[1].pk}": "๑,๒๐๐",
        f"unit_{indicators[1].pk}": "คน",
        f"count_{indicators[1].pk}": "",
        f"count_{indicators[0].pk}": "",
        f"amount_{activity.pk}": "๒,๕๐๐.๕๐",
    }
    data.update(extra)
    return pf.report_rows(activity.project, data)


def field_errors(html: str, name: str) -> list[str]:
    block = re.search(rf'id="id_{name}_error"[^>]*>(.*?)</ul>', html, re.S)
    return re.findall(r'<li class="error">(.*?)</li>', block.group(1)) if block else []


# -- my projects ----------------------------------------------------------------------


def test_my_projects_shows_my_groups_projects_with_status_and_deadline(
    client, plan, group, other_group, staff_user, project
):
    factories.project(plan, 2, group=other_group, name="โครงการของกลุ่มอื่น")
    pf.report(project, 2, status=Status.RETURNED, last_reason="เพิ่มภาพกิจกรรม")
    client.force_login(staff_user)
    html = client.get(reverse("progress:project_list"), {"year": 2565, "quarter": 2}).content
    html = html.decode()
    assert "โครงการทดสอบ 1" in html
    assert "โครงการของกลุ่มอื่น" not in html
    assert "ส่งกลับแก้ไข" in html and "เหตุผล: เพิ่มภาพกิจกรรม" in html
    assert "เลยกำหนดส่ง" in html  # FY2565 Q2 ended 31 Mar 2565, due 15 Apr 2565
    assert "๑๕ เม.ย. ๒๕๖๕" in html


def test_my_projects_uses_a_deadline_set_by_planning(client, plan, staff_user, project):
    ReportDeadline.objects.create(fiscal_year=plan.fiscal_year, quarter=1, due_on="2099-01-31")
    client.force_login(staff_user)
    html = client.get(reverse("progress:project_list"), {"year": 2565, "quarter": 1})
    html = html.content.decode()
    assert "๓๑ ม.ค. ๒๖๔๒" in html
    assert "ยังไม่เริ่ม" in html and "เลยกำหนดส่ง" not in html


def test_my_projects_for_director_lists_every_project_to_decide(
    client, plan, other_group, director, project
):
    factories.project(plan, 2, group=other_group, name="โครงการของกลุ่มอื่น")
    client.force_login(director)
    html = client.get(reverse("progress:project_list"), {"year": 2565}).content.decode()
    assert "โครงการทดสอบ 1" in html and "โครงการของกลุ่มอื่น" in html


def test_my_projects_empty_states(client, finance, outsider, project):
    client.force_login(finance)
    html = client.get(reverse("progress:project_list"), {"year": 2565}).content.decode()
    assert "ไม่มีโครงการที่คุณรับผิดชอบหรือพิจารณาในปีนี้" in html
    client.force_login(outsider)
    html = client.get(reverse("progress:project_list")).content.decode()
    assert "ยังไม่มีแผนปฏิบัติการที่มีโครงการในสำนักงานของคุณ" in html
    assert "โครงการทดสอบ" not in html


@pytest.mark.parametrize("size", [1, 8])
def test_my_projects_runs_a_fixed_number_of_queries(
    client, plan, group, staff_user, size, django_assert_max_num_queries
):
    for number in range(1, size + 1):
        project = pf.reportable_project(plan, group, number)
        pf.report(project, 1, status=Status.SUBMITTED)
    client.force_login(staff_user)
    with django_assert_max_num_queries(7 + REQUEST_EXTRA):
        response = client.get(reverse("progress:project_list"), {"year": 2565, "quarter": 1})
    assert response.content.decode().count("ส่งแล้ว รอพิจารณา") == size


# -- the report page ------------------------------------------------------------------


def test_staff_sees_the_form_with_target_and_running_total(client, staff_user, project, indicators):
    IndicatorResult.objects.create(indicator=indicators[1], quarter=1, value=30, unit="คน")
    client.force_login(staff_user)
    html = client.get(report_url(project, 2)).content.decode()
    # A row per indicator, in order, each with its result field.
    assert f'name="values-0-key" value="{indicators[0].pk}"' in html
    assert f'name="values-1-key" value="{indicators[1].pk}"' in html
    assert 'name="values-0-value"' in html
    assert "ค่าเป้าหมาย: ๑๐๐ คน" in html
    assert re.search(rf'data-testid="so-far-{indicators[1].pk}">๓๐ คน<', html)
    assert "ยังไม่มีการเปลี่ยนแปลง" in html


def test_save_with_thai_digits_stores_values_and_shows_history(
    client, staff_user, project, indicators, activity
):
    client.force_login(staff_user)
    response = client.post(report_url(project), form_data(indicators, activity), follow=True)
    report = QuarterlyReport.objects.get(project=project)
    assert {v.indicator_id: v.value for v in report.values.all()} == {
        indicators[0].pk: Decimal("85.50"),
        indicators[1].pk: Decimal("1200.00"),
    }
    assert report.disbursements.get().amount == Decimal("2500.50")
    assert (report.work_done, report.version, report.status) == ("จัดอบรมครู", 1, Status.DRAFT)
    html = response.content.decode()
    assert "บันทึกร่างแล้ว" in html
    # Saved numbers come back in Thai digits, as every number input shows them.
    assert 'value="๘๕.๕๐"' in html and 'value="๑,๒๐๐.๐๐"' in html
    assert 'value="๒,๕๐๐.๕๐"' in html
    history = html[html.index('data-testid="history"') :]
    assert "วิธีการดำเนินงาน/สิ่งที่ดำเนินการ: จัดอบรมครู" in history
    assert "ผลการดำเนินงาน: ๘๕.๕๐" in history and "หน่วยของผล: ร้อยละ" in history
    assert "เบิกจ่ายในไตรมาส (บาท): ๒,๕๐๐.๕๐" in history


def test_invalid_number_saves_nothing_and_says_why_next_to_the_field(
    client, staff_user, project, indicators, activity
):
    client.force_login(staff_user)
    data = form_data(indicators, activity, **{f"value_{indicators[0].pk}": "๑๒ก"})
    response = client.post(report_url(project), data)
    assert response.status_code == 200
    assert not QuarterlyReport.objects.filter(project=project).exists()
    html = response.content.decode()
    assert field_errors(html, "values-0-value") == ["กรุณากรอกตัวเลข"]
    assert 'value="๑๒ก"' in html  # what was typed stays on screen
    assert "ยังไม่ได้บันทึก" in html


def test_one_bad_value_among_the_rows_is_shown_on_its_row_and_changes_nothing(
    client, staff_user, project, indicators, activity
):
    """The indicators' values are a formset: a bad value on the second row is a Thai error on
    that row only, the other rows keep what was typed, and the saved draft is unchanged."""
    client.force_login(staff_user)
    client.post(report_url(project), form_data(indicators, activity))
    saved = QuarterlyReport.objects.get(project=project)
    data = form_data(
        indicators,
        activity,
        version=1,
        work_done="แก้ไขแล้ว",
        **{f"value_{indicators[0].pk}": "๙๐", f"value_{indicators[1].pk}": "หนึ่งพัน"},
    )
    response = client.post(report_url(project), data)
    assert response.status_code == 200
    html = response.content.decode()
    rows = re.findall(r'<fieldset class="indicator">(.*?)</fieldset>', html, re.S)
    assert len(rows) == 2
    assert "errorlist" not in rows[0] and 'value="๙๐"' in rows[0]
    assert field_errors(rows[1], "values-1-value") == ["กรุณากรอกตัวเลข"]
    assert 'aria-invalid="true"' in rows[1]
    assert "ยังไม่ได้บันทึก กรุณาแก้ไขรายการที่แจ้งด้านล่าง" in html
    after = QuarterlyReport.objects.get(project=project)
    assert (after.version, after.work_done) == (saved.version, "จัดอบรมครู")
    assert {v.indicator_id: v.value for v in after.values.all()} == {
        indicators[0].pk: Decimal("85.50"),
        indicators[1].pk: Decimal("1200.00"),
    }


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda data, other: data | {"values-1-key": str(other.pk)}, id="another"),
        pytest.param(lambda data, other: data | {"values-TOTAL_FORMS": "1"}, id="fewer"),
        pytest.param(
            lambda data, other: {k: v for k, v in data.items() if "TOTAL" not in k},
            id="no-management-form",
        ),
    ],
)
def test_rows_other_than_the_pages_are_refused_in_thai_and_save_nothing(
    client, plan, group, staff_user, project, indicators, activity, tamper
):
    """A post whose rows are not the project's indicators (the list changed after the page
    was opened, or a hand-made post) is refused as a whole, in Thai: a value never lands on
    another indicator."""
    other = pf.reportable_project(plan, group, number=2).indicators.first()
    client.force_login(staff_user)
    response = client.post(report_url(project), tamper(form_data(indicators, activity), other))
    assert response.status_code == 200
    html = response.content.decode()
    assert "รายการในแบบฟอร์มนี้เปลี่ยนไปหลังจากที่ท่านเปิดหน้า" in html
    assert not QuarterlyReport.objects.filter(project=project).exists()


def test_negative_money_is_refused(client, staff_user, project, indicators, activity):
    client.force_login(staff_user)
    data = form_data(indicators, activity, **{f"amount_{activity.pk}": "-๕"})
    html = client.post(report_url(project), data).content.decode()
    assert field_errors(html, "amounts-0-amount") == ["ตัวเลขต้องไม่ติดลบ"]
    assert not QuarterlyReport.objects.filter(project=project).exists()


def test_stale_save_is_refused_and_input_kept(
    client, staff_user, group_director, project, indicators, activity
):
    report = pf.report(project, 1, version=2, work_done="ฉบับของผู้อำนวยการกลุ่ม")
    client.force_login(staff_user)
    data = form_data(indicators, activity, version=1, work_done="ฉบับของเจ้าหน้าที่")
    response = client.post(report_url(project), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "มีผู้อื่นบันทึกรายงานนี้ก่อนท่าน" in html
    assert "ฉบับของเจ้าหน้าที่</textarea>" in html
    assert 'name="version" value="2"' in html  # saving again is now a deliberate choice
    report.refresh_from_db()
    assert (report.version, report.work_done) == (2, "ฉบับของผู้อำนวยการกลุ่ม")
    assert report.values.count() == 0


def test_photo_upload_checks_type_and_size(
    client, staff_user, project, indicators, activity, monkeypatch
):
    client.force_login(staff_user)
    text = SimpleUploadedFile("photo.png", b"not an image", content_type="image/png")
    data = form_data(indicators, activity, photo=text, photo_caption="ภาพ")
    html = client.post(report_url(project), data).content.decode()
    assert field_errors(html, "photo") == ["ไฟล์นี้ไม่ใช่ภาพ กรุณาเลือกไฟล์ JPEG, PNG หรือ WebP"]
    gif = SimpleUploadedFile("photo.gif", pf.png_bytes(fmt="GIF"), content_type="image/gif")
    html = client.post(report_url(project), {**data, "photo": gif}).content.decode()
    assert field_errors(html, "photo") == [
        "ไฟล์นามสกุล “.gif” ไม่รับ รับเฉพาะไฟล์ภาพ .jpg .jpeg .png หรือ .webp"
    ]
    # A GIF under an accepted name: its real format is refused.
    gif = SimpleUploadedFile("photo.png", pf.png_bytes(fmt="GIF"), content_type="image/png")
    html = client.post(report_url(project), {**data, "photo": gif}).content.decode()
    assert field_errors(html, "photo") == ["รับเฉพาะไฟล์ภาพ JPEG, PNG หรือ WebP"]
    monkeypatch.setattr(plans_files, "MAX_IMAGE_BYTES", 10)
    html = client.post(report_url(project), {**data, "photo": pf.png_upload()}).content.decode()
    assert field_errors(html, "photo") == ["ภาพมีขนาดเกิน ๕ MB กรุณาย่อภาพก่อนอัปโหลด"]
    html = client.post(
        report_url(project), {**data, "photo": pf.png_upload(), "photo_caption": ""}
    ).content.decode()
    assert not QuarterlyReport.objects.filter(project=project).exists()


def test_photo_upload_with_caption_is_shown(client, staff_user, project, indicators, activity):
    client.force_login(staff_user)
    data = form_data(indicators, activity, photo=pf.png_upload(), photo_caption="ครูร่วมอบรม")
    html = client.post(report_url(project), data, follow=True).content.decode()
    photo = QuarterlyReport.objects.get(project=project).photos.get()
    assert photo.caption == "ครูร่วมอบรม"
    assert 'alt="ครูร่วมอบรม"' in html and photo.image.url in html


def test_save_and_submit(client, staff_user, project, indicators, activity):
    client.force_login(staff_user)
    data = form_data(indicators, activity, action="submit")
    html = client.post(report_url(project), data, follow=True).content.decode()
    report = QuarterlyReport.objects.get(project=project)
    assert (report.status, report.version) == (Status.SUBMITTED, 2)
    assert "ส่งรายงานแล้ว" in html and "อยู่ระหว่างรอพิจารณา" in html
    assert 'name="action"' not in html  # no form while the report waits


def test_submit_without_work_done_keeps_the_draft_unsaved(
    client, staff_user, project, indicators, activity
):
    client.force_login(staff_user)
    data = form_data(indicators, activity, action="submit", work_done="")
    html = client.post(report_url(project), data).content.decode()
    assert field_errors(html, "work_done") == ["กรุณากรอกวิธีการดำเนินงาน/สิ่งที่ดำเนินการก่อนส่งรายงาน"]
    assert not QuarterlyReport.objects.filter(project=project).exists()


def test_director_reads_without_a_form(client, director, project, indicators):
    report = pf.report(project, 1, work_done="จัดอบรมครู")
    report.values.create(indicator=indicators[0], value=Decimal("70"), unit="ร้อยละ")
    client.force_login(director)
    html = client.get(report_url(project)).content.decode()
    assert 'name="action"' not in html
    assert "ร้อยละ ๗๐" in html and "จัดอบรมครู" in html


@pytest.mark.parametrize("user", ["director", "finance", "other_staff"])
def test_read_only_roles_get_403_on_save(client, request, user, project, indicators, activity):
    client.force_login(request.getfixturevalue(user))
    assert client.get(report_url(project)).status_code == 200
    response = client.post(report_url(project), form_data(indicators, activity))
    assert response.status_code == 403
    assert not QuarterlyReport.objects.filter(project=project).exists()


def test_outsider_gets_404_everywhere(client, outsider, project, indicators, activity):
    report = pf.report(project, 1, status=Status.SUBMITTED)
    photo = report.photos.create(image="progress/x.png", caption="ภาพ", order=1)
    client.force_login(outsider)
    for url in (
        report_url(project),
        report_url(project, 1, "approve"),
        report_url(project, 1, "return"),
        report_url(project, 1, "reopen"),
        reverse("progress:photo_delete", args=[photo.pk]),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"version": "1", "reason": "x"}).status_code == 404, url
    assert client.get(reverse("progress:follow_up"), {"year": 2565}).status_code == 404
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED


def test_unknown_quarter_is_404(client, staff_user, project):
    client.force_login(staff_user)
    assert client.get(report_url(project, 5)).status_code == 404


# -- decisions ------------------------------------------------------------------------


def test_group_director_returns_with_a_reason(client, group_director, project):
    report = pf.report(project, 1, status=Status.SUBMITTED, work_done="ทำแล้ว")
    client.force_login(group_director)
    html = client.get(report_url(project)).content.decode()
    assert "อนุมัติ</a>" in html and "ส่งกลับแก้ไข</a>" in html
    response = client.post(report_url(project, 1, "return"), {"version": "1", "reason": ""})
    assert "กรุณาระบุเหตุผล" in field_errors(response.content.decode(), "reason")
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    response = client.post(
        report_url(project, 1, "return"), {"version": "1", "reason": "ขาดภาพกิจกรรม"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.last_reason) == (Status.RETURNED, "ขาดภาพกิจกรรม")
    assert history_for(report).first().note == "ขาดภาพกิจกรรม"


def test_staff_cannot_return_or_approve(client, staff_user, project):
    pf.report(project, 1, status=Status.SUBMITTED, work_done="ทำแล้ว")
    client.force_login(staff_user)
    for suffix in ("return", "approve", "reopen"):
        assert client.get(report_url(project, 1, suffix)).status_code == 403
        assert client.post(report_url(project, 1, suffix), {"version": "1"}).status_code == 403
    assert QuarterlyReport.objects.get(project=project).status == Status.SUBMITTED


def test_director_approves_after_confirming(client, director, project, indicators, activity):
    report = pf.report(project, 1, status=Status.SUBMITTED, work_done="ทำแล้ว")
    report.values.create(indicator=indicators[0], value=Decimal("90"), unit="ร้อยละ")
    report.disbursements.create(activity=activity, amount=Decimal("1500"))
    client.force_login(director)
    html = client.get(report_url(project, 1, "approve")).content.decode()
    assert "ยืนยันอนุมัติรายงาน" in html
    response = client.post(report_url(project, 1, "approve"), {"version": "1"}, follow=True)
    html = response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.APPROVED
    assert IndicatorResult.objects.get(indicator__project=project, quarter=1).value == Decimal(
        "90.00"
    )
    assert ProjectDisbursement.objects.get(project=project).amount == Decimal("1500.00")
    assert "อนุมัติแล้วเมื่อ" in html and "ถูกล็อกไม่ให้แก้ไข" in html


def test_the_submitter_is_not_offered_approval(client, group_director, director, project):
    pf.report(project, 1, status=Status.SUBMITTED, work_done="ทำแล้ว", submitted_by=group_director)
    client.force_login(group_director)
    html = client.get(report_url(project, 1)).content.decode()
    assert 'data-testid="four-eyes"' in html and "รายงานของตนเองไม่ได้" in html
    assert report_url(project, 1, "approve") not in html
    for suffix in ("approve", "return"):
        response = client.get(report_url(project, 1, suffix))
        assert response.status_code == 403
        assert "ผู้อำนวยการสำนักงานหรือผู้มีอำนาจพิจารณาคนอื่นเป็นผู้พิจารณา" in response.content.decode()
        data = {"version": "1", "reason": "แก้"}
        assert client.post(report_url(project, 1, suffix), data).status_code == 403
    assert QuarterlyReport.objects.get(project=project).status == Status.SUBMITTED
    client.force_login(director)
    assert report_url(project, 1, "approve") in client.get(report_url(project, 1)).content.decode()


def test_stale_approval_is_refused(client, director, project):
    report = pf.report(project, 1, status=Status.SUBMITTED, work_done="ทำแล้ว", version=3)
    client.force_login(director)
    html = client.post(report_url(project, 1, "approve"), {"version": "2"}).content.decode()
    assert "มีผู้อื่นบันทึกรายงานนี้ก่อนท่าน" in html
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED


def test_only_planning_reopens(client, planner, group_director, project):
    report = pf.report(project, 1, status=Status.APPROVED, work_done="ทำแล้ว")
    client.force_login(group_director)
    assert client.post(report_url(project, 1, "reopen"), {"version": "1"}).status_code == 403
    client.force_login(planner)
    html = client.get(report_url(project)).content.decode()
    assert "เปิดให้แก้ไขอีกครั้ง</a>" in html
    client.post(report_url(project, 1, "reopen"), {"version": "1", "reason": "แก้ตัวเลข"})
    report.refresh_from_db()
    assert (report.status, report.last_reason) == (Status.DRAFT, "แก้ตัวเลข")


def test_photo_delete_after_confirmation(client, staff_user, director, project):
    report = pf.report(project, 1)
    photo = report.photos.create(image=pf.png_upload(), caption="ภาพเก่า", order=1)
    client.force_login(director)
    assert client.post(reverse("progress:photo_delete", args=[photo.pk])).status_code == 403
    client.force_login(staff_user)
    html = client.get(reverse("progress:photo_delete", args=[photo.pk])).content.decode()
    assert "ต้องการลบภาพ “ภาพเก่า”" in html
    client.post(reverse("progress:photo_delete", args=[photo.pk]), {"version": "1"})
    assert report.photos.count() == 0


# -- who has not reported -------------------------------------------------------------


def test_follow_up_lists_overdue_first_for_planning(client, plan, group, planner):
    first = pf.reportable_project(plan, group, 1)
    second = pf.reportable_project(plan, group, 2)
    pf.report(first, 1, status=Status.APPROVED)
    pf.report(second, 2, status=Status.SUBMITTED)
    ReportDeadline.objects.create(fiscal_year=plan.fiscal_year, quarter=4, due_on="2099-10-15")
    client.force_login(planner)
    response = client.get(reverse("progress:follow_up"), {"year": 2565})
    rows = list(response.context["page"])
    order = [(r.number, r.quarter, r.status.code, r.status.overdue) for r in rows]
    assert order == [
        (2, 1, "not_started", True),
        (1, 2, "not_started", True),
        (1, 3, "not_started", True),
        (2, 3, "not_started", True),
        (1, 1, "approved", False),
        (2, 2, "submitted", False),
        (1, 4, "not_started", False),
        (2, 4, "not_started", False),
    ]
    assert 'data-testid="overdue-count">๔<' in response.content.decode()


def test_follow_up_is_for_planning_and_directors(client, staff_user, director, project):
    client.force_login(staff_user)
    assert client.get(reverse("progress:follow_up"), {"year": 2565}).status_code == 403
    assert client.get(reverse("progress:follow_up_export"), {"year": 2565}).status_code == 403
    client.force_login(director)
    assert client.get(reverse("progress:follow_up"), {"year": 2565}).status_code == 200


def test_follow_up_excel_export(client, planner, project):
    pf.report(project, 1, status=Status.RETURNED, last_reason="ขาดภาพ")
    client.force_login(planner)
    response = client.get(reverse("progress:follow_up_export"), {"year": 2565})
    assert response["Content-Disposition"] == (
        'attachment; filename="test-office-2565-follow-up.xlsx"; '
        "filename*=UTF-8''test-office-2565-"
        "%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99"
        "%E0%B8%9C%E0%B8%A5.xlsx"  # การรายงานผล
    )
    sheet = xlsx.book(response).active
    assert sheet["A1"].value == "การรายงานผลรายไตรมาส ปีงบประมาณ พ.ศ. ๒๕๖๕"
    assert xlsx.headers(sheet)[:3] == ["ลำดับโครงการ", "โครงการ", "กลุ่มงานที่รับผิดชอบ"]
    rows = xlsx.values(sheet)
    assert rows[0] == [
        1,
        "โครงการทดสอบ 1",
        "กลุ่มส่งเสริมการจัดการศึกษา",
        None,
        1,
        "ส่งกลับแก้ไข",
        "15/01/2565",
        "เลยกำหนด",
        "ขาดภาพ",
    ]
    assert len(rows) == 4


def test_follow_up_excel_writes_a_formula_like_reason_as_text(client, planner, project):
    reason = '=HYPERLINK("http://evil.example","คลิก")'
    pf.report(project, 1, status=Status.RETURNED, last_reason=reason)
    client.force_login(planner)
    response = client.get(reverse("progress:follow_up_export"), {"year": 2565})
    cell = xlsx.body(xlsx.book(response).active)[0][8]
    assert (cell.value, cell.data_type) == (reason, "s")


@pytest.mark.parametrize("size", [1, 8])
def test_follow_up_runs_a_fixed_number_of_queries(
    client, plan, group, planner, size, django_assert_max_num_queries
):
    for number in range(1, size + 1):
        project = pf.reportable_project(plan, group, number)
        pf.report(project, 1, status=Status.APPROVED)
    client.force_login(planner)
    with django_assert_max_num_queries(7 + REQUEST_EXTRA):
        response = client.get(reverse("progress:follow_up"), {"year": 2565})
    assert response.content.decode().count("อนุมัติแล้ว") == size
    with django_assert_max_num_queries(7 + REQUEST_EXTRA):
        assert client.get(reverse("progress:follow_up_export"), {"year": 2565}).status_code == 200
