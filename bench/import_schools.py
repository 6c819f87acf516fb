"""Times the portal's import of 30,000 school rows with their statistics (plans/imports/):
the upload (the web request: stores the file, queues the check), the check (the worker's
task: reads the file, validates every row, writes nothing), the confirmation (the web
request: queues the import) and the import (the worker's task: the check again, then School,
SchoolYear, GradeEnrolment and the audit trail's entries in one transaction), and the same
file imported again (nothing changes). The tasks are run here, as a worker runs them.
Prints seconds and the process's peak memory after each step; asserts nothing.

Goal (issue 13): under 30 s for 30,000 rows on the 2-core machine. ROWS=n runs another size.
Runs against a fresh SQLite file (or DATABASE_URL if set to a PostgreSQL server)."""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = tempfile.mkdtemp(prefix="import-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.db")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_MEDIA_ROOT", f"{workdir}/media")
os.environ["DJANGO_TASKS_BACKEND"] = "database"  # requests queue; this script is the worker

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from plans.imports import services  # noqa: E402
from plans.imports.running import StoredOutcome  # noqa: E402
from plans.imports.schools import SCHOOLS, grade_header  # noqa: E402
from plans.models import (  # noqa: E402
    AuditEntry,
    GradeEnrolment,
    ImportUpload,
    Membership,
    Office,
    Province,
    Role,
)

ROWS = int(os.environ.get("ROWS", "30000"))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def school_file(rows: int) -> bytes:
    """Made in a child process (`--make`), so that the peak memory printed is the import's."""
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as target:
        command = [sys.executable, __file__, "--make", target.name, str(rows)]
        subprocess.run(command, check=True)  # noqa: S603 -- this very script
        return Path(target.name).read_bytes()


def make_file(path: str, rows: int) -> None:
    """`rows` schools of two provinces and 60 clusters, every grade filled, as an .xlsx."""
    book = Workbook()  # as Excel saves it (with the sheet's dimension)
    sheet = book.active
    sheet.title = "ข้อมูล"
    headers = [c.header for c in SCHOOLS.columns]
    sheet.append(["ข้อมูลโรงเรียน ปีการศึกษา ๒๕๖๕ (ชุดทดสอบความเร็ว)"])
    sheet.append(headers)
    for n in range(rows):
        row = {
            "รหัสโรงเรียน": f"{1_000_000 + n}",
            "ชื่อโรงเรียน": f"โรงเรียนทดสอบ {n}",
            "จังหวัด": ("พิษณุโลก", "อุตรดิตถ์")[n % 2],
            "สหวิทยาเขต": f"สหวิทยาเขต {n % 60}",
            "ระดับที่เปิดสอน": "ม.๑ – ม.๖",
            "ปีการศึกษา (พ.ศ.)": 2565,
            "ข้อมูล ณ วันที่": "10/6/2565",
            "ครูชาย": 10 + n % 7,
            "ครูหญิง": 20 + n % 11,
        }
        for grade in range(1, 7):
            row[grade_header(grade, "male")] = 40 + (n + grade) % 50
            row[grade_header(grade, "female")] = 45 + (n * grade) % 50
            row[grade_header(grade, "classrooms")] = 2 + grade % 3
        sheet.append([row[h] for h in headers])
    book.save(path)


def step(label: str, func):
    """Wall seconds, and this process's CPU seconds (what the step costs when the machine's
    other work competes for its two cores), and the peak memory so far."""
    start, cpu = time.perf_counter(), time.process_time()
    result = func()
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label:<40} {elapsed:7.1f} s wall {used:7.1f} s CPU   peak RSS {peak_mb():5.0f} MB")
    return result


def main():
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}; {ROWS:,} school rows")
    print("load average (1, 5, 15 min): {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    call_command("migrate", verbosity=0)
    office = Office.objects.create(code="bench", name="สำนักงานทดสอบความเร็ว", short_name="ทดสอบ")
    for name in ("พิษณุโลก", "อุตรดิตถ์"):
        office.provinces.add(Province.objects.get_or_create(name=name)[0])
    user = get_user_model().objects.create_user("bench-planner", password="x")  # noqa: S106
    Membership.objects.create(user=user, office=office, role=Role.PLANNING)
    print(f"{'(setup)':<40} {'':36}peak RSS {peak_mb():5.0f} MB")

    content = step("make the .xlsx file (another process)", lambda: school_file(ROWS))
    print(f"{'   file size':<40} {len(content) / 1e6:7.1f} MB")

    def upload():
        file = SimpleUploadedFile("schools.xlsx", content)
        return services.import_upload_save(kind=SCHOOLS, office=office, user=user, file=file)

    def check(stored):
        step(
            "check (task: read, validate, no write)",
            lambda: services.import_check_run(upload_id=stored.pk, attempt=stored.attempt),
        )
        stored.refresh_from_db()
        step(
            "preview page's outcome (web request)",
            lambda: StoredOutcome.of(ImportUpload.objects.get(pk=stored.pk).outcome),
        )
        print(f"{'   kept outcome (JSON)':<40} {len(json.dumps(stored.outcome)) / 1e3:7.1f} kB")
        return stored

    def confirm(stored):
        queued = step(
            "confirm (web request: queues the import)",
            lambda: services.import_confirm(upload=stored, user=user, digest=stored.digest),
        )
        step(
            "import (task: read, validate, write, audit)",
            lambda: services.import_run(upload_id=queued.pk, attempt=queued.attempt),
        )
        queued.refresh_from_db()
        return queued

    stored = check(step("upload (web request: stores, queues)", upload))
    assert stored.status == "checked", stored.outcome
    assert stored.outcome["counts"]["created"] == ROWS
    assert confirm(stored).status == "done"
    print(
        f"{'   written':<40} {GradeEnrolment.objects.count():,} grade rows, "
        f"{AuditEntry.objects.count():,} audit entries"
    )
    stored = check(step("upload the same file again", upload))
    assert stored.outcome["counts"]["unchanged"] == ROWS
    assert confirm(stored).status == "done"
    print("load average (1, 5, 15 min): {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--make"]:
        make_file(sys.argv[2], int(sys.argv[3]))
    else:
        main()
