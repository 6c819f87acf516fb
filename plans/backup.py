"""One archive of an instance (the database and the uploaded files), and its restoration into
an empty instance on either engine (`manage.py backup`, `manage.py restore`; docs/deploy.md).

The archive is a gzip'd tar:

- ``manifest.json``: when and from what it was made (engine, each app's last migration, row
  counts, the files and their SHA-256);
- ``data.json``: every row of the portal's apps and of the accounts, as Django's serializer
  writes them (``dumpdata --natural-foreign``: an account's permissions by name, so that
  content type ids of the other instance do not matter);
- ``media/<name>``: each file a row refers to (photos, figures, report PDFs, uploads), read
  through Django's storage, so the same code serves a disk or object storage.

**Consistent.** The rows are read in one transaction that sees one state of the database
(PostgreSQL: REPEATABLE READ, read only; SQLite: the portal's connections begin IMMEDIATE
transactions, so writers wait for the backup). The files are read after, by the names the
rows hold: an uploaded file's name is never reused (plans.files.PrivateName), so a file
written meanwhile is not one of them and a file deleted meanwhile is reported, not hidden.

**Left out**, as what is not the office's data or is rebuilt on its own: content types and
permissions (made by ``migrate``), sessions, sign-in lockout records, used form tokens,
background-task records.

Restoration refuses a database that holds data (unless told to replace it), refuses an
archive made at other migrations, loads every row in one transaction without writing audit
entries (the archive holds the trail as it was), then writes the files.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core import management
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from plans import audit
from plans.thai import to_thai_digits

FORMAT = 1
# What is not the office's data, or is made again on its own (see the module's docstring).
LEFT_OUT_APPS = frozenset({"contenttypes", "sessions", "axes"})
# The data versions are left out: a restore draws new ones (new epochs, plans/versions.py), so
# no cached page or kept PDF made after the backup was taken is ever taken for the restored data.
LEFT_OUT_MODELS = frozenset({"auth.permission", "plans.submissiontoken", "plans.dataversion"})
LEFT_OUT_PREFIXES = ("django_tasks",)  # the task queue's own records


class BackupError(Exception):
    """A Thai message for the person running the command."""


@dataclass(frozen=True)
class Summary:
    rows: int
    files: int
    missing: list[str]
    size: int


def backed_up_models() -> list[type[models.Model]]:
    """The models whose rows the archive holds, in dependency-free order (the loader sorts)."""
    chosen = []
    for model in apps.get_models():
        label = model._meta.label_lower
        app = model._meta.app_label
        if app in LEFT_OUT_APPS or label in LEFT_OUT_MODELS or app.startswith(LEFT_OUT_PREFIXES):
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        chosen.append(model)
    return chosen


def _file_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _migrations() -> dict[str, str]:
    """Each app's last applied migration: an archive loads only where they are the same."""
    last: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        if name > last.get(app, ""):
            last[app] = name
    return last


def _snapshot(outermost: bool) -> None:
    """Begin reading one state of the database (first thing inside transaction.atomic). In
    a transaction begun by someone else (a test's), that transaction's view is the state."""
    if connection.vendor == "postgresql" and outermost:
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def write_archive(path: Path) -> Summary:
    """Writes the archive of this instance to `path` (see the module's docstring). The rows
    go through a temporary file, not memory: a national instance has hundreds of thousands."""
    labels = [m._meta.label for m in backed_up_models()]
    with tempfile.TemporaryDirectory() as work:
        rows = Path(work) / "data.json"
        return _write(path, labels, rows)


def _write(path: Path, labels: list[str], rows: Path) -> Summary:
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        _snapshot(outermost)
        management.call_command(
            "dumpdata", *labels, natural_foreign=True, format="json", output=str(rows), verbosity=0
        )
        counts = {m._meta.label_lower: m._default_manager.count() for m in backed_up_models()}
        names = sorted(
            {
                name
                for model in backed_up_models()
                for field in _file_fields(model)
                for name in model._default_manager.exclude(**{field: ""})
                .values_list(field, flat=True)
                .iterator()
                if name
            }
        )
        migrations = _migrations()
    files, missing = {}, []
    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            if not default_storage.exists(name):
                missing.append(name)
                continue
            with default_storage.open(name, "rb") as handle:
                content = handle.read()
            files[name] = hashlib.sha256(content).hexdigest()
            _add(archive, f"media/{name}", content)
        manifest = {
            "format": FORMAT,
            "made_at": timezone.now().isoformat(),
            "engine": connection.vendor,
            "migrations": migrations,
            "rows": counts,
            "files": files,
            "missing_files": missing,
        }
        archive.add(rows, arcname="data.json")
        _add(archive, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode())
    return Summary(sum(counts.values()), len(files), missing, path.stat().st_size)


def holds_data() -> dict[str, int]:
    """The backed-up tables of this database that have rows (empty: nothing to lose)."""
    found = {}
    for model in backed_up_models():
        number = model._default_manager.count()
        if number:
            found[str(model._meta.verbose_name_plural)] = number
    return found


def _members(archive: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    for member in archive:
        if member.isfile():
            yield member


def _flush() -> None:
    """Empties every table (inside the restore's transaction). PostgreSQL truncates only
    with no deferred foreign-key check pending, so those are run first; loading then defers
    them again, as Django's loader expects (rows come in any order)."""
    postgres = connection.vendor == "postgresql"
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    management.call_command("flush", interactive=False, verbosity=0)
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def read_manifest(path: Path) -> dict:
    try:
        with tarfile.open(path, "r:gz") as archive:
            handle = archive.extractfile("manifest.json")
            manifest = json.loads(handle.read()) if handle else None
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"ไฟล์ {path} ไม่ใช่ไฟล์สำรองข้อมูลของระบบนี้หรือไฟล์เสียหาย") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"ไฟล์ {path} ไม่ใช่ไฟล์สำรองข้อมูลรูปแบบที่ระบบนี้อ่านได้")
    return manifest


def restore_archive(path: Path, *, replace: bool = False) -> Summary:
    """Loads the archive at `path` into this instance (see the module's docstring)."""
    manifest = read_manifest(path)
    current = _migrations()
    if manifest["migrations"] != current:
        behind = sorted(
            app
            for app in set(current) | set(manifest["migrations"])
            if current.get(app) != manifest["migrations"].get(app)
        )
        raise BackupError(
            "ไฟล์สำรองข้อมูลทำจากโครงสร้างฐานข้อมูลรุ่นอื่น (แอป: "
            + ", ".join(behind)
            + ") กรุณากู้คืนด้วยระบบรุ่นเดียวกับที่สำรองข้อมูล แล้วจึงปรับรุ่น"
        )
    existing = holds_data()
    if existing and not replace:
        examples = ", ".join(
            f"{name} {to_thai_digits(f'{number:,}')} แถว"
            for name, number in list(existing.items())[:3]
        )
        total = to_thai_digits(f"{sum(existing.values()):,}")
        raise BackupError(
            f"ฐานข้อมูลนี้มีข้อมูลอยู่แล้ว {total} แถวใน {to_thai_digits(len(existing))} ตาราง "
            f"(เช่น {examples}) จึงไม่กู้คืนทับ "
            "หากต้องการแทนที่ข้อมูลทั้งหมดด้วยไฟล์สำรอง ให้สั่งอีกครั้งพร้อม --replace"
        )
    with tarfile.open(path, "r:gz") as archive, tempfile.TemporaryDirectory() as work:
        fixture = Path(work) / "data.json"  # loaddata reads a file, named by its format
        handle = archive.extractfile("data.json")
        if handle is None:
            raise BackupError(f"ไฟล์ {path} ไม่มีข้อมูลตาราง (data.json)")
        with fixture.open("wb") as out:
            shutil.copyfileobj(handle, out)
        with transaction.atomic(), audit.suppressed():
            if existing:
                _flush()
            management.call_command("loaddata", str(fixture), verbosity=0)
        written = 0
        for member in _members(archive):
            if not member.name.startswith("media/"):
                continue
            name = member.name.removeprefix("media/")
            handle = archive.extractfile(member)
            content = handle.read() if handle else b""
            if hashlib.sha256(content).hexdigest() != manifest["files"].get(name):
                raise BackupError(f"ไฟล์ {name} ในไฟล์สำรองข้อมูลเสียหาย (ค่าตรวจสอบไม่ตรง)")
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(content))
            if saved != name:
                raise BackupError(f"เขียนไฟล์ {name} ไม่ได้ในชื่อเดิม (ได้ชื่อ {saved})")
            written += 1
    return Summary(sum(manifest["rows"].values()), written, manifest["missing_files"], 0)
