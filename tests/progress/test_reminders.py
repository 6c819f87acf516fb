"""The deadline reminders' schedule (progress/reminders.py), on fixed dates: FY2565's second
quarter is due on 15 April 2022 (15 days after it ends). Defaults: 3 days before, then
overdue from the day after, every 7 days, for 60 days."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from plans.models import Notice, NoticeKind, Role
from plans.notices.services import notice_preferences_save
from progress.models import QuarterlyReport, ReminderSent
from progress.reminders import send_reminders
from tests import factories
from tests.progress import factories as pf
from tests.progress.factories import reportable_project

pytestmark = pytest.mark.django_db

DUE = date(2022, 4, 15)
TITLE = "รายงานความก้าวหน้า ไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๕ ของโครงการทดสอบ 1"


@pytest.fixture
def team(project, staff_user, group_director, director, planner, other_staff):
    for user in (staff_user, group_director, director, planner, other_staff):
        user.email = f"{user.username}@example.go.th"
        user.save()
    # Q1 is done (approved), so only Q2's deadline is in question in April.
    pf.report(project, 1, status=QuarterlyReport.Status.APPROVED)
    return project


def run(day: date, **kwargs) -> list[tuple[str, str]]:
    """Runs the day's reminders; returns (recipient, kind) of the notices written by it."""
    before = set(Notice.objects.values_list("pk", flat=True))
    send_reminders(today=day, **kwargs)
    new = Notice.objects.exclude(pk__in=before).order_by("recipient__username")
    return [(n.recipient.username, n.kind) for n in new]


def test_nothing_more_than_three_days_before_the_deadline(team):
    assert run(date(2022, 4, 11)) == []
    assert ReminderSent.objects.count() == 0


def test_three_days_before_the_staff_are_reminded_once(team, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert run(date(2022, 4, 12)) == [("staff", NoticeKind.DEADLINE_SOON)]
    notice = Notice.objects.get()
    assert notice.text == (
        f"{TITLE} ครบกำหนดส่งวันที่ ๑๕ เมษายน ๒๕๖๕ (อีก ๓ วัน) ยังไม่ได้ส่ง (สถานะ: ยังไม่เริ่ม) "
        "กรุณาส่งรายงานภายในกำหนด"
    )
    assert notice.link == f"/progress/projects/{team.pk}/q2/?office=test-office"
    assert [m.to for m in mail.outbox] == [["staff@example.go.th"]]
    assert mail.outbox[0].subject == "ใกล้ครบกำหนดส่งรายงาน – ระบบติดตามแผนปฏิบัติการประจำปี"
    # The same day again, the next days and the deadline day itself: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        for day in (12, 13, 14, 15):
            assert run(date(2022, 4, day)) == []
    assert len(mail.outbox) == 1


def test_first_run_on_the_deadline_day_says_today(team):
    assert run(DUE) == [("staff", NoticeKind.DEADLINE_SOON)]
    assert "(วันนี้)" in Notice.objects.get().text


def test_overdue_the_day_after_then_weekly_to_staff_and_group_director(team):
    run(date(2022, 4, 12))
    overdue = [("groupdirector", NoticeKind.OVERDUE), ("staff", NoticeKind.OVERDUE)]
    assert run(date(2022, 4, 16)) == overdue
    assert Notice.objects.filter(kind=NoticeKind.OVERDUE).first().text == (
        f"{TITLE} เลยกำหนดส่งวันที่ ๑๕ เมษายน ๒๕๖๕ มาแล้ว ๑ วัน ยังไม่ได้ส่ง (สถานะ: ยังไม่เริ่ม) "
        "กรุณาส่งรายงานโดยเร็ว"
    )
    for day in range(16, 23):
        assert run(date(2022, 4, day)) == [], day
    assert run(date(2022, 4, 23)) == overdue
    # A week without a run: the next run reminds, and the week counts from it.
    assert run(date(2022, 5, 3)) == overdue
    assert run(date(2022, 5, 9)) == []
    assert run(date(2022, 5, 10)) == overdue
    # Sixty days after the deadline (14 June) is the last day it may remind.
    assert run(date(2022, 6, 14)) == overdue
    assert run(date(2022, 6, 30)) == []
    assert list(ReminderSent.objects.filter(stage="overdue").values_list("sent_on", flat=True)) == [
        date(2022, 4, 16),
        date(2022, 4, 23),
        date(2022, 5, 3),
        date(2022, 5, 10),
        date(2022, 6, 14),
    ]


def test_a_returned_or_draft_report_is_reminded_a_sent_one_is_not(team, plan, group):
    second = reportable_project(plan, group, number=2)
    third = reportable_project(plan, group, number=3)
    fourth = reportable_project(plan, group, number=4)
    pf.report(team, 2, status=QuarterlyReport.Status.SUBMITTED)
    pf.report(second, 2, status=QuarterlyReport.Status.APPROVED)
    pf.report(third, 2, status=QuarterlyReport.Status.RETURNED)
    pf.report(fourth, 2, status=QuarterlyReport.Status.DRAFT)
    send_reminders(today=date(2022, 4, 16))
    assert set(ReminderSent.objects.values_list("project__number", flat=True)) == {3, 4}
    texts = sorted(
        Notice.objects.filter(recipient__username="staff").values_list("text", flat=True)
    )
    assert "(สถานะ: ส่งกลับแก้ไข)" in texts[0] + texts[1]
    assert "(สถานะ: ร่าง)" in texts[0] + texts[1]


def test_each_office_reminds_its_own_people(team, office):
    other = factories.office(code="other-office", name="สำนักงานอื่น")
    their_group = factories.work_group(other, code="g", name="กลุ่มอื่น")
    theirs = factories.member(other, "theirstaff", Role.STAFF, their_group)
    reportable_project(factories.plan(other), their_group)
    send_reminders(today=date(2022, 4, 16))
    notices = {
        n.recipient.username: n.office.code
        for n in Notice.objects.select_related("recipient", "office")
    }
    assert notices == {
        "staff": "test-office",
        "groupdirector": "test-office",
        "theirstaff": "other-office",
    }
    assert theirs.notices.get().link.endswith("?office=other-office")


def test_a_user_who_turned_reminders_off_is_not_reminded(team, staff_user):
    notice_preferences_save(user=staff_user, choices={NoticeKind.OVERDUE: (False, False)})
    assert run(date(2022, 4, 16)) == [("groupdirector", NoticeKind.OVERDUE)]


def test_the_days_come_from_the_settings(team, settings):
    settings.NOTICE_REMINDER_DAYS_BEFORE = 7
    settings.NOTICE_OVERDUE_EVERY_DAYS = 2
    assert run(date(2022, 4, 8)) == [("staff", NoticeKind.DEADLINE_SOON)]
    assert len(run(date(2022, 4, 16))) == 2
    assert run(date(2022, 4, 17)) == []
    assert len(run(date(2022, 4, 18))) == 2


def test_the_command_twice_a_day_sends_nothing_twice(team, django_capture_on_commit_callbacks):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", "--date", "2022-04-16")
    assert Notice.objects.count() == 2
    assert ReminderSent.objects.count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == [
        "groupdirector@example.go.th",
        "staff@example.go.th",
    ]
