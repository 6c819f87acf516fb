"""Daily: the quarterly reports' deadline reminders (progress/reminders.py) and any notice
e-mail still unsent (plans.notices.services.send_pending_emails). Safe to run more than
once a day: nothing is sent twice.

    python manage.py send_reminders [--date 2025-01-12]
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from plans.notices.services import send_pending_emails
from progress.reminders import send_reminders


class Command(BaseCommand):
    help = "Sends the day's report-deadline reminders and any notice e-mail not yet sent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="the day to act as (YYYY-MM-DD, C.E.; default: today in TIME_ZONE)",
        )

    def handle(self, *args, date: str | None = None, **options):
        today = self._day(date) if date else timezone.localdate()
        reminders = send_reminders(today=today)
        emails = send_pending_emails()
        self.stdout.write(
            f"{today.isoformat()}: {reminders} reminders, {emails} pending e-mails sent"
        )

    @staticmethod
    def _day(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            raise CommandError(f"--date: not a date (YYYY-MM-DD): {text}") from error
