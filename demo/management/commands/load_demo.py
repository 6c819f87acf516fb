"""Loads the FY2565 reference data and creates one demo user per role.

It refuses a database it did not make (demo/guard.py) unless told `--force`, and then first
lists what it will overwrite and delete."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import guard
from demo.loader import Loader, SeedError
from demo.users import DEMO_PASSWORD, ensure_demo_users
from plans import audit

# The exit status of a refusal: scripts/run serves the database as it is then.
REFUSED = 3


class Command(BaseCommand):
    help = "โหลดข้อมูลรายงานผลการดำเนินงานปีงบประมาณ ๒๕๖๕ และสร้างผู้ใช้ตัวอย่าง"

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users", action="store_true", help="ไม่สร้างผู้ใช้ตัวอย่าง (ใช้บนเครื่องจริง)"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="โหลดทับฐานข้อมูลที่ไม่ได้สร้างโดยคำสั่งนี้ หรือที่ผู้ใช้แก้ไขแล้ว (แสดงรายการที่จะถูกแก้ไขและลบก่อน)",
        )

    def handle(self, *args, no_users: bool = False, force: bool = False, **options):
        try:
            with transaction.atomic():
                plan, stats = self._load(force)
        except SeedError as error:
            raise CommandError(str(error)) from error
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
        with audit.suppressed():
            users = ensure_demo_users(plan.office)
        self.stdout.write("")
        self.stdout.write(f"ผู้ใช้ตัวอย่าง (รหัสผ่านทุกบัญชี: {DEMO_PASSWORD})")
        for username, label in users:
            self.stdout.write(f"  {username:<16} {label}")

    def _load(self, force: bool):
        found = guard.foreign_data()
        if found and not force:
            lines = [f"  {what}: {number}" for what, number in found.items()]
            raise CommandError(
                "ไม่โหลดข้อมูลตัวอย่าง: ฐานข้อมูลนี้มีข้อมูลที่ไม่ได้สร้างโดย load_demo "
                "หรือผู้ใช้แก้ไขแล้ว การโหลดจะเขียนทับหรือลบข้อมูลเหล่านั้น\n"
                + "\n".join(lines)
                + "\nถ้าต้องการโหลดทับจริง ให้สั่ง load_demo --force "
                "(จะแสดงรายการที่จะถูกแก้ไขและลบก่อน)",
                returncode=REFUSED,
            )
        if force:
            if found:
                self.stdout.write("ฐานข้อมูลนี้มีข้อมูลที่ไม่ได้สร้างโดย load_demo:")
                for what, number in found.items():
                    self.stdout.write(f"  {what}: {number}")
            self.stdout.write(self.style.WARNING("การโหลดครั้งนี้จะเขียนทับ:"))
            for line in guard.overwrite_of(guard.preview()).lines():
                self.stdout.write(line)
        loader = Loader()
        plan = loader.load()
        guard.record_load(plan, loader.stats, forced=force)
        return plan, loader.stats
