"""Reminders of the quarterly reports' deadlines, sent by `manage.py send_reminders` once a
day (a systemd timer or cron: README, "Reminders").

The schedule, for each project's quarter whose report is not yet sent (no report, a draft,
or returned for correction; progress.selectors.quarter_status's rule), with the quarter's
deadline from progress.selectors.report_deadlines:

- before: once, on the first run in the NOTICE_REMINDER_DAYS_BEFORE days up to and
  including the deadline day (3 by default), to the project's staff;
- overdue: on the first run after the deadline, then again each time
  NOTICE_OVERDUE_EVERY_DAYS (7) have passed since the last one, to the staff and their
  group director, until NOTICE_OVERDUE_FOR_DAYS (60) after the deadline (then the next
  quarter's reminders and the follow-up page take over).

Each reminder sent is recorded (progress.ReminderSent, one per project, quarter, stage and
day) in the transaction that writes its notices, so a second run, the same day or a later
one, sends nothing twice. Who is told: progress/notices.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Prefetch

from plans import thai
from plans.models import NoticeKind
from plans.notices.services import notify
from progress import notices
from progress.models import QuarterlyReport, ReminderSent
from progress.selectors import NOT_STARTED, STATUS_LABELS, report_deadlines
from projects.models import Project

SENT = (QuarterlyReport.Status.SUBMITTED, QuarterlyReport.Status.APPROVED)


@dataclass(frozen=True)
class Reminder:
    project: Project
    quarter: int
    stage: str  # ReminderSent.Stage
    deadline: date
    status: str  # the report's status code, or NOT_STARTED

    def text(self, today: date) -> str:
        title = notices.report_title(self.project, self.quarter)
        due = thai.format_thai_date(self.deadline)
        status = STATUS_LABELS[self.status]
        if self.stage == ReminderSent.Stage.BEFORE:
            days = (self.deadline - today).days
            when = "วันนี้" if days == 0 else f"อีก {thai.to_thai_digits(days)} วัน"
            return (
                f"{title} ครบกำหนดส่งวันที่ {due} ({when}) ยังไม่ได้ส่ง (สถานะ: {status}) "
                "กรุณาส่งรายงานภายในกำหนด"
            )
        days = (today - self.deadline).days
        return (
            f"{title} เลยกำหนดส่งวันที่ {due} มาแล้ว {thai.to_thai_digits(days)} วัน "
            f"ยังไม่ได้ส่ง (สถานะ: {status}) กรุณาส่งรายงานโดยเร็ว"
        )


def due_reminders(today: date) -> list[Reminder]:
    """The reminders the schedule (module docstring) sends on `today`, not yet sent. A few
    queries per fiscal year looked at (this one and the one before), whatever the number of
    projects."""
    before = timedelta(days=settings.NOTICE_REMINDER_DAYS_BEFORE)
    every = timedelta(days=settings.NOTICE_OVERDUE_EVERY_DAYS)
    last_day = timedelta(days=settings.NOTICE_OVERDUE_FOR_DAYS)
    due = []
    this_year = thai.fiscal_year_of(today)
    for year in (this_year - 1, this_year):
        deadlines = report_deadlines(year)
        quarters = {q: d for q, d in deadlines.items() if d - before <= today <= d + last_day}
        if not quarters:
            continue
        projects = list(
            Project.objects.filter(plan__fiscal_year__year=year)
            .select_related("plan__office", "plan__fiscal_year")
            .prefetch_related(
                Prefetch(
                    "quarterly_reports",
                    queryset=QuarterlyReport.objects.filter(quarter__in=quarters),
                    to_attr="reports_due",
                )
            )
            .order_by("plan__office_id", "number")
        )
        last_sent = {
            (row["project"], row["quarter"], row["stage"]): row["last"]
            for row in ReminderSent.objects.filter(
                project__plan__fiscal_year__year=year, quarter__in=quarters
            )
            .values("project", "quarter", "stage")
            .annotate(last=Max("sent_on"))
            .order_by()
        }
        for quarter, deadline in sorted(quarters.items()):
            for project in projects:
                report = next((r for r in project.reports_due if r.quarter == quarter), None)
                status = report.status if report else NOT_STARTED
                if status in SENT:
                    continue
                if today <= deadline:
                    stage = ReminderSent.Stage.BEFORE
                    if (project.pk, quarter, stage) in last_sent:
                        continue
                else:
                    stage = ReminderSent.Stage.OVERDUE
                    last = last_sent.get((project.pk, quarter, stage))
                    if last is not None and today - last < every:
                        continue
                due.append(Reminder(project, quarter, stage, deadline, status))
    return due


def send_reminders(*, today: date) -> int:
    """Sends `today`'s reminders (each with its record, in one transaction per project and
    quarter); returns how many were sent. Running it again the same day sends nothing."""
    sent = 0
    for reminder in due_reminders(today):
        overdue = reminder.stage == ReminderSent.Stage.OVERDUE
        with transaction.atomic():
            _record, created = ReminderSent.objects.get_or_create(
                project=reminder.project,
                quarter=reminder.quarter,
                stage=reminder.stage,
                sent_on=today,
            )
            if not created:  # another run got here first
                continue
            notify(
                recipients=notices.report_staff(reminder.project, directors=overdue),
                office_id=reminder.project.plan.office_id,
                kind=NoticeKind.OVERDUE if overdue else NoticeKind.DEADLINE_SOON,
                text=reminder.text(today),
                link=notices.report_link(reminder.project, reminder.quarter),
            )
        sent += 1
    return sent
