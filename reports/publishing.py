"""Publishing a plan's documents for the public: the services (publish, withdraw, the task's
render) and the reads of the signed-in publishing page and of the public pages.

- **What may be published**: any document of the registry (reports/documents.py). The
  documents print approved data only: the annual report reads indicator results and ledger
  entries that only the approval of a quarterly report (or finance's own entries) writes,
  and its narrative is compiled from approved reports (progress/narrative.py); drafts,
  submitted and returned reports are never read. A document added to the registry must keep
  to that rule; publishing prints whatever the document prints.
- **Who**: those who manage the plan (``Right.MANAGE_PLAN``: the policy-and-planning group,
  the office's administrator), checked by the pages and again here.
- **A snapshot**: publishing stores the PDF as it is at that moment (``Publication.file``);
  later edits of the data change nothing public until the document is published again,
  which adds a new version (older versions stay, listed on the publishing page). The
  public address serves the newest published version; once it is withdrawn (a reason is
  required) the address answers 410 with the date and the reason, until it is published
  again.
- **Without holding a request**: a document is rendered by a task of the queue
  (``reports.tasks.publication_render``; the version is "pending" meanwhile, and the
  version published before stays public). The annual report is not rendered again when a
  finished PDF job (``ReportJob``) exists for the office's current data version: its file
  is copied at once. Publishing a document whose published version was made from the
  current data does nothing (it is already the document as it stands).
- **History**: publishing and withdrawing are entries of the audit trail with who, when and
  why (``plans.audit.record``), in the office's history page and on the publishing page.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from plans import audit, thai, versions
from plans.access import Right, require
from plans.history import HistoryLine, history_of, lines
from plans.models import Office, Plan
from reports.documents import ANNUAL_REPORT, DOCUMENTS, Document, document, document_or_404
from reports.models import Publication, ReportJob

logger = logging.getLogger(__name__)

NO_SUCH_DOCUMENT = "ไม่พบเอกสารนี้ในรายการเอกสารที่เผยแพร่ได้"
REASON_REQUIRED = "กรุณาระบุเหตุผลที่ถอนการเผยแพร่"
NOT_PUBLISHED = "เอกสารฉบับนี้ไม่ได้เผยแพร่อยู่ จึงถอนการเผยแพร่ไม่ได้"
FAILED_MESSAGE = "จัดทำไฟล์เพื่อเผยแพร่ไม่สำเร็จ กรุณาสั่งเผยแพร่อีกครั้ง หากยังไม่สำเร็จโปรดแจ้งผู้ดูแลระบบ"
INTERRUPTED_MESSAGE = "การจัดทำไฟล์ถูกขัดจังหวะ (เครื่องประมวลผลหยุดทำงาน) กรุณาสั่งเผยแพร่อีกครั้ง"
PUBLISHED_NOTE = "เผยแพร่ต่อสาธารณะ (เปิดได้โดยไม่ต้องเข้าสู่ระบบ)"
# A version still pending after this long lost its worker: a new request replaces it.
PENDING_STALE = timedelta(minutes=15)


# -- writes -------------------------------------------------------------------------------


def _document_or_error(slug: str) -> Document:
    found = document(slug)
    if found is None:
        raise ValidationError(NO_SUCH_DOCUMENT, code="no_such_document")
    return found


def _current(plan: Plan, slug: str) -> Publication | None:
    """The version the public address serves (or answers 410 for, once withdrawn)."""
    return Publication.objects.published().filter(plan=plan, document=slug).first()


@transaction.atomic
@audit.authored
def publish(*, plan: Plan, slug: str, user) -> Publication:
    """Publish the plan's document ``slug``: the version being made (pending, rendered by
    the task queue), or the one published at once (a copy of the annual report's finished
    PDF of the current data), or the current version when it was made from the current data
    already."""
    require(user, plan.office, Right.MANAGE_PLAN)
    found = _document_or_error(slug)
    # One publishing request per plan at a time decides whether to join or start.
    Plan.objects.select_for_update().filter(pk=plan.pk).values_list("pk").first()
    version = versions.data_version(plan.office_id)
    publications_recover(plan=plan)  # a version its worker left is failed, not joined
    pending = Publication.objects.filter(
        plan=plan, document=slug, status=Publication.Status.PENDING
    ).first()
    if pending is not None:
        return pending
    current = _current(plan, slug)
    if current is not None and not current.is_withdrawn and current.data_version == version:
        return current
    publication = Publication(plan=plan, document=slug, requested_by=user)
    publication.full_clean()
    publication.save()
    audit.record(
        publication,
        user=user,
        note=PUBLISHED_NOTE,
        action=audit.Action.PUBLISH,
        changes={"document": [None, found.title]},
    )
    ready = _finished_report_job(plan, slug, version)
    if ready is not None:
        with ready.file.open("rb") as stored:
            _store(publication, found, stored.read(), ready.data_version)
    else:
        from reports.tasks import publication_render

        publication_render.enqueue(publication_id=publication.pk)
        publication.refresh_from_db()  # the immediate backend has rendered it already
    return publication


def _finished_report_job(plan: Plan, slug: str, version: str) -> ReportJob | None:
    """The annual report's finished PDF of the current data, if a job made one."""
    if slug != ANNUAL_REPORT:
        return None
    return (
        ReportJob.objects.filter(plan=plan, status=ReportJob.Status.DONE, data_version=version)
        .exclude(file="")
        .order_by("-pk")
        .first()
    )


def _store(publication: Publication, found: Document, pdf: bytes, data_version: str) -> None:
    publication.file.save(found.filename(publication.plan, "pdf"), ContentFile(pdf), save=False)
    publication.size = len(pdf)
    publication.sha256 = hashlib.sha256(pdf).hexdigest()
    publication.data_version = data_version
    publication.status = Publication.Status.PUBLISHED
    publication.published_at = timezone.now()
    publication.full_clean()
    publication.save()


def publications_recover(*, plan: Plan | None = None) -> int:
    """End as failed (Thai message: publish again) every version pending for longer than
    PENDING_STALE, whose render a stopped worker left (a render takes seconds): when a
    worker starts and when the publishing page is read, so none stays pending for ever."""
    stale = Publication.objects.filter(
        status=Publication.Status.PENDING, requested_at__lt=timezone.now() - PENDING_STALE
    )
    if plan is not None:
        stale = stale.filter(plan=plan)
    return stale.update(status=Publication.Status.FAILED, error=INTERRUPTED_MESSAGE)


def publication_run(*, publication_id: int) -> Publication | None:
    """Render a pending version and publish it (what the task runs); a failure is kept on
    the version with a Thai message. None when it is not pending (a second run)."""
    with transaction.atomic():
        publication = (
            Publication.objects.select_for_update()
            .select_related("plan__office", "plan__fiscal_year")
            .filter(pk=publication_id, status=Publication.Status.PENDING)
            .first()
        )
        if publication is None:
            return None
        # Read before the document's data: a change committed meanwhile makes the file
        # newer than its version (offered for publishing again), never older.
        version = versions.data_version(publication.plan.office_id)
    try:
        found = _document_or_error(publication.document)
        pdf = found.pdf(publication.plan)
        with transaction.atomic():
            still = Publication.objects.select_for_update().filter(
                pk=publication_id, status=Publication.Status.PENDING
            )
            if still.exists():
                _store(publication, found, pdf, version)
            else:  # replaced meanwhile (it was taken for lost)
                logger.warning("publication %s was replaced while rendering", publication_id)
    except Exception:
        logger.exception("publication %s failed", publication_id)
        Publication.objects.filter(pk=publication_id, status=Publication.Status.PENDING).update(
            status=Publication.Status.FAILED, error=FAILED_MESSAGE
        )
    publication.refresh_from_db()
    return publication


def published_version(plan: Plan, slug: str) -> Publication:
    """The version the public address serves, for withdrawing it; 404 when none is."""
    current = _current(plan, slug)
    if current is None or current.is_withdrawn:
        raise Http404(NOT_PUBLISHED)
    return current


@transaction.atomic
@audit.authored
def withdraw(*, publication: Publication, user, reason: str) -> Publication:
    """Withdraw the published version from the public address, for ``reason`` (required):
    the address then answers 410 with the date and the reason."""
    reason = (reason or "").strip()
    require(user, publication.plan.office, Right.MANAGE_PLAN)
    if not reason:
        raise ValidationError(REASON_REQUIRED, code="reason_required")
    locked = Publication.objects.select_for_update().get(pk=publication.pk)
    current = _current(locked.plan, locked.document)
    if current is None or current.pk != locked.pk or locked.is_withdrawn:
        raise ValidationError(NOT_PUBLISHED, code="not_published")
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by = user
    locked.withdraw_reason = reason
    locked.full_clean()
    locked.save()
    audit.record(
        locked,
        user=user,
        note=reason,
        action=audit.Action.WITHDRAW,
        changes={"withdrawn_at": [None, locked.withdrawn_at]},
    )
    return locked


# -- reads of the publishing page -----------------------------------------------------------


@dataclass(frozen=True)
class DocumentState:
    """One document of the registry on the publishing page."""

    document: Document
    current: Publication | None  # the version the public address serves (or withdrew)
    pending: Publication | None  # being rendered
    failed: Publication | None  # the last attempt, when it failed after the current one
    versions: list[Publication]  # every published version, newest first
    outdated: bool  # the data changed since the current version was made
    public_path: str


def publishing_states(plan: Plan) -> tuple[list[DocumentState], list[HistoryLine]]:
    """Each document of the registry with its versions, and the history of publishing and
    withdrawing of the plan (three queries, however many versions)."""
    rows = list(
        Publication.objects.filter(plan=plan)
        .select_related("requested_by", "withdrawn_by", "plan__fiscal_year")
        .order_by("-pk")
    )
    version = versions.data_version(plan.office_id)
    states = []
    for found in DOCUMENTS.values():
        mine = [p for p in rows if p.document == found.slug]
        published = [p for p in mine if p.status == Publication.Status.PUBLISHED]
        current = published[0] if published else None
        pending = next((p for p in mine if p.status == Publication.Status.PENDING), None)
        failed = mine[0] if mine and mine[0].status == Publication.Status.FAILED else None
        states.append(
            DocumentState(
                document=found,
                current=current,
                pending=pending,
                failed=failed,
                versions=published,
                outdated=current is not None and current.data_version != version,
                public_path=public_document_path(plan.office.code, plan.fiscal_year.year, found),
            )
        )
    entries = history_of(Publication, [p.pk for p in rows], office_id=plan.office_id)
    return states, lines(entries)


def public_document_path(code: str, year: int, found: Document) -> str:
    from django.urls import reverse

    return reverse("public:document", args=[code, year, found.slug])


# -- reads of the public pages ------------------------------------------------------------


@dataclass(frozen=True)
class PublicDocument:
    title: str
    slug: str
    path: str
    published_at: datetime
    size: int
    withdrawn_at: datetime | None
    withdraw_reason: str


@dataclass(frozen=True)
class PublicYear:
    year: int
    documents: list[PublicDocument]

    @property
    def label(self) -> str:
        return thai.fiscal_year_label(self.year)


def public_office(code: str) -> Office:
    office = Office.objects.filter(code=code).first()
    if office is None:
        raise Http404("ไม่พบสำนักงานนี้")
    return office


def public_years(office: Office) -> list[PublicYear]:
    """The office's years with a published document (withdrawn ones included, said so),
    newest first; each document's current version only, in the registry's order (one
    query)."""
    rows = (
        Publication.objects.published()
        .filter(plan__office=office)
        .values(
            "pk",
            "document",
            "plan__fiscal_year__year",
            "published_at",
            "size",
            "withdrawn_at",
            "withdraw_reason",
        )
    )
    current: dict[tuple[int, str], dict] = {}
    for row in rows:
        current.setdefault((row["plan__fiscal_year__year"], row["document"]), row)
    order = {slug: index for index, slug in enumerate(DOCUMENTS)}
    years: dict[int, list[PublicDocument]] = {}
    for (year, slug), row in sorted(current.items(), key=lambda i: order.get(i[0][1], 99)):
        found = document(slug)
        if found is None:  # taken out of the registry: no longer offered
            continue
        years.setdefault(year, []).append(
            PublicDocument(
                title=found.title,
                slug=slug,
                path=public_document_path(office.code, year, found),
                published_at=row["published_at"],
                size=row["size"],
                withdrawn_at=row["withdrawn_at"],
                withdraw_reason=row["withdraw_reason"],
            )
        )
    return [PublicYear(year, docs) for year, docs in sorted(years.items(), reverse=True)]


def public_year(office: Office, year: int) -> PublicYear:
    found = next((y for y in public_years(office) if y.year == year), None)
    if found is None:
        raise Http404("ไม่พบเอกสารที่เผยแพร่ของปีนี้")
    return found


def public_publication(code: str, year: int, slug: str) -> Publication:
    """The version the document's public address serves or answers 410 for (one query);
    404 for an office, year or document never published."""
    document_or_404(slug)
    publication = (
        Publication.objects.published()
        .filter(plan__office__code=code, plan__fiscal_year__year=year, document=slug)
        .select_related("plan__office", "plan__fiscal_year")
        .first()
    )
    if publication is None:
        raise Http404("ไม่พบเอกสารนี้")
    return publication
