"""Notices of the quarterly report's workflow (progress/notices.py): who is told of a
submitted, returned, approved and reopened report, in what Thai words, with what link and
e-mail; who is not (the submitter of their own report, the one who decided, another group,
another office, a user who turned it off); each e-mail sent once."""

import pytest
from django.core import mail

from plans.models import Notice, NoticeKind, Role
from plans.notices import services as notice_services
from progress import services
from tests import factories

pytestmark = pytest.mark.django_db

URL = "http://portal.example.go.th"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.PORTAL_BASE_URL = URL


@pytest.fixture
def people(office, group, other_group, staff_user, group_director, director, planner, outsider):
    """Everyone of the office (and the outsider) with an e-mail address, and an office
    administrator and a staff member of the other group."""
    admin = factories.member(office, "officeadmin", Role.ADMIN)
    other_staff = factories.member(office, "otherstaff", Role.STAFF, other_group)
    finance = factories.member(office, "finance", Role.FINANCE)
    users = {
        "staff": staff_user,
        "groupdirector": group_director,
        "director": director,
        "planner": planner,
        "admin": admin,
        "other_staff": other_staff,
        "finance": finance,
        "outsider": outsider,
    }
    for name, user in users.items():
        user.email = f"{name}@example.go.th"
        user.first_name, user.last_name = f"ชื่อ{name}", "ทดสอบ"
        user.save()
    return users


def _draft(project, user):
    return services.report_save_draft(
        project=project,
        quarter=2,
        user=user,
        version=0,
        narrative={"work_done": "จัดอบรมครู"},
        values={},
        amounts={},
    )


@pytest.fixture
def submitted(project, people, django_capture_on_commit_callbacks):
    report = _draft(project, people["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        return services.report_submit(report=report, user=people["staff"], version=report.version)


def recipients(kind) -> set[str]:
    return set(Notice.objects.filter(kind=kind).values_list("recipient__username", flat=True))


TITLE = "รายงานความก้าวหน้า ไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๕ ของโครงการทดสอบ 1"


def test_a_submitted_report_tells_its_approvers_but_not_its_submitter(submitted, people, project):
    assert recipients(NoticeKind.REPORT_SUBMITTED) == {"groupdirector", "director", "officeadmin"}
    notice = Notice.objects.get(recipient=people["director"])
    assert notice.text == f"ชื่อstaff ทดสอบ ส่ง{TITLE} รอท่านพิจารณา"
    link = f"/progress/projects/{project.pk}/q2/?office=test-office"
    assert (notice.link, notice.office_id, notice.in_portal, notice.by_email) == (
        link,
        project.plan.office_id,
        True,
        True,
    )
    # One e-mail each, in Thai, with the absolute link, after the commit.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "admin@example.go.th",
        "director@example.go.th",
        "groupdirector@example.go.th",
    ]
    message = next(m for m in mail.outbox if m.to == ["director@example.go.th"])
    assert message.subject == "รายงานส่งมารอพิจารณา – ระบบติดตามแผนปฏิบัติการประจำปี"
    assert message.body.startswith("เรียน ชื่อdirector ทดสอบ\n\n")
    assert f"ชื่อstaff ทดสอบ ส่ง{TITLE} รอท่านพิจารณา" in message.body
    assert f"{URL}{link}" in message.body
    assert f"{URL}/notices/settings/" in message.body
    assert Notice.objects.filter(emailed_at__isnull=True).count() == 0


def test_a_group_director_submitting_is_not_told_of_his_own_report(
    project, people, django_capture_on_commit_callbacks
):
    report = _draft(project, people["groupdirector"])
    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(report=report, user=people["groupdirector"], version=report.version)
    assert recipients(NoticeKind.REPORT_SUBMITTED) == {"director", "officeadmin"}


@pytest.mark.parametrize(
    ("decide", "kind", "words"),
    [
        (
            "return",
            NoticeKind.REPORT_RETURNED,
            f"ชื่อdirector ทดสอบ ส่ง{TITLE} กลับให้แก้ไข เหตุผล: ตัวเลขไม่ตรง",
        ),
        ("approve", NoticeKind.REPORT_APPROVED, f"ชื่อdirector ทดสอบ อนุมัติ{TITLE} แล้ว"),
    ],
)
def test_a_decision_tells_the_reports_staff(
    submitted, people, decide, kind, words, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        if decide == "return":
            services.report_return(
                report=submitted,
                user=people["director"],
                version=submitted.version,
                reason="ตัวเลขไม่ตรง",
            )
        else:
            services.report_approve(
                report=submitted, user=people["director"], version=submitted.version
            )
    # The submitter (the group's staff); not the director who decided, not the other group.
    assert recipients(kind) == {"staff"}
    assert Notice.objects.get(kind=kind).text == words
    assert [m.to for m in mail.outbox] == [["staff@example.go.th"]]
    assert words in mail.outbox[0].body


def test_the_owner_and_every_staff_member_of_the_group_hear_of_a_decision(
    submitted, people, office, group, django_capture_on_commit_callbacks
):
    colleague = factories.member(office, "colleague", Role.STAFF, group)
    owner = factories.member(office, "owner", Role.FINANCE)
    submitted.project.owner = owner
    submitted.project.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_approve(
            report=submitted, user=people["groupdirector"], version=submitted.version
        )
    assert recipients(NoticeKind.REPORT_APPROVED) == {"staff", "colleague", "owner"}
    assert colleague.email == ""  # no address: listed, never e-mailed
    assert Notice.objects.get(recipient=colleague).by_email is False


def test_a_reopened_report_tells_its_staff_with_the_reason(
    submitted, people, django_capture_on_commit_callbacks
):
    approved = services.report_approve(
        report=submitted, user=people["director"], version=submitted.version
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.report_reopen(
            report=approved, user=people["planner"], version=approved.version, reason="แก้ชื่อกิจกรรม"
        )
    assert recipients(NoticeKind.REPORT_REOPENED) == {"staff"}
    assert Notice.objects.get(kind=NoticeKind.REPORT_REOPENED).text == (
        f"ชื่อplanner ทดสอบ เปิด{TITLE} ที่อนุมัติแล้วให้แก้ไขอีกครั้ง เหตุผล: แก้ชื่อกิจกรรม"
    )


def test_a_user_who_turned_a_kind_off_gets_what_they_kept(
    project, people, django_capture_on_commit_callbacks
):
    notice_services.notice_preferences_save(
        user=people["director"], choices={NoticeKind.REPORT_SUBMITTED: (True, False)}
    )
    notice_services.notice_preferences_save(
        user=people["admin"], choices={NoticeKind.REPORT_SUBMITTED: (False, False)}
    )
    notice_services.notice_preferences_save(
        user=people["groupdirector"], choices={NoticeKind.REPORT_SUBMITTED: (False, True)}
    )
    report = _draft(project, people["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(report=report, user=people["staff"], version=report.version)
    rows = {
        n.recipient.username: (n.in_portal, n.by_email)
        for n in Notice.objects.filter(kind=NoticeKind.REPORT_SUBMITTED).select_related("recipient")
    }
    assert rows == {"director": (True, False), "groupdirector": (False, True)}
    assert [m.to for m in mail.outbox] == [["groupdirector@example.go.th"]]


def test_another_office_and_an_inactive_account_hear_nothing(project, people, submitted):
    assert not Notice.objects.filter(recipient=people["outsider"]).exists()
    people["director"].is_active = False
    people["director"].save()
    approved = services.report_approve(
        report=submitted, user=people["groupdirector"], version=submitted.version
    )
    reopened = services.report_reopen(
        report=approved, user=people["planner"], version=approved.version, reason="ทดสอบ"
    )
    report = services.report_submit(report=reopened, user=people["staff"], version=reopened.version)
    assert report.status == "submitted"
    assert Notice.objects.filter(kind=NoticeKind.REPORT_SUBMITTED).count() == 3 + 2  # no director


def test_a_refused_step_writes_no_notice_and_sends_nothing(
    project, people, django_capture_on_commit_callbacks
):
    report = _draft(project, people["staff"])
    with pytest.raises(services.StaleReport), django_capture_on_commit_callbacks(execute=True):
        services.report_submit(report=report, user=people["staff"], version=report.version + 5)
    assert Notice.objects.count() == 0
    assert mail.outbox == []


def test_an_email_is_sent_once_however_often_it_is_asked(submitted, people):
    notice = Notice.objects.get(recipient=people["director"])
    assert len(mail.outbox) == 3
    assert notice_services.send_notice_email(notice.pk) is False
    assert notice_services.send_pending_emails() == 0
    assert len(mail.outbox) == 3


def test_a_failed_send_waits_for_the_daily_sweep(
    project, people, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(self, *args, **kwargs):
        raise OSError("SMTP server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    report = _draft(project, people["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        submitted = services.report_submit(
            report=report, user=people["staff"], version=report.version
        )
    assert submitted.status == "submitted"  # the submission stands
    assert Notice.objects.filter(emailed_at__isnull=True).count() == 3
    monkeypatch.undo()
    from datetime import timedelta

    from django.utils import timezone

    assert notice_services.send_pending_emails() == 0  # too recent: may be on its way
    later = timezone.now() + timedelta(hours=1)
    assert notice_services.send_pending_emails(now=later) == 3
    assert notice_services.send_pending_emails(now=later) == 0
    assert len(mail.outbox) == 3


def test_with_a_worker_the_email_is_a_task_queued_after_the_commit(
    project, people, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from plans.notices.tasks import notice_email_send

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    report = _draft(project, people["staff"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.report_submit(report=report, user=people["staff"], version=report.version)
        assert not DBTaskResult.objects.exists()  # nothing queued before the commit
    for callback in callbacks:
        callback()
    tasks = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert {t.task_path for t in tasks} == {"plans.notices.tasks.notice_email_send"}
    notices = set(Notice.objects.filter(by_email=True).values_list("pk", flat=True))
    assert {t.args_kwargs["kwargs"]["notice_id"] for t in tasks} == notices
    assert mail.outbox == []  # the worker sends them
    for pk in sorted(notices):
        notice_email_send.call(notice_id=pk)  # as the worker runs it, twice
        notice_email_send.call(notice_id=pk)
    assert len(mail.outbox) == 3


def test_a_recipient_whose_address_went_is_not_e_mailed_nor_tried_again(project, people, settings):
    from django_tasks_db.models import DBTaskResult  # noqa: F401 (the queue's table exists)

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    report = _draft(project, people["staff"])
    services.report_submit(report=report, user=people["staff"], version=report.version)
    notice = Notice.objects.get(recipient=people["director"])
    people["director"].email = ""
    people["director"].save()
    assert notice_services.send_notice_email(notice.pk) is False
    notice.refresh_from_db()
    assert (notice.by_email, notice.emailed_at, notice.in_portal) == (False, None, True)
    assert notice_services.send_notice_email(notice.pk) is False
    assert mail.outbox == []


def test_of_two_senders_at_once_one_sends(submitted, people):
    """The claim is one UPDATE where emailed_at is empty: a second sender finds it taken."""
    notice = Notice.objects.get(recipient=people["director"])
    Notice.objects.filter(pk=notice.pk).update(emailed_at=None)  # as if not yet sent
    mail.outbox.clear()
    assert [notice_services.send_notice_email(notice.pk) for _ in range(2)] == [True, False]
    assert len(mail.outbox) == 1
