"""Generates the national-scale SYNTHETIC data set (demo/national.py) for benchmarks only,
into a separate database: `--database-url` (migrated first) or the DATABASE_URL the command
runs with. Never into a real office's database: it refuses one that has data already."""

import time

import dj_database_url
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from demo.national import CODE_PREFIX, DIRECTOR, DIRECTOR_PASSWORD, Generator, Sizes
from plans.models import Office

ALIAS = "national"


def _same_database(one: dict, other: dict) -> bool:
    keys = ("ENGINE", "NAME", "HOST", "PORT")
    return all(str(one.get(k) or "") == str(other.get(k) or "") for k in keys)


class Command(BaseCommand):
    help = "สร้างข้อมูลสังเคราะห์ระดับประเทศสำหรับทดสอบสมรรถนะ (ห้ามใช้กับฐานข้อมูลจริง)"

    def add_arguments(self, parser):
        defaults = Sizes()
        parser.add_argument("--database-url", help="ฐานข้อมูลแยกสำหรับข้อมูลสังเคราะห์")
        parser.add_argument("--offices", type=int, default=defaults.offices)
        parser.add_argument("--projects", type=int, default=defaults.projects)
        parser.add_argument("--schools", type=int, default=defaults.schools)
        parser.add_argument("--seed", type=int, default=2567)

    def handle(self, *args, database_url=None, offices, projects, schools, seed, **options):
        using = "default"
        if database_url:
            # configure_settings fills every default a database entry needs.
            config = connections.configure_settings(
                {"default": dj_database_url.parse(database_url)}
            )["default"]
            if not _same_database(config, connections.settings["default"]):
                connections.settings[ALIAS] = config
                using = ALIAS
        # The default database too: django-tasks-db's migration 0016 writes through the
        # default connection whatever database it migrates (a second connection to the same
        # SQLite file would wait for the first one's lock).
        call_command("migrate", database=using, verbosity=0)
        if offices < 1 or projects < 1 or schools < 0:
            raise CommandError("จำนวนต้องเป็นจำนวนบวก")
        if Office.objects.using(using).filter(code__startswith=CODE_PREFIX).exists():
            raise CommandError("ฐานข้อมูลนี้มีข้อมูลสังเคราะห์อยู่แล้ว: ใช้ฐานข้อมูลใหม่")
        start = time.perf_counter()
        sizes = Sizes(offices=offices, projects=projects, schools=schools)
        counts = Generator(sizes, using=using, seed=seed).run()
        if connections[using].vendor == "postgresql":
            # Statistics for the planner, as autovacuum would gather them a while after a
            # bulk load: without them the first minutes' queries take poor plans.
            with connections[using].cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(f"สร้างข้อมูลสังเคราะห์ใน {time.perf_counter() - start:.1f} วินาที: {counts}")
        self.stdout.write(f"ผู้อำนวยการสำหรับทดสอบ: {DIRECTOR} / {DIRECTOR_PASSWORD}")
