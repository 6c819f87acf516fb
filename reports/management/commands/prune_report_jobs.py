"""`manage.py prune_report_jobs [--days 30]`: delete old annual-report PDF jobs and their
files (reports.services.report_jobs_prune), keeping each plan's newest finished PDF and any
job still queued or running. Run it weekly (docs/deploy.md)."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand

from reports import services


class Command(BaseCommand):
    help = "ลบงานจัดทำรายงาน PDF ที่เก่ากว่าจำนวนวันที่กำหนด พร้อมไฟล์ (เก็บฉบับล่าสุดของแต่ละแผนไว้เสมอ)"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=30, help="อายุขั้นต่ำของงานที่จะลบ (วัน)")

    def handle(self, *args, days: int, **options) -> None:
        count = services.report_jobs_prune(older_than=timedelta(days=days))
        self.stdout.write(f"ลบงานจัดทำรายงาน PDF แล้ว {count} รายการ")
