"""Downloads of uploaded and generated files, each behind the user's right to its office.

Every view fetches the owning object through a user-scoped queryset (another office's
file, or a user with no office, is a 404) and serves it with plans.files'
private_file_response: images inline, report PDFs as attachments. Reports owns these views
because it sits on top and may read every app (photos of progress and of projects, the
highlights' figures and its own PDFs)."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.http import Http404
from django.shortcuts import get_object_or_404

from plans.files import private_file_response
from plans.models import Office, Plan
from progress.models import ReportPhoto
from projects.models import HighlightFigure, Project, ProjectPhoto
from reports.models import Publication, ReportJob


def _image_response(request, image, name: str):
    suffix = PurePosixPath(image.name).suffix.lower()
    return private_file_response(request, image, download_name=f"{name}{suffix}", attachment=False)


def progress_photo_file(request, pk: int):
    """A photo of a quarterly report, for whoever may read the report's project."""
    photo = get_object_or_404(
        ReportPhoto.objects.filter(report__project__in=Project.objects.visible_to(request.user)),
        pk=pk,
    )
    return _image_response(request, photo.image, f"progress-photo-{photo.pk}")


def project_photo_file(request, pk: int):
    """An activity photo of a project (printed in the annual report)."""
    photo = get_object_or_404(
        ProjectPhoto.objects.filter(project__in=Project.objects.visible_to(request.user)), pk=pk
    )
    return _image_response(request, photo.image, f"project-photo-{photo.pk}")


def highlight_figure_file(request, pk: int):
    """A figure of one of the year's highlighted achievements."""
    figure = get_object_or_404(
        HighlightFigure.objects.filter(highlight__plan__in=Plan.objects.visible_to(request.user)),
        pk=pk,
    )
    return _image_response(request, figure.image, f"highlight-figure-{figure.pk}")


def report_job_response(request, job: ReportJob):
    """The finished PDF of a job the caller fetched through the user's plans."""
    if job.status != ReportJob.Status.DONE or not job.file:
        raise Http404("รายงานฉบับนี้ยังไม่พร้อมดาวน์โหลด")
    plan = job.plan
    return private_file_response(
        request,
        job.file,
        download_name=f"annual-report-{plan.office.code}-{plan.fiscal_year.year}.pdf",
        attachment=True,
        content_type="application/pdf",
    )


def report_pdf_file(request, pk: int):
    """A generated annual-report PDF, for whoever may read its plan."""
    job = get_object_or_404(
        ReportJob.objects.filter(plan__in=Plan.objects.visible_to(request.user)).select_related(
            "plan__office", "plan__fiscal_year"
        ),
        pk=pk,
    )
    return report_job_response(request, job)


def publication_file(request, pk: int):
    """Any published version of a document (withdrawn and older ones too), for whoever may
    read its plan: the publishing page's list of versions."""
    publication = get_object_or_404(
        Publication.objects.published()
        .filter(plan__in=Plan.objects.visible_to(request.user))
        .select_related("plan__office", "plan__fiscal_year"),
        pk=pk,
    )
    plan = publication.plan
    return private_file_response(
        request,
        publication.file,
        download_name=f"{plan.office.code}-{publication.document}-{plan.fiscal_year.year}"
        f"-{publication.pk}.pdf",
        attachment=True,
        content_type="application/pdf",
    )


def office_emblem_file(request, pk: int):
    """The office's emblem (the report's cover), for its members."""
    office = get_object_or_404(Office.objects.visible_to(request.user), pk=pk)
    if not office.emblem:
        raise Http404("ไม่พบไฟล์")
    return _image_response(request, office.emblem, f"office-emblem-{office.pk}")


def office_map_file(request, pk: int):
    """The map of the office's location (chapter 2), for its members."""
    office = get_object_or_404(Office.objects.visible_to(request.user), pk=pk)
    if not office.location_map:
        raise Http404("ไม่พบไฟล์")
    return _image_response(request, office.location_map, f"office-map-{office.pk}")
