"""The import pages as a person uses them, for the tests of every kind: download a file,
upload it, read the preview's outcome, confirm it."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from plans.imports.running import Outcome
from plans.models import ImportUpload, Office


def url(name: str, kind: str, office: Office, extra: str = "") -> str:
    return f"{reverse(name, kwargs={'kind': kind})}?office={office.code}{extra}"


def download(client, kind: str, office: Office, year: int = 2565) -> bytes:
    response = client.get(url("imports:export", kind, office, f"&year={year}"))
    assert response.status_code == 200, response.status_code
    return response.content


def preview(client, kind: str, office: Office, content: bytes, name: str = "file.xlsx") -> Outcome:
    """Upload `content` and return the preview's outcome (nothing written yet)."""
    file = SimpleUploadedFile(name, content)
    response = client.post(
        url("imports:upload", kind, office), {"file": file, "office": office.code}
    )
    assert response.status_code == 302, response.content[:500]
    return client.get(url("imports:preview", kind, office)).context["outcome"]


def confirm(client, kind: str, office: Office):
    digest = ImportUpload.objects.get(kind=kind, office=office).digest
    return client.post(
        url("imports:preview", kind, office), {"digest": digest, "office": office.code}
    )


def import_file(client, kind: str, office: Office, content: bytes) -> Outcome:
    """Preview, assert it is clean, confirm; the confirmation's outcome is the preview's."""
    outcome = preview(client, kind, office, content)
    assert outcome.ok, outcome.refused or [
        (i.number, i.column, i.value, i.message) for i in outcome.issues[:8]
    ]
    response = confirm(client, kind, office)
    assert response.status_code == 302
    assert not ImportUpload.objects.filter(kind=kind, office=office).exists()
    return outcome


def issues(outcome: Outcome) -> list[tuple[int | None, str, str]]:
    return [(i.number, i.column, i.message) for i in outcome.issues]


def xlsx(headers: Sequence[str], rows: Iterable[dict[str, Any]], *, sheet: str = "ข้อมูล") -> bytes:
    book = Workbook()
    book.active.title = sheet
    book.active.append(list(headers))
    for row in rows:
        book.active.append([row.get(h, "") for h in headers])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
