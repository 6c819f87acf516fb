"""A photo is limited by pixels as well as bytes: the 12 KB PNG of 100 million pixels is
refused on the quarterly report page with a Thai message, and nothing is saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plans.files import TOO_MANY_PIXELS
from progress.models import QuarterlyReport, ReportPhoto
from tests import factories
from tests.progress.test_views import field_errors, form_data, report_url

pytestmark = pytest.mark.django_db


def test_a_100_megapixel_png_is_refused_and_nothing_saved(
    client, staff_user, project, indicators, activity, media_root
):
    bomb = SimpleUploadedFile("photo.png", factories.huge_png(), content_type="image/png")
    assert bomb.size < 20_000
    client.force_login(staff_user)
    data = form_data(indicators, activity, photo=bomb, photo_caption="ภาพการอบรม")
    response = client.post(report_url(project), data)
    assert response.status_code == 200
    assert field_errors(response.content.decode(), "photo") == [TOO_MANY_PIXELS]
    assert not QuarterlyReport.objects.filter(project=project).exists()
    assert not ReportPhoto.objects.filter(report__project=project).exists()
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))
