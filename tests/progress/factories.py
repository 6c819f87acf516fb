"""Factories of the progress tests: a project ready to report on, reports, a small PNG."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from progress.models import QuarterlyReport
from tests import factories


def reportable_project(plan, group, number=1, *, budget="10000"):
    """A project with one activity and two indicators (a rate and a count that adds up)."""
    project = factories.project(plan, number, group=group, budget=budget)
    activity = factories.activity(project, 1, name="อบรมครู")
    factories.indicator(project, 1, target="80", unit="ร้อยละ")
    factories.indicator(project, 2, activity=activity, target="100", unit="คน", aggregation="sum")
    return project


def report(project, quarter=1, *, status=QuarterlyReport.Status.DRAFT, version=1, **fields):
    return QuarterlyReport.objects.create(
        project=project, quarter=quarter, status=status, version=version, **fields
    )


def png_bytes(size=(8, 8), color=(11, 92, 171), fmt="PNG") -> bytes:
    out = BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def png_upload(name="photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")
