"""manage.py backup and restore (plans/backup.py): the archive of one engine, restored into
an empty database of the other engine, reprints the same annual report (identical HTML) and
the same photos; restore refuses a database with data unless told, and a damaged or foreign
file changes nothing.

The other engine: scripts/test gives the SQLite pass the PostgreSQL server of the run
(OTHER_DATABASE_URL; a fresh database is made on it and dropped after), and the PostgreSQL
pass restores into a fresh SQLite file. Run alone without OTHER_DATABASE_URL, the SQLite
pass restores into another SQLite file."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tarfile
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from plans.models import Office
from progress.models import PrintedPhoto, QuarterlyReport, ReportPhoto
from reports import printing, selectors
from tests.progress.factories import png_bytes

pytestmark = pytest.mark.django_db
ROOT = Path(settings.BASE_DIR)


@contextmanager
def other_database(tmp_path: Path):
    """A URL of an empty database of the other engine (see the module's docstring)."""
    other = os.environ.get("OTHER_DATABASE_URL", "")
    if connection.vendor == "postgresql" or not other.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg2

    name = f"restore_{uuid.uuid4().hex[:12]}"
    server = re.sub(r"/[^/]*$", "/postgres", other)
    admin = psycopg2.connect(server)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield re.sub(r"/[^/]*$", f"/{name}", other)
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


def manage(url: str, media: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_MEDIA_ROOT": str(media)}
    return subprocess.run(  # noqa: S603 - our own manage.py by our own interpreter
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _printed_photo(plan) -> ReportPhoto:
    report = QuarterlyReport.objects.filter(
        project__plan=plan, status=QuarterlyReport.Status.APPROVED
    ).first()
    photo = ReportPhoto(report=report, order=1, caption="ครูแกนนำร่วมอบรม")
    photo.image.save("photo.png", ContentFile(png_bytes((60, 40))), save=False)
    photo.save()
    PrintedPhoto.objects.create(photo=photo, order=1, caption="ภาพที่พิมพ์ในรายงาน")
    return photo


def test_the_other_engine_reprints_the_same_report_and_photos(fy2565_db, media, tmp_path):
    plan = fy2565_db
    photo = _printed_photo(plan)
    before = printing.annual_report_html(selectors.annual_report(plan))
    assert "ภาพที่พิมพ์ในรายงาน" in before
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())

    restored_media = tmp_path / "restored-media"
    with other_database(tmp_path) as url:
        migrated = manage(url, restored_media, "migrate", "--noinput", "-v0")
        assert migrated.returncode == 0, migrated.stderr
        restored = manage(url, restored_media, "restore", str(archive))
        assert restored.returncode == 0, restored.stderr
        assert "กู้คืนข้อมูลแล้ว" in restored.stdout
        out = tmp_path / "after.html"
        printed = manage(
            url,
            restored_media,
            "render_report",
            "2565",
            "--format",
            "html",
            "--output",
            str(out),
            "--office",
            plan.office.code,
        )
        assert printed.returncode == 0, printed.stderr
        assert out.read_text(encoding="utf-8") == before
        again = manage(url, restored_media, "restore", str(archive))
        assert again.returncode != 0 and "มีข้อมูลอยู่แล้ว" in again.stderr
    assert (restored_media / photo.image.name).read_bytes() == photo.image.open("rb").read()


def test_restore_refuses_a_database_with_data_and_replaces_it_when_told(fy2565_db, media, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    office = Office.objects.get()
    office.name = "ชื่อที่แก้หลังสำรอง"
    office.save()
    with pytest.raises(CommandError, match="มีข้อมูลอยู่แล้ว"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert Office.objects.get().name == "ชื่อที่แก้หลังสำรอง"  # nothing changed
    call_command("restore", str(archive), replace=True, stdout=io.StringIO())
    assert Office.objects.get().name != "ชื่อที่แก้หลังสำรอง"


def test_a_file_that_is_not_an_archive_is_named_and_changes_nothing(db, tmp_path):
    fake = tmp_path / "backup.tar.gz"
    fake.write_text("not an archive")
    with pytest.raises(CommandError, match="ไม่ใช่ไฟล์สำรองข้อมูล"):
        call_command("restore", str(fake), stdout=io.StringIO())
    with pytest.raises(CommandError, match="ไม่พบไฟล์"):
        call_command("restore", str(tmp_path / "none.tar.gz"), stdout=io.StringIO())


def test_a_damaged_photo_in_the_archive_is_refused(fy2565_db, media, tmp_path):
    photo = _printed_photo(fy2565_db)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == f"media/{photo.image.name}":
                data = data[:-10] + b"0123456789"
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="เสียหาย"):
        call_command("restore", str(damaged), replace=True, stdout=io.StringIO())


def test_an_archive_of_other_migrations_is_refused(fy2565_db, media, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    older = tmp_path / "older.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(older, "w:gz") as target:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                data = data.replace(b'"plans": "0', b'"plans": "000')
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="รุ่นอื่น"):
        call_command("restore", str(older), replace=True, stdout=io.StringIO())


def test_backup_does_not_overwrite_a_file(db, tmp_path):
    existing = tmp_path / "backup.tar.gz"
    existing.write_text("keep me")
    with pytest.raises(CommandError, match="อยู่แล้ว"):
        call_command("backup", output=str(existing), stdout=io.StringIO())
    assert existing.read_text() == "keep me"
