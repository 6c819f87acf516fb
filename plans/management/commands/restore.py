"""manage.py restore FILE [--replace]: loads an archive made by `manage.py backup` into this
instance, after `manage.py migrate` at the same version (plans/backup.py). Refuses a
database that holds data unless --replace."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plans.backup import BackupError, restore_archive
from plans.thai import to_thai_digits


class Command(BaseCommand):
    help = "กู้คืนข้อมูลจากไฟล์สำรองข้อมูล (manage.py backup) ลงในฐานข้อมูลที่ว่าง"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="ไฟล์สำรองข้อมูล (.tar.gz)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="ลบข้อมูลทั้งหมดที่มีอยู่ในฐานข้อมูลนี้ แล้วแทนที่ด้วยข้อมูลจากไฟล์สำรอง",
        )

    def handle(self, *args, archive, replace=False, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"ไม่พบไฟล์ {path}")
        try:
            summary = restore_archive(path, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"กู้คืนข้อมูลแล้ว: ข้อมูล {to_thai_digits(f'{summary.rows:,}')} แถว "
            f"ไฟล์ {to_thai_digits(f'{summary.files:,}')} ไฟล์"
        )
        for name in summary.missing:
            self.stderr.write(self.style.WARNING(f"ไฟล์นี้ไม่มีในไฟล์สำรองตั้งแต่ตอนสำรอง: {name}"))
