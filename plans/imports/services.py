"""The import's writes: keeping the uploaded file (privately, one per user, office and kind),
checking it and confirming it. The confirmation reads the stored file again and imports it in
one transaction: a file with any error changes nothing. Its writes are in the audit trail as
the user's, each with one note naming the file.

The check (the preview's dry run) and the import are tasks of the task queue
(plans/tasks.py, the house pattern of reports/tasks.py): the upload and the confirmation
queue them in their transaction and return at once; a worker runs them
(`import_check_run`, `import_run`) and keeps their outcome on the upload, which the preview
page reads. Each queued task names the upload's `attempt`: a task whose upload was given to
another attempt (a new upload, a job ended as stale) writes nothing. A job that has been
checking or importing for longer than `STALE_AFTER` lost its worker: the next look at it
(`import_upload_recover`) ends it as failed, with a Thai message to try again."""

from __future__ import annotations

import hashlib
import logging
import os
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from plans import audit
from plans.access import require
from plans.imports.base import ImportKind, kind_or_404
from plans.imports.reading import MAX_BYTES
from plans.imports.running import Outcome, run
from plans.models import ImportUpload, Office
from plans.thai import format_number, to_thai_digits

logger = logging.getLogger(__name__)
Status = ImportUpload.Status

UPLOAD_KEEP = timedelta(days=1)  # an upload not confirmed within a day is forgotten
# A check or an import still running after this lost its worker (30,000 schools take under
# a minute): ended as failed at the next look. Its import, if it ever ends, writes nothing.
STALE_AFTER = timedelta(minutes=10)
FILE_CHANGED = (
    "ไฟล์ที่ยืนยันไม่ใช่ไฟล์ที่ท่านเพิ่งตรวจดูตัวอย่าง (อาจอัปโหลดไฟล์ใหม่จากหน้าต่างอื่น) กรุณาตรวจดูตัวอย่างอีกครั้งแล้วจึงยืนยัน"
)
TOO_BIG = "ไฟล์มีขนาดเกิน {limit} MB กรุณาแบ่งไฟล์แล้วนำเข้าทีละไฟล์"
NOT_CHECKED = "ไฟล์นี้ยังนำเข้าไม่ได้ กรุณาตรวจดูตัวอย่างอีกครั้ง"
BUSY = "กำลังนำเข้าไฟล์ {name} อยู่ กรุณารอให้เสร็จก่อนอัปโหลดไฟล์ใหม่"
CHECK_FAILED = "ตรวจสอบไฟล์ไม่สำเร็จ กรุณาอัปโหลดไฟล์อีกครั้ง หากยังไม่สำเร็จโปรดแจ้งผู้ดูแลระบบ"
IMPORT_FAILED = "นำเข้าไม่สำเร็จ ไม่มีข้อมูลใดถูกบันทึก กรุณาลองใหม่อีกครั้ง หากยังไม่สำเร็จโปรดแจ้งผู้ดูแลระบบ"
INTERRUPTED = (
    "งานนี้หยุดไปกลางคัน (เครื่องประมวลผลหยุดทำงานหรือใช้เวลานานผิดปกติ) "
    "ไม่มีข้อมูลใดถูกบันทึก กรุณาอัปโหลดไฟล์แล้วลองใหม่อีกครั้ง"
)


class ImportRefused(Exception):
    """The stored file has errors now: nothing was written. `outcome` says what."""

    def __init__(self, outcome: Outcome):
        super().__init__(outcome.refused or "import refused")
        self.outcome = outcome


def _forget(uploads) -> None:
    """Delete upload rows, and their files once the transaction has committed."""
    for upload in list(uploads):
        name, storage = upload.file.name, upload.file.storage
        upload.delete()
        if name:
            transaction.on_commit(lambda n=name, s=storage: s.delete(n))


@audit.authored
@transaction.atomic
def import_upload_save(*, kind: ImportKind, office: Office, user, file) -> ImportUpload:
    """Keep `file` (an uploaded file) as the user's upload of `kind` in `office`, replacing
    the one before; forgets the user's uploads older than a day."""
    require(user, office, kind.right)
    if file.size > MAX_BYTES:
        raise ValidationError(
            TOO_BIG.format(limit=to_thai_digits(MAX_BYTES // (1024 * 1024))), code="too_big"
        )
    content = file.read()
    stale = ImportUpload.objects.filter(user=user, uploaded_at__lt=timezone.now() - UPLOAD_KEEP)
    _forget(stale)
    before = ImportUpload.objects.select_for_update().filter(
        user=user, office=office, kind=kind.key
    )
    busy = next((u for u in before if u.status == Status.IMPORTING), None)
    if busy is not None and import_upload_recover(upload=busy).status == Status.IMPORTING:
        raise ValidationError(BUSY.format(name=busy.name), code="busy")
    _forget(before)
    name = os.path.basename(file.name or "")[:255] or "file"
    upload = ImportUpload(
        user=user,
        office=office,
        kind=kind.key,
        name=name,
        size=len(content),
        digest=hashlib.sha256(content).hexdigest(),
    )
    upload.file.save(name, ContentFile(content), save=False)
    upload.full_clean()
    upload.save()
    _enqueue(upload, Status.CHECKING)
    return upload


def _enqueue(upload: ImportUpload, status: str) -> None:
    """Queue the upload's check or import as a new attempt (inside the caller's
    transaction); the immediate backend has run it when this returns."""
    from plans.tasks import import_upload_check, import_upload_import

    attempt = upload.attempt + 1
    _update(
        upload,
        status=status,
        attempt=attempt,
        queued_at=timezone.now(),
        started_at=None,
        finished_at=None,
        error="",
        task_id="",
    )
    task = import_upload_check if status == Status.CHECKING else import_upload_import
    result = task.enqueue(upload_id=upload.pk, attempt=attempt)
    ImportUpload.objects.filter(pk=upload.pk, attempt=attempt).update(task_id=str(result.id))
    upload.refresh_from_db()


def _update(upload: ImportUpload, **fields) -> None:
    for name, value in fields.items():
        setattr(upload, name, value)
    upload.save(update_fields=list(fields))


def _attempt_update(upload_id: int, attempt: int, current: str, **fields) -> bool:
    """Write `fields` if the upload is still this attempt's job, in status `current`."""
    return bool(
        ImportUpload.objects.filter(pk=upload_id, attempt=attempt, status=current).update(**fields)
    )


def _fail(upload_id: int, attempt: int, current: str, error: str) -> None:
    _attempt_update(
        upload_id, attempt, current, status=Status.FAILED, error=error, finished_at=timezone.now()
    )


def _claim(upload_id: int, attempt: int, status: str) -> ImportUpload | None:
    """Start the attempt's job; None when it is not this attempt's to run any more (a new
    upload, a job ended as stale) or has started already (a task run twice)."""
    started = ImportUpload.objects.filter(
        pk=upload_id, attempt=attempt, status=status, started_at__isnull=True
    ).update(started_at=timezone.now())
    if not started:
        return None
    return ImportUpload.objects.select_related("user", "office").get(pk=upload_id)


def import_upload_recover(*, upload: ImportUpload) -> ImportUpload:
    """The upload as it stands, a check or import that lost its worker (running or queued
    for longer than `STALE_AFTER`) ended as failed with a Thai message. Reads first: a
    live job is not written to (SQLite would wait for the import's transaction)."""
    if not upload.is_working:
        return upload
    cutoff = timezone.now() - STALE_AFTER
    since = upload.started_at or upload.queued_at or upload.uploaded_at
    if since >= cutoff:
        return upload
    ended = (
        ImportUpload.objects.filter(pk=upload.pk, attempt=upload.attempt, status=upload.status)
        .alias(since=Coalesce("started_at", "queued_at", "uploaded_at"))
        .filter(since__lt=cutoff)
        .update(status=Status.FAILED, error=INTERRUPTED, finished_at=timezone.now())
    )
    if ended:
        logger.warning("import upload %s: its %s lost its worker", upload.pk, upload.status)
    upload.refresh_from_db()
    return upload


def import_check_run(*, upload_id: int, attempt: int) -> None:
    """The check a task runs: the preview's dry run of the stored file (writes no data),
    kept on the upload as CHECKED (it may be imported) or REFUSED (what is wrong)."""
    upload = _claim(upload_id, attempt, Status.CHECKING)
    if upload is None:
        return
    try:
        kind = kind_or_404(upload.kind)
        require(upload.user, upload.office, kind.right)
        outcome = import_check(upload=upload)
    except PermissionDenied as denied:
        _fail(upload_id, attempt, Status.CHECKING, str(denied))
        return
    except Exception:
        logger.exception("import upload %s: the check failed", upload_id)
        _fail(upload_id, attempt, Status.CHECKING, CHECK_FAILED)
        return
    _attempt_update(
        upload_id,
        attempt,
        Status.CHECKING,
        status=Status.CHECKED if outcome.ok else Status.REFUSED,
        outcome=outcome.stored(),
        finished_at=timezone.now(),
    )


@transaction.atomic
def import_uploads_forget(*, older_than: timedelta = UPLOAD_KEEP) -> int:
    """Delete every upload not confirmed within `older_than`, with its file (manage.py
    clear_import_uploads, for those who never came back to confirm); returns how many."""
    stale = list(ImportUpload.objects.filter(uploaded_at__lt=timezone.now() - older_than))
    _forget(stale)
    return len(stale)


def upload_content(upload: ImportUpload) -> bytes:
    with upload.file.open("rb") as stored:
        return stored.read()


def import_check(*, upload: ImportUpload, dry_run: bool = True) -> Outcome:
    """The preview of a stored upload: what confirming it would do now (writes nothing).
    Without `dry_run`, the import itself: the caller holds the transaction."""
    kind = kind_or_404(upload.kind)
    return run(
        kind,
        office=upload.office,
        user=upload.user,
        name=upload.name,
        content=upload_content(upload),
        dry_run=dry_run,
    )


@transaction.atomic
def import_confirm(*, upload: ImportUpload, user, digest: str) -> ImportUpload:
    """Queue the import of the stored file the user saw previewed (`digest`); returns the
    upload (with the immediate backend, imported or refused already). Confirming an import
    under way again queues nothing."""
    kind = kind_or_404(upload.kind)
    require(user, upload.office, kind.right)
    upload = ImportUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.user_id != user.pk or digest != upload.digest:
        raise ValidationError(FILE_CHANGED, code="changed")
    if upload.status == Status.IMPORTING:
        return upload
    if upload.status != Status.CHECKED:
        raise ValidationError(NOT_CHECKED, code="not_checked")
    _enqueue(upload, Status.IMPORTING)
    return upload


class _Superseded(Exception):
    """The job was ended (as stale) while it imported: its writes are rolled back."""


def import_run(*, upload_id: int, attempt: int) -> None:
    """The import a task runs, as the uploading user (their rights, the audit trail in their
    name): every row in one transaction, with the upload's end as DONE; or, when any row is
    wrong now, nothing and the upload REFUSED with what is wrong."""
    upload = _claim(upload_id, attempt, Status.IMPORTING)
    if upload is None:
        return
    try:
        kind = kind_or_404(upload.kind)
        note = f"นำเข้า{kind.title} จากไฟล์ {upload.name}"
        with transaction.atomic(), audit.acting(user=upload.user, note=note):
            require(upload.user, upload.office, kind.right)
            outcome = import_check(upload=upload, dry_run=False)
            if not outcome.ok:
                raise ImportRefused(outcome)
            name, storage = upload.file.name, upload.file.storage
            ended = _attempt_update(
                upload_id,
                attempt,
                Status.IMPORTING,
                status=Status.DONE,
                outcome=outcome.stored(),
                file="",
                finished_at=timezone.now(),
            )
            if not ended:
                raise _Superseded
            transaction.on_commit(lambda: storage.delete(name))
    except ImportRefused as refusal:
        _attempt_update(
            upload_id,
            attempt,
            Status.IMPORTING,
            status=Status.REFUSED,
            outcome=refusal.outcome.stored(),
            finished_at=timezone.now(),
        )
    except _Superseded:
        logger.warning("import upload %s attempt %s was ended meanwhile", upload_id, attempt)
    except PermissionDenied as denied:
        _fail(upload_id, attempt, Status.IMPORTING, str(denied))
    except Exception:
        logger.exception("import upload %s: the import failed", upload_id)
        _fail(upload_id, attempt, Status.IMPORTING, IMPORT_FAILED)


def import_done_message(upload: ImportUpload) -> str:
    counts = upload.outcome["counts"]
    kind = kind_or_404(upload.kind)
    return (
        f"นำเข้า{kind.title}จากไฟล์ {upload.name} แล้ว: "
        f"เพิ่มใหม่ {format_number(counts['created'])} รายการ "
        f"แก้ไข {format_number(counts['changed'])} รายการ "
        f"ไม่เปลี่ยนแปลง {format_number(counts['unchanged'])} รายการ"
    )


@transaction.atomic
def import_upload_forget(*, upload: ImportUpload) -> None:
    """An import seen done: its upload (the file went with the import) is forgotten."""
    _forget(ImportUpload.objects.filter(pk=upload.pk, status=Status.DONE))
