"""Factories of the progress tests: a project ready to report on, reports, what the report
page's form posts, a small PNG."""

import re
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from progress.forms import VALUE_ROW_FIELDS
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


ROW_KEY = re.compile(rf"({'|'.join(VALUE_ROW_FIELDS)}|amount)_(\w+)")


def report_rows(project, fields: dict) -> dict:
    """What the report page's form posts for `fields` keyed by the report's keys (the
    narrative's names, `version`, `action`; `value_<pk>`, `unit_<pk>`, `count_<pk>`,
    `count_unit_<pk>`, `shortfall_<pk>` of an indicator; `amount_<pk>` of an activity,
    `amount_project`): one row per indicator and one per activity (the project as a whole
    when it has none) in the page's order, each with its key, and each formset's management
    form, as a browser sends them."""
    indicators = list(project.indicators.order_by("order"))
    activities = list(project.activities.order_by("number"))
    if not activities or "amount_project" in fields:
        activities.append(None)
    data = {name: value for name, value in fields.items() if not ROW_KEY.fullmatch(name)}
    for prefix, keys, names in (
        ("values", [str(i.pk) for i in indicators], VALUE_ROW_FIELDS),
        ("amounts", [str(a.pk) if a else "project" for a in activities], ("amount",)),
    ):
        data |= {
            f"{prefix}-TOTAL_FORMS": str(len(keys)),
            f"{prefix}-INITIAL_FORMS": str(len(keys)),
        }
        for index, key in enumerate(keys):
            data[f"{prefix}-{index}-key"] = key
            for name in names:
                if f"{name}_{key}" in fields:
                    data[f"{prefix}-{index}-{name}"] = fields[f"{name}_{key}"]
    return data


def png_bytes(size=(8, 8), color=(11, 92, 171), fmt="PNG") -> bytes:
    out = BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def png_upload(name="photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")
