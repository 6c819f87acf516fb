"""The import's writes: keeping the uploaded file (privately, one per user, office and kind)
and confirming it. The confirmation reads the stored file again and imports it in one
transaction: a file with any error changes nothing. Its writes are in the audit trail as the
user's, each with one note naming the file."""

from __future__ import annotations

import hashlib
import os
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from plans import audit
from plans.access import require
from plans.imports.base import ImportKind, kind_or_404
from plans.imports.reading import MAX_BYTES
from plans.imports.running import Outcome, run
from plans.models import ImportUpload, Office
from plans.thai import to_thai_digits

UPLOAD_KEEP = timedelta(days=1)  # an upload not confirmed within a day is forgotten
FILE_CHANGED = (
    "ไฟล์ที่ยืนยันไม่ใช่ไฟล์ที่ท่านเพิ่งตรวจดูตัวอย่าง (อาจอัปโหลดไฟล์ใหม่จากหน้าต่างอื่น) กรุณาตรวจดูตัวอย่างอีกครั้งแล้วจึงยืนยัน"
)
TOO_BIG = "ไฟล์มีขนาดเกิน {limit} MB กรุณาแบ่งไฟล์แล้วนำเข้าทีละไฟล์"


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
    _forget(ImportUpload.objects.filter(user=user, office=office, kind=kind.key))
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
    return upload


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


def import_check(*, upload: ImportUpload) -> Outcome:
    """The preview of a stored upload: what confirming it would do now (writes nothing)."""
    kind = kind_or_404(upload.kind)
    return run(
        kind,
        office=upload.office,
        user=upload.user,
        name=upload.name,
        content=upload_content(upload),
        dry_run=True,
    )


@audit.authored
def import_confirm(*, upload: ImportUpload, user, digest: str) -> Outcome:
    """Import the stored file: every row or, when any row is wrong now, none
    (ImportRefused with the outcome). `digest` is the file the user saw previewed."""
    kind = kind_or_404(upload.kind)
    require(user, upload.office, kind.right)
    if upload.user_id != user.pk or digest != upload.digest:
        raise ValidationError(FILE_CHANGED, code="changed")
    content = upload_content(upload)
    note = f"นำเข้า{kind.title} จากไฟล์ {upload.name}"
    with transaction.atomic(), audit.acting(note=note):
        outcome = run(
            kind,
            office=upload.office,
            user=user,
            name=upload.name,
            content=content,
            dry_run=False,
        )
        if not outcome.ok:
            raise ImportRefused(outcome)
        _forget([upload])
    return outcome
