"""The quarterly report's workflow services: what each writes, what each refuses, and the
audit entries they leave."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from budget import services as budget_services
from budget.models import ProjectDisbursement
from indicators.models import IndicatorResult
from plans.history import history_for, lines
from progress import services
from progress.models import QuarterlyReport
from tests.budget import factories as budget_factories
from tests.progress import factories as pf

pytestmark = pytest.mark.django_db


def changed(entries, model: str, field: str) -> list:
    """The [old, new] pairs of `field` in the entries of rows of `model`, sorted."""
    return sorted(
        e.changes[field]
        for e in entries
        if e.object_type.endswith(f".{model}") and field in e.changes
    )


Status = QuarterlyReport.Status


def save(project, user, version=0, *, values=None, amounts=None, **narrative):
    return services.report_save_draft(
        project=project,
        quarter=1,
        user=user,
        version=version,
        narrative={"work_done": "จัดอบรมครู ๒ รุ่น", **narrative},
        values=values or {},
        amounts=amounts or {},
    )


@pytest.fixture
def draft(project, staff_user, indicators, activity):
    return save(
        project,
        staff_user,
        values={
            indicators[0].pk: (Decimal("85.5"), "ร้อยละ", None),
            indicators[1].pk: (Decimal("40"), "คน", Decimal("2")),
        },
        amounts={activity.pk: Decimal("2500")},
    )


@pytest.fixture
def submitted(draft, staff_user):
    return services.report_submit(report=draft, user=staff_user, version=draft.version)


def test_first_save_creates_the_report_with_its_values_and_history(draft, staff_user):
    assert (draft.status, draft.version, draft.work_done) == (Status.DRAFT, 1, "จัดอบรมครู ๒ รุ่น")
    values = {v.indicator.order: (v.value, v.unit, v.count) for v in draft.values.all()}
    assert values == {
        1: (Decimal("85.50"), "ร้อยละ", None),
        2: (Decimal("40.00"), "คน", Decimal("2.00")),
    }
    assert [d.amount for d in draft.disbursements.all()] == [Decimal("2500.00")]
    entries = list(history_for(draft))
    assert {(e.action, e.user) for e in entries} == {("create", staff_user)}
    assert changed(entries, "quarterlyreport", "work_done") == [[None, "จัดอบรมครู ๒ รุ่น"]]
    assert changed(entries, "reportvalue", "value") == [[None, "40.00"], [None, "85.50"]]
    assert changed(entries, "reportvalue", "count") == [[None, "2.00"]]
    assert changed(entries, "reportdisbursement", "amount") == [[None, "2500.00"]]


def test_second_save_records_old_and_new_and_blank_removes(draft, staff_user, indicators):
    first_save = history_for(draft).first().pk
    report = save(
        draft.project,
        staff_user,
        version=1,
        values={indicators[0].pk: (Decimal("90"), "ร้อยละ", None)},
        problems="ครูติดภารกิจ",
    )
    assert report.version == 2
    assert [v.value for v in report.values.all()] == [Decimal("90.00")]
    assert report.disbursements.count() == 0
    entries = list(history_for(report).filter(pk__gt=first_save))
    assert changed(entries, "quarterlyreport", "problems") == [[None, "ครูติดภารกิจ"]]
    assert changed(entries, "reportvalue", "value") == [["40.00", None], ["85.50", "90.00"]]
    assert changed(entries, "reportdisbursement", "amount") == [["2500.00", None]]
    assert {e.action for e in entries} == {"update", "delete"}


def test_saving_the_same_again_changes_nothing(draft, staff_user, indicators, activity):
    again = save(
        draft.project,
        staff_user,
        version=1,
        values={
            indicators[0].pk: (Decimal("85.50"), "ร้อยละ", None),
            indicators[1].pk: (Decimal("40"), "คน", Decimal("2")),
        },
        amounts={activity.pk: Decimal("2500.00")},
    )
    assert again.version == 1
    assert history_for(again).count() == history_for(draft).count() == 4  # the first save


def test_stale_version_is_refused_and_nothing_changes(draft, staff_user, group_director):
    save(draft.project, group_director, version=1, problems="แก้โดยผู้อำนวยการกลุ่ม")
    with pytest.raises(services.StaleReport) as error:
        save(draft.project, staff_user, version=1, problems="แก้โดยเจ้าหน้าที่")
    assert "มีผู้อื่นบันทึกรายงานนี้ก่อนท่าน" in error.value.messages[0]
    draft.refresh_from_db()
    assert (draft.version, draft.problems) == (2, "แก้โดยผู้อำนวยการกลุ่ม")
    assert [e.user for e in history_for(draft)[:1]] == [group_director]
    assert (
        not history_for(draft).filter(user__username=staff_user.username).exclude(action="create")
    )


def test_first_save_refused_when_someone_created_the_report_meanwhile(draft, group_director):
    with pytest.raises(services.StaleReport):
        save(draft.project, group_director, version=0)


def test_read_only_and_other_group_cannot_save(project, director, finance, other_staff):
    for user in (director, finance, other_staff):
        with pytest.raises(PermissionDenied):
            save(project, user)
    assert not QuarterlyReport.objects.filter(project=project).exists()


def test_submit_locks_the_draft_and_records_the_status(submitted, staff_user):
    assert (submitted.status, submitted.version, submitted.submitted_by) == (
        Status.SUBMITTED,
        2,
        staff_user,
    )
    entry = history_for(submitted).first()
    assert (entry.action, entry.changes["status"]) == ("submit", ["draft", "submitted"])
    (line,) = lines([entry], submitted)
    assert line.action == "ส่งรายงาน"
    assert ("สถานะ", "ร่าง", "ส่งแล้ว รอพิจารณา") in [(c.label, c.old, c.new) for c in line.changes]
    with pytest.raises(ValidationError, match="ส่งแล้วหรืออนุมัติแล้ว"):
        save(submitted.project, staff_user, version=2)


def test_submit_needs_what_was_done(project, staff_user):
    report = save(project, staff_user, work_done="")
    with pytest.raises(ValidationError) as error:
        services.report_submit(report=report, user=staff_user, version=1)
    assert error.value.message_dict == {
        "work_done": ["กรุณากรอกวิธีการดำเนินงาน/สิ่งที่ดำเนินการก่อนส่งรายงาน"]
    }
    report.refresh_from_db()
    assert report.status == Status.DRAFT


def test_return_needs_a_reason_and_the_group_director(submitted, staff_user, group_director):
    with pytest.raises(PermissionDenied):
        services.report_return(report=submitted, user=staff_user, version=2, reason="แก้")
    with pytest.raises(ValidationError):
        services.report_return(report=submitted, user=group_director, version=2, reason="  ")
    report = services.report_return(
        report=submitted, user=group_director, version=2, reason="เพิ่มจำนวนครูที่อบรม"
    )
    assert (report.status, report.last_reason, report.version) == (
        Status.RETURNED,
        "เพิ่มจำนวนครูที่อบรม",
        3,
    )
    entry = history_for(report).first()
    assert (entry.action, entry.note) == ("return", "เพิ่มจำนวนครูที่อบรม")
    assert entry.user == group_director
    assert entry.changes == {
        "status": ["submitted", "returned"],
        "last_reason": [None, "เพิ่มจำนวนครูที่อบรม"],
    }
    # returned is editable again, and may be submitted again
    again = save(report.project, staff_user, version=3, problems="แก้ไขแล้ว")
    resubmitted = services.report_submit(report=again, user=staff_user, version=4)
    assert resubmitted.status == Status.SUBMITTED


def test_approval_writes_results_and_the_ledger(submitted, director, indicators, activity):
    report = services.report_approve(report=submitted, user=director, version=2)
    assert (report.status, report.approved_by) == (Status.APPROVED, director)
    results = {
        r.indicator.order: (r.quarter, r.value, r.unit, r.count)
        for r in IndicatorResult.objects.filter(indicator__project=submitted.project)
    }
    assert results == {
        1: (1, Decimal("85.50"), "ร้อยละ", None),
        2: (1, Decimal("40.00"), "คน", Decimal("2.00")),
    }
    (paid,) = ProjectDisbursement.objects.filter(project=submitted.project)
    assert (paid.activity, paid.amount, paid.paid_on, paid.created_by) == (
        activity,
        Decimal("2500.00"),
        date(2021, 12, 31),
        director,
    )
    entry = history_for(report).first()
    assert (entry.action, entry.user) == ("approve", director)
    assert entry.changes["status"] == ["submitted", "approved"]
    # The results and the ledger entries the approval wrote are in the project's history.
    approval = history_for(report.project).filter(action="approve")
    assert changed(approval, "indicatorresult", "value") == [[None, "40.00"], [None, "85.50"]]
    assert changed(approval, "projectdisbursement", "amount") == [[None, "2500.00"]]


def test_staff_and_planner_cannot_approve(submitted, staff_user, planner):
    for user in (staff_user, planner):
        with pytest.raises(PermissionDenied):
            services.report_approve(report=submitted, user=user, version=2)
    assert IndicatorResult.objects.filter(indicator__project=submitted.project).count() == 0


def test_approval_refused_when_money_exceeds_what_is_left(plan, group, staff_user, director):
    project = pf.reportable_project(plan, group, 2, budget="1000")
    activity = project.activities.get()
    report = services.report_save_draft(
        project=project,
        quarter=2,
        user=staff_user,
        version=0,
        narrative={"work_done": "จัดซื้อวัสดุ"},
        values={project.indicators.first().pk: (Decimal(50), "ร้อยละ", None)},
        amounts={activity.pk: Decimal("1000.00")},
    )
    services.report_submit(report=report, user=staff_user, version=1)
    # Money spent after the submission (finance's direct entry) leaves less than reported.
    budget_factories.disbursement(project, "0.01")
    with pytest.raises(ValidationError, match="เกินงบประมาณคงเหลือ"):
        services.report_approve(report=report, user=director, version=2)
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert IndicatorResult.objects.filter(indicator__project=project).count() == 0
    assert ProjectDisbursement.objects.filter(project=project).count() == 1


# -- the ledger belongs to the report (finding 5) -----------------------------------------


@pytest.fixture
def big_project(plan, group):
    """500,000 baht, of which 150,000 to its one activity."""
    project = pf.reportable_project(plan, group, 3, budget="350000")
    activity = project.activities.get()
    budget_factories.allocation(project, "150000.00", activity=activity)
    return project


def test_a_report_over_the_activity_budget_is_refused_at_save_with_the_amount_left(
    big_project, staff_user
):
    activity = big_project.activities.get()
    with pytest.raises(ValidationError) as refused:
        save(big_project, staff_user, amounts={activity.pk: Decimal("300000")})
    assert refused.value.messages == [
        "เบิกจ่ายเกินงบประมาณคงเหลือของกิจกรรมที่ ๑ อบรมครู (คงเหลือ ๑๕๐,๐๐๐.๐๐ บาท)"
    ]
    assert not QuarterlyReport.objects.filter(project=big_project).exists()


def test_a_report_over_the_project_budget_is_refused_at_save(big_project, staff_user):
    with pytest.raises(ValidationError) as refused:
        save(big_project, staff_user, amounts={None: Decimal("500000.01")})
    assert refused.value.messages == ["เบิกจ่ายเกินงบประมาณคงเหลือ (คงเหลือ ๕๐๐,๐๐๐.๐๐ บาท)"]


def test_a_report_over_the_activity_budget_is_refused_at_submit(big_project, staff_user, finance):
    activity = big_project.activities.get()
    draft = save(big_project, staff_user, amounts={activity.pk: Decimal("150000")})
    # Meanwhile finance records 1,000 of the activity's money outside the report.
    budget_services.disbursement_record(
        project=big_project,
        activity=activity,
        amount=Decimal("1000"),
        paid_on=date(2022, 1, 10),
        user=finance,
    )
    with pytest.raises(ValidationError) as refused:
        services.report_submit(report=draft, user=staff_user, version=draft.version)
    assert "คงเหลือ ๑๔๙,๐๐๐.๐๐ บาท" in refused.value.messages[0]
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_a_reopened_report_counts_only_what_it_adds(big_project, staff_user, director, planner):
    activity = big_project.activities.get()
    draft = save(big_project, staff_user, amounts={activity.pk: Decimal("100000")})
    report = services.report_submit(report=draft, user=staff_user, version=draft.version)
    report = services.report_approve(report=report, user=director, version=report.version)
    report = services.report_reopen(
        report=report, user=planner, version=report.version, reason="เพิ่ม"
    )
    # 100,000 already posted: 150,000 in all is within the activity's 150,000, not more.
    with pytest.raises(ValidationError, match=r"คงเหลือ ๕๐,๐๐๐\.๐๐ บาท"):
        save(big_project, staff_user, report.version, amounts={activity.pk: Decimal("150000.01")})
    fixed = save(big_project, staff_user, report.version, amounts={activity.pk: Decimal("150000")})
    services.report_submit(report=fixed, user=staff_user, version=fixed.version)


def test_a_reversed_report_entry_is_posted_again_on_reapproval(
    big_project, staff_user, director, planner, finance
):
    activity = big_project.activities.get()
    draft = save(big_project, staff_user, amounts={activity.pk: Decimal("2500")})
    report = services.report_submit(report=draft, user=staff_user, version=draft.version)
    report = services.report_approve(report=report, user=director, version=report.version)
    posted = ProjectDisbursement.objects.get(project=big_project)
    budget_services.disbursement_reverse(disbursement=posted, user=finance, reason="ยอดผิด")
    report = services.report_reopen(
        report=report, user=planner, version=report.version, reason="แก้"
    )
    lower = save(big_project, staff_user, report.version, amounts={activity.pk: Decimal("2000")})
    lower = services.report_submit(report=lower, user=staff_user, version=lower.version)
    services.report_approve(report=lower, user=director, version=lower.version)
    amounts = ProjectDisbursement.objects.filter(project=big_project).order_by("pk")
    assert list(amounts.values_list("amount", flat=True)) == [
        Decimal("2500.00"),
        Decimal("-2500.00"),
        Decimal("2000.00"),
    ]


def test_reopen_keeps_approved_values_until_reapproval(
    submitted, staff_user, director, planner, group_director, indicators, activity
):
    approved = services.report_approve(report=submitted, user=director, version=2)
    with pytest.raises(PermissionDenied):
        services.report_reopen(report=approved, user=group_director, version=3, reason="แก้")
    with pytest.raises(ValidationError):
        services.report_reopen(report=approved, user=planner, version=3, reason="")
    reopened = services.report_reopen(
        report=approved, user=planner, version=3, reason="ตัวเลขผิดพลาด"
    )
    assert (reopened.status, reopened.last_reason) == (Status.DRAFT, "ตัวเลขผิดพลาด")
    assert IndicatorResult.objects.get(indicator=indicators[0]).value == Decimal("85.50")

    fixed = save(
        reopened.project,
        staff_user,
        version=4,
        values={indicators[0].pk: (Decimal("88"), "ร้อยละ", None)},
        amounts={activity.pk: Decimal("3000")},
    )
    services.report_submit(report=fixed, user=staff_user, version=5)
    services.report_approve(report=fixed, user=director, version=6)
    assert {
        r.indicator_id: r.value for r in IndicatorResult.objects.filter(indicator__in=indicators)
    } == {indicators[0].pk: Decimal("88.00")}
    # the ledger is never edited: the increase is posted as a second entry
    ledger = ProjectDisbursement.objects.filter(project=fixed.project).order_by("pk")
    amounts = list(ledger.values_list("amount", flat=True))
    assert amounts == [Decimal("2500.00"), Decimal("500.00")]


def test_reapproval_refuses_less_money_than_already_posted(
    submitted, staff_user, director, planner, activity
):
    services.report_approve(report=submitted, user=director, version=2)
    services.report_reopen(report=submitted, user=planner, version=3, reason="ลดยอด")
    lower = save(submitted.project, staff_user, version=4, amounts={activity.pk: Decimal("100")})
    services.report_submit(report=lower, user=staff_user, version=5)
    with pytest.raises(ValidationError, match="ต่ำกว่ายอดที่อนุมัติ"):
        services.report_approve(report=lower, user=director, version=6)
    assert ProjectDisbursement.objects.filter(project=lower.project).count() == 1


def test_photo_is_saved_and_removed_with_history(project, staff_user):
    report = services.report_save_draft(
        project=project,
        quarter=1,
        user=staff_user,
        version=0,
        narrative={},
        values={},
        amounts={},
        photo=pf.png_upload(),
        photo_caption="ภาพการอบรม",
    )
    (photo,) = report.photos.all()
    assert (photo.caption, photo.order) == ("ภาพการอบรม", 1)
    assert photo.image.name.startswith("progress/")
    services.report_photo_remove(photo=photo, user=staff_user, version=1)
    assert report.photos.count() == 0
    entry = history_for(report).first()
    assert (entry.action, entry.object_type) == ("delete", "progress.reportphoto")
    assert entry.changes["caption"] == ["ภาพการอบรม", None]


# -- four eyes (finding 4) ----------------------------------------------------------------


def test_a_group_director_cannot_approve_or_return_his_own_report(
    project, group_director, director, indicators, activity
):
    draft = save(project, group_director, amounts={activity.pk: Decimal("100")})
    mine = services.report_submit(report=draft, user=group_director, version=draft.version)
    for decide, extra in (
        (services.report_approve, {}),
        (services.report_return, {"reason": "แก้ไข"}),
    ):
        with pytest.raises(ValidationError) as refused:
            decide(report=mine, user=group_director, version=mine.version, **extra)
        assert refused.value.code == "four_eyes"
        assert "จึงอนุมัติหรือส่งกลับรายงานของตนเองไม่ได้" in refused.value.messages[0]
    mine.refresh_from_db()
    assert mine.status == Status.SUBMITTED
    assert not ProjectDisbursement.objects.filter(project=project).exists()
    # another director decides it
    approved = services.report_approve(report=mine, user=director, version=mine.version)
    assert (approved.status, approved.approved_by) == (Status.APPROVED, director)


def test_the_submitter_is_refused_even_as_a_superuser(project, staff_user, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", password="x")
    draft = save(project, boss)
    mine = services.report_submit(report=draft, user=boss, version=draft.version)
    with pytest.raises(ValidationError, match="รายงานของตนเองไม่ได้"):
        services.report_approve(report=mine, user=boss, version=mine.version)
