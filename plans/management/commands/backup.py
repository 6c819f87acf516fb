"""manage.py backup [--output FILE]: one consistent archive of the database and the uploaded
files (plans/backup.py; how often and where to keep it: docs/deploy.md, "Backups")."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from plans.backup import BackupError, write_archive
from plans.thai import to_thai_digits


class Command(BaseCommand):
    help = "สำรองฐานข้อมูลและไฟล์ที่อัปโหลดทั้งหมดเป็นไฟล์เดียว (.tar.gz)"

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="ไฟล์ที่จะเขียน (ค่าเริ่มต้น: backup-ปปปปดดวว-ชชนน.tar.gz ในโฟลเดอร์ปัจจุบัน)",
        )

    def handle(self, *args, output=None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = Path(output or f"backup-{stamp}.tar.gz")
        if path.exists():
            raise CommandError(f"มีไฟล์ {path} อยู่แล้ว จะไม่เขียนทับ กรุณาระบุชื่ออื่นด้วย --output")
        try:
            summary = write_archive(path)
        except BackupError as error:
            path.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"สำรองข้อมูลแล้ว: {path} ({to_thai_digits(f'{summary.size / 1_048_576:,.1f}')} MB) "
            f"ข้อมูล {to_thai_digits(f'{summary.rows:,}')} แถว "
            f"ไฟล์ {to_thai_digits(f'{summary.files:,}')} ไฟล์"
        )
        for name in summary.missing:
            self.stderr.write(self.style.WARNING(f"ไม่พบไฟล์ที่ข้อมูลอ้างถึง: {name}"))
