"""Rebuilds the search index of every office, or of one (`--office CODE`)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from plans import thai
from plans.models import Office
from search import indexing


class Command(BaseCommand):
    help = "สร้างดัชนีค้นหาใหม่ทั้งหมด หรือเฉพาะสำนักงานที่ระบุ"

    def add_arguments(self, parser):
        parser.add_argument("--office", metavar="CODE", help="รหัสสำนักงาน (ไม่ระบุ: ทุกสำนักงาน)")

    def handle(self, *args, office: str | None = None, **options):
        offices = Office.objects.order_by("code")
        if office:
            offices = offices.filter(code=office)
            if not offices.exists():
                raise CommandError(f"ไม่พบสำนักงานรหัส {office}")
        started = time.perf_counter()
        total = 0
        for each in offices:
            with transaction.atomic():  # an office's index is never half made
                made = indexing.rebuild([each.pk])
            total += made
            self.stdout.write(f"{each.code}: {thai.format_number(made)} รายการ")
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"สร้างดัชนีค้นหาใหม่ {thai.format_number(total)} รายการ "
            f"ใน {thai.to_thai_digits(f'{seconds:.1f}')} วินาที"
        )
