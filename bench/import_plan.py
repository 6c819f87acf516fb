"""Times the import of the FY2565 plan into an empty office (issue 13): the demo's plan is
exported from the import pages' data exports (projects, activities, indicators, quarterly
values, table 7, the office budget), and each file is uploaded, previewed and confirmed in
turn, then imported again (nothing changes). Prints seconds per step (wall and CPU, the
machine is shared) and the peak memory; asserts nothing about time.

Runs against a fresh SQLite file (or DATABASE_URL if set to a PostgreSQL server)."""

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = tempfile.mkdtemp(prefix="import-plan-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.db")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_MEDIA_ROOT", f"{workdir}/media")
# The upload and the confirmation queue their tasks; this script runs what a worker runs.
os.environ["DJANGO_TASKS_BACKEND"] = "database"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402

from plans.excel import xlsx_response  # noqa: E402
from plans.imports import kind_or_404, services  # noqa: E402
from plans.imports.workbook import data_export  # noqa: E402
from plans.models import FiscalYear, Membership, Office, Plan, Role, WorkGroup  # noqa: E402

KINDS = (
    ("plan-projects", Role.PLANNING),
    ("plan-activities", Role.PLANNING),
    ("plan-indicators", Role.PLANNING),
    ("plan-alignment", Role.PLANNING),
    ("indicator-values", Role.PLANNING),
    ("office-allocations", Role.FINANCE),
    ("office-disbursements", Role.FINANCE),
)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(func):
    start, cpu = time.perf_counter(), time.process_time()
    result = func()
    return result, time.perf_counter() - start, time.process_time() - cpu


def import_once(kind, office, user, content: bytes) -> tuple[int, float, float, float]:
    """Upload, preview and confirm one file: (rows, preview s, confirm s, CPU s)."""
    file = SimpleUploadedFile(f"{kind.key}.xlsx", content)
    stored = services.import_upload_save(kind=kind, office=office, user=user, file=file)
    _, previewed, cpu1 = timed(
        lambda: services.import_check_run(upload_id=stored.pk, attempt=stored.attempt)
    )
    stored.refresh_from_db()
    assert stored.status == "checked", stored.outcome

    def confirm():
        queued = services.import_confirm(upload=stored, user=user, digest=stored.digest)
        services.import_run(upload_id=queued.pk, attempt=queued.attempt)

    _, confirmed, cpu2 = timed(confirm)
    return stored.outcome["rows"], previewed, confirmed, cpu1 + cpu2


def main():
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}")
    print("load average (1, 5, 15 min): {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    seeded = Plan.objects.get(fiscal_year__year=2565).office
    empty = Office.objects.create(code="bench-empty", name="สำนักงานว่าง", short_name="ว่าง")
    for group in WorkGroup.objects.filter(office=seeded):
        WorkGroup.objects.create(office=empty, code=group.code, name=group.name, kind=group.kind)
    Plan.objects.create(office=empty, fiscal_year=FiscalYear.objects.get(year=2565))
    users = {}
    for role in (Role.PLANNING, Role.FINANCE):
        user = get_user_model().objects.create_user(f"bench-{role}", password="x")  # noqa: S106
        for office in (seeded, empty):
            Membership.objects.create(user=user, office=office, role=role)
        users[role] = user
    files = {
        key: xlsx_response(data_export(kind_or_404(key), office=seeded, year=2565)).content
        for key, _ in KINDS
    }
    print(f"{'file':<24}{'rows':>6}{'preview s':>11}{'confirm s':>11}{'CPU s':>8}")
    for label in ("into the empty office", "the same files again"):
        total = cpu_total = 0.0
        for key, role in KINDS:
            rows, previewed, confirmed, cpu = import_once(
                kind_or_404(key), empty, users[role], files[key]
            )
            total += previewed + confirmed
            cpu_total += cpu
            print(f"{key:<24}{rows:>6}{previewed:>11.2f}{confirmed:>11.2f}{cpu:>8.2f}")
        print(f"{label}: {total:.2f} s wall, {cpu_total:.2f} s CPU, peak RSS {peak_mb():.0f} MB")
    print("load average (1, 5, 15 min): {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
