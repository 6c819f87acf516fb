"""python manage.py render_report 2565 --format pdf --output report.pdf [--office CODE]"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plans.models import Office, Plan
from plans.thai import to_thai_digits
from reports import printing, selectors


class Command(BaseCommand):
    help = "Render a year's annual report (รายงานผลการดำเนินงานประจำปี) as HTML or PDF."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="fiscal year, Buddhist era (e.g. 2565)")
        parser.add_argument("--format", choices=["html", "pdf"], default="pdf")
        parser.add_argument("--output", required=True, type=Path, help="file to write")
        parser.add_argument("--office", help="office code; needed when several offices have a plan")

    def handle(self, *args, year: int, format: str, output: Path, office: str | None, **options):
        plans = Plan.objects.select_related("office", "fiscal_year").filter(fiscal_year__year=year)
        if office is not None:
            if not Office.objects.filter(code=office).exists():
                raise CommandError(f"ไม่พบสำนักงานรหัส “{office}”")
            plans = plans.filter(office__code=office)
        found = list(plans[:2])
        if not found:
            raise CommandError(f"ไม่พบแผนปฏิบัติการปีงบประมาณ พ.ศ. {to_thai_digits(year)}")
        if len(found) > 1:
            raise CommandError(
                f"มีแผนปฏิบัติการปีงบประมาณ พ.ศ. {to_thai_digits(year)} หลายสำนักงาน"
                " โปรดระบุ --office รหัสสำนักงาน"
            )
        started = time.perf_counter()
        report = selectors.annual_report(found[0])
        if format == "pdf":
            output.write_bytes(printing.annual_report_pdf(report))
        else:
            output.write_text(printing.annual_report_html(report), encoding="utf-8")
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{output} ({format}, {elapsed:.1f} s)")
