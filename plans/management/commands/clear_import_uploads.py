"""manage.py clear_import_uploads: delete the files uploaded for import and never confirmed
within a day (plans/imports/; a user's next upload also forgets their old ones). Run it
daily, e.g. from cron."""

from django.core.management.base import BaseCommand

from plans.imports.services import import_uploads_forget
from plans.thai import to_thai_digits


class Command(BaseCommand):
    help = "ลบไฟล์ที่อัปโหลดเพื่อนำเข้าข้อมูลแต่ไม่ได้ยืนยันภายใน ๑ วัน"

    def handle(self, *args, **options):
        count = import_uploads_forget()
        self.stdout.write(f"ลบไฟล์ที่รอยืนยันเกิน ๑ วันแล้ว {to_thai_digits(count)} ไฟล์")
