"""Loads the FY2565 reference data and creates one demo user per role."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import Loader, SeedError
from demo.users import DEMO_PASSWORD, ensure_demo_users


class Command(BaseCommand):
    help = "โหลดข้อมูลรายงานผลการดำเนินงานปีงบประมาณ ๒๕๖๕ และสร้างผู้ใช้ตัวอย่าง"

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users", action="store_true", help="ไม่สร้างผู้ใช้ตัวอย่าง (ใช้บนเครื่องจริง)"
        )

    def handle(self, *args, no_users: bool = False, **options):
        loader = Loader()
        try:
            plan = loader.load()
        except SeedError as error:
            raise CommandError(str(error)) from error
        stats = loader.stats
        self.stdout.write(
            f"โหลดข้อมูล {plan}: เพิ่ม {stats.created} แก้ไข {stats.updated} "
            f"คงเดิม {stats.unchanged} รายการ"
        )
        if no_users:
            return
        if not settings.DEMO_MODE:
            self.stdout.write(
                self.style.WARNING("ไม่สร้างผู้ใช้ตัวอย่างเพราะไม่ได้อยู่ในโหมดสาธิต (ตั้ง DJANGO_SECRET_KEY ไว้)")
            )
            return
        users = ensure_demo_users(plan.office)
        self.stdout.write("")
        self.stdout.write(f"ผู้ใช้ตัวอย่าง (รหัสผ่านทุกบัญชี: {DEMO_PASSWORD})")
        for username, label in users:
            self.stdout.write(f"  {username:<16} {label}")
